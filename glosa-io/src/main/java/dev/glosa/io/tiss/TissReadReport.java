package dev.glosa.io.tiss;

import java.util.List;
import java.util.Map;

/**
 * What a TISS read found besides the rows: the files, the totals that do not add up, warnings, unknown reason codes
 * and how many appeals were joined. Nothing here stops a run; a file that cannot be read raises a
 * {@link TissFormatException} instead.
 *
 * @param files one summary per input, in input order
 * @param mismatches declared totals that differ from the sum of what they total, in file order
 * @param warnings one-line notes ({@code file:line: message}): glosas without a reason code, appeals that match no
 *     glosa, schema errors, other messages; at most {@link TissOptions#maxWarnings()}
 * @param warningsDropped how many warnings were counted but not kept
 * @param unknownReasonCodes reason codes missing from the Tabela 38 in use, with the number of rows of each, by code
 * @param appealsRead appeal lines read ({@code recursoGlosa}: one per item, guide or protocol appealed)
 * @param appealsMatched appeal lines joined to at least one glosa row
 * @param answersRead answer lines read ({@code respostaRecursoGlosa})
 * @param answersMatched answer lines joined to at least one glosa row
 * @param expiredReasonCodes reason codes the Tabela 38 in use has but not on the statement's issue date (used after
 *     their end of validity, or before their start), with the number of rows of each, by code
 * @param retiredReasonCodes reason codes only the TISS 3 table has (the latest edition dropped them), with the
 *     number of rows of each, by code
 */
public record TissReadReport(
        List<FileSummary> files,
        List<Mismatch> mismatches,
        List<String> warnings,
        int warningsDropped,
        Map<String, Integer> unknownReasonCodes,
        int appealsRead,
        int appealsMatched,
        int answersRead,
        int answersMatched,
        Map<String, Integer> expiredReasonCodes,
        Map<String, Integer> retiredReasonCodes) {

    /** What kind of TISS message a file held. */
    public enum FileKind {
        /** A demonstrativo de análise de conta (rows). */
        DEMONSTRATIVO,
        /** A recurso de glosa, the provider's appeal. */
        RECURSO_GLOSA,
        /** A resposta de recurso de glosa, the operator's answer to an appeal. */
        RESPOSTA_RECURSO,
        /** Any other TISS message (e.g. a demonstrativo de pagamento): nothing read from it. */
        OTHER
    }

    /**
     * The summary of one input.
     *
     * @param file the input's name
     * @param kind what the file held
     * @param version the TISS version of its header ({@code Padrao}), or {@code ""} when absent
     * @param statements demonstrativos read
     * @param protocols protocols read
     * @param guides guides read
     * @param items items read (including those without glosa)
     * @param rows rows added to the table
     * @param appeals appeal lines read
     * @param answers answer lines read
     * @param schemaErrors schema errors found (0 when not validated)
     */
    public record FileSummary(
            String file,
            FileKind kind,
            String version,
            int statements,
            int protocols,
            int guides,
            int items,
            int rows,
            int appeals,
            int answers,
            int schemaErrors) {

        /**
         * {@return this summary with the count of schema errors found by validating the file}
         *
         * @param schemaErrors the count
         */
        public FileSummary withSchemaErrors(int schemaErrors) {
            return new FileSummary(
                    file, kind, version, statements, protocols, guides, items, rows, appeals, answers, schemaErrors);
        }
    }

    /**
     * A declared total that differs from the sum of the rows it totals.
     *
     * @param file the input's name
     * @param line the line where the totalled element ends
     * @param level the level of the total
     * @param key what was totalled, e.g. {@code "statement DAC-1 / protocol P1 / guide G-1"}
     * @param measure {@code billed} (valorInformado), {@code processed}, {@code paid} (valorLiberado) or {@code glosa}
     * @param declared the total as the operator declared it
     * @param computed the sum of the rows under it as read
     */
    public record Mismatch(
            String file, long line, TissLevel level, String key, String measure, double declared, double computed) {
        /** {@return {@code declared - computed}, rounded to cents} */
        public double difference() {
            return Math.round((declared - computed) * 100.0) / 100.0;
        }
    }

    /**
     * Makes the lists and map unmodifiable.
     *
     * @param files as {@link #files()}
     * @param mismatches as {@link #mismatches()}
     * @param warnings as {@link #warnings()}
     * @param warningsDropped as {@link #warningsDropped()}
     * @param unknownReasonCodes as {@link #unknownReasonCodes()}
     * @param appealsRead as {@link #appealsRead()}
     * @param appealsMatched as {@link #appealsMatched()}
     * @param answersRead as {@link #answersRead()}
     * @param answersMatched as {@link #answersMatched()}
     * @param expiredReasonCodes as {@link #expiredReasonCodes()}
     * @param retiredReasonCodes as {@link #retiredReasonCodes()}
     */
    public TissReadReport {
        files = List.copyOf(files);
        mismatches = List.copyOf(mismatches);
        warnings = List.copyOf(warnings);
        unknownReasonCodes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(unknownReasonCodes));
        expiredReasonCodes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(expiredReasonCodes));
        retiredReasonCodes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(retiredReasonCodes));
    }

    /** {@return whether nothing was reported: no mismatch, no warning, no unknown, expired or retired code} */
    public boolean clean() {
        return mismatches.isEmpty()
                && warnings.isEmpty()
                && warningsDropped == 0
                && unknownReasonCodes.isEmpty()
                && expiredReasonCodes.isEmpty()
                && retiredReasonCodes.isEmpty();
    }

    /**
     * {@return the mismatches at {@code level}}
     *
     * @param level the level
     */
    public List<Mismatch> mismatches(TissLevel level) {
        return mismatches.stream().filter(m -> m.level() == level).toList();
    }
}
