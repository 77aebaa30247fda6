package dev.glosa.core.run;

import java.util.List;
import java.util.Objects;

/**
 * What a source hands to the pipeline: the rows, and what the run must record and say about them.
 *
 * @param rows the rows, by kind
 * @param inputs every input read, with its SHA-256 and rows, for {@code runs.csv}
 * @param rowsRead the rows read from the inputs, rejected ones included
 * @param rowsRejected the rows quarantined by the reader, counted in {@code runs.csv}
 * @param warnings what the analyst should know about the inputs, one sentence each
 * @param sideTables the tables the source adds to the outputs beside the star schema (none for most sources)
 */
public record SourceBatch(
        SourceRows rows,
        List<RunRecord.Input> inputs,
        long rowsRead,
        long rowsRejected,
        List<String> warnings,
        List<SideTable> sideTables) {

    /**
     * A batch with no side table.
     *
     * @param rows the rows, by kind
     * @param inputs every input read
     * @param rowsRead the rows read, rejected ones included
     * @param rowsRejected the rows quarantined
     * @param warnings what the analyst should know about the inputs
     */
    public SourceBatch(
            SourceRows rows, List<RunRecord.Input> inputs, long rowsRead, long rowsRejected, List<String> warnings) {
        this(rows, inputs, rowsRead, rowsRejected, warnings, List.of());
    }

    /**
     * Checks the counts and copies the lists.
     *
     * @param rows as {@link #rows()}
     * @param inputs as {@link #inputs()}
     * @param rowsRead as {@link #rowsRead()}
     * @param rowsRejected as {@link #rowsRejected()}
     * @param warnings as {@link #warnings()}
     * @param sideTables as {@link #sideTables()}
     */
    public SourceBatch {
        Objects.requireNonNull(rows, "rows");
        inputs = List.copyOf(inputs);
        warnings = List.copyOf(warnings);
        sideTables = List.copyOf(sideTables);
        if (rowsRead < 0 || rowsRejected < 0 || rowsRejected > rowsRead) {
            throw new IllegalArgumentException("need 0 <= rowsRejected <= rowsRead, found rowsRead=" + rowsRead
                    + ", rowsRejected=" + rowsRejected);
        }
    }
}
