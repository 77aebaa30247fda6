package dev.glosa.examples;

import dev.glosa.cluster.features.Feature;
import dev.glosa.cluster.features.FeatureSpec;
import dev.glosa.cluster.features.Transform;
import dev.glosa.cluster.loop.LoopConfig;
import dev.glosa.cluster.loop.LoopResult;
import dev.glosa.cluster.loop.SegmentLoop;
import dev.glosa.cluster.spi.StrategyRegistry;
import dev.glosa.core.aggregate.MonthlyAggregator;
import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.Role;
import dev.glosa.io.generate.ErpGenerator;
import dev.glosa.io.generate.ErpGeneratorConfig;
import java.io.PrintStream;
import java.time.YearMonth;
import java.util.Locale;

/**
 * Uses a clustering strategy of one's own, {@link QuantileBandsStrategy}, in the segment loop by its id.
 *
 * <p>Adding a strategy takes three things, none of them inside the library: a public class implementing
 * {@link dev.glosa.cluster.spi.ClusteringStrategy} with a public no-argument constructor; its name on a line of
 * {@code META-INF/services/dev.glosa.cluster.spi.ClusteringStrategy} in the jar (here
 * {@code examples/src/main/resources}); and its id in the loop's configuration ({@code strategy(...)} here,
 * {@code strategy: quantile-bands} in a {@code glosa} configuration file). {@link StrategyRegistry#load()} then finds
 * it beside k-means, DBSCAN and the hierarchical clustering, and the loop runs it per segment, profiles, ranks and
 * tracks its groups like any other.
 *
 * <p>The run: ERP glosa lines of one month (generated, 2 hospitals × 2 payers × 2 glosa types, seed 7), each segment
 * cut into its quartiles of glosa value ({@code k} = 4). The main prints, per segment, each band's rows, glosa range
 * and total, costliest band first; the bands of a segment never overlap, which is what the strategy promises.
 */
public final class CustomStrategyExample {
    /** The generated lines: 2 hospitals × 2 payers × 2 glosa types, December 2024 and January 2025, seed 7. */
    static final ErpGeneratorConfig SAMPLE =
            ErpGeneratorConfig.defaults(7).withSegments(2, 2, 2, 1.0).withMonths(YearMonth.of(2024, 12), 2);

    private CustomStrategyExample() {}

    /** Runs the example and prints the groups to standard output. */
    public static void main(String[] args) {
        run(System.out);
    }

    /** Runs the example, printing to {@code out}, and returns the loop's result. */
    static LoopResult run(PrintStream out) {
        StrategyRegistry registry = StrategyRegistry.load();
        out.println("clustering strategies found: " + registry.ids());

        GlosaTable month = analysedMonth();

        // The glosa amount comes first: it is the feature the bands cut. A log does not move any point between bands
        // (it keeps the order) but makes the silhouette the loop reports comparable across segments.
        LoopConfig config = LoopConfig.builder()
                .strategy(QuantileBandsStrategy.ID)
                .kRange(4, 4)
                .features(FeatureSpec.of(Feature.numeric(Role.GLOSA_AMOUNT.column(), Transform.LOG1P)))
                .seed(7)
                .build();
        LoopResult loop = new SegmentLoop(registry).run(month, config);

        DoubleColumn glosa = month.doubles(Role.GLOSA_AMOUNT);
        for (SegmentResult segment : loop.segments()) {
            out.printf(
                    Locale.ROOT,
                    "%s: %d lines, %s, %d bands%n",
                    segment.key().describe(),
                    segment.rows(),
                    segment.strategy(),
                    segment.k());
            double[][] range = ranges(segment.assignment(), glosa, segment.k());
            for (GroupProfile p : segment.profiles()) {
                out.printf(
                        Locale.ROOT,
                        "  %-18s %4d lines  glosa R$ %,12.2f to R$ %,12.2f  total R$ %,14.2f%n",
                        p.groupId(),
                        p.rows(),
                        range[p.cluster()][0],
                        range[p.cluster()][1],
                        p.glosaAmount());
            }
        }
        return loop;
    }

    /** The lines of the sample's analysed month. */
    static GlosaTable analysedMonth() {
        return MonthlyAggregator.month(
                ErpGenerator.generate(SAMPLE).table(),
                Role.COMPETENCE.column(),
                MonthColumn.toIndex(SAMPLE.analysedMonth()));
    }

    /** The smallest and largest glosa of each label. */
    private static double[][] ranges(SegmentAssignment a, DoubleColumn glosa, int k) {
        double[][] range = new double[Math.max(k, 1)][];
        for (int b = 0; b < range.length; b++) {
            range[b] = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        }
        for (int i = 0; i < a.size(); i++) {
            double[] r = range[a.cluster(i)];
            double v = glosa.get(a.row(i));
            r[0] = Math.min(r[0], v);
            r[1] = Math.max(r[1], v);
        }
        return range;
    }
}
