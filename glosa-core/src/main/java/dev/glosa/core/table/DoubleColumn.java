package dev.glosa.core.table;

import java.math.BigDecimal;
import java.util.Arrays;

/** A column of {@code double} measures such as amounts and rates; {@code NaN} means missing. */
public final class DoubleColumn implements Column {
    private final String name;
    private final double[] values;

    private DoubleColumn(String name, double[] values) {
        Column.checkName(name);
        this.name = name;
        this.values = values;
    }

    /**
     * {@return a column holding a copy of {@code values}}
     *
     * @param name the column's name
     * @param values the values in row order ({@code NaN} is missing)
     */
    public static DoubleColumn of(String name, double... values) {
        return new DoubleColumn(name, values.clone());
    }

    /**
     * {@return a column of one value repeated {@code size} times}
     *
     * @param name the column's name
     * @param value the value of every row
     * @param size the number of rows
     */
    public static DoubleColumn constant(String name, double value, int size) {
        double[] v = new double[size];
        Arrays.fill(v, value);
        return new DoubleColumn(name, v);
    }

    static DoubleColumn wrap(String name, double[] values) {
        return new DoubleColumn(name, values);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public ColumnType type() {
        return ColumnType.DOUBLE;
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    /**
     * The shortest decimal text that reads back to the same double, without exponent; empty when missing.
     */
    @Override
    public String text(int row) {
        return format(values[row]);
    }

    /**
     * Formats a double as plain decimal text with {@code .} as decimal mark; {@code NaN} and infinities give "".
     *
     * @param v the number
     * @return the text, empty for {@code NaN} and infinities
     */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /**
     * {@return the value at {@code row}}
     *
     * @param row the row, from 0
     */
    public double get(int row) {
        return values[row];
    }

    /** {@return the sum of the non-missing values} */
    public double sum() {
        double s = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                s += v;
            }
        }
        return s;
    }

    /** {@return a copy of the values} */
    public double[] values() {
        return values.clone();
    }

    @Override
    public DoubleColumn select(int[] rows) {
        double[] v = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = values[rows[i]];
        }
        return new DoubleColumn(name, v);
    }

    @Override
    public DoubleColumn rename(String newName) {
        return new DoubleColumn(newName, values);
    }

    @Override
    public String toString() {
        return "DoubleColumn[" + name + ", " + values.length + " rows]";
    }

    /** Appends values without boxing. */
    public static final class Builder {
        private final String name;
        private double[] values;
        private int size;

        /**
         * A builder with room for {@code capacity} rows before it grows.
         *
         * @param name the column's name
         * @param capacity the rows expected
         */
        public Builder(String name, int capacity) {
            Column.checkName(name);
            this.name = name;
            this.values = new double[Math.max(capacity, 16)];
        }

        /**
         * Appends {@code value} ({@code NaN} is missing).
         *
         * @param value the value
         * @return this builder
         */
        public Builder add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length + (values.length >> 1) + 16);
            }
            values[size++] = value;
            return this;
        }

        /**
         * Appends a missing value.
         *
         * @return this builder
         */
        public Builder addMissing() {
            return add(Double.NaN);
        }

        /** {@return the number of values appended so far} */
        public int size() {
            return size;
        }

        /** {@return the column; the builder must not be used afterwards} */
        public DoubleColumn build() {
            return new DoubleColumn(name, Arrays.copyOf(values, size));
        }
    }
}
