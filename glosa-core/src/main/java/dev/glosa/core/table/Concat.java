package dev.glosa.core.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stacks tables into one for {@link GlosaTable#concat}, e.g. SIH files of different eras with different fields. */
final class Concat {

    private Concat() {}

    /** See {@link GlosaTable#concat}. */
    static GlosaTable concat(List<GlosaTable> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no tables to concatenate: pass at least one");
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Map<String, ColumnType> types = new LinkedHashMap<>();
        long total = 0;
        for (GlosaTable t : parts) {
            total += t.rowCount();
            for (Column c : t.columns()) {
                types.merge(c.name(), c.type(), Concat::common);
            }
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many rows to stack into one table: " + total);
        }
        // Every column's builder first, every column built at the end. Building a column before starting the next
        // was tried: on a national year (12 M rows of some 150 columns) the core then ran out of memory in a 16 GB
        // heap where this order fits (docs/spark.md, "Measured").
        TableBuilder tb = GlosaTable.builder((int) total);
        for (Map.Entry<String, ColumnType> e : types.entrySet()) {
            String name = e.getKey();
            switch (e.getValue()) {
                case CATEGORY -> {
                    CategoryColumn.Builder b = tb.category(name);
                    for (GlosaTable t : parts) {
                        appendCategory(b, t, name);
                    }
                }
                case DOUBLE -> {
                    DoubleColumn.Builder b = tb.doubles(name);
                    for (GlosaTable t : parts) {
                        if (!t.has(name)) {
                            repeat(t.rowCount(), b::addMissing);
                        } else if (t.column(name) instanceof LongColumn l) {
                            for (int r = 0; r < t.rowCount(); r++) {
                                b.add(l.isMissing(r) ? Double.NaN : (double) l.get(r));
                            }
                        } else {
                            DoubleColumn d = t.doubles(name);
                            for (int r = 0; r < t.rowCount(); r++) {
                                b.add(d.get(r));
                            }
                        }
                    }
                }
                case LONG -> {
                    LongColumn.Builder b = tb.longs(name);
                    for (GlosaTable t : parts) {
                        if (!t.has(name)) {
                            repeat(t.rowCount(), b::addMissing);
                        } else {
                            LongColumn l = t.longs(name);
                            for (int r = 0; r < t.rowCount(); r++) {
                                b.add(l.get(r));
                            }
                        }
                    }
                }
                case DATE -> {
                    DateColumn.Builder b = tb.dates(name);
                    for (GlosaTable t : parts) {
                        if (!t.has(name)) {
                            repeat(t.rowCount(), b::addMissing);
                        } else {
                            DateColumn d = t.dates(name);
                            for (int r = 0; r < t.rowCount(); r++) {
                                b.addEpochDay(d.epochDay(r));
                            }
                        }
                    }
                }
                case MONTH -> {
                    MonthColumn.Builder b = tb.months(name);
                    for (GlosaTable t : parts) {
                        if (!t.has(name)) {
                            repeat(t.rowCount(), b::addMissing);
                        } else {
                            MonthColumn m = t.months(name);
                            for (int r = 0; r < t.rowCount(); r++) {
                                b.addIndex(m.index(r));
                            }
                        }
                    }
                }
            }
        }
        return tb.build();
    }

    private static void repeat(int times, Runnable action) {
        for (int i = 0; i < times; i++) {
            action.run();
        }
    }

    private static ColumnType common(ColumnType a, ColumnType b) {
        if (a == b) {
            return a;
        }
        if ((a == ColumnType.LONG || a == ColumnType.DOUBLE) && (b == ColumnType.LONG || b == ColumnType.DOUBLE)) {
            return ColumnType.DOUBLE;
        }
        return ColumnType.CATEGORY;
    }

    private static void appendCategory(CategoryColumn.Builder b, GlosaTable t, String name) {
        if (!t.has(name)) {
            repeat(t.rowCount(), b::addMissing);
            return;
        }
        Column c = t.column(name);
        if (c instanceof CategoryColumn cat) {
            int[] map = new int[cat.cardinality()];
            for (int k = 0; k < map.length; k++) {
                map[k] = b.codeFor(cat.value(k));
            }
            for (int r = 0; r < t.rowCount(); r++) {
                int code = cat.code(r);
                b.addCode(code < 0 ? CategoryColumn.MISSING : map[code]);
            }
        } else {
            for (int r = 0; r < t.rowCount(); r++) {
                b.add(c.isMissing(r) ? null : c.text(r));
            }
        }
    }
}
