package dev.glosa.io.sih;

import dev.glosa.io.dbf.DbfReadReport;
import java.util.List;
import java.util.Objects;

/**
 * What reading one SIH file found.
 *
 * @param layout the recognised layout
 * @param read counts, CRC status and warnings of the DBF/DBC read
 * @param warnings SIH-level findings: layout differences, error codes missing from the code table
 */
public record SihFileReport(SihLayout layout, DbfReadReport read, List<String> warnings) {

    /**
     * Checks the report and copies the warnings.
     *
     * @param layout as {@link #layout()}
     * @param read as {@link #read()}
     * @param warnings as {@link #warnings()}
     */
    public SihFileReport {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(read, "read");
        warnings = List.copyOf(warnings);
    }

    /** {@return the file name, as given to the reader} */
    public String file() {
        return read.file();
    }
}
