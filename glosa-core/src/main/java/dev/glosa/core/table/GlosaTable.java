package dev.glosa.core.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * An immutable columnar table of glosa rows: dictionary-encoded categories, primitive measures, dates and months.
 *
 * <p>Columns that play a {@link Role} carry the role's canonical name ({@code claim_id}, {@code hospital},
 * {@code glosa_amount}, ...); every other column keeps the name its source gave it. Operations return new tables that
 * share the unchanged columns, so projecting or adding a column never copies the others.
 */
public final class GlosaTable {
    private final Map<String, Column> columns;
    private final int rowCount;

    private GlosaTable(Map<String, Column> columns, int rowCount) {
        this.columns = columns;
        this.rowCount = rowCount;
    }

    /** {@return a builder with a default initial capacity} */
    public static TableBuilder builder() {
        return new TableBuilder(1024);
    }

    /**
     * {@return a builder with room for {@code expectedRows} before its columns grow}
     *
     * @param expectedRows the rows expected
     */
    public static TableBuilder builder(int expectedRows) {
        return new TableBuilder(expectedRows);
    }

    /**
     * A table of the given columns.
     *
     * @param columns the columns, in order
     * @return the table
     * @throws IllegalArgumentException if two columns share a name, a role column has the wrong type, or the
     *     columns have different lengths
     */
    public static GlosaTable of(List<? extends Column> columns) {
        Map<String, Column> map = new LinkedHashMap<>();
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (Column c : columns) {
            if (map.put(c.name(), c) != null) {
                throw new IllegalArgumentException("column '" + c.name() + "' appears twice");
            }
            if (c.size() != rows) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.size() + " rows but column '"
                        + columns.get(0).name() + "' has " + rows);
            }
            checkRole(c);
        }
        return new GlosaTable(Collections.unmodifiableMap(map), rows);
    }

    /**
     * {@return a table of the given columns; see {@link #of(List)}}
     *
     * @param columns the columns, in order
     */
    public static GlosaTable of(Column... columns) {
        return of(Arrays.asList(columns));
    }

    /**
     * The rows of all parts, in order, as one table. Columns are the union of the parts' columns in order of first
     * appearance; a part without a column gets missing values there. A column whose type differs between parts
     * becomes {@code DOUBLE} if it mixes {@code LONG} and {@code DOUBLE}, and a category of its text otherwise.
     * A single part is returned as it is.
     *
     * @param parts the tables to stack, in order
     * @return one table with the rows of every part
     * @throws IllegalArgumentException if {@code parts} is empty or holds more rows than one table can
     */
    public static GlosaTable concat(List<GlosaTable> parts) {
        return Concat.concat(parts);
    }

    private static void checkRole(Column c) {
        for (Role role : Role.values()) {
            if (role.column().equals(c.name()) && role.type() != c.type()) {
                throw new IllegalArgumentException("column '" + c.name() + "' plays role " + role + " and must be "
                        + role.type() + ", found " + c.type());
            }
        }
    }

    /** {@return the number of rows} */
    public int rowCount() {
        return rowCount;
    }

    /** {@return the columns, in order} */
    public List<Column> columns() {
        return List.copyOf(columns.values());
    }

    /** {@return the column names, in order} */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /**
     * {@return whether the table has a column named {@code name}}
     *
     * @param name the column's name
     */
    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /**
     * {@return whether the table has the column of {@code role}}
     *
     * @param role the role
     */
    public boolean has(Role role) {
        return columns.containsKey(role.column());
    }

    /**
     * The column named {@code name}.
     *
     * @param name the column's name
     * @return the column
     * @throws IllegalArgumentException naming the columns the table has, if there is none
     */
    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column '" + name + "'; the table has " + columns.keySet());
        }
        return c;
    }

    /**
     * {@return the column of {@code role}}
     *
     * @param role the role
     */
    public Column column(Role role) {
        return column(role.column());
    }

    /**
     * {@return the category column named {@code name}}
     *
     * @param name the column's name
     */
    public CategoryColumn category(String name) {
        return typed(name, ColumnType.CATEGORY, CategoryColumn.class);
    }

    /**
     * {@return the category column of {@code role}}
     *
     * @param role the role
     */
    public CategoryColumn category(Role role) {
        return category(role.column());
    }

    /**
     * {@return the double column named {@code name}}
     *
     * @param name the column's name
     */
    public DoubleColumn doubles(String name) {
        return typed(name, ColumnType.DOUBLE, DoubleColumn.class);
    }

    /**
     * {@return the double column of {@code role}}
     *
     * @param role the role
     */
    public DoubleColumn doubles(Role role) {
        return doubles(role.column());
    }

    /**
     * {@return the long column named {@code name}}
     *
     * @param name the column's name
     */
    public LongColumn longs(String name) {
        return typed(name, ColumnType.LONG, LongColumn.class);
    }

    /**
     * {@return the long column of {@code role}}
     *
     * @param role the role
     */
    public LongColumn longs(Role role) {
        return longs(role.column());
    }

    /**
     * {@return the date column named {@code name}}
     *
     * @param name the column's name
     */
    public DateColumn dates(String name) {
        return typed(name, ColumnType.DATE, DateColumn.class);
    }

    /**
     * {@return the date column of {@code role}}
     *
     * @param role the role
     */
    public DateColumn dates(Role role) {
        return dates(role.column());
    }

    /**
     * {@return the month column named {@code name}}
     *
     * @param name the column's name
     */
    public MonthColumn months(String name) {
        return typed(name, ColumnType.MONTH, MonthColumn.class);
    }

    /**
     * {@return the month column of {@code role}}
     *
     * @param role the role
     */
    public MonthColumn months(Role role) {
        return months(role.column());
    }

    private <C extends Column> C typed(String name, ColumnType type, Class<C> cls) {
        Column c = column(name);
        if (c.type() != type) {
            throw new IllegalArgumentException("column '" + name + "' is " + c.type() + ", expected " + type);
        }
        return cls.cast(c);
    }

    /**
     * {@return a new table with the rows at {@code rows}, in that order (rows may repeat)}
     *
     * @param rows the row indexes to keep, from 0
     */
    public GlosaTable select(int[] rows) {
        for (int r : rows) {
            if (r < 0 || r >= rowCount) {
                throw new IndexOutOfBoundsException(
                        "row (" + r + ") must be less than the row count (" + rowCount + ")");
            }
        }
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns.values()) {
            out.add(c.select(rows));
        }
        return ofChecked(out, rows.length);
    }

    /**
     * {@return a new table with the rows for which {@code keep} is true, in table order}
     *
     * @param keep says, for a row index, whether the row stays
     */
    public GlosaTable filter(IntPredicate keep) {
        int[] rows = new int[rowCount];
        int n = 0;
        for (int r = 0; r < rowCount; r++) {
            if (keep.test(r)) {
                rows[n++] = r;
            }
        }
        return n == rowCount ? this : select(Arrays.copyOf(rows, n));
    }

    /**
     * {@return a new table with {@code column} added at the end, or replacing the column of the same name in place}
     *
     * @param column the column to add or replace; as long as the table
     */
    public GlosaTable with(Column column) {
        if (!columns.isEmpty() && column.size() != rowCount) {
            throw new IllegalArgumentException(
                    "column '" + column.name() + "' has " + column.size() + " rows but the table has " + rowCount);
        }
        checkRole(column);
        Map<String, Column> map = new LinkedHashMap<>(columns);
        map.put(column.name(), column);
        return new GlosaTable(Collections.unmodifiableMap(map), column.size());
    }

    /**
     * {@return a new table with only the named columns, in the order given}
     *
     * @param names the columns kept
     */
    public GlosaTable project(String... names) {
        List<Column> out = new ArrayList<>(names.length);
        for (String name : names) {
            out.add(column(name));
        }
        return ofChecked(out, rowCount);
    }

    /**
     * {@return a new table without the named columns (names the table lacks are ignored)}
     *
     * @param names the columns left out
     */
    public GlosaTable without(String... names) {
        Map<String, Column> map = new LinkedHashMap<>(columns);
        for (String name : names) {
            map.remove(name);
        }
        return new GlosaTable(Collections.unmodifiableMap(map), rowCount);
    }

    /**
     * {@return the rows grouped by the distinct values of {@code keyColumns}; see {@link Grouping}}
     *
     * @param keyColumns the columns whose values form a group's key
     */
    public Grouping groupBy(String... keyColumns) {
        return Grouping.of(this, List.of(keyColumns));
    }

    /**
     * {@return the rows grouped by the distinct values of {@code keyColumns}; see {@link Grouping}}
     *
     * @param keyColumns the columns whose values form a group's key
     */
    public Grouping groupBy(List<String> keyColumns) {
        return Grouping.of(this, keyColumns);
    }

    private static GlosaTable ofChecked(List<Column> cols, int rows) {
        Map<String, Column> map = new LinkedHashMap<>();
        for (Column c : cols) {
            map.put(c.name(), c);
        }
        return new GlosaTable(Collections.unmodifiableMap(map), rows);
    }

    @Override
    public String toString() {
        return "GlosaTable[" + rowCount + " rows, columns " + columns.keySet() + "]";
    }
}
