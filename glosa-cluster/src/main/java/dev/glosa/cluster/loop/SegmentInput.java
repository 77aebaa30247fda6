package dev.glosa.cluster.loop;

import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.segment.SegmentKey;
import dev.glosa.core.table.GlosaTable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link SegmentJob#run} needs for one segment, as plain immutable values.
 *
 * <p>{@code table} may be the whole run's table (rows index into it, nothing is copied) or, for a distributed
 * engine, just the segment's rows ({@code table.select(rows)} with rows {@code 0..n-1}); the result names rows as
 * given here.
 *
 * @param key the segment's key
 * @param table the table holding the segment's rows
 * @param rows the segment's rows in {@code table}, in table order
 * @param settings how to cluster, profile and track
 * @param previous the previous run's records of this segment (may be empty)
 * @param seed the segment's seed, normally {@link SegmentJob#segmentSeed(long, String)}
 */
public record SegmentInput(
        SegmentKey key, GlosaTable table, int[] rows, SegmentSettings settings, List<GroupRecord> previous, long seed) {

    /**
     * Checks the input and copies the rows and records.
     *
     * @param key as {@link #key()}
     * @param table as {@link #table()}
     * @param rows as {@link #rows()}
     * @param settings as {@link #settings()}
     * @param previous as {@link #previous()}
     * @param seed as {@link #seed()}
     */
    public SegmentInput {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(table, "table");
        rows = rows.clone();
        for (int r : rows) {
            if (r < 0 || r >= table.rowCount()) {
                throw new IllegalArgumentException("row (" + r + ") of segment " + key.id()
                        + " must be less than the table's row count (" + table.rowCount() + ")");
            }
        }
        Objects.requireNonNull(settings, "settings");
        previous = List.copyOf(previous);
    }

    /** {@return a copy of the segment's rows} */
    @Override
    public int[] rows() {
        return rows.clone();
    }

    /** {@return the number of rows} */
    public int size() {
        return rows.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentInput s
                && key.equals(s.key)
                && table == s.table
                && Arrays.equals(rows, s.rows)
                && settings.equals(s.settings)
                && previous.equals(s.previous)
                && seed == s.seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, System.identityHashCode(table), Arrays.hashCode(rows), settings, previous, seed);
    }

    @Override
    public String toString() {
        return "SegmentInput[" + key.describe() + ", " + rows.length + " rows, seed=" + seed + "]";
    }
}
