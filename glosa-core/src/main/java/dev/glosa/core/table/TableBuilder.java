package dev.glosa.core.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link GlosaTable} column by column, appending primitive values without boxing.
 *
 * <p>Ask for one builder per column, append one value per row to each, then {@link #build()}: it checks that every
 * column got the same number of values.
 */
public final class TableBuilder {
    private final int capacity;
    private final Map<String, Object> builders = new LinkedHashMap<>();

    TableBuilder(int capacity) {
        this.capacity = capacity;
    }

    /**
     * {@return a builder for a dictionary-encoded text column}
     *
     * @param name the column's name
     */
    public CategoryColumn.Builder category(String name) {
        return put(name, new CategoryColumn.Builder(name, capacity));
    }

    /**
     * {@return a builder for a {@code double} column}
     *
     * @param name the column's name
     */
    public DoubleColumn.Builder doubles(String name) {
        return put(name, new DoubleColumn.Builder(name, capacity));
    }

    /**
     * {@return a builder for a {@code long} column}
     *
     * @param name the column's name
     */
    public LongColumn.Builder longs(String name) {
        return put(name, new LongColumn.Builder(name, capacity));
    }

    /**
     * {@return a builder for a date column}
     *
     * @param name the column's name
     */
    public DateColumn.Builder dates(String name) {
        return put(name, new DateColumn.Builder(name, capacity));
    }

    /**
     * {@return a builder for a month column}
     *
     * @param name the column's name
     */
    public MonthColumn.Builder months(String name) {
        return put(name, new MonthColumn.Builder(name, capacity));
    }

    private <B> B put(String name, B builder) {
        if (builders.containsKey(name)) {
            throw new IllegalArgumentException("column '" + name + "' was already added to this builder");
        }
        builders.put(name, builder);
        return builder;
    }

    /**
     * The table.
     *
     * @return the table of the columns built so far
     * @throws IllegalStateException if the columns got different numbers of values
     */
    public GlosaTable build() {
        List<Column> columns = new ArrayList<>(builders.size());
        for (Object b : builders.values()) {
            columns.add(buildOne(b));
        }
        return GlosaTable.of(columns);
    }

    private static Column buildOne(Object b) {
        if (b instanceof CategoryColumn.Builder c) {
            return c.build();
        } else if (b instanceof DoubleColumn.Builder d) {
            return d.build();
        } else if (b instanceof LongColumn.Builder l) {
            return l.build();
        } else if (b instanceof DateColumn.Builder d) {
            return d.build();
        }
        return ((MonthColumn.Builder) b).build();
    }
}
