package dev.glosa.io.dbf;

import dev.glosa.core.table.GlosaTable;
import java.util.Objects;

/**
 * A table read from one DBF or DBC file, with what the read found.
 *
 * @param table the records, one column per field
 * @param report counts, CRC status and warnings of the read
 */
public record DbfTable(GlosaTable table, DbfReadReport report) {

    /**
     * Checks both parts are present.
     *
     * @param table as {@link #table()}
     * @param report as {@link #report()}
     */
    public DbfTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(report, "report");
    }
}
