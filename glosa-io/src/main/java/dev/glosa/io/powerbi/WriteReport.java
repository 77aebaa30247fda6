package dev.glosa.io.powerbi;

import java.nio.file.Path;
import java.util.List;

/**
 * What one write of the star schema did, table by table.
 *
 * @param folder the output folder
 * @param runId the run's id
 * @param tables one entry per file written: the five tables, then {@code manifest.json}
 */
public record WriteReport(Path folder, String runId, List<TableReport> tables) {

    /**
     * Copies the list.
     *
     * @param folder as {@link #folder()}
     * @param runId as {@link #runId()}
     * @param tables as {@link #tables()}
     */
    public WriteReport {
        tables = List.copyOf(tables);
    }

    /**
     * {@return the entry of {@code file}, e.g. {@code fact_glosa.csv}}
     *
     * @param file the table's file name
     */
    public TableReport table(String file) {
        for (TableReport t : tables) {
            if (t.file().equals(file)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no table '" + file + "'; the report has " + tables);
    }

    /**
     * The rows of one table.
     *
     * @param file the file name
     * @param rowsWritten rows this run wrote
     * @param rowsReplaced rows of an earlier run for the same {@code as_of} that were replaced
     * @param rowsTotal rows in the file now, history included
     */
    public record TableReport(String file, long rowsWritten, long rowsReplaced, long rowsTotal) {}
}
