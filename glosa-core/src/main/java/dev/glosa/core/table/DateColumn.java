package dev.glosa.core.table;

import java.time.LocalDate;
import java.util.Arrays;

/** A column of calendar dates stored as epoch days; {@link #MISSING} means missing. */
public final class DateColumn implements Column {
    /** The epoch day that stands for missing. */
    public static final int MISSING = Integer.MIN_VALUE;

    private final String name;
    private final int[] days;

    private DateColumn(String name, int[] days) {
        Column.checkName(name);
        this.name = name;
        this.days = days;
    }

    /**
     * {@return a column of the given dates; {@code null} is missing}
     *
     * @param name the column's name
     * @param dates the dates in row order
     */
    public static DateColumn of(String name, LocalDate... dates) {
        Builder b = new Builder(name, dates.length);
        for (LocalDate d : dates) {
            b.add(d);
        }
        return b.build();
    }

    static DateColumn wrap(String name, int[] days) {
        return new DateColumn(name, days);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return days.length;
    }

    @Override
    public ColumnType type() {
        return ColumnType.DATE;
    }

    @Override
    public boolean isMissing(int row) {
        return days[row] == MISSING;
    }

    @Override
    public String text(int row) {
        return days[row] == MISSING ? "" : LocalDate.ofEpochDay(days[row]).toString();
    }

    /**
     * {@return the epoch day at {@code row}, {@link #MISSING} when missing}
     *
     * @param row the row, from 0
     */
    public int epochDay(int row) {
        return days[row];
    }

    /**
     * {@return the date at {@code row}, {@code null} when missing}
     *
     * @param row the row, from 0
     */
    public LocalDate get(int row) {
        return days[row] == MISSING ? null : LocalDate.ofEpochDay(days[row]);
    }

    /**
     * {@return the month index ({@code year * 12 + month - 1}) of the date at {@code row}, or {@link
     * MonthColumn#MISSING}}
     *
     * @param row the row, from 0
     */
    public int monthIndex(int row) {
        if (days[row] == MISSING) {
            return MonthColumn.MISSING;
        }
        LocalDate d = LocalDate.ofEpochDay(days[row]);
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    @Override
    public DateColumn select(int[] rows) {
        int[] v = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = days[rows[i]];
        }
        return new DateColumn(name, v);
    }

    @Override
    public DateColumn rename(String newName) {
        return new DateColumn(newName, days);
    }

    /**
     * {@return the month of every date, as a month column named {@code newName}}
     *
     * @param newName the month column's name
     */
    public MonthColumn toMonths(String newName) {
        int[] m = new int[days.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = monthIndex(i);
        }
        return MonthColumn.wrap(newName, m);
    }

    @Override
    public String toString() {
        return "DateColumn[" + name + ", " + days.length + " rows]";
    }

    /** Appends dates without creating {@link LocalDate} objects when given epoch days. */
    public static final class Builder {
        private final String name;
        private int[] days;
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
            this.days = new int[Math.max(capacity, 16)];
        }

        /**
         * Appends the date with the given epoch day ({@link #MISSING} is missing).
         *
         * @param epochDay days since 1970-01-01, or {@link #MISSING}
         * @return this builder
         */
        public Builder addEpochDay(int epochDay) {
            if (size == days.length) {
                days = Arrays.copyOf(days, days.length + (days.length >> 1) + 16);
            }
            days[size++] = epochDay;
            return this;
        }

        /**
         * Appends {@code date}; {@code null} appends a missing value.
         *
         * @param date the date, or {@code null}
         * @return this builder
         */
        public Builder add(LocalDate date) {
            return addEpochDay(date == null ? MISSING : Math.toIntExact(date.toEpochDay()));
        }

        /**
         * Appends a missing value.
         *
         * @return this builder
         */
        public Builder addMissing() {
            return addEpochDay(MISSING);
        }

        /** {@return the number of values appended so far} */
        public int size() {
            return size;
        }

        /** {@return the column; the builder must not be used afterwards} */
        public DateColumn build() {
            return new DateColumn(name, Arrays.copyOf(days, size));
        }
    }
}
