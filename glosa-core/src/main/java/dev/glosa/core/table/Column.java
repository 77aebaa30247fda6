package dev.glosa.core.table;

/**
 * One immutable, primitive-backed column of a {@link GlosaTable}.
 *
 * <p>Every implementation stores its values in one primitive array and documents its missing-value convention in
 * {@link ColumnType}. Columns are never mutated after construction, so they can be shared between tables.
 */
public sealed interface Column permits CategoryColumn, DoubleColumn, LongColumn, DateColumn, MonthColumn {

    /** {@return the column's name, unique within a table} */
    String name();

    /** {@return the number of rows} */
    int size();

    /** {@return the physical type} */
    ColumnType type();

    /**
     * {@return whether the value at {@code row} is missing}
     *
     * @param row the row, from 0
     */
    boolean isMissing(int row);

    /**
     * The value at {@code row} as text: ISO dates ({@code yyyy-MM-dd}), months as {@code yyyy-MM}, numbers with {@code .}
     * as decimal mark, and the empty string for a missing value.
     *
     * @param row the row, from 0
     * @return the value as text
     */
    String text(int row);

    /**
     * {@return a new column holding the values at {@code rows}, in that order}
     *
     * @param rows the row indexes to keep, from 0
     */
    Column select(int[] rows);

    /**
     * {@return the same values under another name}
     *
     * @param newName the new name
     */
    Column rename(String newName);

    /**
     * {@return a column of {@code size} missing values of the given type}
     *
     * @param name the column's name
     * @param type its type
     * @param size the number of rows
     */
    static Column missing(String name, ColumnType type, int size) {
        return switch (type) {
            case CATEGORY -> CategoryColumn.ofCodes(name, filled(size, -1), new String[0]);
            case DOUBLE -> {
                double[] v = new double[size];
                java.util.Arrays.fill(v, Double.NaN);
                yield DoubleColumn.wrap(name, v);
            }
            case LONG -> {
                long[] v = new long[size];
                java.util.Arrays.fill(v, LongColumn.MISSING);
                yield LongColumn.wrap(name, v);
            }
            case DATE -> DateColumn.wrap(name, filled(size, DateColumn.MISSING));
            case MONTH -> MonthColumn.wrap(name, filled(size, MonthColumn.MISSING));
        };
    }

    private static int[] filled(int size, int value) {
        int[] v = new int[size];
        java.util.Arrays.fill(v, value);
        return v;
    }

    /**
     * Refuses a blank column name (every column is found by its name in a table).
     *
     * @param name the name to check
     * @throws IllegalArgumentException when {@code name} is null or blank
     */
    static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank, found '" + name + "'");
        }
    }
}
