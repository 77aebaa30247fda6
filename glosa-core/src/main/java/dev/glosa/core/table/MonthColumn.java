package dev.glosa.core.table;

import java.time.YearMonth;
import java.util.Arrays;

/**
 * A column of calendar months (a competence, a month of receipt) stored as {@code year * 12 + month - 1}.
 *
 * <p>That index makes "the month before" a subtraction: January's previous month is December of the year before.
 * {@link #MISSING} means missing.
 */
public final class MonthColumn implements Column {
    /** The index that stands for missing. */
    public static final int MISSING = Integer.MIN_VALUE;

    private final String name;
    private final int[] months;

    private MonthColumn(String name, int[] months) {
        Column.checkName(name);
        this.name = name;
        this.months = months;
    }

    /**
     * {@return a column of the given months; {@code null} is missing}
     *
     * @param name the column's name
     * @param values the months in row order
     */
    public static MonthColumn of(String name, YearMonth... values) {
        Builder b = new Builder(name, values.length);
        for (YearMonth m : values) {
            b.add(m);
        }
        return b.build();
    }

    static MonthColumn wrap(String name, int[] months) {
        return new MonthColumn(name, months);
    }

    /**
     * {@return the index of {@code month}}
     *
     * @param month the month
     */
    public static int toIndex(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    /**
     * {@return the month of {@code index}}
     *
     * @param index the month index, {@code year * 12 + month - 1}
     */
    public static YearMonth fromIndex(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }

    /**
     * {@return the index of {@code year} and {@code month} (1 to 12)}
     *
     * @param year the year
     * @param month the month, 1 to 12
     */
    public static int toIndex(int year, int month) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month (" + month + ") must be between 1 and 12");
        }
        return year * 12 + month - 1;
    }

    /**
     * {@return {@code yyyy-MM} text of a month index; empty for {@link #MISSING}}
     *
     * @param index the month index, or {@link #MISSING}
     */
    public static String format(int index) {
        if (index == MISSING) {
            return "";
        }
        int y = Math.floorDiv(index, 12);
        int m = Math.floorMod(index, 12) + 1;
        // Written by hand: String.format follows the default locale, whose digits need not be ASCII.
        StringBuilder sb = new StringBuilder(7);
        String year = Integer.toString(Math.abs(y));
        if (y < 0) {
            sb.append('-');
        }
        for (int i = year.length(); i < 4; i++) {
            sb.append('0');
        }
        return sb.append(year).append('-').append(m < 10 ? "0" : "").append(m).toString();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return months.length;
    }

    @Override
    public ColumnType type() {
        return ColumnType.MONTH;
    }

    @Override
    public boolean isMissing(int row) {
        return months[row] == MISSING;
    }

    @Override
    public String text(int row) {
        return format(months[row]);
    }

    /**
     * {@return the month index at {@code row}, {@link #MISSING} when missing}
     *
     * @param row the row, from 0
     */
    public int index(int row) {
        return months[row];
    }

    /**
     * {@return the month at {@code row}, {@code null} when missing}
     *
     * @param row the row, from 0
     */
    public YearMonth get(int row) {
        return months[row] == MISSING ? null : fromIndex(months[row]);
    }

    @Override
    public MonthColumn select(int[] rows) {
        int[] v = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = months[rows[i]];
        }
        return new MonthColumn(name, v);
    }

    @Override
    public MonthColumn rename(String newName) {
        return new MonthColumn(newName, months);
    }

    @Override
    public String toString() {
        return "MonthColumn[" + name + ", " + months.length + " rows]";
    }

    /** Appends months without creating {@link YearMonth} objects when given indexes. */
    public static final class Builder {
        private final String name;
        private int[] months;
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
            this.months = new int[Math.max(capacity, 16)];
        }

        /**
         * Appends the month with the given index ({@link #MISSING} is missing).
         *
         * @param index the month index, or {@link #MISSING}
         * @return this builder
         */
        public Builder addIndex(int index) {
            if (size == months.length) {
                months = Arrays.copyOf(months, months.length + (months.length >> 1) + 16);
            }
            months[size++] = index;
            return this;
        }

        /**
         * Appends {@code month}; {@code null} appends a missing value.
         *
         * @param month the month, or {@code null}
         * @return this builder
         */
        public Builder add(YearMonth month) {
            return addIndex(month == null ? MISSING : toIndex(month));
        }

        /**
         * Appends a missing value.
         *
         * @return this builder
         */
        public Builder addMissing() {
            return addIndex(MISSING);
        }

        /** {@return the number of values appended so far} */
        public int size() {
            return size;
        }

        /** {@return the column; the builder must not be used afterwards} */
        public MonthColumn build() {
            return new MonthColumn(name, Arrays.copyOf(months, size));
        }
    }
}
