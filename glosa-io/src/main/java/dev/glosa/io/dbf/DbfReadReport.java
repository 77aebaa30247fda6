package dev.glosa.io.dbf;

import java.util.List;
import java.util.Objects;

/**
 * What reading one DBF or DBC file found.
 *
 * @param file the file name as given to the reader
 * @param format the container format
 * @param recordsDeclared the record count in the header
 * @param recordsRead the live records delivered (deleted ones excluded)
 * @param deleted the records flagged deleted ({@code *}) and skipped
 * @param crc the outcome of the CRC-32 check
 * @param warnings problems that did not stop the read, one line each (never {@code null})
 */
public record DbfReadReport(
        String file,
        DbfFormat format,
        long recordsDeclared,
        long recordsRead,
        long deleted,
        CrcStatus crc,
        List<String> warnings) {

    /**
     * Checks the report and copies the warnings.
     *
     * @param file as {@link #file()}
     * @param format as {@link #format()}
     * @param recordsDeclared as {@link #recordsDeclared()}
     * @param recordsRead as {@link #recordsRead()}
     * @param deleted as {@link #deleted()}
     * @param crc as {@link #crc()}
     * @param warnings as {@link #warnings()}
     */
    public DbfReadReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(crc, "crc");
        warnings = List.copyOf(warnings);
    }

    /** {@return records found in the data, live and deleted} */
    public long recordsInData() {
        return recordsRead + deleted;
    }
}
