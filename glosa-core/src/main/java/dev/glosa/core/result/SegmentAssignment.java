package dev.glosa.core.result;

import dev.glosa.core.segment.SegmentKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * The group of every row of one segment: table rows and, aligned with them, the algorithm's labels ({@code -1} for
 * noise) and the groups' stable ids.
 */
public final class SegmentAssignment {
    private final SegmentKey key;
    private final int[] rows;
    private final int[] labels;
    private final String[] clusterIds;

    /**
     * An assignment; the arrays are copied.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public SegmentAssignment(SegmentKey key, int[] rows, int[] labels, String[] clusterIds) {
        this.key = Objects.requireNonNull(key, "key");
        if (rows.length != labels.length || rows.length != clusterIds.length) {
            throw new IllegalArgumentException("rows (" + rows.length + "), labels (" + labels.length
                    + ") and clusterIds (" + clusterIds.length + ") must have the same length");
        }
        this.rows = rows.clone();
        this.labels = labels.clone();
        this.clusterIds = clusterIds.clone();
    }

    /** The segment's key. */
    public SegmentKey key() {
        return key;
    }

    /** The number of rows. */
    public int size() {
        return rows.length;
    }

    /** The table row of the {@code i}-th row. */
    public int row(int i) {
        return rows[i];
    }

    /** The label of the {@code i}-th row. */
    public int label(int i) {
        return labels[i];
    }

    /** The stable group id of the {@code i}-th row. */
    public String clusterId(int i) {
        return clusterIds[i];
    }

    /** A copy of the table rows. */
    public int[] rows() {
        return rows.clone();
    }

    /** A copy of the labels. */
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentAssignment a
                && key.equals(a.key)
                && Arrays.equals(rows, a.rows)
                && Arrays.equals(labels, a.labels)
                && Arrays.equals(clusterIds, a.clusterIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, Arrays.hashCode(rows), Arrays.hashCode(labels), Arrays.hashCode(clusterIds));
    }
}
