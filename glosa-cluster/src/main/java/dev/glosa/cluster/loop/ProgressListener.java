package dev.glosa.cluster.loop;

/**
 * Receives the progress of a loop run.
 *
 * <p>Called on the thread that called {@link SegmentLoop#run}, once per finished segment, in the order segments
 * finish (which varies from run to run; the results do not). It should return quickly; an exception it throws
 * stops the run.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = p -> {};

    /**
     * Called after each segment.
     *
     * @param progress the segments done, in all, and the time so far
     */
    void onProgress(Progress progress);
}
