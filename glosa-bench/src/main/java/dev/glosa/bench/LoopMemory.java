package dev.glosa.bench;

import dev.glosa.cluster.loop.LoopConfig;
import dev.glosa.cluster.loop.LoopResult;
import dev.glosa.cluster.loop.SegmentLoop;
import dev.glosa.core.table.GlosaTable;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Peak heap of the whole per-segment loop over about a million rows (1,000 segments of 30 to 5,000 rows).
 *
 * <p>Run it in a JVM capped at the budget, {@code java -Xmx1g -cp benchmarks.jar dev.glosa.bench.LoopMemory}: that
 * the loop completes at all shows it fits. It also prints the heap in use with the table loaded (after a full GC),
 * the highest heap in use sampled every millisecond during the loop, and the sum of the heap pools' peaks (an upper
 * bound: pools peak at different moments). Arguments: {@code [segments] [threads]} (default 1,000 and all cores).
 */
public final class LoopMemory {
    private LoopMemory() {}

    /**
     * Runs the loop once and prints the figures as JSON.
     *
     * @param args optional segment count and thread count
     */
    public static void main(String[] args) throws InterruptedException {
        int segments = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int threads = args.length > 1
                ? LoopBenchmark.threads(args[1])
                : Runtime.getRuntime().availableProcessors();
        SegmentData data = SegmentData.generate(segments, 30, 5_000, Blobs.SEED);
        GlosaTable table = data.table(YearMonth.of(2025, 1));
        LoopConfig config =
                LoopConfig.builder().seed(Blobs.SEED).threads(threads).build();
        SegmentLoop loop = SegmentLoop.withDefaultStrategies();
        Runtime rt = Runtime.getRuntime();
        HeapSampler heap = HeapSampler.start();
        long t0 = System.nanoTime();
        LoopResult result = loop.run(table, config);
        double seconds = (System.nanoTime() - t0) / 1e9;
        heap.stop();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("segments", result.segments().size());
        out.put("rows", result.rows());
        out.put("threads", threads);
        out.put("seconds", Double.parseDouble(String.format(Locale.ROOT, "%.2f", seconds)));
        out.put("max_heap_mb", rt.maxMemory() >> 20);
        out.put("table_loaded_heap_mb", heap.baseline() >> 20);
        out.put("sampled_peak_heap_mb", heap.sampledPeak() >> 20);
        out.put("pool_peaks_sum_mb", heap.poolPeaksSum() >> 20);
        out.put("groups", result.profiles().size());
        System.out.print(Compare.json(out));
    }
}
