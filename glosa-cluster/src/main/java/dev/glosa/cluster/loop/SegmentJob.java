package dev.glosa.cluster.loop;

import dev.glosa.cluster.features.FeatureSet;
import dev.glosa.cluster.features.Transform;
import dev.glosa.cluster.profile.GroupProfiler;
import dev.glosa.cluster.profile.SegmentProfile;
import dev.glosa.cluster.select.Criterion;
import dev.glosa.cluster.select.ModelSelector;
import dev.glosa.cluster.select.OutlierRule;
import dev.glosa.cluster.select.Selection;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameters;
import dev.glosa.cluster.spi.StrategyRegistry;
import dev.glosa.cluster.track.GroupTracker;
import dev.glosa.cluster.track.SegmentTracking;
import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.KScore;
import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.result.SegmentStatus;
import dev.glosa.core.segment.SegmentKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The per-segment function: clusters one segment, profiles its groups and gives them stable ids.
 *
 * <p>{@link #run} is pure: its result depends only on its {@link SegmentInput} (and on the strategies' code), it
 * shares no mutable state, and it may be called from any thread. It is what {@link SegmentLoop} runs for every
 * segment, and what a distributed engine would call per group; only the overall rank
 * ({@link dev.glosa.cluster.profile.Ranking#rankOverall}) needs every segment and is left at 0 here.
 *
 * <p>Steps: a segment with fewer rows than the minimum becomes one group ({@link SegmentStatus#TOO_SMALL});
 * otherwise the features are built and a {@link ModelSelector} searches k (or runs a strategy without k once), and
 * the clusters of the partition it scored are kept as they are. If building the features or clustering throws, the
 * segment is {@link SegmentStatus#FAILED} with the exception's class and message as reason, and its rows form one
 * group so its money still shows. Then {@link GroupProfiler} profiles the groups and {@link GroupTracker} matches
 * them to the previous run's records. A failed segment is not tracked: its one group is named
 * {@code segmentId + "-F"}, nothing is reported vanished and the previous records are carried over unchanged, so
 * a passing failure does not break the groups' history.
 */
public final class SegmentJob {
    /** Appended to the segment id to name the one group of a failed segment. */
    public static final String FAILED_SUFFIX = "-F";

    private final StrategyRegistry registry;

    /**
     * A job that finds strategies in {@code registry}.
     *
     * @param registry the strategies the job may use
     */
    public SegmentJob(StrategyRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * The seed of a segment: a mix of the run's seed and the segment's id, so it depends neither on the segment's
     * position nor on the thread that runs it (SplitMix64 finaliser over the run seed and the FNV-1a hash of the id).
     *
     * @param runSeed the run's seed
     * @param segmentId the segment's id
     * @return the segment's seed
     */
    public static long segmentSeed(long runSeed, String segmentId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : segmentId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(mix(runSeed) ^ h);
    }

    private static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Clusters, profiles and tracks one segment.
     *
     * @param input the segment, its settings and last week's groups
     * @return the segment's groups, profiles and tracking
     * @throws IllegalArgumentException if the glosa, billed or category columns the profile needs are missing or of
     *     the wrong type, or the previous records are inconsistent ({@link SegmentLoop} checks these before it starts)
     */
    public SegmentResult run(SegmentInput input) {
        SegmentKey key = input.key();
        int[] rows = input.rows();
        int n = rows.length;
        SegmentSettings s = input.settings();
        long seed = input.seed();

        SegmentStatus status;
        String reason;
        int[] clusters;
        int k;
        double eps = Double.NaN;
        double value = Double.NaN;
        List<KScore> scores = List.of();
        Map<String, String> parameters = s.parameters();
        if (n < s.minSegmentSize()) {
            status = SegmentStatus.TOO_SMALL;
            reason = n + " rows, below the minimum segment size of " + s.minSegmentSize();
            clusters = new int[n];
            k = n == 0 ? 0 : 1;
        } else {
            try {
                ClusteringStrategy strategy = registry.get(s.strategy());
                Parameters p = strategy.parameters().parse(s.parameters());
                parameters = p.asText();
                FeatureSet encoded = s.features().encode(input.table(), rows);
                FeatureMatrix x = encoded.matrix();
                boolean[] aside = s.outliers().find(x);
                int[] kept = keptRows(aside);
                FeatureMatrix clustered = kept.length == n ? x : x.select(kept);
                Selection sel = new ModelSelector(
                                strategy, Criterion.byId(s.criterion()), s.kMin(), s.kMax(), s.nearTie())
                        .select(clustered, p, seed);
                clusters = sel.clusters();
                if (clusters.length != kept.length) {
                    throw new IllegalStateException("strategy '" + s.strategy() + "' returned " + clusters.length
                            + " clusters for " + kept.length + " rows");
                }
                if (kept.length != n) {
                    // the partition scored is returned as it is; the lines set aside join it as cluster -1
                    int[] all = new int[n];
                    java.util.Arrays.fill(all, -1);
                    for (int i = 0; i < kept.length; i++) {
                        all[kept[i]] = clusters[i];
                    }
                    clusters = all;
                }
                k = sel.chosenK();
                value = sel.score();
                eps = sel.eps().orElse(Double.NaN);
                if (sel.clustering().isPresent()) {
                    parameters = sel.clustering().get().parameters().asText();
                }
                parameters = withEncoding(parameters, encoded, s.outliers(), n - kept.length);
                int[] ks = sel.ksTried();
                double[] sc = sel.scores();
                List<KScore> tried = new ArrayList<>(ks.length);
                for (int i = 0; i < ks.length; i++) {
                    tried.add(new KScore(ks[i], sc[i]));
                }
                scores = tried;
                status = switch (sel.status()) {
                    case K_SEARCHED, SINGLE_RUN, IDENTICAL_ROWS -> SegmentStatus.CLUSTERED;
                    case ONE_ROW, TOO_FEW_ROWS, SKIPPED_EMPTY -> SegmentStatus.TOO_SMALL;
                };
                reason = switch (sel.status()) {
                    case K_SEARCHED, SINGLE_RUN -> "";
                    case IDENTICAL_ROWS -> "all rows have the same features: one group";
                    case ONE_ROW, TOO_FEW_ROWS, SKIPPED_EMPTY ->
                        n + " rows with too few distinct points to try k = " + s.kMin();
                };
            } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
                status = SegmentStatus.FAILED;
                reason = describe(e);
                clusters = new int[n];
                k = 1;
                eps = Double.NaN;
                value = Double.NaN;
                scores = List.of();
            }
        }

        SegmentProfile profile =
                GroupProfiler.profile(input.table(), key, rows, clusters, s.numericColumns(), s.profile());
        List<GroupProfile> profiles;
        List<GroupRecord> vanished;
        List<GroupRecord> state;
        if (status == SegmentStatus.FAILED) {
            // A failure says nothing about the groups: keep last run's state as it was and report nothing vanished.
            profiles = new ArrayList<>();
            for (GroupProfile p : profile.groups()) {
                profiles.add(p.withGroupId(key.id() + FAILED_SUFFIX));
            }
            vanished = List.of();
            state = input.previous();
        } else {
            SegmentTracking tracking = GroupTracker.track(
                    key.id(), profile.groups(), profile.featureSpread(), input.previous(), s.track());
            profiles = tracking.profiles();
            vanished = tracking.vanished();
            state = tracking.state();
        }

        int maxLabel = -1;
        for (GroupProfile p : profiles) {
            maxLabel = Math.max(maxLabel, p.cluster());
        }
        String[] idOfCluster = new String[maxLabel + 2];
        for (GroupProfile p : profiles) {
            idOfCluster[p.cluster() + 1] = p.groupId();
        }
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = idOfCluster[clusters[i] + 1];
        }
        SegmentAssignment assignment = new SegmentAssignment(key, rows, clusters, ids);
        Map<String, String> params = new LinkedHashMap<>(parameters);
        return new SegmentResult(
                key,
                status,
                reason,
                s.strategy(),
                params,
                s.criterion(),
                k,
                eps,
                value,
                scores,
                seed,
                n,
                profile.glosaAmount(),
                profile.featureSpread(),
                assignment,
                profiles,
                vanished,
                state);
    }

    /**
     * The strategy's parameters with what a reader of {@code dim_segment} needs to know of what was clustered: every
     * numeric feature's transform and fitted values ({@code feature.glosa_amount=log_z_score(c 812.5, centre 0.1031,
     * scale 0.8712)}) and the outlier rule with how many lines it set aside.
     */
    static Map<String, String> withEncoding(
            Map<String, String> parameters, FeatureSet encoded, OutlierRule rule, int setAside) {
        Map<String, String> out = new LinkedHashMap<>(parameters);
        for (int j = 0; j < encoded.names().size(); j++) {
            String name = encoded.names().get(j);
            if (!name.equals(encoded.sourceColumn(j))) {
                continue; // a one-hot column: nothing fitted
            }
            Transform t = encoded.transform(j);
            StringBuilder sb = new StringBuilder(t.name().toLowerCase(Locale.ROOT)).append('(');
            if (t.fittedLog()) {
                sb.append("c ").append(number(encoded.logDivisor(j))).append(", ");
            }
            sb.append("centre ")
                    .append(number(encoded.centre(j)))
                    .append(", scale ")
                    .append(number(encoded.scale(j)))
                    .append(')');
            out.put("feature." + name, sb.toString());
        }
        out.put(
                "outliers",
                rule.enabled()
                        ? String.format(
                                Locale.ROOT,
                                "neighbour %d beyond %s x median and %s: %d set aside",
                                rule.neighbours(),
                                number(rule.threshold()),
                                number(rule.minDistance()),
                                setAside)
                        : "off");
        return out;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** The positions of the points not set aside, in order. */
    private static int[] keptRows(boolean[] aside) {
        int m = 0;
        for (boolean a : aside) {
            m += a ? 0 : 1;
        }
        int[] kept = new int[m];
        for (int i = 0, j = 0; i < aside.length; i++) {
            if (!aside[i]) {
                kept[j++] = i;
            }
        }
        return kept;
    }

    /** The exception's class and message on one line, with the first cause. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage());
        }
        Throwable c = e.getCause();
        if (c != null && c != e) {
            sb.append(" (caused by ").append(c.getClass().getSimpleName());
            if (c.getMessage() != null) {
                sb.append(": ").append(c.getMessage());
            }
            sb.append(')');
        }
        return sb.toString().replace('\n', ' ').replace('\r', ' ');
    }
}
