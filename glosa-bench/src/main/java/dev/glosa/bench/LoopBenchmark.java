package dev.glosa.bench;

import dev.glosa.cluster.loop.LoopConfig;
import dev.glosa.cluster.loop.LoopResult;
import dev.glosa.cluster.loop.SegmentLoop;
import dev.glosa.cluster.select.Criterion;
import dev.glosa.core.table.GlosaTable;
import java.time.YearMonth;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-segment loop end to end: 1,000 segments of 30 to 5,000 rows (about a million rows, {@link SegmentData}),
 * k from 2 to 15 chosen by the default criterion, on all cores ({@code loop}) and on one ({@code loopOneCore}).
 *
 * <p>{@code loop} is the library's {@link SegmentLoop} with its defaults (reference features z-scored, k-means,
 * simplified silhouette, profiles, ranking, tracking state), and {@code loopElki} the same loop whose strategy is the library's
 * optional ELKI backend ({@code elki-kmeans}: ELKI's Hamerly k-means, plain k-means++, a database per restart).
 * {@code selection} is the model-selection part alone, on the
 * library's kernels ({@link SegmentLoops#glosa}), and {@code elki} the same selection with ELKI's k-means under the
 * same criterion ({@link SegmentLoops#elki}): their ratio is the kernels' share of the difference. The secondary
 * result counts the rows of one operation.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class LoopBenchmark {

    /** Number of segments. */
    @Param({"1000"})
    public int segments;

    /** Worker threads of the all-core operations: {@code all} (one per available processor) or a number. */
    @Param({"all"})
    public String threads;

    private SegmentData data;
    private GlosaTable table;
    private LoopConfig config;
    private LoopConfig elkiConfig;
    private LoopConfig oneCoreConfig;
    private int threadCount;
    private final SegmentLoop loop = SegmentLoop.withDefaultStrategies();
    private final Criterion criterion = Criterion.defaultCriterion();

    /** Rows clustered by the operations of one measurement iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Rows {
        /** Rows clustered. */
        public long rows;

        /** Resets the count before every measurement iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            rows = 0;
        }
    }

    /** Generates the segments and the loop configuration. */
    @Setup(Level.Trial)
    public void setUp() {
        data = SegmentData.generate(segments, 30, 5_000, Blobs.SEED);
        table = data.table(YearMonth.of(2025, 1));
        threadCount = threads(threads);
        config = LoopConfig.builder().seed(Blobs.SEED).threads(threadCount).build();
        elkiConfig = config.toBuilder().strategy(ELKI_STRATEGY).build();
        oneCoreConfig = config.toBuilder().threads(1).build();
    }

    /** The number of threads {@code spec} names: {@code all} or a positive number. */
    static int threads(String spec) {
        return spec.equals("all") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(spec);
    }

    /** The id of the library's ELKI k-means backend. */
    static final String ELKI_STRATEGY = "elki-kmeans";

    /** The library's loop with its default configuration. */
    @Benchmark
    public LoopResult loop(Rows rows) {
        rows.rows += data.rows();
        return loop.run(table, config);
    }

    /** {@link #loop} on the k-means engine's scalar path (the Vector API path switched off): the same result. */
    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {
                "--add-modules",
                "jdk.incubator.vector",
                "-Dglosa.kmeans.vector=false",
                "-Xms2g",
                "-Xmx2g",
                "-XX:+AlwaysPreTouch"
            })
    public LoopResult loopScalar(Rows rows) {
        return loop(rows);
    }

    /** The library's loop with its default configuration on one thread. */
    @Benchmark
    public LoopResult loopOneCore(Rows rows) {
        rows.rows += data.rows();
        return loop.run(table, oneCoreConfig);
    }

    /** The same loop with the library's ELKI k-means backend as its strategy. */
    @Benchmark
    public LoopResult loopElki(Rows rows) {
        rows.rows += data.rows();
        return loop.run(table, elkiConfig);
    }

    /** Model selection per segment on the library's kernels. */
    @Benchmark
    public int[] selection(Rows rows) {
        rows.rows += data.rows();
        return SegmentLoops.glosa(data, criterion, threadCount, Blobs.SEED);
    }

    /** The same model selection on ELKI's k-means. */
    @Benchmark
    public int[] elki(Rows rows) {
        rows.rows += data.rows();
        return SegmentLoops.elki(data, criterion, threadCount, Blobs.SEED);
    }
}
