package dev.glosa.io.csv;

import java.util.Locale;

/** How numbers are written in a CSV file. */
public enum NumberStyle {
    /** Decided per column from the first rows of the file; see {@link CsvReader}. */
    AUTO,
    /** Brazilian: {@code 1.234,56} ({@code .} groups thousands, {@code ,} is the decimal mark). */
    PT_BR,
    /** Plain: {@code 1234.56} ({@code .} is the decimal mark, {@code ,} may group thousands). */
    PLAIN;

    /**
     * {@return the style named {@code text}: {@code auto}, {@code pt-BR} or {@code plain} (case-insensitive)}
     *
     * @param text the style's name
     */
    public static NumberStyle parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("number format must be auto, pt-BR or plain, found null");
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "pt-br", "pt_br" -> PT_BR;
            case "plain" -> PLAIN;
            default ->
                throw new IllegalArgumentException("number format must be auto, pt-BR or plain, found '" + text + "'");
        };
    }

    /** {@return the name used in mapping files: {@code auto}, {@code pt-BR} or {@code plain}} */
    public String label() {
        return switch (this) {
            case AUTO -> "auto";
            case PT_BR -> "pt-BR";
            case PLAIN -> "plain";
        };
    }
}
