package dev.glosa.cluster.track;

/**
 * How groups are matched across runs; see {@link GroupTracker} for the distance.
 *
 * @param maxDistance the largest distance at which two groups are still the same group, positive
 * @param sizeWeight the weight of the size term ({@code |ln(rowShare ratio)|}), at least 0
 * @param maxAbsentRuns how many runs a group may be absent and still get its id back when it returns, at least 0
 *     (0: only the previous run's groups are candidates)
 */
public record TrackOptions(double maxDistance, double sizeWeight, int maxAbsentRuns) {

    /**
     * Checks the values.
     *
     * @param maxDistance as {@link #maxDistance()}
     * @param sizeWeight as {@link #sizeWeight()}
     * @param maxAbsentRuns as {@link #maxAbsentRuns()}
     */
    public TrackOptions {
        if (!(maxDistance > 0) || Double.isInfinite(maxDistance)) {
            throw new IllegalArgumentException("maxDistance must be a positive finite number, found " + maxDistance);
        }
        if (!(sizeWeight >= 0) || Double.isInfinite(sizeWeight)) {
            throw new IllegalArgumentException("sizeWeight must be a finite number >= 0, found " + sizeWeight);
        }
        if (maxAbsentRuns < 0) {
            throw new IllegalArgumentException("maxAbsentRuns must be >= 0, found " + maxAbsentRuns);
        }
    }

    /**
     * The defaults: distance up to 0.75 (three quarters of a segment standard deviation, Euclidean over the
     * features), size weight 0.25, and groups absent up to 4 runs can come back.
     *
     * <p>On planted groups drifting a little between two weeks, the same group lies at 0.17 (median, at most 0.39)
     * and different groups at 1.6 or more, so 0.75 sits in the gap with room on both sides.
     *
     * @return the default options
     */
    public static TrackOptions defaults() {
        return new TrackOptions(0.75, 0.25, 4);
    }
}
