package dev.glosa.io.tiss;

/** The level of a demonstrativo at which a glosa was given or a total was declared. */
public enum TissLevel {
    /** An item of a guide ({@code detalhesGuia}). */
    ITEM("item"),
    /** A guide ({@code relacaoGuias}). */
    GUIDE("guide"),
    /** A protocol, the batch the provider sent ({@code dadosProtocolo}). */
    PROTOCOL("protocol"),
    /** The whole demonstrativo ({@code demonstrativoAnaliseConta}); totals only, never a glosa row. */
    STATEMENT("statement");

    private final String label;

    TissLevel(String label) {
        this.label = label;
    }

    /** {@return the text written in the {@code glosa_level} column and in reports} */
    public String label() {
        return label;
    }
}
