package dev.glosa.core.result;

import dev.glosa.core.segment.SegmentKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * The group of every row of one segment: table rows and, aligned with them, the algorithm's clusters ({@code -1} for
 * noise) and the groups' stable ids.
 */
public final class SegmentAssignment {
    private final SegmentKey key;
    private final int[] rows;
    private final int[] clusters;
    private final String[] groupIds;

    /**
     * An assignment; the arrays are copied.
     *
     * @param key the segment's key
     * @param rows the table rows of the segment
     * @param clusters each row's cluster, {@code -1} for noise
     * @param groupIds each row's stable group id
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public SegmentAssignment(SegmentKey key, int[] rows, int[] clusters, String[] groupIds) {
        this.key = Objects.requireNonNull(key, "key");
        if (rows.length != clusters.length || rows.length != groupIds.length) {
            throw new IllegalArgumentException("rows (" + rows.length + "), clusters (" + clusters.length
                    + ") and groupIds (" + groupIds.length + ") must have the same length");
        }
        this.rows = rows.clone();
        this.clusters = clusters.clone();
        this.groupIds = groupIds.clone();
    }

    /** {@return the segment's key} */
    public SegmentKey key() {
        return key;
    }

    /** {@return the number of rows} */
    public int size() {
        return rows.length;
    }

    /**
     * {@return the table row of the {@code i}-th row}
     *
     * @param i the position in the segment, from 0
     */
    public int row(int i) {
        return rows[i];
    }

    /**
     * {@return the algorithm's cluster of the {@code i}-th row}
     *
     * @param i the position in the segment, from 0
     */
    public int cluster(int i) {
        return clusters[i];
    }

    /**
     * {@return the stable group id of the {@code i}-th row}
     *
     * @param i the position in the segment, from 0
     */
    public String groupId(int i) {
        return groupIds[i];
    }

    /** {@return a copy of the table rows} */
    public int[] rows() {
        return rows.clone();
    }

    /** {@return a copy of the clusters, aligned with the rows} */
    public int[] clusters() {
        return clusters.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentAssignment a
                && key.equals(a.key)
                && Arrays.equals(rows, a.rows)
                && Arrays.equals(clusters, a.clusters)
                && Arrays.equals(groupIds, a.groupIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, Arrays.hashCode(rows), Arrays.hashCode(clusters), Arrays.hashCode(groupIds));
    }
}
