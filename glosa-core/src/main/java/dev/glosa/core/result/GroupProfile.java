package dev.glosa.core.result;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one group of a segment is and what it costs, in words and numbers an analyst can act on.
 *
 * @param segmentId the segment's id
 * @param groupId the group's stable id across runs
 * @param cluster the algorithm's number for the group in this run ({@code -1} for DBSCAN noise)
 * @param rows the number of rows
 * @param rowShare the group's share of the segment's rows
 * @param glosaAmount total glosa
 * @param glosaMean mean glosa per row
 * @param glosaMedian median glosa per row
 * @param glosaShare the group's share of the segment's glosa
 * @param glosaRate glosa over billed ({@code NaN} when nothing was billed)
 * @param glosaJump the change of the group's glosa over the previous month, when known ({@code NaN} otherwise)
 * @param featureCentres the mean of each feature in its original units, by feature name, in feature order
 * @param distinctive the categories that set the group apart, highest lift first
 * @param topReasons the reason codes carrying most of its glosa, largest first
 * @param label the group in words, e.g. "high value and rising — MATERIAL in ICU — R$ 1.2 M, 41% of the segment"
 * @param rankInSegment 1 for the costliest group of its segment
 * @param rankOverall 1 for the costliest group of the run
 * @param status whether the id was kept from the previous run
 */
public record GroupProfile(
        String segmentId,
        String groupId,
        int cluster,
        long rows,
        double rowShare,
        double glosaAmount,
        double glosaMean,
        double glosaMedian,
        double glosaShare,
        double glosaRate,
        double glosaJump,
        Map<String, Double> featureCentres,
        List<CategoryLift> distinctive,
        List<ReasonShare> topReasons,
        String label,
        int rankInSegment,
        int rankOverall,
        GroupStatus status) {

    /**
     * Checks the ids and copies the collections.
     *
     * @param segmentId as {@link #segmentId()}
     * @param groupId as {@link #groupId()}
     * @param cluster as {@link #cluster()}
     * @param rows as {@link #rows()}
     * @param rowShare as {@link #rowShare()}
     * @param glosaAmount as {@link #glosaAmount()}
     * @param glosaMean as {@link #glosaMean()}
     * @param glosaMedian as {@link #glosaMedian()}
     * @param glosaShare as {@link #glosaShare()}
     * @param glosaRate as {@link #glosaRate()}
     * @param glosaJump as {@link #glosaJump()}
     * @param featureCentres as {@link #featureCentres()}
     * @param distinctive as {@link #distinctive()}
     * @param topReasons as {@link #topReasons()}
     * @param label as {@link #label()}
     * @param rankInSegment as {@link #rankInSegment()}
     * @param rankOverall as {@link #rankOverall()}
     * @param status as {@link #status()}
     */
    public GroupProfile {
        Objects.requireNonNull(segmentId, "segmentId");
        Objects.requireNonNull(groupId, "groupId");
        featureCentres = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(featureCentres));
        distinctive = List.copyOf(distinctive);
        topReasons = List.copyOf(topReasons);
        Objects.requireNonNull(status, "status");
    }

    /**
     * {@return this profile under another stable id, e.g. the id of the previous run's group it matched}
     *
     * @param groupId the stable id
     */
    public GroupProfile withGroupId(String groupId) {
        return new GroupProfile(
                segmentId,
                groupId,
                cluster,
                rows,
                rowShare,
                glosaAmount,
                glosaMean,
                glosaMedian,
                glosaShare,
                glosaRate,
                glosaJump,
                featureCentres,
                distinctive,
                topReasons,
                label,
                rankInSegment,
                rankOverall,
                status);
    }

    /**
     * {@return this profile with its ranks by cost, in its segment and in the run (1 for the costliest)}
     *
     * @param rankInSegment the rank in its segment, from 1
     * @param rankOverall the rank in the run, from 1
     */
    public GroupProfile withRanks(int rankInSegment, int rankOverall) {
        return new GroupProfile(
                segmentId,
                groupId,
                cluster,
                rows,
                rowShare,
                glosaAmount,
                glosaMean,
                glosaMedian,
                glosaShare,
                glosaRate,
                glosaJump,
                featureCentres,
                distinctive,
                topReasons,
                label,
                rankInSegment,
                rankOverall,
                status);
    }

    /**
     * {@return this profile with another status, e.g. once tracking decided whether its id was kept}
     *
     * @param status the status
     */
    public GroupProfile withStatus(GroupStatus status) {
        return new GroupProfile(
                segmentId,
                groupId,
                cluster,
                rows,
                rowShare,
                glosaAmount,
                glosaMean,
                glosaMedian,
                glosaShare,
                glosaRate,
                glosaJump,
                featureCentres,
                distinctive,
                topReasons,
                label,
                rankInSegment,
                rankOverall,
                status);
    }
}
