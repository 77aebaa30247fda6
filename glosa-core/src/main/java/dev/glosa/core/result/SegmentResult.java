package dev.glosa.core.result;

import dev.glosa.core.segment.SegmentKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How one segment came out of the clustering loop: what was tried, what was chosen, every row's group and every
 * group's profile. The one record the loop returns, the sinks write and the executors (threads or Spark) exchange,
 * whatever algorithm produced it.
 *
 * <p>The clusters in {@code assignment} are those of the partition the criterion scored; nothing is refitted. A
 * segment that failed or was too small still has all its rows in one group (cluster 0), so the money of every segment
 * is accounted for; a failed segment's group is named {@code segmentId + "-F"} and is not tracked.
 *
 * @param key the segment's key
 * @param status clustered, too small, or failed
 * @param reason why the segment was too small, failed, or was handled specially; empty when clustered normally
 * @param strategy the strategy id ({@code kmeans}, {@code dbscan}, ...)
 * @param parameters the effective parameters as text (automatic ones filled with what the strategy chose)
 * @param qualityMetric the criterion that scores the partitions ({@code simplified-silhouette}, ...)
 * @param k the number of groups written, noise excluded
 * @param eps the neighbourhood radius used, for a strategy that has one; {@code NaN} otherwise
 * @param quality the criterion's value of the written partition; {@code NaN} when undefined
 * @param qualityByK the criterion's value for every k tried, in the order tried (empty when no search ran)
 * @param seed the segment's seed
 * @param rows the segment's rows
 * @param glosaAmount the segment's glosa, in reais
 * @param featureSpread the segment's standard deviation of each feature, original units
 * @param assignment every row's cluster and stable group id
 * @param profiles the groups, costliest first
 * @param vanished the previous run's groups of this segment that matched nothing
 * @param state the records of this segment the next run will match against
 */
public record SegmentResult(
        SegmentKey key,
        SegmentStatus status,
        String reason,
        String strategy,
        Map<String, String> parameters,
        String qualityMetric,
        int k,
        double eps,
        double quality,
        List<KScore> qualityByK,
        long seed,
        long rows,
        double glosaAmount,
        Map<String, Double> featureSpread,
        SegmentAssignment assignment,
        List<GroupProfile> profiles,
        List<GroupRecord> vanished,
        List<GroupRecord> state) {

    /**
     * Checks the result and copies its collections.
     *
     * @param key as {@link #key()}
     * @param status as {@link #status()}
     * @param reason as {@link #reason()}
     * @param strategy as {@link #strategy()}
     * @param parameters as {@link #parameters()}
     * @param qualityMetric as {@link #qualityMetric()}
     * @param k as {@link #k()}
     * @param eps as {@link #eps()}
     * @param quality as {@link #quality()}
     * @param qualityByK as {@link #qualityByK()}
     * @param seed as {@link #seed()}
     * @param rows as {@link #rows()}
     * @param glosaAmount as {@link #glosaAmount()}
     * @param featureSpread as {@link #featureSpread()}
     * @param assignment as {@link #assignment()}
     * @param profiles as {@link #profiles()}
     * @param vanished as {@link #vanished()}
     * @param state as {@link #state()}
     */
    public SegmentResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(strategy, "strategy");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(qualityMetric, "qualityMetric");
        qualityByK = List.copyOf(qualityByK);
        featureSpread = Collections.unmodifiableMap(new LinkedHashMap<>(featureSpread));
        Objects.requireNonNull(assignment, "assignment");
        profiles = List.copyOf(profiles);
        vanished = List.copyOf(vanished);
        state = List.copyOf(state);
    }

    /**
     * The segment's id.
     *
     * @return the id of {@link #key()}, as in {@code dim_segment.segment_id}
     */
    public String segmentId() {
        return key.id();
    }

    /**
     * The criterion's value for every k tried, by k; a k tried twice keeps its last value.
     *
     * @return the values sorted by k
     */
    public Map<Integer, Double> qualityByKSorted() {
        Map<Integer, Double> byK = new TreeMap<>();
        for (KScore s : qualityByK) {
            byK.put(s.k(), s.quality());
        }
        return Collections.unmodifiableMap(byK);
    }

    /**
     * The same result with other profiles, for the loop's ranking across segments.
     *
     * @param newProfiles the segment's groups, costliest first
     * @return a copy with {@code newProfiles}
     */
    public SegmentResult withProfiles(List<GroupProfile> newProfiles) {
        return new SegmentResult(
                key,
                status,
                reason,
                strategy,
                parameters,
                qualityMetric,
                k,
                eps,
                quality,
                qualityByK,
                seed,
                rows,
                glosaAmount,
                featureSpread,
                assignment,
                newProfiles,
                vanished,
                state);
    }

    /**
     * The same result with its assignment naming rows of a larger table: row {@code i} of the segment's assignment
     * becomes row {@code tableRows[i]}.
     *
     * @param tableRows for each row index of the current assignment, the row of the larger table
     * @return a copy whose assignment indexes the larger table
     */
    public SegmentResult onRows(int[] tableRows) {
        SegmentAssignment a = assignment;
        int[] mapped = new int[a.size()];
        int[] clusters = new int[a.size()];
        String[] ids = new String[a.size()];
        for (int i = 0; i < mapped.length; i++) {
            mapped[i] = tableRows[a.row(i)];
            clusters[i] = a.cluster(i);
            ids[i] = a.groupId(i);
        }
        return new SegmentResult(
                key,
                status,
                reason,
                strategy,
                parameters,
                qualityMetric,
                k,
                eps,
                quality,
                qualityByK,
                seed,
                rows,
                glosaAmount,
                featureSpread,
                new SegmentAssignment(a.key(), mapped, clusters, ids),
                profiles,
                vanished,
                state);
    }
}
