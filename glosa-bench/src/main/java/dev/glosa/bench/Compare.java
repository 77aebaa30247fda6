package dev.glosa.bench;

import dev.glosa.cluster.dbscan.DbscanStrategy;
import dev.glosa.cluster.hierarchical.HierarchicalStrategy;
import dev.glosa.cluster.kmeans.KMeansStrategy;
import dev.glosa.cluster.loop.LoopConfig;
import dev.glosa.cluster.loop.SegmentLoop;
import dev.glosa.cluster.select.Criterion;
import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameters;
import dev.glosa.core.table.GlosaTable;
import elki.logging.LoggingConfiguration;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

/**
 * The Java half of {@code glosa-bench/compare.sh}: writes the data sets scikit-learn and the library both run on, then
 * times the library on them.
 *
 * <p>{@code export DIR [--quick]} writes CSV files (numbers in Java's shortest round-trip form, so both sides read
 * the very same doubles) and {@code tasks.properties} describing the tasks. {@code run DIR [--quick] [--task T]}
 * reads the same files back, runs the tasks of group {@code T} ({@link #TASKS}; all of them when absent) through the
 * library (after warm-up runs, since a JVM compiles hot code first), and writes {@code glosa-T.json} (or
 * {@code glosa.json}): per task the median wall time of the timed runs in milliseconds and what the task found.
 * {@code compare.sh} runs each group in a JVM of its own, as JMH forks one per benchmark: code compiled for one task's
 * shapes (8 features, a million points) would otherwise be what the next task (4 features, a thousand points) runs
 * first. The loop's ELKI side ({@code loop-elki}) gets its own JVM just as the library's ({@code loop-glosa}) does.
 */
public final class Compare {
    /** The default seed of every generated set. */
    static final long SEED = Blobs.SEED;

    private Compare() {}

    /**
     * Untimed runs before the timed ones of each loop figure, on both sides: ten runs of the 100 segments are about
     * the work of the JMH loop benchmark's warm-up iteration (1,000 segments); with fewer, the JIT still compiles
     * the loop's many paths on one of the two cores while the all-core figure is timed.
     */
    static final int LOOP_WARMUPS = 10;

    /** The task groups of {@code run}, in order. */
    static final List<String> TASKS = List.of("kmeans", "dbscan", "ward", "criteria", "loop-glosa", "loop-elki");

    /**
     * Runs {@code export} or {@code run}.
     *
     * @param args {@code export|run DIR [--quick] [--task T]}
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Compare export|run DIR [--quick] [--task " + String.join("|", TASKS) + "]");
            System.exit(2);
        }
        Path dir = Paths.get(args[1]);
        List<String> rest = Arrays.asList(args);
        boolean quick = rest.contains("--quick");
        Sizes sizes = quick ? Sizes.QUICK : Sizes.DEFAULT;
        int at = rest.indexOf("--task");
        String task = at >= 0 && at + 1 < args.length ? args[at + 1] : null;
        if (task != null && !TASKS.contains(task)) {
            System.err.println("unknown task '" + task + "'; expected one of " + TASKS);
            System.exit(2);
        }
        switch (args[0]) {
            case "export" -> export(dir, sizes);
            case "run" ->
                run(dir, sizes, task == null ? TASKS : List.of(task), task == null ? "glosa" : "glosa-" + task);
            default -> {
                System.err.println("unknown command '" + args[0] + "'; expected export or run");
                System.exit(2);
            }
        }
    }

    /** The sizes of one comparison run. */
    enum Sizes {
        /** The default run (under ten minutes on the 2-core machine). */
        DEFAULT(1_000_000, 100_000, 15_000, 5_000, 100, 3),
        /** The quick run (under two minutes). */
        QUICK(100_000, 20_000, 5_000, 5_000, 20, 1);

        final int kmeansN;
        final int dbscanN;
        final int wardN;
        final int criteriaN;
        final int segments;
        final int repeats;

