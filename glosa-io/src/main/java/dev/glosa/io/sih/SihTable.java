package dev.glosa.io.sih;

import dev.glosa.core.table.GlosaTable;
import java.util.List;
import java.util.Objects;

/**
 * The rows of one SIH system read from one or more files, in the order of the files given.
 *
 * @param system the file family
 * @param table the rows, with the canonical role columns
 * @param files one report per file, in the order of the files given
 */
public record SihTable(SihSystem system, GlosaTable table, List<SihFileReport> files) {

    /**
     * Checks the parts and copies the reports.
     *
     * @param system as {@link #system()}
     * @param table as {@link #table()}
     * @param files as {@link #files()}
     */
    public SihTable {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(table, "table");
        files = List.copyOf(files);
    }
}
