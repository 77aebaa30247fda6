package dev.glosa.cluster.loop;

import dev.glosa.cluster.profile.Ranking;
import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.result.SegmentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a loop run: one result per segment in segment key order, the groups that vanished since the
 * previous run, and the tracking state the next run needs.
 *
 * @param config the configuration of the run
 * @param rows the rows of the table
 * @param segments one result per segment, in segment key order
 * @param vanished groups of the previous run that matched nothing: per segment in segment order, then those of
 *     segments absent from this run by segment id
 * @param state the records to persist and hand to the next run
 */
public record LoopResult(
        LoopConfig config,
        long rows,
        List<SegmentResult> segments,
        List<GroupRecord> vanished,
        List<GroupRecord> state) {

    /**
     * Copies the lists.
     *
     * @param config as {@link #config()}
     * @param rows as {@link #rows()}
     * @param segments as {@link #segments()}
     * @param vanished as {@link #vanished()}
     * @param state as {@link #state()}
     */
    public LoopResult {
        Objects.requireNonNull(config, "config");
        segments = List.copyOf(segments);
        vanished = List.copyOf(vanished);
        state = List.copyOf(state);
    }

    /** {@return every group's profile, in segment order and rank in segment} */
    public List<GroupProfile> profiles() {
        List<GroupProfile> out = new ArrayList<>();
        for (SegmentResult s : segments) {
            out.addAll(s.profiles());
        }
        return out;
    }

    /** {@return every group's profile by overall priority rank, 1 first} */
    public List<GroupProfile> ranking() {
        return Ranking.byOverallRank(profiles());
    }

    /**
     * {@return the number of segments with that status}
     *
     * @param status the status
     */
    public int count(SegmentStatus status) {
        int c = 0;
        for (SegmentResult s : segments) {
            if (s.status() == status) {
                c++;
            }
        }
        return c;
    }
}
