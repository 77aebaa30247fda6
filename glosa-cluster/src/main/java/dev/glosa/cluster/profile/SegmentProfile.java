package dev.glosa.cluster.profile;

import dev.glosa.core.result.GroupProfile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The profiles of the groups of one segment and the segment's own totals.
 *
 * @param segmentId the segment's id
 * @param rows the segment's rows
 * @param glosaAmount the segment's glosa, summed over its rows (compensated summation)
 * @param billedTotal the segment's billed amount ({@code NaN} when the table has no billed column)
 * @param featureSpread the standard deviation over the segment's rows of each feature, original units, in feature
 *     order ({@code NaN} when a feature has no value)
 * @param groups the groups' profiles, costliest first ({@link GroupProfile#rankInSegment()} order); their
 *     {@code groupId} is provisional ({@code segmentId#cluster}) until a tracker assigns stable ids, and their
 *     {@code rankOverall} is 0 until {@link Ranking#rankOverall} runs
 */
public record SegmentProfile(
        String segmentId,
        long rows,
        double glosaAmount,
        double billedTotal,
        Map<String, Double> featureSpread,
        List<GroupProfile> groups) {

    /**
     * Copies the collections.
     *
     * @param segmentId as {@link #segmentId()}
     * @param rows as {@link #rows()}
     * @param glosaAmount as {@link #glosaAmount()}
     * @param billedTotal as {@link #billedTotal()}
     * @param featureSpread as {@link #featureSpread()}
     * @param groups as {@link #groups()}
     */
    public SegmentProfile {
        Objects.requireNonNull(segmentId, "segmentId");
        featureSpread = Collections.unmodifiableMap(new LinkedHashMap<>(featureSpread));
        groups = List.copyOf(groups);
    }
}
