package dev.glosa.bench;

import dev.glosa.cluster.hierarchical.HierarchicalStrategy;
import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameters;
import elki.clustering.hierarchical.AGNES;
import elki.clustering.hierarchical.Anderberg;
import elki.clustering.hierarchical.ClusterMergeHistory;
import elki.clustering.hierarchical.NNChain;
import elki.clustering.hierarchical.extraction.CutDendrogramByNumberOfClusters;
import elki.clustering.hierarchical.linkage.WardLinkage;
import elki.data.NumberVector;
import elki.data.model.DendrogramModel;
import elki.database.relation.Relation;
import elki.distance.minkowski.SquaredEuclideanDistance;
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
 * Agglomerative Ward clustering cut into 6 clusters: the library's NN-chain against ELKI's Anderberg and NN-chain.
 *
 * <p>All are exact O(n²)-memory algorithms on a triangular distance matrix, as long as the library runs exactly:
 * its strategy clusters at most 15,000 points exactly ({@code maxPoints} cannot be set higher) and, above its
 * {@code maxPoints}, clusters 1,000 weighted micro-clusters instead. The benchmark sets {@code maxPoints} to
 * {@code min(n, 15,000)}, so at n = 20,000 the library's figure is that of its approximation and says so; n = 15,000
 * is the largest exact comparison. ELKI runs Ward on squared Euclidean distances, as it requires. Each operation
 * includes the cut.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@State(Scope.Benchmark)
public class WardBenchmark {

    /** Number of points. */
    @Param({"5000", "15000", "20000"})
    public int n;

    /** Number of features. */
    @Param({"8"})
    public int d;

    /** The number of clusters of the cut (and of planted blobs). */
    static final int K = 6;

    /** The most points the library's strategy clusters exactly. */
    static final int LIBRARY_EXACT_LIMIT = 15_000;

    private FeatureMatrix matrix;
    private Relation<NumberVector> relation;
    private final ClusteringStrategy strategy = new HierarchicalStrategy();
    private Parameters parameters;

    /** Generates the blobs. */
    @Setup(Level.Trial)
    public void setUp() {
        Blobs blobs = Blobs.generate(n, d, K, Blobs.SEED);
        matrix = FeatureMatrix.of(blobs.x(), d);
        relation = Elki.relation(blobs.rows());
        parameters = strategy.parameters()
                .defaults()
                .with(ClusteringStrategy.K, K)
                .with(HierarchicalStrategy.MAX_POINTS, Math.min(n, LIBRARY_EXACT_LIMIT));
    }

    /** The library: exact NN-chain Ward up to 15,000 points, micro-clusters above. */
    @Benchmark
    public Clustering glosa() {
        return strategy.cluster(matrix, parameters, Blobs.SEED);
    }

    /** ELKI's Anderberg with Ward linkage. */
    @Benchmark
    public elki.data.Clustering<DendrogramModel> elkiAnderberg() {
        return cut(new Anderberg<>(SquaredEuclideanDistance.STATIC, WardLinkage.STATIC));
    }

    /** ELKI's NN-chain with Ward linkage. */
    @Benchmark
    public elki.data.Clustering<DendrogramModel> elkiNnChain() {
        return cut(new NNChain<>(SquaredEuclideanDistance.STATIC, WardLinkage.STATIC));
    }

    private elki.data.Clustering<DendrogramModel> cut(AGNES<NumberVector> algo) {
        ClusterMergeHistory history = algo.run(relation);
        return new CutDendrogramByNumberOfClusters(algo, K, false).run(history);
    }
}
