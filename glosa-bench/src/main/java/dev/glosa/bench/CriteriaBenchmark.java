package dev.glosa.bench;

import dev.glosa.cluster.select.Criterion;
import dev.glosa.cluster.spi.FeatureMatrix;
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
 * The model-selection criteria scoring one partition: the exact and the sampled silhouette (2,000 points, the
 * default), the simplified silhouette, Calinski-Harabasz and Davies-Bouldin.
 *
 * <p>The points are 4-dimensional, as the loop's features, and the partition is the planted one (6 overlapping
 * blobs). The silhouette is quadratic, the other three linear in n.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CriteriaBenchmark {

    /** Number of points. */
    @Param({"5000"})
    public int n;

    /** Number of features. */
    @Param({"4"})
    public int d;

    /** The number of clusters of the partition scored. */
    static final int K = 6;

    private FeatureMatrix matrix;
    private int[] labels;
    private Criterion exactSilhouette;
    private final Criterion sampledSilhouette = Criterion.silhouette();
    private final Criterion simplifiedSilhouette = Criterion.simplifiedSilhouette();
    private final Criterion calinskiHarabasz = Criterion.calinskiHarabasz();
    private final Criterion daviesBouldin = Criterion.daviesBouldin();

    /** Generates the blobs and their planted partition. */
    @Setup(Level.Trial)
    public void setUp() {
        Blobs blobs = Blobs.generate(n, d, K, Blobs.SEED);
        matrix = FeatureMatrix.of(blobs.x(), d);
        labels = blobs.truth();
        exactSilhouette = Criterion.silhouette(Math.max(2, n));
    }

    /** The silhouette over every point. */
    @Benchmark
    public double silhouetteExact() {
        return exactSilhouette.score(matrix, labels, Blobs.SEED);
    }

    /** The silhouette of a seeded sample of 2,000 points (the default criterion). */
    @Benchmark
    public double silhouetteSampled() {
        return sampledSilhouette.score(matrix, labels, Blobs.SEED);
    }

    /** The simplified silhouette (distances to centroids). */
    @Benchmark
    public double simplifiedSilhouette() {
        return simplifiedSilhouette.score(matrix, labels, Blobs.SEED);
    }

    /** The Calinski-Harabasz variance ratio. */
    @Benchmark
    public double calinskiHarabasz() {
        return calinskiHarabasz.score(matrix, labels, Blobs.SEED);
    }

    /** The Davies-Bouldin index. */
    @Benchmark
    public double daviesBouldin() {
        return daviesBouldin.score(matrix, labels, Blobs.SEED);
    }
}
