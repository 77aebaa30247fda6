package dev.glosa.cluster.track;

import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupRecord;
import java.util.List;

/**
 * The outcome of matching one segment's groups to the previous run's.
 *
 * @param profiles this run's profiles, same order, with stable {@code groupId} and {@code status} set
 * @param vanished the groups seen in the previous run that matched nothing in this one, as they were recorded
 * @param state the records to persist for this segment: this run's groups, then groups still within the absence
 *     window, by serial
 */
public record SegmentTracking(List<GroupProfile> profiles, List<GroupRecord> vanished, List<GroupRecord> state) {

    /**
     * Copies the lists.
     *
     * @param profiles as {@link #profiles()}
     * @param vanished as {@link #vanished()}
     * @param state as {@link #state()}
     */
    public SegmentTracking {
        profiles = List.copyOf(profiles);
        vanished = List.copyOf(vanished);
        state = List.copyOf(state);
    }
}
