package dev.glosa.spark;

import dev.glosa.cluster.loop.SegmentExecutor;
import dev.glosa.cluster.loop.SegmentInput;
import dev.glosa.cluster.loop.SegmentJob;
import dev.glosa.cluster.spi.StrategyRegistry;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.GlosaTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

/**
 * Runs the segments of the loop as Spark tasks: each segment's rows travel to an executor, which runs the library's
 * own per-segment function ({@link SegmentJob#run}) with the seed and previous records the loop gave it.
 *
 * <p>Segments travel in batches, each batch one task: a few per core, more when that would make tasks of over a
 * megabyte. The loop keeps everything that needs every segment (the personal-column decision, the overall rank, the
 * groups of segments absent this week), so groups, ranks, labels and cluster ids are those of a single-machine run. A
 * segment with more rows than {@code maxSegmentRows} is refused before any task starts, naming the segment and its
 * size: one executor must hold a segment whole, and glosa never samples a segment silently.
 */
public final class SparkSegmentExecutor implements SegmentExecutor {
    /** The bytes of segments one task carries at most, about: Spark warns above 1,000 KiB. */
    static final long TASK_BYTES = 1L << 20;

    private final JavaSparkContext spark;
    private final long maxSegmentRows;

    /**
     * An executor over {@code spark}.
     *
     * @param spark the Spark context whose executors cluster the segments
     * @param maxSegmentRows the most rows one segment may have (what one executor's memory holds)
     */
    public SparkSegmentExecutor(JavaSparkContext spark, long maxSegmentRows) {
        this.spark = Objects.requireNonNull(spark, "spark");
        if (maxSegmentRows < 1) {
            throw new IllegalArgumentException("--max-segment-rows must be at least 1, found " + maxSegmentRows);
        }
        this.maxSegmentRows = maxSegmentRows;
    }

    @Override
    public List<SegmentResult> execute(SegmentJob job, List<SegmentInput> inputs) {
        int m = inputs.size();
        if (m == 0) {
            return List.of();
        }
        for (SegmentInput in : inputs) {
            if (in.size() > maxSegmentRows) {
                throw new SegmentTooLargeException(in.key().id(), in.size(), maxSegmentRows);
            }
        }
        // Largest first, as the local loop does, so the last tasks are not the giants.
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> inputs.get(a).size() != inputs.get(b).size()
                        ? Integer.compare(inputs.get(b).size(), inputs.get(a).size())
                        : Integer.compare(a, b));
        byte[][] encoded = new byte[m][];
        long bytes = 0;
        for (int r = 0; r < m; r++) {
            encoded[r] = message(inputs.get(order[r]));
            bytes += encoded[r].length;
        }
        int batches = batches(m, spark.defaultParallelism(), bytes);
        List<List<byte[]>> messages = new ArrayList<>(batches);
        List<List<Integer>> members = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            messages.add(new ArrayList<>());
            members.add(new ArrayList<>());
        }
        for (int r = 0; r < m; r++) {
            messages.get(r % batches).add(encoded[r]);
            encoded[r] = null;
            members.get(r % batches).add(order[r]);
        }
        List<List<byte[]>> answers =
                spark.parallelize(messages, batches).map(new RunSegments()).collect();
        SegmentResult[] out = new SegmentResult[m];
        for (int b = 0; b < batches; b++) {
            for (int j = 0; j < members.get(b).size(); j++) {
                int i = members.get(b).get(j);
                out[i] = Wire.decode(answers.get(b).get(j), SegmentResult.class)
                        .onRows(inputs.get(i).rows());
            }
        }
        return List.of(out);
    }

    /**
     * How many tasks carry {@code segments} segments of {@code bytes} in all. Segments are many and mostly small: a
     * task per segment would cost more to schedule than to run. They go in batches, dealt largest first round-robin,
     * a few batches per core so the executors finish together, and enough that a batch stays near the task size
     * Spark recommends ({@link #TASK_BYTES}).
     */
    static int batches(int segments, int parallelism, long bytes) {
        long wanted = Math.max(parallelism * 4L, bytes / TASK_BYTES + 1);
        return (int) Math.max(1, Math.min(segments, wanted));
    }

    /** What travels to the executor for one segment: its rows alone (SegmentInput allows a table of the segment). */
    static byte[] message(SegmentInput in) {
        int n = in.size();
        int[] local = new int[n];
        for (int i = 0; i < n; i++) {
            local[i] = i;
        }
        return Wire.encode(new SegmentInput(
                in.key(), segmentTable(in.table(), in.rows()), local, in.settings(), in.previous(), in.seed()));
    }

    /**
     * The rows of one segment as a table of their own, each text column holding only the values those rows use, in
     * the whole table's dictionary order.
     *
     * <p>A row selection keeps the whole table's dictionary, and every segment's message would carry it: with a column
     * of one value per AIH that is the whole input again for each of thousands of segments (a task of 740 MB at
     * 4 M AIHs). The per-segment function reads values, and codes only for their order, which a dictionary cut
     * this way keeps, so the results do not change.
     */
    static GlosaTable segmentTable(GlosaTable table, int[] rows) {
        List<Column> columns = new ArrayList<>(table.columns().size());
        for (Column c : table.columns()) {
            columns.add(c instanceof CategoryColumn text ? usedValues(text, rows) : c.select(rows));
        }
        return GlosaTable.of(columns);
    }

    private static CategoryColumn usedValues(CategoryColumn column, int[] rows) {
        int n = rows.length;
        int[] used = new int[n];
        for (int i = 0; i < n; i++) {
            used[i] = column.code(rows[i]);
        }
        Arrays.sort(used);
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (used[i] != CategoryColumn.MISSING && (u == 0 || used[u - 1] != used[i])) {
                used[u++] = used[i];
            }
        }
        String[] dictionary = new String[u];
        for (int j = 0; j < u; j++) {
            dictionary[j] = column.value(used[j]);
        }
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            int code = column.code(rows[i]);
            codes[i] = code == CategoryColumn.MISSING ? CategoryColumn.MISSING : Arrays.binarySearch(used, 0, u, code);
        }
        return CategoryColumn.ofCodes(column.name(), codes, dictionary);
    }

    /** The task: a batch of segments in, their results out; the strategies are found once per executor JVM. */
    static final class RunSegments implements Function<List<byte[]>, List<byte[]>> {
        private static final long serialVersionUID = 1L;

        @Override
        public List<byte[]> call(List<byte[]> batch) {
            List<byte[]> out = new ArrayList<>(batch.size());
            for (byte[] message : batch) {
                out.add(Wire.encode(Jobs.JOB.run(Wire.decode(message, SegmentInput.class))));
            }
            return out;
        }
    }

    /** Lazily, on the executor: a job over the strategies on its class path. */
    private static final class Jobs {
        static final SegmentJob JOB = new SegmentJob(StrategyRegistry.load());
    }

    /** A segment larger than one executor is given; the message names it and its size. */
    public static final class SegmentTooLargeException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SegmentTooLargeException(String segment, long rows, long max) {
            super(String.format(
                    java.util.Locale.ROOT,
                    "segment %s has %,d rows, more than the %,d one executor is"
                            + " given (--max-segment-rows): raise the executors' memory and --max-segment-rows, or split it"
                            + " with another segment key in the configuration; glosa does not sample a segment",
                    segment,
                    rows,
                    max));
        }
    }
}
