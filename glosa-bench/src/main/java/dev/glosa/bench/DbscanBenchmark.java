package dev.glosa.bench;

import dev.glosa.cluster.dbscan.DbscanStrategy;
import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameters;
import elki.clustering.dbscan.DBSCAN;
import elki.data.NumberVector;
import elki.data.model.Model;
import elki.database.relation.Relation;
import elki.distance.minkowski.EuclideanDistance;
import elki.index.tree.spatial.kd.SmallMemoryKDTree;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Exact DBSCAN on overlapping blobs: the library's (grid and k-d tree) against ELKI's with its k-d tree index.
 *
 * <p>{@code eps} is {@code d / 4} (1.0 in 4 dimensions, 2.0 in 8), which gives about a thousand neighbours per point
 * at n = 100,000 in both, and {@code minPts} is 10: the dense case where enumerating every neighbour dominates. Both
 * operations include building their index: the library builds its grid and tree inside the call, ELKI builds its
 * {@code SmallMemoryKDTree} (leaf size 5, as its query optimiser would) when the database is initialised, which is
 * timed here too. The index is registered explicitly: left to its optimiser, ELKI would take a cover tree, whose
 * range queries are not exact at the boundary.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class DbscanBenchmark {

    /** Number of points. */
    @Param({"20000", "100000"})
    public int n;

    /** Number of features. */
    @Param({"4", "8"})
    public int d;

    /** Minimum neighbourhood size of a core point, the point itself included. */
    @Param({"10"})
    public int minPts;

    /** The number of planted blobs. */
    static final int BLOBS = 6;

    private FeatureMatrix matrix;
    private double[][] rows;
    private final ClusteringStrategy strategy = new DbscanStrategy();
    private Parameters parameters;
    private double eps;

    /** The radius used in {@code d} dimensions. */
    static double eps(int d) {
        return d / 4.0;
    }

    /** Generates the blobs. */
    @Setup(Level.Trial)
    public void setUp() {
        Blobs blobs = Blobs.generate(n, d, BLOBS, Blobs.SEED);
        matrix = FeatureMatrix.of(blobs.x(), d);
        rows = blobs.rows();
        eps = eps(d);
        parameters = strategy.parameters()
                .defaults()
                .with(ClusteringStrategy.EPS, eps)
                .with(DbscanStrategy.MIN_PTS, minPts);
    }

    /** The library's exact DBSCAN, index included. */
    @Benchmark
    public Clustering glosa() {
        return strategy.cluster(matrix, parameters, Blobs.SEED);
    }

    /** ELKI's DBSCAN on a database with a k-d tree, building the database and the tree included. */
    @Benchmark
    public elki.data.Clustering<Model> elkiKdTree() {
        return elkiKdTree(rows, eps, minPts);
    }

    static elki.data.Clustering<Model> elkiKdTree(double[][] rows, double eps, int minPts) {
        Relation<NumberVector> rel = Elki.relation(rows, List.of(new SmallMemoryKDTree.Factory<>(5)));
        return new DBSCAN<NumberVector>(EuclideanDistance.STATIC, eps, minPts).run(rel);
    }
}
