package dev.glosa.core.segment;

import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Grouping;
import dev.glosa.core.table.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a table into segments by key columns: only combinations that occur, in key order.
 */
public final class Segmenter {
    /** The default segment keys: hospital × payer × glosa type. */
    public static final List<String> DEFAULT_KEYS =
            List.of(Role.HOSPITAL.column(), Role.PAYER.column(), Role.GLOSA_TYPE.column());

    private Segmenter() {}

    /**
     * {@return the segments of {@code table} by {@link #DEFAULT_KEYS}}
     *
     * @param table the table to split
     */
    public static List<Segment> split(GlosaTable table) {
        return split(table, DEFAULT_KEYS);
    }

    /**
     * The segments of {@code table} by {@code keys}, ordered by key values (see {@link Grouping}); an empty key list gives
     * one segment of every row.
     *
     * @param table the table to split
     * @param keys the key columns
     * @return the segments, ordered by key values
     * @throws IllegalStateException if two segments got the same id (a 48-bit hash collision)
     */
    public static List<Segment> split(GlosaTable table, List<String> keys) {
        Grouping g = table.groupBy(keys);
        List<Segment> out = new ArrayList<>(g.groupCount());
        Map<String, SegmentKey> ids = new HashMap<>();
        for (int i = 0; i < g.groupCount(); i++) {
            SegmentKey key = new SegmentKey(keys, g.key(i));
            SegmentKey clash = ids.put(key.id(), key);
            if (clash != null) {
                throw new IllegalStateException(
                        "segments " + clash.describe() + " and " + key.describe() + " share the id " + key.id());
            }
            out.add(new Segment(key, g.rows(i)));
        }
        return out;
    }
}
