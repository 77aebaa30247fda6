package dev.glosa.cluster.loop;

import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.core.aggregate.MonthlyAggregator;
import dev.glosa.core.table.GlosaTable;
import java.util.List;

/**
 * How the rows of one segment become the points a strategy clusters.
 *
 * <p>Implementations must be pure (the matrix depends only on the table and the rows), safe to share between
 * threads, and preferably plain values (records) so that a configuration can be compared and serialised. The
 * profiler reports the centre of each {@link #columns() source column} in its original units, whatever transform
 * the matrix applies.
 */
public interface SegmentFeatures {

    /** The numeric source columns, in feature order. */
    List<String> columns();

    /**
     * The feature matrix of {@code rows} of {@code table}: one point per row, in that order, whose
     * {@link FeatureMatrix#rowIndex row index} is the table row.
     *
     * @throws IllegalArgumentException if a column is missing or not numeric
     */
    FeatureMatrix matrix(GlosaTable table, int[] rows);

    /**
     * The named numeric columns z-scored within the segment: {@code (x - mean) / sd} with the population standard
     * deviation, 0 for a column constant in the segment; a missing value counts as 0 before scaling (as the
     * reference input does).
     *
     * @throws IllegalArgumentException if the list is empty or names a column twice
     */
    static SegmentFeatures standardized(List<String> columns) {
        return new StandardizedFeatures(columns);
    }

    /** {@link #standardized(List)} of the given columns. */
    static SegmentFeatures standardized(String... columns) {
        return new StandardizedFeatures(List.of(columns));
    }

    /**
     * The reference project's four features, z-scored per segment: glosa amount, glosa rate, glosa jump and glosa rate
     * jump (the columns {@link MonthlyAggregator} writes).
     */
    static SegmentFeatures reference() {
        return standardized(MonthlyAggregator.GLOSA, MonthlyAggregator.GLOSA_RATE, MonthlyAggregator.GLOSA_JUMP,
                MonthlyAggregator.GLOSA_RATE_JUMP);
    }
}
