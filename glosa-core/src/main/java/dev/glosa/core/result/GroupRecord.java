package dev.glosa.core.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a run remembers of one group for the next run to match against; the writer persists these and reads them
 * back.
 *
 * @param segmentId the segment's id
 * @param groupId the group's stable id, {@code segmentId + "-G" + serial}, or {@code segmentId + "-N"} for noise
 * @param serial the group's number in its segment (1, 2, ...), 0 for noise
 * @param cluster the algorithm's number for the group in the run that last saw the group ({@code -1} for noise)
 * @param rows the group's rows in that run
 * @param rowShare its share of the segment's rows
 * @param glosaAmount its total glosa
 * @param centres the mean of each feature in original units
 * @param spreads the segment's standard deviation of each feature in that run, original units
 * @param runsAbsent 0 when the group was seen in the run that wrote the record, n when it had been missing for n runs
 * @param label the group in words when last seen
 */
public record GroupRecord(
        String segmentId,
        String groupId,
        int serial,
        int cluster,
        long rows,
        double rowShare,
        double glosaAmount,
        Map<String, Double> centres,
        Map<String, Double> spreads,
        int runsAbsent,
        String label) {

    /**
     * Checks the record and copies its maps.
     *
     * @param segmentId as {@link #segmentId()}
     * @param groupId as {@link #groupId()}
     * @param serial as {@link #serial()}
     * @param cluster as {@link #cluster()}
     * @param rows as {@link #rows()}
     * @param rowShare as {@link #rowShare()}
     * @param glosaAmount as {@link #glosaAmount()}
     * @param centres as {@link #centres()}
     * @param spreads as {@link #spreads()}
     * @param runsAbsent as {@link #runsAbsent()}
     * @param label as {@link #label()}
     */
    public GroupRecord {
        Objects.requireNonNull(segmentId, "segmentId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(label, "label");
        if (serial < 0) {
            throw new IllegalArgumentException("serial of group " + groupId + " must be >= 0, found " + serial);
        }
        if (runsAbsent < 0) {
            throw new IllegalArgumentException("runsAbsent of group " + groupId + " must be >= 0, found " + runsAbsent);
        }
        centres = Collections.unmodifiableMap(new LinkedHashMap<>(centres));
        spreads = Collections.unmodifiableMap(new LinkedHashMap<>(spreads));
    }

    /** {@return whether the record is the noise group} */
    public boolean isNoise() {
        return serial == 0;
    }

    /** {@return the same record, one more run absent} */
    public GroupRecord absentOnceMore() {
        return new GroupRecord(
                segmentId,
                groupId,
                serial,
                cluster,
                rows,
                rowShare,
                glosaAmount,
                centres,
                spreads,
                runsAbsent + 1,
                label);
    }
}
