package dev.glosa.examples;

import dev.glosa.cluster.loop.LoopConfig;
import dev.glosa.cluster.loop.LoopResult;
import dev.glosa.core.result.ClusterProfile;
import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.result.SegmentOutcome;
import dev.glosa.core.result.SegmentStatus;
import dev.glosa.core.run.RunRecord;
import dev.glosa.io.powerbi.StarSchemaWriter;
import dev.glosa.io.powerbi.WriteReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/** The small pieces the example mains share that are not part of the library. */
final class ExampleSupport {
    private ExampleSupport() {}

    /** The rows {@code 0..n-1} that {@code keep} accepts, ascending. */
    static int[] rowsWhere(int n, IntPredicate keep) {
        int[] rows = new int[n];
        int k = 0;
        for (int r = 0; r < n; r++) {
            if (keep.test(r)) {
                rows[k++] = r;
            }
        }
        return Arrays.copyOf(rows, k);
    }

    /**
     * The outcomes of a loop run over {@code table.select(rows)}, with their assignments pointing at rows of
     * {@code table} instead, as the writer wants when the fact table holds more rows than were clustered.
     */
    static List<SegmentOutcome> onRows(List<SegmentOutcome> outcomes, int[] rows) {
        List<SegmentOutcome> out = new ArrayList<>(outcomes.size());
        for (SegmentOutcome o : outcomes) {
            out.add(o.onRows(rows));
        }
        return out;
    }

    /**
     * The SHA-256 of the loop configuration's text, which the run id carries. The thread count is left out: it changes
     * how fast a run goes, never what it writes, so the same week on another machine keeps its id.
     */
    static String configSha256(LoopConfig config) {
        return RunRecord.sha256(config.toBuilder().threads(1).build().toString());
    }

    /** {@code PARTIAL} when a segment failed (its reason is in {@code dim_segment.csv}), else {@code OK}. */
    static RunRecord.Status status(LoopResult loop) {
        return loop.count(SegmentStatus.FAILED) > 0 ? RunRecord.Status.PARTIAL : RunRecord.Status.OK;
    }

    /** Prints what was written and the five costliest groups. */
    static void printSummary(PrintStream out, LoopResult loop, WriteReport written) {
        out.printf(Locale.ROOT, "run %s: %d segments (%d clustered, %d too small, %d failed), %d groups%n",
                written.runId(), loop.segments().size(), loop.count(SegmentStatus.CLUSTERED),
                loop.count(SegmentStatus.TOO_SMALL), loop.count(SegmentStatus.FAILED), loop.profiles().size());
        List<ClusterProfile> ranking = loop.ranking();
        for (int i = 0; i < Math.min(5, ranking.size()); i++) {
            ClusterProfile p = ranking.get(i);
            out.printf(Locale.ROOT, "  %d. %-18s R$ %,14.2f  %s%n", p.rankOverall(), p.clusterId(), p.glosaTotal(),
                    p.description());
        }
        out.printf(Locale.ROOT, "%,d fact rows; Power BI outputs in %s%n",
                written.table(StarSchemaWriter.FACT_GLOSA).rowsWritten(), written.folder().toAbsolutePath());
    }
}
