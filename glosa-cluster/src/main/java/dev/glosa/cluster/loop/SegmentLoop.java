package dev.glosa.cluster.loop;

import dev.glosa.cluster.features.Feature;
import dev.glosa.cluster.profile.GroupProfiler;
import dev.glosa.cluster.profile.ProfileOptions;
import dev.glosa.cluster.profile.RankBy;
import dev.glosa.cluster.profile.Ranking;
import dev.glosa.cluster.spi.StrategyRegistry;
import dev.glosa.cluster.track.GroupTracker;
import dev.glosa.cluster.track.SegmentTracking;
import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.segment.Segment;
import dev.glosa.core.segment.Segmenter;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.PersonalFields;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the per-segment loop over a whole table: split into segments, run {@link SegmentJob} on each in parallel,
 * rank every group across segments, and carry the tracking state forward.
 *
 * <p>Segments run on a fixed pool of {@link LoopConfig#threads()} threads, largest first so the pool stays busy;
 * results are collected by segment position, so the output is in segment key order and identical whatever the
 * thread count. A segment whose clustering fails is recorded as failed and the run goes on.
 *
 * <p>Before any segment runs, the configuration is checked against the table and the registry (segment keys,
 * feature columns, profile columns, strategies and parameters of the run and of every override), so a mistake in
 * the configuration fails the run at once instead of failing every segment.
 */
public final class SegmentLoop {
    private final StrategyRegistry registry;
    private final SegmentJob job;
    private final SegmentExecutor executor;

    /**
     * A loop that finds strategies in {@code registry}.
     *
     * @param registry the strategies the loop may use
     */
    public SegmentLoop(StrategyRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.job = new SegmentJob(registry);
        this.executor = null;
    }

    /**
     * A loop whose segments {@code executor} runs (on a cluster, say) instead of the loop's threads; everything else,
     * the checks, seeds, overall rank and tracking state, is this loop's.
     *
     * @param registry the strategies the loop may use
     * @param executor where the segments run
     */
    public SegmentLoop(StrategyRegistry registry, SegmentExecutor executor) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.job = new SegmentJob(registry);
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** {@return a loop over the strategies found on the class path ({@link StrategyRegistry#load()})} */
    public static SegmentLoop withDefaultStrategies() {
        return new SegmentLoop(StrategyRegistry.load());
    }

    /**
     * Runs the loop with no previous run and no progress reports.
     *
     * @param table the rows to segment and cluster
     * @param config the loop's settings
     * @return every segment's result and the state for next week's tracking
     */
    public LoopResult run(GlosaTable table, LoopConfig config) {
        return run(table, config, List.of(), ProgressListener.NONE);
    }

    /**
     * Runs the loop.
     *
     * @param table the rows to cluster
     * @param config the configuration
     * @param previous the previous run's {@link LoopResult#state()} (empty for a first run)
     * @param listener told after every segment
     * @return one result per segment in segment order, vanished groups and the next tracking state
     * @throws IllegalArgumentException if the configuration does not fit the table or the registry
     * @throws IllegalStateException if the calling thread is interrupted
     */
    public LoopResult run(GlosaTable table, LoopConfig config, List<GroupRecord> previous, ProgressListener listener) {
        Objects.requireNonNull(listener, "listener");
        long start = System.nanoTime();
        check(table, config);
        List<Segment> segments = Segmenter.split(table, config.segmentKeys());
        Map<String, List<GroupRecord>> bySegment = new TreeMap<>();
        for (GroupRecord r : previous) {
            bySegment.computeIfAbsent(r.segmentId(), id -> new ArrayList<>()).add(r);
        }

        int m = segments.size();
        SegmentInput[] inputs = new SegmentInput[m];
        long rowsTotal = 0;
        Map<String, Boolean> decided = decidePersonal(table, config.profile());
        for (int i = 0; i < m; i++) {
            Segment seg = segments.get(i);
            inputs[i] = new SegmentInput(
                    seg.key(),
                    table,
                    seg.rows(),
                    decided(config.settingsFor(seg.key()), config.profile(), decided),
                    bySegment.getOrDefault(seg.id(), List.of()),
                    SegmentJob.segmentSeed(config.seed(), seg.id()));
            rowsTotal += seg.size();
        }
        SegmentResult[] results = executor == null
                ? execute(inputs, Math.min(config.threads(), Math.max(m, 1)), rowsTotal, start, listener)
                : executeElsewhere(inputs, rowsTotal, start, listener);

        // Overall rank needs every segment.
        List<GroupProfile> all = new ArrayList<>();
        for (SegmentResult r : results) {
            all.addAll(r.profiles());
        }
        List<GroupProfile> ranked = Ranking.rankOverall(all, config.profile().rankBy());
        List<SegmentResult> out = new ArrayList<>(m);
        List<GroupRecord> vanished = new ArrayList<>();
        List<GroupRecord> state = new ArrayList<>();
        Set<String> present = new HashSet<>();
        int at = 0;
        for (SegmentResult r : results) {
            int g = r.profiles().size();
            out.add(r.withProfiles(ranked.subList(at, at + g)));
            at += g;
            vanished.addAll(r.vanished());
            state.addAll(r.state());
            present.add(r.segmentId());
        }
        for (Map.Entry<String, List<GroupRecord>> e : bySegment.entrySet()) {
            if (!present.contains(e.getKey())) {
                SegmentTracking t = GroupTracker.absent(e.getValue(), config.track());
                vanished.addAll(t.vanished());
                state.addAll(t.state());
            }
        }
        return new LoopResult(config, table.rowCount(), out, vanished, state);
    }

    /**
     * Whether each category column of {@code table} is personal, decided once for the whole table: every segment's
     * profile then reads the answer from its overrides instead of sampling the column's values again.
     */
    private static Map<String, Boolean> decidePersonal(GlosaTable table, ProfileOptions profile) {
        List<String> categories = new ArrayList<>();
        for (var c : table.columns()) {
            if (c.type() == ColumnType.CATEGORY) {
                categories.add(c.name());
            }
        }
        GlosaTable projected = table.project(categories.toArray(String[]::new));
        Set<String> personal = PersonalFields.detectNames(projected, profile.personalOverrides());
        Map<String, Boolean> out = new TreeMap<>();
        for (String c : categories) {
            out.put(c, personal.contains(c));
        }
        return out;
    }

    /** {@code s} with the run's decision on personal columns, when its profile is the run's. */
    private static SegmentSettings decided(SegmentSettings s, ProfileOptions run, Map<String, Boolean> decided) {
        if (!s.profile().equals(run)) {
            return s;
        }
        return s.withProfile(s.profile().withPersonalOverrides(decided));
    }

    private SegmentResult[] execute(
            SegmentInput[] inputs, int threads, long rowsTotal, long start, ProgressListener listener) {
        int m = inputs.length;
        SegmentResult[] results = new SegmentResult[m];
        // Largest segments first: the pool finishes together instead of waiting on one late giant.
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> a.equals(b)
                        ? 0
                        : inputs[a].size() != inputs[b].size()
                                ? Integer.compare(inputs[b].size(), inputs[a].size())
                                : Integer.compare(a, b));
        long rowsDone = 0;
        if (threads <= 1) {
            for (int r = 0; r < m; r++) {
                int i = order[r];
                results[i] = job.run(inputs[i]);
                rowsDone += inputs[i].size();
                listener.onProgress(progress(r + 1, m, rowsDone, rowsTotal, start));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, new Workers());
        try {
            CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            for (int r = 0; r < m; r++) {
                int i = order[r];
                done.submit(() -> {
                    results[i] = job.run(inputs[i]);
                    return i;
                });
            }
            for (int r = 0; r < m; r++) {
                Future<Integer> f = done.take();
                int i = f.get();
                rowsDone += inputs[i].size();
                listener.onProgress(progress(r + 1, m, rowsDone, rowsTotal, start));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("loop run interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("segment job failed: " + c, c);
        } finally {
            pool.shutdownNow();
        }
        // Worker writes to results happen-before Future.get returns, so every slot is visible here.
        return results;
    }

    private SegmentResult[] executeElsewhere(
            SegmentInput[] inputs, long rowsTotal, long start, ProgressListener listener) {
        List<SegmentResult> out = executor.execute(job, List.of(inputs));
        if (out.size() != inputs.length) {
            throw new IllegalStateException(
                    "the segment executor returned " + out.size() + " results for " + inputs.length + " segments");
        }
        listener.onProgress(progress(inputs.length, inputs.length, rowsTotal, rowsTotal, start));
        return out.toArray(SegmentResult[]::new);
    }

    private static Progress progress(int done, int total, long rowsDone, long rowsTotal, long start) {
        long elapsed = System.nanoTime() - start;
        long remaining;
        if (done == total) {
            remaining = 0;
        } else if (rowsDone > 0) {
            remaining = (long) (elapsed * ((double) (rowsTotal - rowsDone) / rowsDone));
        } else {
            remaining = (long) (elapsed * ((double) (total - done) / done));
        }
        return new Progress(done, total, rowsDone, rowsTotal, Duration.ofNanos(elapsed), Duration.ofNanos(remaining));
    }

    /** Fails fast on configuration that would make every segment fail. */
    private void check(GlosaTable table, LoopConfig config) {
        for (String k : config.segmentKeys()) {
            table.column(k);
        }
        for (Feature f : config.features().features()) {
            ColumnType t = table.column(f.column()).type();
            boolean fits = f instanceof Feature.Numeric
                    ? t == ColumnType.DOUBLE || t == ColumnType.LONG
                    : t == ColumnType.CATEGORY;
            if (!fits) {
                throw new IllegalArgumentException("feature column '" + f.column() + "' must be "
                        + (f instanceof Feature.Numeric ? "DOUBLE or LONG" : "CATEGORY") + ", found " + t);
            }
        }
        ProfileOptions p = config.profile();
        table.doubles(p.glosaColumn());
        if (table.has(p.billedColumn())) {
            table.doubles(p.billedColumn());
        }
        if (p.jumpColumn() != null && table.has(p.jumpColumn())) {
            table.doubles(p.jumpColumn());
        } else if (p.rankBy() == RankBy.JUMP) {
            throw new IllegalArgumentException("rankBy JUMP needs the jump column '" + p.jumpColumn()
                    + "', which the table lacks; columns: " + table.columnNames());
        }
        if (p.reasonColumn() != null && table.has(p.reasonColumn())) {
            table.category(p.reasonColumn());
        }
        for (String c : p.categoryColumns()) {
            table.category(c);
        }
        GroupProfiler.refusePersonal(table, p);
        checkSettings(config);
    }

    /**
     * Checks what can be checked of {@code config} without the data: the strategy, its parameters and those of every
     * override exist in this loop's registry and parse. A caller runs it before reading its input, so a typo in the
     * configuration is reported at once whatever the input's size; {@link #run} checks it again with the table.
     *
     * @param config the loop's settings
     * @throws IllegalArgumentException naming the setting and what is allowed
     */
    public void checkSettings(LoopConfig config) {
        checkStrategy(config.baseSettings(), "the run");
        for (SegmentOverride o : config.overrides()) {
            checkStrategy(o.applyTo(config.baseSettings()), "the override of " + o.describe());
        }
    }

    private void checkStrategy(SegmentSettings s, String where) {
        try {
            registry.get(s.strategy()).parameters().parse(s.parameters());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration of " + where + ": " + e.getMessage(), e);
        }
    }

    /** Daemon worker threads, so a forgotten pool never keeps the JVM alive. */
    private static final class Workers implements ThreadFactory {
        private static final AtomicInteger POOL = new AtomicInteger();
        private final int pool = POOL.incrementAndGet();
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "glosa-loop-" + pool + "-" + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
