package dev.glosa.cluster.loop;

import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.ClusterProfile;
import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.result.SegmentOutcome;
import dev.glosa.core.result.SegmentStatus;
import dev.glosa.core.segment.SegmentKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The outcome of one segment: how it was clustered, every row's group, and the groups' profiles.
 *
 * <p>The labels in {@code assignment} are those of the partition the criterion scored; nothing is refitted.
 * A segment that failed or was too small still has all its rows in one group (label 0), so the money of every
 * segment is accounted for; a failed segment's group is named {@code segmentId + "-F"} and is not tracked.
 *
 * @param key the segment's key
 * @param status how the clustering ended
 * @param reason why the segment was too small, failed, or was handled specially; empty when clustered normally
 * @param strategy the strategy id used
 * @param parameters the effective parameters as text (automatic ones filled with what the strategy chose)
 * @param criterion the criterion id
 * @param k the number of groups written, noise excluded
 * @param eps the neighbourhood radius used, for a strategy that has one; {@code NaN} otherwise
 * @param criterionValue the criterion's value of the written partition; {@code NaN} when undefined
 * @param scores the criterion's value for every k tried, in order (empty when no search ran)
 * @param seed the segment's seed
 * @param rows the segment's rows
 * @param glosaTotal the segment's glosa
 * @param featureSpread the segment's standard deviation of each feature, original units
 * @param assignment every row's label and stable group id
 * @param profiles the groups, costliest first
 * @param vanished the previous run's groups of this segment that matched nothing
 * @param state the records of this segment the next run will match against
 */
public record SegmentResult(SegmentKey key, SegmentStatus status, String reason, String strategy,
        Map<String, String> parameters, String criterion, int k, double eps, double criterionValue,
        List<KScore> scores, long seed, long rows, double glosaTotal, Map<String, Double> featureSpread,
        SegmentAssignment assignment, List<ClusterProfile> profiles, List<GroupRecord> vanished,
        List<GroupRecord> state) {

    /** Checks the result and copies its collections. */
    public SegmentResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(strategy, "strategy");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(criterion, "criterion");
        scores = List.copyOf(scores);
        featureSpread = Collections.unmodifiableMap(new LinkedHashMap<>(featureSpread));
        Objects.requireNonNull(assignment, "assignment");
        profiles = List.copyOf(profiles);
        vanished = List.copyOf(vanished);
        state = List.copyOf(state);
    }

    /** The segment's id. */
    public String id() {
        return key.id();
    }

    /**
     * The plain core record the writers consume: the same key, status, reason, counts, strategy, parameters,
     * assignment and profiles; the criterion and its values per k (the criterion name is empty when no partition was
     * scored: a too-small or failed segment).
     */
    public SegmentOutcome toOutcome() {
        Map<Integer, Double> byK = new TreeMap<>();
        for (KScore s : scores) {
            byK.put(s.k(), s.score());
        }
        String metric = status == SegmentStatus.CLUSTERED ? criterion : "";
        return new SegmentOutcome(key, status, reason, rows, glosaTotal, strategy, k, parameters, metric,
                criterionValue, byK, assignment, profiles);
    }

    /** The same result with other profiles (used to fill in overall ranks). */
    SegmentResult withProfiles(List<ClusterProfile> p) {
        return new SegmentResult(key, status, reason, strategy, parameters, criterion, k, eps, criterionValue,
                scores, seed, rows, glosaTotal, featureSpread, assignment, p, vanished, state);
    }
}
