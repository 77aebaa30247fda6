package dev.glosa.cluster.loop;

import java.time.Duration;

/**
 * How far a loop run has got, for a progress bar.
 *
 * @param segmentsDone segments finished
 * @param segmentsTotal segments in the run
 * @param rowsDone rows of the finished segments
 * @param rowsTotal rows in the run
 * @param elapsed time since the run started
 * @param remaining estimated time left: the elapsed time scaled by the rows still to do over the rows done (a rough
 *     guess, since a segment's cost grows faster than its size); zero when done
 */
public record Progress(
        int segmentsDone, int segmentsTotal, long rowsDone, long rowsTotal, Duration elapsed, Duration remaining) {

    /** {@return the fraction of rows done, in [0, 1] (1 for an empty run)} */
    public double fraction() {
        return rowsTotal == 0 ? 1.0 : (double) rowsDone / rowsTotal;
    }
}
