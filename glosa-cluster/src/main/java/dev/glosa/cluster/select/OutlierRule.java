package dev.glosa.cluster.select;

import dev.glosa.cluster.dbscan.NearestNeighbours;
import dev.glosa.cluster.spi.FeatureMatrix;
import java.util.Arrays;

/**
 * Which lines of a segment are set aside as outliers before k is chosen, so that a handful of extreme lines can
 * neither form a group of their own nor drag a centre.
 *
 * <p>The rule, on the segment's encoded (transformed and scaled) points: let {@code d(i)} be the distance from line
 * {@code i} to its {@code neighbours}-th nearest other line, and {@code D} the median of {@code d} over the segment.
 * A line is an outlier when {@code d(i) > threshold · D} and {@code d(i) > minDistance}: it is much farther from its
 * nearest lines than lines usually are, and far in absolute terms (on the robust scale, {@code minDistance} is a
 * share of an interquartile range), so a tight well-separated segment, whose {@code D} is tiny, sets nothing aside.
 * A group of more than {@code neighbours} lines close together is never set aside. At most {@code maxShare} of the
 * segment's lines are set aside (the farthest first); segments of fewer than {@code 2 · (neighbours + 1)} lines
 * are left whole.
 *
 * @param enabled whether lines are set aside at all
 * @param neighbours which nearest neighbour measures isolation, at least 1 (a group needs more lines than this)
 * @param threshold how many times the median distance an outlier's distance exceeds, greater than 1
 * @param minDistance the least distance an outlier is from its neighbour, at least 0, in feature units
 * @param maxShare the largest share of a segment's lines set aside, in (0, 0.5]
 */
public record OutlierRule(boolean enabled, int neighbours, double threshold, double minDistance, double maxShare) {

    /**
     * Checks the values.
     *
     * @param enabled as {@link #enabled()}
     * @param neighbours as {@link #neighbours()}
     * @param threshold as {@link #threshold()}
     * @param minDistance as {@link #minDistance()}
     * @param maxShare as {@link #maxShare()}
     */
    public OutlierRule {
        if (neighbours < 1) {
            throw new IllegalArgumentException("outlier neighbours must be >= 1, found " + neighbours);
        }
        if (!(threshold > 1) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("outlier threshold must be a number above 1, found " + threshold);
        }
        if (!(minDistance >= 0) || !Double.isFinite(minDistance)) {
            throw new IllegalArgumentException("outlier minDistance must be >= 0, found " + minDistance);
        }
        if (!(maxShare > 0 && maxShare <= 0.5)) {
            throw new IllegalArgumentException("outlier maxShare must be in (0, 0.5], found " + maxShare);
        }
    }

    /** {@return the default rule: see {@link #find}; the values are those docs/quality.md measured} */
    public static OutlierRule defaults() {
        return new OutlierRule(true, 3, 6.0, 1.0, 0.1);
    }

    /**
     * No line is ever set aside.
     *
     * @return the rule that sets nothing aside
     */
    public static OutlierRule off() {
        return new OutlierRule(false, 3, 6.0, 1.0, 0.1);
    }

    /**
     * {@return this rule with another threshold and least distance}
     *
     * @param newThreshold the threshold
     * @param newMinDistance the least distance
     */
    public OutlierRule withThreshold(double newThreshold, double newMinDistance) {
        return new OutlierRule(enabled, neighbours, newThreshold, newMinDistance, maxShare);
    }

    /**
     * Which points are outliers by the rule; all false when the rule is off or the segment too small.
     *
     * @return for each point, whether it is an outlier
     * @param data the segment's encoded points
     */
    public boolean[] find(FeatureMatrix data) {
        int n = data.rows();
        boolean[] out = new boolean[n];
        if (!enabled || n < 2 * (neighbours + 1)) {
            return out;
        }
        double[] dist = NearestNeighbours.mthDistances(data.values(), n, data.dims(), neighbours);
        double[] sorted = dist.clone();
        Arrays.sort(sorted);
        double median = sorted[n / 2];
        double cut = Math.max(threshold * median, minDistance);
        int cap = (int) Math.floor(maxShare * n);
        // the farthest first, so the cap keeps the most isolated
        int flagged = 0;
        for (int i = n - 1; i >= 0 && sorted[i] > cut && flagged < cap; i--) {
            flagged++;
        }
        if (flagged == 0) {
            return out;
        }
        double least = sorted[n - flagged];
        int left = flagged;
        for (int i = 0; i < n && left > 0; i++) {
            if (dist[i] >= least && dist[i] > cut) {
                out[i] = true;
                left--;
            }
        }
        return out;
    }
}
