package dev.glosa.core.table;

import java.util.Arrays;

/** A column of 64-bit integers such as claim numbers; {@link #MISSING} means missing. */
public final class LongColumn implements Column {
    /** The value that stands for missing. */
    public static final long MISSING = Long.MIN_VALUE;

    private final String name;
    private final long[] values;

    private LongColumn(String name, long[] values) {
        Column.checkName(name);
        this.name = name;
        this.values = values;
    }

    /**
     * {@return a column holding a copy of {@code values}}
     *
     * @param name the column's name
     * @param values the values in row order
     */
    public static LongColumn of(String name, long... values) {
        return new LongColumn(name, values.clone());
    }

    static LongColumn wrap(String name, long[] values) {
        return new LongColumn(name, values);
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
        return ColumnType.LONG;
    }

    @Override
    public boolean isMissing(int row) {
        return values[row] == MISSING;
    }

    @Override
    public String text(int row) {
        long v = values[row];
        return v == MISSING ? "" : Long.toString(v);
    }

    /**
     * {@return the value at {@code row}}
     *
     * @param row the row, from 0
     */
    public long get(int row) {
        return values[row];
    }

    /** {@return a copy of the values} */
    public long[] values() {
        return values.clone();
    }

    @Override
    public LongColumn select(int[] rows) {
        long[] v = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = values[rows[i]];
        }
        return new LongColumn(name, v);
    }

    @Override
    public LongColumn rename(String newName) {
        return new LongColumn(newName, values);
    }

    @Override
    public String toString() {
        return "LongColumn[" + name + ", " + values.length + " rows]";
    }

    /** Appends values without boxing. */
    public static final class Builder {
        private final String name;
        private long[] values;
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
            this.values = new long[Math.max(capacity, 16)];
        }

        /**
         * Appends {@code value}.
         *
         * @param value the value, or {@link #MISSING}
         * @return this builder
         */
        public Builder add(long value) {
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
            return add(MISSING);
        }

        /** {@return the number of values appended so far} */
        public int size() {
            return size;
        }

        /** {@return the column; the builder must not be used afterwards} */
        public LongColumn build() {
            return new LongColumn(name, Arrays.copyOf(values, size));
        }
    }
}
