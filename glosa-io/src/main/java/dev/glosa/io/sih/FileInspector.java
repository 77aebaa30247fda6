package dev.glosa.io.sih;

import dev.glosa.io.dbf.CrcStatus;
import dev.glosa.io.dbf.DbfCursor;
import dev.glosa.io.dbf.DbfFormat;
import dev.glosa.io.dbf.DbfReadOptions;
import dev.glosa.io.dbf.DbfReadReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes a DBF or DBC file without building a table: format, SIH layout, record counts, fields and CRC.
 *
 * <p>Every record is decoded (so the CRC-32 of a {@code .dbc} and the record count are checked), but no field
 * is parsed. A CRC mismatch is reported ({@code crcOk = false}), not thrown; any other problem is a
 * {@link dev.glosa.io.dbf.MalformedFileException} whose one-line message names the file and the byte offset.
 */
public final class FileInspector {

    private FileInspector() {}

    /**
     * Inspects {@code file}; the format follows the extension ({@code .dbc} or not).
     *
     * @param file the file
     * @throws IOException when the file cannot be read
     * @return what the file holds
     */
    public static FileInspection inspect(Path file) throws IOException {
        return inspect(file, DbfReadOptions.defaults());
    }

    /**
     * Inspects {@code file} with the given charset; a CRC mismatch is always only reported.
     *
     * @param file the file
     * @param options the charset
     * @throws IOException when the file cannot be read
     * @return what the file holds
     */
    public static FileInspection inspect(Path file, DbfReadOptions options) throws IOException {
        try (DbfCursor cursor = DbfCursor.open(file, options.reportingCrcMismatch())) {
            List<String> warnings = new ArrayList<>();
            SihLayouts.Era era =
                    SihLayouts.recognise(cursor.file(), cursor.header().fields(), warnings);
            while (cursor.next()) {
                // Decoding every record checks the data against the header and the CRC.
            }
            DbfReadReport report = cursor.report();
            warnings.addAll(0, report.warnings());
            Boolean crcOk = cursor.format() == DbfFormat.DBF ? null : report.crc() == CrcStatus.OK;
            return new FileInspection(
                    cursor.file(),
                    cursor.format(),
                    era == null ? null : era.layout(),
                    report.recordsDeclared(),
                    report.recordsRead(),
                    report.deleted(),
                    cursor.header().fields(),
                    crcOk,
                    warnings);
        }
    }
}