        /**
         * Timed pairs of the k-means task on both sides: its time per iteration is the difference of two timings, so
         * it takes more of them than the others to be steady on a shared machine.
         */
        int kmeansRepeats() {
            return 3 * repeats;
        }

        Sizes(int kmeansN, int dbscanN, int wardN, int criteriaN, int segments, int repeats) {
            this.kmeansN = kmeansN;
            this.dbscanN = dbscanN;
            this.wardN = wardN;
            this.criteriaN = criteriaN;
            this.segments = segments;
            this.repeats = repeats;
        }
    }

    static final int KMEANS_D = 8;
    static final int K = 6;
    static final int DBSCAN_D = 8;
    static final int MIN_PTS = 10;
    /** The half-width of the box the DBSCAN blobs' centres are drawn in: far enough apart to be told apart. */
    static final double DBSCAN_BOX = 10;
    /** The DBSCAN radius: each of the separated blobs comes out as one cluster, with a few hundred noise points. */
    static final double DBSCAN_EPS = 2;

    static final int WARD_D = 8;
    static final int CRITERIA_D = 4;

    static void export(Path dir, Sizes s) throws IOException {
        Files.createDirectories(dir);
        Blobs km = Blobs.generate(s.kmeansN, KMEANS_D, K, SEED);
        writeMatrix(dir.resolve("kmeans.csv"), km.x(), KMEANS_D, null);
        writeLabels(dir.resolve("kmeans_truth.csv"), km.truth());
        double[] init = GreedySeeding.centres(km.x(), km.n(), KMEANS_D, K, SEED);
        writeMatrix(dir.resolve("kmeans_init.csv"), init, KMEANS_D, null);
        // Separated blobs: at DBSCAN_EPS each blob is a cluster of its own, so both sides can be checked against them.
        Blobs db = Blobs.generate(s.dbscanN, DBSCAN_D, DbscanBenchmark.BLOBS, DBSCAN_BOX, SEED);
        writeMatrix(dir.resolve("dbscan.csv"), db.x(), DBSCAN_D, null);
        writeLabels(dir.resolve("dbscan_truth.csv"), db.truth());
        Blobs ward = Blobs.generate(s.wardN, WARD_D, K, SEED);
        writeMatrix(dir.resolve("ward.csv"), ward.x(), WARD_D, null);
        Blobs crit = Blobs.generate(s.criteriaN, CRITERIA_D, K, SEED);
        writeMatrix(dir.resolve("criteria.csv"), crit.x(), CRITERIA_D, crit.truth());
        SegmentData seg = SegmentData.generate(s.segments, 30, 5_000, SEED);
        int[] segOf = new int[seg.rows()];
        for (int g = 0; g < seg.segments(); g++) {
            Arrays.fill(segOf, seg.segmentStart()[g], seg.segmentStart()[g + 1], g);
        }
        writeMatrix(dir.resolve("segments.csv"), seg.features(), 4, segOf);
        int[] planted = new int[seg.segments()];
        System.arraycopy(seg.plantedK(), 0, planted, 0, planted.length);
        try (BufferedWriter w =
                Files.newBufferedWriter(dir.resolve("segments_planted_k.csv"), StandardCharsets.UTF_8)) {
            for (int g = 0; g < planted.length; g++) {
                w.write(g + "," + planted[g] + "\n");
            }
        }
        Map<String, String> tasks = new LinkedHashMap<>();
        tasks.put("k", Integer.toString(K));
        tasks.put("kmeans_max_iter", "300");
        tasks.put("kmeans_tol", "1e-4");
        tasks.put("dbscan_eps", Double.toString(DBSCAN_EPS));
        tasks.put("dbscan_min_samples", Integer.toString(MIN_PTS));
        tasks.put("criteria_sample", "2000");
        tasks.put("loop_k_max", "15");
        tasks.put("loop_n_init", "10");
        tasks.put("repeats", Integer.toString(s.repeats));
        tasks.put("kmeans_repeats", Integer.toString(s.kmeansRepeats()));
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("tasks.properties"), StandardCharsets.UTF_8)) {
            for (var e : tasks.entrySet()) {
                w.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
        System.out.printf(
                Locale.ROOT,
                "exported to %s: kmeans %d x %d, dbscan %d x %d, ward %d x %d, criteria %d x %d,"
                        + " %d segments (%d rows)%n",
                dir,
                km.n(),
                KMEANS_D,
                db.n(),
                DBSCAN_D,
                ward.n(),
                WARD_D,
                crit.n(),
                CRITERIA_D,
                seg.segments(),
                seg.rows());
    }

    static void run(Path dir, Sizes s, List<String> tasks, String name) throws IOException {
        // ELKI warns on every empty k-means cluster; its logging configures itself when first used, so set it after.
        LoggingConfiguration.setDefaultLevel(Level.SEVERE);
        Map<String, Object> out = new LinkedHashMap<>();
        int cores = Runtime.getRuntime().availableProcessors();
        out.put("java", System.getProperty("java.version"));
        out.put("cores", cores);
        // Whether the k-means engine can take its Vector API path (VectorSupport decides the same way).
        out.put(
                "vector_module",
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                        && !"false".equals(System.getProperty("glosa.kmeans.vector")));
        int reps = s.repeats;
        if (tasks.contains("kmeans")) {
            kmeans(dir, s.kmeansRepeats(), out);
        }
        if (tasks.contains("dbscan")) {
            dbscan(dir, reps, out);
        }
        if (tasks.contains("ward")) {
            ward(dir, reps, out);
        }
        if (tasks.contains("criteria")) {
            criteria(dir, reps, out);
        }
        if (tasks.contains("loop-glosa")) {
            loopGlosa(dir, reps, cores, out);
        }
        if (tasks.contains("loop-elki")) {
            loopElki(dir, reps, cores, out);
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(name + ".json"), StandardCharsets.UTF_8)) {
            w.write(json(out));
        }
    }

    private static void kmeans(Path dir, int reps, Map<String, Object> out) throws IOException {
        // k-means: one restart; the library seeds itself exactly as kmeans_init.csv (checked by a unit test).
        Table km = readMatrix(dir.resolve("kmeans.csv"), KMEANS_D);
        FeatureMatrix kmx = FeatureMatrix.of(km.x, KMEANS_D);
        KMeansStrategy kms = new KMeansStrategy();
        Parameters kmp = kms.parameters()
                .defaults()
                .with(ClusteringStrategy.K, K)
                .with(KMeansStrategy.RESTARTS, 1)
                .with(KMeansStrategy.MAX_ITERATIONS, 300);
        Clustering[] kmResult = new Clustering[1];
        // The cost of one more iteration: a full run against a run stopped after its first iteration, so that the
        // seeding, the first assignment and the final inertia (done once per run) are left out. The two are timed
        // in pairs, one right after the other, so that both see the same state of the JIT and of the heap.
        Parameters once = kmp.with(KMeansStrategy.MAX_ITERATIONS, 1);
        int pairs = reps;
        double[] fullMs = new double[pairs];
        double[] perIteration = new double[pairs];
        double[] onceMs = new double[pairs];
        for (int r = -5; r < pairs; r++) {
            long t0 = System.nanoTime();
            kmResult[0] = kms.cluster(kmx, kmp, SEED);
            long t1 = System.nanoTime();
            kms.cluster(kmx, once, SEED);
            long t2 = System.nanoTime();
            if (r >= 0) {
                fullMs[r] = (t1 - t0) / 1e6;
                onceMs[r] = (t2 - t1) / 1e6;
                perIteration[r] = (fullMs[r] - onceMs[r]) / Math.max(1, kmResult[0].iterations() - 1);
            }
        }
        double kmMs = median(fullMs);
        double firstMs = median(onceMs);
        double seedMs = time(reps, 2, () -> GreedySeeding.centres(km.x, km.n, KMEANS_D, K, SEED));
        out.put("kmeans_ms", kmMs);
        out.put("kmeans_seeding_ms", seedMs);
        out.put("kmeans_first_iteration_ms", firstMs);
        out.put("kmeans_iterations", kmResult[0].iterations());
        out.put("kmeans_inertia", kmResult[0].inertia());
        out.put("kmeans_ms_per_iteration", median(perIteration));
        out.put("kmeans_clusters", kmResult[0].k());
        writeLabels(dir.resolve("kmeans_glosa_labels.csv"), kmResult[0].clusters());
        log("kmeans", out);
    }

    private static void dbscan(Path dir, int reps, Map<String, Object> out) throws IOException {
        Table db = readMatrix(dir.resolve("dbscan.csv"), DBSCAN_D);
        FeatureMatrix dbx = FeatureMatrix.of(db.x, DBSCAN_D);
        DbscanStrategy dbs = new DbscanStrategy();
        Parameters dbp = dbs.parameters()
                .defaults()
                .with(ClusteringStrategy.EPS, DBSCAN_EPS)
                .with(DbscanStrategy.MIN_PTS, MIN_PTS);
        Clustering[] dbResult = new Clustering[1];
        out.put("dbscan_ms", time(reps, 1, () -> dbResult[0] = dbs.cluster(dbx, dbp, SEED)));
        out.put("dbscan_clusters", dbResult[0].k());
        out.put("dbscan_noise", dbResult[0].noiseCount());
        writeLabels(dir.resolve("dbscan_glosa_labels.csv"), dbResult[0].clusters());
        log("dbscan", out);
    }

    private static void ward(Path dir, int reps, Map<String, Object> out) throws IOException {
        Table wd = readMatrix(dir.resolve("ward.csv"), WARD_D);
        FeatureMatrix wdx = FeatureMatrix.of(wd.x, WARD_D);
        HierarchicalStrategy hs = new HierarchicalStrategy();
        Parameters hp = hs.parameters()
                .defaults()
                .with(ClusteringStrategy.K, K)
                .with(HierarchicalStrategy.MAX_POINTS, Math.min(wd.n, WardBenchmark.LIBRARY_EXACT_LIMIT));
        Clustering[] wdResult = new Clustering[1];
        out.put("ward_ms", time(reps, 1, () -> wdResult[0] = hs.cluster(wdx, hp, SEED)));
        out.put("ward_exact", wdResult[0].approximation().isEmpty());
        writeLabels(dir.resolve("ward_glosa_labels.csv"), wdResult[0].clusters());
        log("ward", out);
    }

    private static void criteria(Path dir, int reps, Map<String, Object> out) throws IOException {
        Table cr = readMatrix(dir.resolve("criteria.csv"), CRITERIA_D);
        FeatureMatrix crx = FeatureMatrix.of(cr.x, CRITERIA_D);
        int[] crl = cr.tag;
        Map<String, Criterion> criteria = new LinkedHashMap<>();
        criteria.put("silhouette_exact", Criterion.silhouette(Math.max(2, cr.n)));
        criteria.put("silhouette_sampled", Criterion.silhouette());
        criteria.put("simplified_silhouette", Criterion.simplifiedSilhouette());
        criteria.put("calinski_harabasz", Criterion.calinskiHarabasz());
        criteria.put("davies_bouldin", Criterion.daviesBouldin());
        for (var e : criteria.entrySet()) {
            double[] score = new double[1];
            out.put(
                    e.getKey() + "_ms",
                    time(Math.max(5, reps), 5, () -> score[0] = e.getValue().score(crx, crl, SEED)));
            out.put(e.getKey() + "_score", score[0]);
        }
        log("criteria", out);
    }

    /**
     * The loop on the library's kernels: the whole {@code SegmentLoop} on all cores (its first run in this JVM too)
     * and on one, then the k selection alone ({@link SegmentLoops#glosa}) with the default criterion and with the
     * exact silhouette. Each figure is the median of {@code reps} runs after {@value #LOOP_WARMUPS} warm-up runs
     * (the first run's aside): the loop's many code paths keep the JIT busy for several runs.
     */
    private static void loopGlosa(Path dir, int reps, int cores, Map<String, Object> out) throws IOException {
        int warm = LOOP_WARMUPS;
        SegmentData seg = readSegments(dir.resolve("segments.csv"));
        int[] planted = readPlanted(dir.resolve("segments_planted_k.csv"), seg.segments());
        out.put("loop_segments", seg.segments());
        out.put("loop_rows", seg.rows());
        int[][] chosen = new int[1][];
        Criterion crit = Criterion.defaultCriterion();
        Criterion sil = Criterion.silhouette();
        GlosaTable table = seg.table(YearMonth.of(2025, 1));
        SegmentLoop loop = SegmentLoop.withDefaultStrategies();
        LoopConfig all = LoopConfig.builder().seed(SEED).threads(cores).build();
        LoopConfig one = all.toBuilder().threads(1).build();
        int[] groups = new int[1];
        // The loop's first run in a fresh JVM, without warm-up (closer to a weekly job); every other figure is taken
        // after warm-up runs, as JMH would: the JIT needs two or three runs to settle.
        out.put("loop_full_all_cores_first_run_ms", time(1, 0, () -> loop.run(table, all)));
        out.put(
                "loop_full_all_cores_ms",
                time(
                        reps,
                        warm,
                        () -> groups[0] = loop.run(table, all).profiles().size()));
        out.put(
                "loop_full_one_core_ms",
                time(reps, 0, () -> groups[0] = loop.run(table, one).profiles().size()));
        out.put("loop_full_groups", groups[0]);
        out.put(
                "loop_glosa_all_cores_ms",
                time(reps, warm, () -> chosen[0] = SegmentLoops.glosa(seg, crit, cores, SEED)));
        out.put("loop_glosa_planted_k_share", share(chosen[0], planted));
        out.put("loop_glosa_one_core_ms", time(reps, 0, () -> chosen[0] = SegmentLoops.glosa(seg, crit, 1, SEED)));
        // The reference's own criterion, for the ratio at equal work per k.
        out.put(
                "loop_glosa_silhouette_all_cores_ms",
                time(reps, warm, () -> chosen[0] = SegmentLoops.glosa(seg, sil, cores, SEED)));
        out.put("loop_glosa_silhouette_planted_k_share", share(chosen[0], planted));
        log("loop", out);
    }

    /**
     * The same loop on ELKI's k-means, timed exactly as {@link #loopGlosa}: the whole {@code SegmentLoop} with the
     * library's ELKI backend as strategy, and the k selection on ELKI's Hamerly k-means ({@link SegmentLoops#elki}).
     */
    private static void loopElki(Path dir, int reps, int cores, Map<String, Object> out) throws IOException {
        int warm = LOOP_WARMUPS;
        SegmentData seg = readSegments(dir.resolve("segments.csv"));
        int[] planted = readPlanted(dir.resolve("segments_planted_k.csv"), seg.segments());
        int[][] chosen = new int[1][];
        Criterion crit = Criterion.defaultCriterion();
        GlosaTable table = seg.table(YearMonth.of(2025, 1));
        SegmentLoop loop = SegmentLoop.withDefaultStrategies();
        LoopConfig allElki = LoopConfig.builder()
                .seed(SEED)
                .threads(cores)
                .strategy(LoopBenchmark.ELKI_STRATEGY)
                .build();
        int[] groups = new int[1];
        out.put(
                "loop_full_elki_all_cores_ms",
                time(
                        reps,
                        warm,
                        () -> groups[0] = loop.run(table, allElki).profiles().size()));
        out.put("loop_full_elki_groups", groups[0]);
        out.put(
                "loop_elki_all_cores_ms",
                time(reps, warm, () -> chosen[0] = SegmentLoops.elki(seg, crit, cores, SEED)));
        out.put("loop_elki_planted_k_share", share(chosen[0], planted));
        log("loop", out);
    }

    private static void log(String task, Map<String, Object> out) {
        Map<String, Object> mine = new LinkedHashMap<>();
        out.forEach((key, v) -> {
            boolean criterion = task.equals("criteria")
                    && !key.startsWith("kmeans")
                    && !key.startsWith("dbscan")
                    && !key.startsWith("ward")
                    && (key.endsWith("_ms") || key.endsWith("_score"));
            if (key.startsWith(task) || criterion) {
                mine.put(key, v);
            }
        });
        System.out.println("glosa " + task + ": " + json(mine).replace("\n", "").replace("  ", " "));
    }

    private static double share(int[] chosen, int[] planted) {
        int same = 0;
        for (int s = 0; s < chosen.length; s++) {
            same += chosen[s] == planted[s] ? 1 : 0;
        }
        return (double) same / chosen.length;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** Median wall time in milliseconds of {@code repeats} runs after {@code warmups} untimed ones. */
    static double time(int repeats, int warmups, Runnable task) {
        for (int w = 0; w < warmups; w++) {
            task.run();
        }
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            task.run();
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[repeats / 2];
    }

    /** A matrix read from CSV, with the optional integer column that followed the features. */
    record Table(double[] x, int n, int[] tag) {}

    static void writeMatrix(Path file, double[] x, int d, int[] tag) throws IOException {
        int n = x.length / d;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(256);
            for (int i = 0; i < n; i++) {
                sb.setLength(0);
                for (int t = 0; t < d; t++) {
                    if (t > 0) {
                        sb.append(',');
                    }
                    sb.append(x[i * d + t]);
                }
                if (tag != null) {
                    sb.append(',').append(tag[i]);
                }
                sb.append('\n');
                w.write(sb.toString());
            }
        }
    }

    static Table readMatrix(Path file, int d) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<Integer> tags = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String[] p = line.split(",");
                if (p.length != d && p.length != d + 1) {
                    throw new IOException(
                            file + ":" + lineNo + ": expected " + d + " or " + (d + 1) + " values, found " + p.length);
                }
                double[] v = new double[d];
                for (int t = 0; t < d; t++) {
                    v[t] = Double.parseDouble(p[t]);
                }
                rows.add(v);
                if (p.length == d + 1) {
                    tags.add(Integer.parseInt(p[d]));
                }
            }
        }
        double[] x = new double[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * d, d);
        }
        int[] tag = null;
        if (!tags.isEmpty()) {
            tag = new int[tags.size()];
            for (int i = 0; i < tag.length; i++) {
                tag[i] = tags.get(i);
            }
        }
        return new Table(x, rows.size(), tag);
    }

    private static SegmentData readSegments(Path file) throws IOException {
        Table t = readMatrix(file, 4);
        int segments = t.tag[t.n - 1] + 1;
        int[] start = new int[segments + 1];
        for (int i = 0; i < t.n; i++) {
            start[t.tag[i] + 1]++;
        }
        for (int s = 0; s < segments; s++) {
            start[s + 1] += start[s];
        }
        return new SegmentData(start, t.x, new int[t.n], new int[segments]);
    }

    private static int[] readPlanted(Path file, int segments) throws IOException {
        int[] k = new int[segments];
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] p = line.split(",");
            k[Integer.parseInt(p[0])] = Integer.parseInt(p[1]);
        }
        return k;
    }

    private static void writeLabels(Path file, int[] labels) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int l : labels) {
                w.write(Integer.toString(l));
                w.write('\n');
            }
        }
    }

    static String json(Map<String, Object> map) {
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (var e : map.entrySet()) {
            sb.append("  \"").append(e.getKey()).append("\": ");
            Object v = e.getValue();
            if (v instanceof Number || v instanceof Boolean) {
                sb.append(v instanceof Double dv && !Double.isFinite(dv) ? "null" : v.toString());
            } else {
                sb.append('"').append(v).append('"');
            }
            sb.append(++i < map.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }
}
