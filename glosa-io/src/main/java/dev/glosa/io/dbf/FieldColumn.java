package dev.glosa.io.dbf;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.TableBuilder;
import java.util.Arrays;

/**
 * One DBF field read into one table column: the field plan shared by {@link DbfReader} and the SIH reader.
 *
 * <p>Decided once from the header; {@link #append(DbfCursor)} then parses the current record's field from its bytes
 * straight into a primitive column builder. A text field costs a table look-up per row: each distinct value is
 * decoded once by the cursor and given its category code once here.
 */
public final class FieldColumn {

    /** How a field is read. */
    public enum Kind {
        /** Text, spaces around removed; blank is missing. */
        TEXT(ColumnType.CATEGORY),
        /** An integer. */
        LONG(ColumnType.LONG),
        /** A number. */
        DOUBLE(ColumnType.DOUBLE),
        /** A date written {@code yyyyMMdd} (a {@code D} field, or text of 8 digits). */
        DATE(ColumnType.DATE),
        /** A date written {@code yyMMdd}, in the 1900s. */
        DATE_1900(ColumnType.DATE),
        /** A logical, as the category {@code "T"} or {@code "F"}; {@code ?} or blank is missing. */
        LOGICAL(ColumnType.CATEGORY);

        private final ColumnType type;

        Kind(ColumnType type) {
            this.type = type;
        }

        /** {@return the type of the column this kind builds} */
        public ColumnType type() {
            return type;
        }

        /**
         * How a field reads by its declared type: {@code C} as text, {@code N} without decimals and at most 18 wide as
         * an integer, other {@code N} and {@code F} as a number, {@code D} as a date, {@code L} as a logical.
         *
         * @param field the field
         * @return how it reads
         */
        public static Kind natural(DbfField field) {
            return switch (field.type()) {
                case CHARACTER -> TEXT;
                case NUMERIC -> field.decimals() == 0 && field.length() <= 18 ? LONG : DOUBLE;
                case FLOAT -> DOUBLE;
                case DATE -> DATE;
                case LOGICAL -> LOGICAL;
            };
        }
    }

    private final Kind kind;
    private final int field;
    private final CategoryColumn.Builder category;
    private final LongColumn.Builder longs;
    private final DoubleColumn.Builder doubles;
    private final DateColumn.Builder dates;
    /** Cursor text id -> category code, -1 until first seen. */
    private int[] codeOfId = new int[0];

    private FieldColumn(Kind kind, int field, TableBuilder tb, String name) {
        this.kind = kind;
        this.field = field;
        this.category = kind.type() == ColumnType.CATEGORY ? tb.category(name) : null;
        this.longs = kind == Kind.LONG ? tb.longs(name) : null;
        this.doubles = kind == Kind.DOUBLE ? tb.doubles(name) : null;
        this.dates = kind.type() == ColumnType.DATE ? tb.dates(name) : null;
    }

    /**
     * {@return field {@code field} read as {@code kind} into a new column {@code name} of {@code tb}}
     *
     * @param kind how the field reads
     * @param field the field's index, from 0
     * @param tb the table builder the column goes into
     * @param name the column's name
     */
    public static FieldColumn of(Kind kind, int field, TableBuilder tb, String name) {
        return new FieldColumn(kind, field, tb, name);
    }

    /**
     * {@return field {@code index} read as its declared type ({@link Kind#natural}) into a column under its own name}
     *
     * @param field the field
     * @param index its index, from 0
     * @param tb the table builder the column goes into
     */
    public static FieldColumn natural(DbfField field, int index, TableBuilder tb) {
        return new FieldColumn(Kind.natural(field), index, tb, field.name());
    }

    /**
     * Appends the current record's field to the column.
     *
     * @param cursor the cursor on the current record
     * @throws MalformedFileException when the field's content does not fit its kind
     */
    public void append(DbfCursor cursor) throws MalformedFileException {
        switch (kind) {
            case TEXT -> appendText(cursor);
            case LONG -> longs.add(cursor.getLong(field));
            case DOUBLE -> doubles.add(cursor.getDouble(field));
            case DATE -> dates.addEpochDay(cursor.getEpochDay(field));
            case DATE_1900 -> dates.addEpochDay(cursor.getEpochDay(field, 1900));
            case LOGICAL -> {
                int v = cursor.getLogical(field);
                if (v < 0) {
                    category.addMissing();
                } else {
                    category.add(v == 1 ? "T" : "F");
                }
            }
        }
    }

    private void appendText(DbfCursor cursor) {
        int id = cursor.textId(field);
        if (id < 0) {
            category.addMissing();
            return;
        }
        int[] map = codeOfId;
        if (id >= map.length) {
            int old = map.length;
            map = Arrays.copyOf(map, Math.max(16, Math.max(id + 1, old * 2)));
            Arrays.fill(map, old, map.length, -1);
            codeOfId = map;
        }
        int code = map[id];
        if (code < 0) {
            code = category.codeFor(cursor.textOfId(field, id));
            map[id] = code;
        }
        category.addCode(code);
    }
}
