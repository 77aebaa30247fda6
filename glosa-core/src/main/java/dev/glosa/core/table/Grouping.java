package dev.glosa.core.table;

import dev.glosa.core.util.LongIntHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The rows of a table split by the distinct values of some key columns: only combinations that occur.
 *
 * <p>Groups are ordered by their key values (text in natural order, numbers and dates ascending, missing last), and
 * the rows of each group keep the table's order, so the same table always gives the same grouping.
 */
public final class Grouping {
    private final List<String> keyColumns;
    private final int[] groupOfRow;
    private final int[] offsets;
    private final int[] rowsFlat;
    private final List<List<String>> keys;

    private Grouping(
            List<String> keyColumns, int[] groupOfRow, int[] offsets, int[] rowsFlat, List<List<String>> keys) {
        this.keyColumns = keyColumns;
        this.groupOfRow = groupOfRow;
        this.offsets = offsets;
        this.rowsFlat = rowsFlat;
        this.keys = keys;
    }

    /**
     * Groups the rows of {@code table} by {@code columns} (category, long, date or month columns).
     *
     * @param table the table
     * @param columns the key columns
     * @return the groups, ordered by their key values
     * @throws IllegalArgumentException if a column is missing or is a {@code double} column
     */
    public static Grouping of(GlosaTable table, List<String> columns) {
        int n = table.rowCount();
        Column[] cols = new Column[columns.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = table.column(columns.get(c));
            if (cols[c].type() == ColumnType.DOUBLE) {
                throw new IllegalArgumentException("cannot group by '" + columns.get(c)
                        + "': it is a DOUBLE column; group by category, long, date or month columns");
            }
        }
        int[] gid = new int[n];
        int groups = n == 0 ? 0 : 1;
        int[] key = new int[n];
        for (Column col : cols) {
            keysOf(col, key);
            LongIntHashMap map = new LongIntHashMap(Math.min(n, 1 << 16));
            int next = 0;
            for (int r = 0; r < n; r++) {
                long composite = ((long) gid[r] << 32) | (key[r] & 0xFFFFFFFFL);
                int g = map.getOrPut(composite, next);
                if (g == next) {
                    next++;
                }
                gid[r] = g;
            }
            groups = next;
        }
        int[] firstRow = new int[groups];
        Arrays.fill(firstRow, -1);
        for (int r = 0; r < n; r++) {
            if (firstRow[gid[r]] < 0) {
                firstRow[gid[r]] = r;
            }
        }
        Integer[] order = new Integer[groups];
        for (int g = 0; g < groups; g++) {
            order[g] = g;
        }
        Arrays.sort(order, (a, b) -> compareRows(cols, firstRow[a], firstRow[b]));
        int[] rank = new int[groups];
        for (int i = 0; i < groups; i++) {
            rank[order[i]] = i;
        }
        int[] offsets = new int[groups + 1];
        for (int r = 0; r < n; r++) {
            gid[r] = rank[gid[r]];
            offsets[gid[r] + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            offsets[g + 1] += offsets[g];
        }
        int[] fill = Arrays.copyOf(offsets, groups);
        int[] flat = new int[n];
        for (int r = 0; r < n; r++) {
            flat[fill[gid[r]]++] = r;
        }
        List<List<String>> keys = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            int row = flat[offsets[g]];
            List<String> k = new ArrayList<>(cols.length);
            for (Column col : cols) {
                k.add(col.text(row));
            }
            keys.add(Collections.unmodifiableList(k));
        }
        return new Grouping(List.copyOf(columns), gid, offsets, flat, Collections.unmodifiableList(keys));
    }

    private static void keysOf(Column col, int[] out) {
        switch (col.type()) {
            case CATEGORY -> {
                CategoryColumn c = (CategoryColumn) col;
                for (int r = 0; r < out.length; r++) {
                    out[r] = c.code(r);
                }
            }
            case DATE -> {
                DateColumn c = (DateColumn) col;
                for (int r = 0; r < out.length; r++) {
                    out[r] = c.epochDay(r);
                }
            }
            case MONTH -> {
                MonthColumn c = (MonthColumn) col;
                for (int r = 0; r < out.length; r++) {
                    out[r] = c.index(r);
                }
            }
            case LONG -> {
                LongColumn c = (LongColumn) col;
                LongIntHashMap dense = new LongIntHashMap(Math.min(out.length, 1 << 16));
                for (int r = 0; r < out.length; r++) {
                    out[r] = dense.getOrPut(c.get(r), dense.size());
                }
            }
            case DOUBLE -> throw new IllegalArgumentException("cannot group by DOUBLE column '" + col.name() + "'");
        }
    }

    private static int compareRows(Column[] cols, int a, int b) {
        for (Column col : cols) {
            int c = compareValues(col, a, b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareValues(Column col, int a, int b) {
        boolean ma = col.isMissing(a);
        boolean mb = col.isMissing(b);
        if (ma || mb) {
            return Boolean.compare(ma, mb);
        }
        return switch (col.type()) {
            case CATEGORY -> ((CategoryColumn) col).get(a).compareTo(((CategoryColumn) col).get(b));
            case LONG -> Long.compare(((LongColumn) col).get(a), ((LongColumn) col).get(b));
            case DATE -> Integer.compare(((DateColumn) col).epochDay(a), ((DateColumn) col).epochDay(b));
            case MONTH -> Integer.compare(((MonthColumn) col).index(a), ((MonthColumn) col).index(b));
            case DOUBLE -> Double.compare(((DoubleColumn) col).get(a), ((DoubleColumn) col).get(b));
        };
    }

    /** {@return the key columns, in order} */
    public List<String> keyColumns() {
        return keyColumns;
    }

    /** {@return the number of groups} */
    public int groupCount() {
        return keys.size();
    }

    /**
     * {@return the key values of group {@code g} as text (empty for missing), one per key column}
     *
     * @param g the group, from 0
     */
    public List<String> key(int g) {
        return keys.get(g);
    }

    /**
     * {@return the number of rows in group {@code g}}
     *
     * @param g the group, from 0
     */
    public int size(int g) {
        return offsets[g + 1] - offsets[g];
    }

    /**
     * {@return a copy of the rows of group {@code g}, in table order}
     *
     * @param g the group, from 0
     */
    public int[] rows(int g) {
        return Arrays.copyOfRange(rowsFlat, offsets[g], offsets[g + 1]);
    }

    /**
     * {@return the group of table row {@code row}}
     *
     * @param row the table row, from 0
     */
    public int groupOf(int row) {
        return groupOfRow[row];
    }
}
