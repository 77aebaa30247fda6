package dev.glosa.cluster.features;

/** What a numeric feature does with a missing ({@code NaN}) or infinite value. */
public enum MissingValues {
    /** Fail with the column and the row. */
    ERROR,
    /** Replace by the median of the finite values of the rows being encoded (0 when there are none). */
    MEDIAN
}
