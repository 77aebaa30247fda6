package dev.glosa.bench;

import dev.glosa.cluster.features.FeatureSpec;
import dev.glosa.cluster.loop.LoopConfig;
import dev.glosa.cluster.loop.LoopResult;
import dev.glosa.cluster.loop.SegmentLoop;
import dev.glosa.cluster.select.OutlierRule;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.YearMonth;
import java.util.Locale;

/**
 * The per-segment loop's CPU time on one thread with its defaults and with the settings it had before heavy tails
 * were handled (z-scored reference features, nothing set aside, the best score wins), alternating in one JVM over
 * {@link SegmentData}'s segments. CPU time of the calling thread, not wall time: on a shared machine the wall time
 * of the same run varied threefold while its CPU time stayed within 10%.
 *
 * <p>Run: {@code java -cp glosa-bench/target/benchmarks.jar dev.glosa.bench.LoopCpuTime [segments] [rounds]}
 * (default 300 segments, 5 rounds).
 */
public final class LoopCpuTime {
    private LoopCpuTime() {}

    /** Prints one line per run and the mean ratio. */
    public static void main(String[] args) {
        int segments = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SegmentData data = SegmentData.generate(segments, 30, 5_000, Blobs.SEED);
        var table = data.table(YearMonth.of(2025, 1));
        LoopConfig after = LoopConfig.builder().seed(Blobs.SEED).threads(1).build();
        LoopConfig before = after.toBuilder()
                .features(FeatureSpec.reference())
                .outliers(OutlierRule.off())
                .nearTie(0)
                .build();
        SegmentLoop loop = SegmentLoop.withDefaultStrategies();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] total = new double[2];
        for (int r = 0; r < rounds; r++) {
            for (int c = 0; c < 2; c++) {
                boolean isBefore = (r + c) % 2 == 0;
                long t0 = mx.getCurrentThreadCpuTime();
                LoopResult res = loop.run(table, isBefore ? before : after);
                double cpu = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
                if (r > 0) { // the first round warms the JIT up
                    total[isBefore ? 0 : 1] += cpu;
                }
                System.out.printf(
                        Locale.ROOT,
                        "round %d %s cpu %.2f s, %d segments%n",
                        r,
                        isBefore ? "before" : "after ",
                        cpu,
                        res.segments().size());
            }
        }
        System.out.printf(Locale.ROOT, "after / before (rounds 1..%d): %.3f%n", rounds - 1, total[1] / total[0]);
    }
}
