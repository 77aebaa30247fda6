package dev.glosa.cluster.loop;

import dev.glosa.core.result.SegmentResult;
import java.util.List;

/**
 * Runs {@link SegmentJob#run} over the segments of one run somewhere else than the loop's own threads.
 *
 * <p>{@link SegmentLoop} prepares the inputs (segments, settings, seeds, previous records) and combines the results
 * (overall rank, vanished groups, tracking state) itself; an executor only runs the pure per-segment function, so a
 * distributed engine (glosa-spark) gives the same groups as a single machine.
 */
public interface SegmentExecutor {
    /**
     * Runs every input, each with a {@link SegmentJob} over {@code registry}'s strategies, or an equivalent job built
     * where the input runs.
     *
     * @param inputs the segments to run
     * @param job what runs one of them
     * @return one result per input, in the order of {@code inputs}
     */
    List<SegmentResult> execute(SegmentJob job, List<SegmentInput> inputs);
}
