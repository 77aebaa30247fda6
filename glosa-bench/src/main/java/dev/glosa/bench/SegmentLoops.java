package dev.glosa.bench;

import dev.glosa.cluster.kmeans.KMeansStrategy;
import dev.glosa.cluster.select.Criterion;
import dev.glosa.cluster.select.ModelSelector;
import dev.glosa.cluster.select.Selection;
import dev.glosa.cluster.spi.FeatureMatrix;
import elki.clustering.kmeans.HamerlyKMeans;
import elki.clustering.kmeans.initialization.KMeansPlusPlus;
import elki.data.NumberVector;
import elki.database.relation.Relation;
import elki.distance.minkowski.SquaredEuclideanDistance;
import elki.utilities.random.RandomFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * The per-segment model-selection loop (z-score, k-means for every k from 2 to 15, keep the best by the
 * criterion) over {@link SegmentData}, built on the library's kernels or on ELKI's, on a given number of threads.
 *
 * <p>Both versions do the same work per segment: z-score the four features (population standard deviation, 0 for a
 * constant column), then for each k from 2 to {@code min(15, n - 1)} cluster with {@value #RESTARTS} seeded
 * k-means++ restarts keeping the lowest inertia, score with the same criterion, and keep the best k (ties to the
 * smaller). The library's version is its {@link ModelSelector} with its k-means (greedy k-means++, Hamerly); the ELKI
 * version runs ELKI's Hamerly k-means with ELKI's k-means++ on one database per segment. Segments run largest first on
 * a pool of threads; every result lands at its segment's index, so the output does not depend on the thread count.
 */
final class SegmentLoops {
    /** Seeded restarts per k, the library's default. */
    static final int RESTARTS = 5;
    /** Iteration cap per run. */
    static final int MAX_ITERATIONS = 300;

    private SegmentLoops() {}

    /** The four features of segment {@code s}, z-scored within it, as the library's loop standardises them. */
    static FeatureMatrix standardized(SegmentData data, int s) {
        int from = data.segmentStart()[s];
        int n = data.size(s);
        double[] f = data.features();
        double[] z = new double[n * 4];
        for (int t = 0; t < 4; t++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += f[(from + i) * 4 + t];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double v = f[(from + i) * 4 + t] - mean;
                var += v * v;
            }
            double sd = Math.sqrt(var / n);
            for (int i = 0; i < n; i++) {
                z[i * 4 + t] = sd > 0 ? (f[(from + i) * 4 + t] - mean) / sd : 0;
            }
        }
        return FeatureMatrix.of(z, SegmentData.FEATURES, identity(n));
    }

    /** The k the library's model selector chooses in every segment (1 for a segment too small to search). */
    static int[] glosa(SegmentData data, Criterion criterion, int threads, long seed) {
        ModelSelector selector = new ModelSelector(new KMeansStrategy(), criterion, 2, 15);
        var params = new KMeansStrategy()
                .parameters()
                .defaults()
                .with(KMeansStrategy.RESTARTS, RESTARTS)
                .with(KMeansStrategy.MAX_ITERATIONS, MAX_ITERATIONS);
        return run(data, threads, s -> {
            Selection sel = selector.select(standardized(data, s), params, segmentSeed(seed, s));
            return sel.chosenK();
        });
    }

    /** The k the same loop chooses on ELKI's k-means (and the library's criterion) in every segment. */
    static int[] elki(SegmentData data, Criterion criterion, int threads, long seed) {
        return run(data, threads, s -> {
            FeatureMatrix m = standardized(data, s);
            int n = m.rows();
            int hi = Math.min(15, n - 1);
            if (hi < 2) {
                return 1;
            }
            double[] z = m.values();
            Relation<NumberVector> rel = Elki.relation(Elki.rows(z, n, 4));
            SplittableRandom root = new SplittableRandom(segmentSeed(seed, s));
            long criterionSeed = segmentSeed(seed, s);
            int bestK = 1;
            double bestScore = Double.NaN;
            for (int k = 2; k <= hi; k++) {
                int[] best = null;
                double bestInertia = Double.POSITIVE_INFINITY;
                SplittableRandom perK = root.split();
                for (int r = 0; r < RESTARTS; r++) {
                    HamerlyKMeans<NumberVector> km = new HamerlyKMeans<>(
                            SquaredEuclideanDistance.STATIC,
                            k,
                            MAX_ITERATIONS,
                            new KMeansPlusPlus<>(new RandomFactory(perK.nextLong())),
                            false);
                    int[] labels = Elki.labels(km.run(rel), n);
                    double inertia = inertia(z, n, 4, labels, k);
                    if (inertia < bestInertia) {
                        bestInertia = inertia;
                        best = labels;
                    }
                }
                double score = criterion.score(m, best, criterionSeed);
                if (bestK == 1 || criterion.isBetter(score, bestScore)) {
                    bestK = k;
                    bestScore = score;
                }
            }
            return bestK;
        });
    }

    /** The seed of segment {@code s}: the same whatever thread runs it. */
    static long segmentSeed(long seed, int s) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (s + 1))).nextLong();
    }

    private static int[] run(SegmentData data, int threads, IntUnaryOperator perSegment) {
        int segments = data.segments();
        Integer[] order = new Integer[segments];
        for (int s = 0; s < segments; s++) {
            order[s] = s;
        }
        // Largest first, so that the last segment to finish is a small one.
        java.util.Arrays.sort(
                order,
                (a, b) -> a.equals(b)
                        ? 0
                        : data.size(b) != data.size(a)
                                ? Integer.compare(data.size(b), data.size(a))
                                : Integer.compare(a, b));
        int[] out = new int[segments];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < segments; i = next.getAndIncrement()) {
                out[order[i]] = perSegment.applyAsInt(order[i]);
            }
        };
        if (threads == 1) {
            worker.run();
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running segments", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a segment failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static double inertia(double[] x, int n, int d, int[] labels, int k) {
        double[] c = new double[k * d];
        int[] count = new int[k];
        for (int i = 0; i < n; i++) {
            count[labels[i]]++;
            for (int t = 0; t < d; t++) {
                c[labels[i] * d + t] += x[i * d + t];
            }
        }
        for (int l = 0; l < k; l++) {
            for (int t = 0; t < d; t++) {
                c[l * d + t] /= Math.max(1, count[l]);
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                double v = x[i * d + t] - c[labels[i] * d + t];
                s += v * v;
            }
        }
        return s;
    }

    private static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }
}
