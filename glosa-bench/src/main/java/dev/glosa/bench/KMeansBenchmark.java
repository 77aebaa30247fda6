package dev.glosa.bench;

import dev.glosa.cluster.kmeans.KMeansStrategy;
import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameters;
import elki.data.NumberVector;
import elki.data.model.KMeansModel;
import elki.database.relation.Relation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * k-means to convergence on overlapping blobs: the library's against ELKI's Lloyd, Hamerly, Exponion and Shallot and
 * Commons Math's {@code KMeansPlusPlusClusterer}, on the same data with the same k.
 *
 * <p>The library and ELKI start from the same initial centres (the library's greedy k-means++ of its first
 * restart, computed by {@link GreedySeeding} and handed to ELKI's {@code Predefined} initializer, copied per run).
 * The library runs one restart; {@code glosa} keeps its default tolerance (as a user runs it), {@code glosaExact}
 * sets it to 0 so that it stops, as ELKI does, only when no point changes cluster. The library's time includes its
 * seeding, measured alone by {@code glosaSeeding}; ELKI's does not. Commons Math seeds itself (plain k-means++ with a
 * fixed seed), since it takes no initial centres.
 *
 * <p>Each operation is one full run; the secondary result {@code iterations} is the number of centre updates of
 * that run, so that the time per iteration is {@code time / iterations}. ELKI's and Commons Math's counts are read
 * once per trial (ELKI's statistics log, Commons Math's distance count; both runs are deterministic).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class KMeansBenchmark {

    /** Number of points. */
    @Param({"100000", "1000000"})
    public int n;

    /** Number of features. */
    @Param({"8"})
    public int d;

    /** Number of clusters (and of planted blobs). */
    @Param({"6"})
    public int k;

    /** Iteration cap of every implementation. */
    static final int MAX_ITERATIONS = 300;

    private double[] x;
    private FeatureMatrix matrix;
    private final ClusteringStrategy strategy = new KMeansStrategy();
    private Parameters glosaDefault;
    private Parameters glosaExact;
    private double[][] initialMeans;
    private Relation<NumberVector> relation;
    private List<DoublePoint> points;
    private final int[] elkiIterations = new int[Elki.KMeansVariant.values().length];
    private int commonsMathIterations;

    /** The number of centre updates of the runs of one measurement iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Iterations {
        /** Centre updates, summed over the runs of the iteration. */
        public long iterations;

        /** Resets the count before every measurement iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            iterations = 0;
        }
    }

    /**
     * Generates the blobs and the view of the data that the measured implementation takes (only that one, to keep
     * the heap and the setup time of each fork small), with its iteration count where it does not report one.
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        Blobs blobs = Blobs.generate(n, d, k, Blobs.SEED);
        x = blobs.x();
        matrix = FeatureMatrix.of(x, d);
        Parameters base = strategy.parameters()
                .defaults()
                .with(ClusteringStrategy.K, k)
                .with(KMeansStrategy.RESTARTS, 1)
                .with(KMeansStrategy.MAX_ITERATIONS, MAX_ITERATIONS);
        glosaDefault = base;
        glosaExact = base.with(KMeansStrategy.TOLERANCE, 0.0);
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        if (method.startsWith("elki")) {
            initialMeans = GreedySeeding.asRows(GreedySeeding.centres(x, n, d, k, Blobs.SEED), d);
            relation = Elki.relation(blobs.rows());
            for (Elki.KMeansVariant v : Elki.KMeansVariant.values()) {
                if (method.equalsIgnoreCase("elki" + v.name())) {
                    elkiIterations[v.ordinal()] = Elki.iterations(v, relation, initialMeans, MAX_ITERATIONS) - 1;
                }
            }
        } else if (method.equals("commonsMath")) {
            points = CommonsMath.points(x, n, d);
            commonsMathIterations = CommonsMath.iterations(points, k, MAX_ITERATIONS, Blobs.SEED);
        }
    }

    /** The library, one restart, default tolerance; includes its seeding. */
    @Benchmark
    public Clustering glosa(Iterations it) {
        Clustering c = strategy.cluster(matrix, glosaDefault, Blobs.SEED);
        it.iterations += c.iterations();
        return c;
    }

    /** The library, one restart, run until no point changes cluster; includes its seeding. */
    @Benchmark
    public Clustering glosaExact(Iterations it) {
        Clustering c = strategy.cluster(matrix, glosaExact, Blobs.SEED);
        it.iterations += c.iterations();
        return c;
    }

    /** {@link #glosaExact} on the scalar path (the Vector API path switched off): the same result, bit for bit. */
    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {
                "--add-modules",
                "jdk.incubator.vector",
                "-Dglosa.kmeans.vector=false",
                "-Xms3g",
                "-Xmx3g",
                "-XX:+AlwaysPreTouch"
            })
    public Clustering glosaExactScalar(Iterations it) {
        return glosaExact(it);
    }

    /** The library's seeding alone (greedy k-means++, as computed for the other implementations). */
    @Benchmark
    public double[] glosaSeeding() {
        return GreedySeeding.centres(x, n, d, k, Blobs.SEED);
    }

    /** ELKI's plain Lloyd from the shared initial centres. */
    @Benchmark
    public elki.data.Clustering<KMeansModel> elkiLloyd(Iterations it) {
        return elki(Elki.KMeansVariant.LLOYD, it);
    }

    /** ELKI's Hamerly from the shared initial centres. */
    @Benchmark
    public elki.data.Clustering<KMeansModel> elkiHamerly(Iterations it) {
        return elki(Elki.KMeansVariant.HAMERLY, it);
    }

    /** ELKI's Exponion from the shared initial centres. */
    @Benchmark
    public elki.data.Clustering<KMeansModel> elkiExponion(Iterations it) {
        return elki(Elki.KMeansVariant.EXPONION, it);
    }

    /** ELKI's Shallot from the shared initial centres. */
    @Benchmark
    public elki.data.Clustering<KMeansModel> elkiShallot(Iterations it) {
        return elki(Elki.KMeansVariant.SHALLOT, it);
    }

    /** Commons Math's k-means++ clusterer, its own seeding with a fixed seed. */
    @Benchmark
    public List<CentroidCluster<DoublePoint>> commonsMath(Iterations it) {
        List<CentroidCluster<DoublePoint>> c = CommonsMath.kmeans(points, k, MAX_ITERATIONS, Blobs.SEED);
        it.iterations += commonsMathIterations;
        return c;
    }

    private elki.data.Clustering<KMeansModel> elki(Elki.KMeansVariant v, Iterations it) {
        elki.data.Clustering<KMeansModel> c = Elki.kmeans(v, relation, initialMeans, MAX_ITERATIONS);
        it.iterations += elkiIterations[v.ordinal()];
        return c;
    }
}
