package dev.glosa.core.segment;

import java.util.Arrays;
import java.util.Objects;

/**
 * One segment: its key and the table rows it holds, a view that copies no column data.
 */
public final class Segment {
    private final SegmentKey key;
    private final int[] rows;

    /**
     * A segment of {@code rows} (copied).
     *
     * @param key the segment's key
     * @param rows the table rows of the segment
     */
    public Segment(SegmentKey key, int[] rows) {
        this.key = Objects.requireNonNull(key, "key");
        this.rows = rows.clone();
    }

    /** {@return the key} */
    public SegmentKey key() {
        return key;
    }

    /** {@return the segment id; see {@link SegmentKey#id()}} */
    public String id() {
        return key.id();
    }

    /** {@return the number of rows} */
    public int size() {
        return rows.length;
    }

    /**
     * {@return the table row of the segment's {@code i}-th row}
     *
     * @param i the position in the segment, from 0
     */
    public int row(int i) {
        return rows[i];
    }

    /** {@return a copy of the table rows, in table order} */
    public int[] rows() {
        return rows.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Segment s && key.equals(s.key) && Arrays.equals(rows, s.rows);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(rows);
    }

    @Override
    public String toString() {
        return "Segment[" + key.describe() + ", " + rows.length + " rows]";
    }
}
