package dev.glosa.io.dbf;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.Role;
import dev.glosa.core.table.TableBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
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

    private static final int TEXT = 0;
    private static final int LONG = 1;
    private static final int DOUBLE = 2;
    private static final int DATE = 3;
    private static final int LOGICAL = 4;
    /** Initial column capacity at most this; a corrupt record count must not allocate gigabytes up front. */
    private static final int MAX_INITIAL_ROWS = 1 << 16;

    private DbfReader() {
    }

    /** Reads {@code file} with the default options (CP850, CRC mismatch fails). */
    public static DbfTable read(Path file) throws IOException {
        return read(file, DbfReadOptions.defaults());
    }

    /** Reads {@code file}; the format follows the extension ({@code .dbc} or not). */
    public static DbfTable read(Path file, DbfReadOptions options) throws IOException {
        try (DbfCursor cursor = DbfCursor.open(file, options)) {
            return read(cursor);
        }
    }

    /**
     * Reads the remaining records of an open cursor to its end; the caller closes the cursor.
     *
     * @throws MalformedFileException if the file is corrupt, or a field name is a role's column name but its
     *     type does not fit the role
     */
    public static DbfTable read(DbfCursor cursor) throws IOException {
        List<DbfField> fields = cursor.header().fields();
        int n = fields.size();
        int[] kind = new int[n];
        TableBuilder tb = GlosaTable.builder((int) Math.min(cursor.header().recordCount(), MAX_INITIAL_ROWS));
        Object[] builders = new Object[n];
        for (int f = 0; f < n; f++) {
            DbfField field = fields.get(f);
            kind[f] = kindOf(field);
            ColumnType type = columnType(kind[f]);
            for (Role role : Role.values()) {
                if (role.column().equals(field.name()) && role.type() != type) {
                    throw new MalformedFileException(cursor.file(), DbfHeader.BLOCK * (f + 1L), "field " + field.describe()
                            + " has the name of role " + role + ", which needs a " + role.type()
                            + " column, but reads as " + type);
                }
            }
            builders[f] = switch (kind[f]) {
                case LONG -> tb.longs(field.name());
                case DOUBLE -> tb.doubles(field.name());
                case DATE -> tb.dates(field.name());
                default -> tb.category(field.name());
            };
        }
        int[][] codeOfId = new int[n][];
        for (int f = 0; f < n; f++) {
            codeOfId[f] = new int[0];
        }
        while (cursor.next()) {
            for (int f = 0; f < n; f++) {
                switch (kind[f]) {
                    case TEXT -> {
                        CategoryColumn.Builder b = (CategoryColumn.Builder) builders[f];
                        int id = cursor.textId(f);
                        if (id < 0) {
                            b.addMissing();
                        } else {
                            int[] map = codeOfId[f];
                            if (id >= map.length) {
                                int old = map.length;
                                map = Arrays.copyOf(map, Math.max(16, Math.max(id + 1, old * 2)));
                                Arrays.fill(map, old, map.length, -1);
                                codeOfId[f] = map;
                            }
                            int code = map[id];
                            if (code < 0) {
                                code = b.codeFor(cursor.textOfId(f, id));
                                map[id] = code;
                            }
                            b.addCode(code);
                        }
                    }
                    case LONG -> ((LongColumn.Builder) builders[f]).add(cursor.getLong(f));
                    case DOUBLE -> ((DoubleColumn.Builder) builders[f]).add(cursor.getDouble(f));
                    case DATE -> ((DateColumn.Builder) builders[f]).addEpochDay(cursor.getEpochDay(f));
                    default -> {
                        int v = cursor.getLogical(f);
                        CategoryColumn.Builder b = (CategoryColumn.Builder) builders[f];
                        if (v < 0) {
                            b.addMissing();
                        } else {
                            b.add(v == 1 ? "T" : "F");
                        }
                    }
                }
            }
        }
        return new DbfTable(tb.build(), cursor.report());
    }

    private static int kindOf(DbfField field) {
        return switch (field.type()) {
            case CHARACTER -> TEXT;
            case NUMERIC -> field.decimals() == 0 && field.length() <= 18 ? LONG : DOUBLE;
            case FLOAT -> DOUBLE;
            case DATE -> DATE;
            case LOGICAL -> LOGICAL;
        };
    }

    private static ColumnType columnType(int kind) {
        return switch (kind) {
            case LONG -> ColumnType.LONG;
            case DOUBLE -> ColumnType.DOUBLE;
            case DATE -> ColumnType.DATE;
            default -> ColumnType.CATEGORY;
        };
    }
}
