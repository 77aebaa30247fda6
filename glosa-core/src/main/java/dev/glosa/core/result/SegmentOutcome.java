package dev.glosa.core.result;

import dev.glosa.core.segment.SegmentKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one segment came out of the clustering loop: what was tried, what was chosen, every row's group and every
 * group's profile. The plain record the writers consume, whatever algorithm produced it.
 *
 * @param key the segment's key
 * @param status clustered, too small, or failed
 * @param reason why it failed or was not clustered; empty when clustered
 * @param rows the number of rows
 * @param glosaAmount the segment's total glosa
 * @param strategy the strategy id ({@code kmeans}, {@code dbscan}, ...)
 * @param k the number of groups chosen (noise not counted)
 * @param parameters the strategy's parameters as text (for example {@code eps=0.42}), for the record
 * @param qualityMetric the criterion that chose {@code k} ({@code silhouette}, ...), empty when none was used
 * @param quality the criterion's value for the chosen partition ({@code NaN} when none)
 * @param qualityByK the criterion's value for every {@code k} tried
 * @param assignment the group of every row
 * @param profiles the profile of every group, costliest first
 */
public record SegmentOutcome(
        SegmentKey key,
        SegmentStatus status,
        String reason,
        long rows,
        double glosaAmount,
        String strategy,
        int k,
        Map<String, String> parameters,
        String qualityMetric,
        double quality,
        Map<Integer, Double> qualityByK,
        SegmentAssignment assignment,
        List<ClusterProfile> profiles) {

    /** Checks the required parts and copies the collections. */
    public SegmentOutcome {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        strategy = strategy == null ? "" : strategy;
        qualityMetric = qualityMetric == null ? "" : qualityMetric;
        parameters = Map.copyOf(parameters);
        qualityByK = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(qualityByK));
        Objects.requireNonNull(assignment, "assignment");
        profiles = List.copyOf(profiles);
    }

    /** The segment id; see {@link SegmentKey#id()}. */
    public String segmentId() {
        return key.id();
    }
}
