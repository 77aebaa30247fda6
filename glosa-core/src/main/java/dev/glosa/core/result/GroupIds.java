package dev.glosa.core.result;

/**
 * The one place the ids of groups, and the keys that join the star schema's tables, are built.
 *
 * <p>A segment's id is {@code S} and 12 hex digits ({@link dev.glosa.core.segment.SegmentKey#id()}). A group's id is
 * its segment's id, {@code -G} and its serial ({@code S3f9a0c12b4e7-G3}); a segment's noise is {@code -N}
 * ({@code S3f9a0c12b4e7-N}). The star schema's row keys prefix them with the run id, so the same group in two weeks
 * has one {@code group_id} and two keys: {@code 20261123-d5a28058:S3f9a0c12b4e7} and
 * {@code 20261123-d5a28058:S3f9a0c12b4e7:S3f9a0c12b4e7-G3}.
 */
public final class GroupIds {
    private GroupIds() {}

    /**
     * {@return the id of the group with {@code serial} (from 1) in segment {@code segmentId}}
     *
     * @param segmentId the segment's id
     * @param serial the group's serial in its segment, from 1
     */
    public static String group(String segmentId, int serial) {
        return segmentId + "-G" + serial;
    }

    /**
     * {@return the id of the noise of segment {@code segmentId}: the points a density strategy leaves out of every
     * group}
     *
     * @param segmentId the segment's id
     */
    public static String noise(String segmentId) {
        return segmentId + "-N";
    }

    /**
     * {@return the key of a segment's row in one run: the run id, a colon and the segment id}
     *
     * @param runId the run's id
     * @param segmentId the segment's id
     */
    public static String segmentKey(String runId, String segmentId) {
        return runId + ":" + segmentId;
    }

    /**
     * {@return the key of a group's row in one run: the segment's key, a colon and the group's id}
     *
     * @param runId the run's id
     * @param segmentId the segment's id
     * @param groupId the group's id
     */
    public static String groupKey(String runId, String segmentId, String groupId) {
        return segmentKey(runId, segmentId) + ":" + groupId;
    }
}
