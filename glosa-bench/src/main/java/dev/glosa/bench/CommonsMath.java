package dev.glosa.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.DistanceMeasure;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Apache Commons Math 3.6.1 {@code KMeansPlusPlusClusterer} as the benchmarks use it.
 *
 * <p>It takes no initial centres (its k-means++ seeding is private), so it starts from its own seeding with a fixed
 * seed, and it does not report how many iterations it ran: {@link #iterations} counts its distance computations in a
 * separate run and derives the count from them.
 */
final class CommonsMath {
    private CommonsMath() {}

    /** One {@code DoublePoint} per point. */
    static List<DoublePoint> points(double[] x, int n, int d) {
        List<DoublePoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] p = new double[d];
            System.arraycopy(x, i * d, p, 0, d);
            points.add(new DoublePoint(p));
        }
        return points;
    }

    /** Clusters with Euclidean distance, at most {@code maxIterations} iterations, seeding from {@code seed}. */
    static List<CentroidCluster<DoublePoint>> kmeans(List<DoublePoint> points, int k, int maxIterations, long seed) {
        return clusterer(k, maxIterations, new EuclideanDistance(), seed).cluster(points);
    }

    /**
     * The iterations (centre updates) of the run {@link #kmeans} makes with the same arguments.
     *
     * <p>Derived from the number of distance computations: seeding computes {@code (n - 1) + sum(n - j, j = 2..k-1)}
     * of them, the first assignment and every iteration {@code n · k}. Empty-cluster repairs add a few more, which the
     * integer division drops.
     */
    static int iterations(List<DoublePoint> points, int k, int maxIterations, long seed) {
        long n = points.size();
        long[] calls = new long[1];
        EuclideanDistance euclid = new EuclideanDistance();
        DistanceMeasure counting = (a, b) -> {
            calls[0]++;
            return euclid.compute(a, b);
        };
        clusterer(k, maxIterations, counting, seed).cluster(points);
        long seeding = n - 1;
        for (int j = 2; j <= k - 1; j++) {
            seeding += n - j;
        }
        long passes = (calls[0] - seeding) / (n * k);
        return (int) Math.max(0, passes - 1);
    }

    private static KMeansPlusPlusClusterer<DoublePoint> clusterer(
            int k, int maxIterations, DistanceMeasure measure, long seed) {
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        return new KMeansPlusPlusClusterer<>(k, maxIterations, measure, random);
    }
}
