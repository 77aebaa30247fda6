package dev.glosa.bench;

import dev.glosa.cluster.features.Feature;
import dev.glosa.cluster.features.FeatureSpec;
import dev.glosa.cluster.features.Transform;
import dev.glosa.cluster.loop.LoopConfig;
import dev.glosa.cluster.loop.LoopResult;
import dev.glosa.cluster.loop.SegmentLoop;
import dev.glosa.cluster.select.AdjustedRandIndex;
import dev.glosa.cluster.select.OutlierRule;
import dev.glosa.core.aggregate.MonthlyAggregator;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.result.SegmentStatus;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import dev.glosa.io.generate.ErpGenerator;
import dev.glosa.io.generate.ErpGeneratorConfig;
import dev.glosa.io.generate.ErpSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well the per-segment loop finds planted groups, with light and heavy tails, side by side with the reference
 * approach: the share of segments whose chosen k is the planted one, the mean adjusted Rand index against the planted
 * groups (lines set aside as outliers excluded from it), and the shares of the extreme and of the normal lines set
 * aside.
 *
 * <p>Data: {@link ErpGenerator} with {@link ErpGeneratorConfig#defaults} widened to 10 hospitals × 10 payers × 4 glosa
 * types (about 320 segments of 20 to 60 lines, 2 to 6 planted groups), seeds {@link #SEEDS}; heavy tails add
 * {@link ErpGeneratorConfig#HEAVY_LOG_NOISE} log-normal noise on every line's amounts and
 * {@link ErpGeneratorConfig#HEAVY_EXTREME_SHARE} of extreme lines (amounts times 5 to 20). The analysed month's lines
 * get the reference features (glosa, rate, jump in value, jump in rate against the month before), as the ERP
 * preparation computes them. Run: {@code java -cp glosa-bench/target/benchmarks.jar dev.glosa.bench.PlantedQuality}.
 */
public final class PlantedQuality {
    /** The generator seeds the figures are measured on. */
    static final long[] SEEDS = {11, 12, 13};
    /** The loop's seed. */
    static final long LOOP_SEED = 7;

    private PlantedQuality() {}

    /** The figures of one approach on one kind of data. */
    record Figures(
            int segments,
            int plantedKFound,
            double meanAri,
            int extreme,
            int extremeAside,
            int normal,
            int normalAside) {
        double kShare() {
            return (double) plantedKFound / segments;
        }

        Figures plus(Figures o) {
            return new Figures(
                    segments + o.segments,
                    plantedKFound + o.plantedKFound,
                    (meanAri * segments + o.meanAri * o.segments) / (segments + o.segments),
                    extreme + o.extreme,
                    extremeAside + o.extremeAside,
                    normal + o.normal,
                    normalAside + o.normalAside);
        }
    }

    /** The analysed month of a sample with the reference features, and the planted truth of its rows. */
    record Planted(GlosaTable table, int[] truth, boolean[] extreme) {}

    /** Generated ERP lines of seed {@code seed}, heavy-tailed or not, as the loop gets them. */
    static Planted planted(long seed, boolean heavy) {
        ErpGeneratorConfig cfg = ErpGeneratorConfig.defaults(seed).withSegments(10, 10, 4, 0.8);
        if (heavy) {
            cfg = cfg.withHeavyTails(ErpGeneratorConfig.HEAVY_LOG_NOISE, ErpGeneratorConfig.HEAVY_EXTREME_SHARE);
        }
        ErpSample sample = ErpGenerator.generate(cfg);
        GlosaTable t = sample.table();
        int from = sample.firstAnalysedRow();
        int n = t.rowCount() - from;
        int[] rows = new int[n];
        int[] truth = new int[n];
        boolean[] extreme = new boolean[n];
        for (int i = 0; i < n; i++) {
            rows[i] = from + i;
            truth[i] = sample.plantedGroup(from + i);
            extreme[i] = sample.isExtreme(from + i);
        }
        GlosaTable a = t.select(rows);
        DoubleColumn glosa = a.doubles(Role.GLOSA_AMOUNT);
        DoubleColumn billed = a.doubles(Role.BILLED_AMOUNT);
        DoubleColumn glosaPrev = a.doubles(MonthlyAggregator.GLOSA_PREVIOUS);
        DoubleColumn billedPrev = a.doubles(MonthlyAggregator.BILLED_PREVIOUS);
        double[] rate = new double[n];
        double[] jump = new double[n];
        double[] rateJump = new double[n];
        for (int i = 0; i < n; i++) {
            rate[i] = glosa.get(i) / billed.get(i);
            jump[i] = glosa.get(i) - glosaPrev.get(i);
            rateJump[i] = rate[i] - glosaPrev.get(i) / billedPrev.get(i);
        }
        a = a.with(DoubleColumn.of(MonthlyAggregator.GLOSA_RATE, rate))
                .with(DoubleColumn.of(MonthlyAggregator.GLOSA_JUMP, jump))
                .with(DoubleColumn.of(MonthlyAggregator.GLOSA_RATE_JUMP, rateJump));
        return new Planted(a, truth, extreme);
    }

    /** Runs the loop with {@code config} on {@code p} and scores it against the planted groups. */
    static Figures score(Planted p, LoopConfig config) {
        LoopResult r = SegmentLoop.withDefaultStrategies().run(p.table(), config);
        int found = 0;
        double ari = 0;
        int segments = 0;
        int extreme = 0;
        int extremeAside = 0;
        int normal = 0;
        int normalAside = 0;
        for (SegmentResult s : r.segments()) {
            if (s.status() != SegmentStatus.CLUSTERED && s.status() != SegmentStatus.FAILED) {
                continue;
            }
            segments++;
            var a = s.assignment();
            List<Integer> kt = new ArrayList<>();
            List<Integer> kl = new ArrayList<>();
            int planted = 0;
            for (int i = 0; i < a.size(); i++) {
                int row = a.row(i);
                planted = Math.max(planted, p.truth()[row] + 1);
                boolean aside = a.cluster(i) < 0;
                if (p.extreme()[row]) {
                    extreme++;
                    extremeAside += aside ? 1 : 0;
                } else {
                    normal++;
                    normalAside += aside ? 1 : 0;
                }
                if (!aside) {
                    kt.add(p.truth()[row]);
                    kl.add(a.cluster(i));
                }
            }
            found += s.k() == planted ? 1 : 0;
            ari += AdjustedRandIndex.of(
                    kt.stream().mapToInt(Integer::intValue).toArray(),
                    kl.stream().mapToInt(Integer::intValue).toArray());
        }
        return new Figures(segments, found, ari / segments, extreme, extremeAside, normal, normalAside);
    }

    /** The reference approach: z-score, k-means, the best exact silhouette, nothing set aside. */
    static LoopConfig reference(int threads) {
        return LoopConfig.builder()
                .features(FeatureSpec.reference())
                .criterion("silhouette")
                .outliers(OutlierRule.off())
                .nearTie(0)
                .seed(LOOP_SEED)
                .threads(threads)
                .build();
    }

    /**
     * The library's loop before heavy tails were handled: z-score, the best score of the default criterion, nothing
     * set aside.
     */
    static LoopConfig before(int threads) {
        return LoopConfig.builder()
                .features(FeatureSpec.reference())
                .outliers(OutlierRule.off())
                .nearTie(0)
                .seed(LOOP_SEED)
                .threads(threads)
                .build();
    }

    /** The library's loop with its defaults. */
    static LoopConfig defaults(int threads) {
        return LoopConfig.builder().seed(LOOP_SEED).threads(threads).build();
    }

    /**
     * The library's defaults with another scaling of every numeric feature: money on the signed log scale then
     * {@code logMoney}, rates and jumps in rate by {@code plain} (the scalings docs/quality.md compares).
     */
    static LoopConfig scaled(int threads, Transform logMoney, Transform plain) {
        FeatureSpec spec = FeatureSpec.of(
                Feature.numeric(FeatureSpec.GLOSA_AMOUNT, logMoney),
                Feature.numeric(FeatureSpec.GLOSA_RATE, plain),
                Feature.numeric(FeatureSpec.GLOSA_JUMP, logMoney),
                Feature.numeric(FeatureSpec.GLOSA_RATE_JUMP, plain));
        return LoopConfig.builder()
                .features(spec)
                .seed(LOOP_SEED)
                .threads(threads)
                .build();
    }

    /**
     * Prints the table of docs/quality.md; with {@code --scaling}, also the defaults with median/IQR and median/MAD
     * scaling in place of mean/sd.
     */
    public static void main(String[] args) {
        boolean scaling = java.util.Arrays.asList(args).contains("--scaling");
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.println("| data | approach | segments | planted k found | mean ARI | extreme lines set aside"
                + " | normal lines set aside |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (boolean heavy : new boolean[] {false, true}) {
            List<Planted> sets = new ArrayList<>();
            for (long seed : SEEDS) {
                sets.add(planted(seed, heavy));
            }
            List<String> names = new ArrayList<>(List.of(
                    "reference (z-score, k-means, silhouette)",
                    "glosa before (z-score, simplified silhouette)",
                    "glosa defaults"));
            List<LoopConfig> configs = new ArrayList<>(List.of(reference(threads), before(threads), defaults(threads)));
            if (scaling) {
                names.add("glosa defaults, median/IQR scaling");
                configs.add(scaled(threads, Transform.LOG_ROBUST, Transform.ROBUST));
                names.add("glosa defaults, median/MAD scaling");
                configs.add(scaled(threads, Transform.LOG_MAD, Transform.MAD));
            }
            for (int c = 0; c < configs.size(); c++) {
                Figures f = null;
                for (Planted p : sets) {
                    Figures g = score(p, configs.get(c));
                    f = f == null ? g : f.plus(g);
                }
                System.out.println(String.format(
                        Locale.ROOT,
                        "| %s | %s | %d | %.1f%% | %.3f | %s | %s |",
                        heavy ? "heavy tails" : "well separated",
                        names.get(c),
                        f.segments(),
                        100 * f.kShare(),
                        f.meanAri(),
                        share(f.extremeAside(), f.extreme()),
                        share(f.normalAside(), f.normal())));
            }
        }
    }

    private static String share(int part, int whole) {
        return whole == 0
                ? "0 of 0"
                : String.format(Locale.ROOT, "%d of %d (%.1f%%)", part, whole, 100.0 * part / whole);
    }
}
