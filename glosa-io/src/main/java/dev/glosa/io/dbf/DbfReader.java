package dev.glosa.io.dbf;

import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import dev.glosa.core.table.TableBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a whole DBF or DATASUS DBC file into a {@link GlosaTable}, one column per field under the field's name.
 *
 * <p>Types: {@code C} becomes a dictionary-encoded category (spaces around removed, blank = missing);
 * {@code N} without decimals and at most 18 wide becomes a {@code long} column, other {@code N} and {@code F}
 * a {@code double} column; {@code D} a date column; {@code L} a category of {@code "T"}/{@code "F"}. Numbers
 * and dates are parsed from the bytes, text is decoded once per distinct value. Deleted records are skipped.
 */
public final class DbfReader {

    /** Initial column capacity at most this; a corrupt record count must not allocate gigabytes up front. */
    private static final int MAX_INITIAL_ROWS = 1 << 16;

    private DbfReader() {}

    /**
     * Reads {@code file} with the default options (CP850, CRC mismatch fails).
     *
     * @param file the file
     * @throws IOException when the file cannot be read, or is corrupt ({@link MalformedFileException})
     * @return the records as a table, with the header
     */
    public static DbfTable read(Path file) throws IOException {
        return read(file, DbfReadOptions.defaults());
    }

    /**
     * Reads {@code file}; the format follows the extension ({@code .dbc} or not).
     *
     * @param file the file
     * @param options the charset and the CRC policy
     * @throws IOException when the file cannot be read, or is corrupt ({@link MalformedFileException})
     * @return the records as a table, with the header
     */
    public static DbfTable read(Path file, DbfReadOptions options) throws IOException {
        try (DbfCursor cursor = DbfCursor.open(file, options)) {
            return read(cursor);
        }
    }

    /**
     * Reads the remaining records of an open cursor to its end; the caller closes the cursor.
     *
     * @param cursor an open cursor
     * @return the remaining records as a table, with the header
     * @throws MalformedFileException if the file is corrupt, or a field name is a role's column name but its
     *     type does not fit the role
     */
    public static DbfTable read(DbfCursor cursor) throws IOException {
        List<DbfField> fields = cursor.header().fields();
        int n = fields.size();
        TableBuilder tb = GlosaTable.builder((int) Math.min(cursor.header().recordCount(), MAX_INITIAL_ROWS));
        FieldColumn[] plan = new FieldColumn[n];
        for (int f = 0; f < n; f++) {
            DbfField field = fields.get(f);
            ColumnType type = FieldColumn.Kind.natural(field).type();
            for (Role role : Role.values()) {
                if (role.column().equals(field.name()) && role.type() != type) {
                    throw new MalformedFileException(
                            cursor.file(),
                            DbfHeader.BLOCK * (f + 1L),
                            "field " + field.describe()
                                    + " has the name of role " + role + ", which needs a " + role.type()
                                    + " column, but reads as " + type);
                }
            }
            plan[f] = FieldColumn.natural(field, f, tb);
        }
        while (cursor.next()) {
            for (FieldColumn c : plan) {
                c.append(cursor);
            }
        }
        return new DbfTable(tb.build(), cursor.report());
    }
}
