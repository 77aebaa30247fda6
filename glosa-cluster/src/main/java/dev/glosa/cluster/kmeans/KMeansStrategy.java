package dev.glosa.cluster.kmeans;

import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameter;
import dev.glosa.cluster.spi.ParameterSpace;
import dev.glosa.cluster.spi.Parameters;

/**
 * k-means with greedy k-means++ seeding, Hamerly's accelerated iterations and several restarts (id {@code "kmeans"}).
 *
 * <p>Seeding is greedy k-means++ with {@code 2 + floor(ln max(k, 15))} candidates per centre (4 for every k up to
 * 15). Each restart draws its own generator from the call's seed, in order, so the result depends on the seed only,
 * never on the number of threads (an input above 32,768 points is worked on in fixed chunks on the common fork-join
 * pool). The restart with the lowest inertia wins (the earliest on ties).
 * Iterations stop when no point changes cluster, when the squared centre movement summed over centres falls to
 * {@code tolerance} times the mean feature variance (scikit-learn's rule), or at {@code maxIterations}; the labels
 * returned are always those of the nearest returned centre. A cluster left empty is re-seeded with the point
 * farthest from its centre. Duplicate points are fine; with fewer distinct points than {@code k} the result has
 * fewer clusters.
 *
 * <p>Parameters: {@code k} (default 3), {@code restarts} (default 5), {@code maxIterations} (default 300),
 * {@code tolerance} (default 1e-4).
 */
public final class KMeansStrategy implements ClusteringStrategy {
    /** The strategy id. */
    public static final String ID = "kmeans";
    /** Number of restarts, each with its own seeding. */
    public static final String RESTARTS = "restarts";
    /** Iteration cap per restart. */
    public static final String MAX_ITERATIONS = "maxIterations";
    /** Relative tolerance on the squared centre movement. */
    public static final String TOLERANCE = "tolerance";

    private static final ParameterSpace SPACE = ParameterSpace.of(
            ID,
            new Parameter.IntParameter(K, 3, 1, 100_000, "number of clusters"),
            new Parameter.IntParameter(RESTARTS, 5, 1, 1_000, "seeded restarts; the lowest inertia wins"),
            new Parameter.IntParameter(MAX_ITERATIONS, 300, 1, 1_000_000, "iteration cap per restart"),
            new Parameter.RealParameter(
                    TOLERANCE,
                    1e-4,
                    0.0,
                    1.0,
                    "stop when the summed squared centre shift is at most this times the mean feature variance"));

    /** Creates the strategy; it holds no state. */
    public KMeansStrategy() {
        // ServiceLoader needs a public no-argument constructor.
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ParameterSpace parameters() {
        return SPACE;
    }

    @Override
    public Clustering cluster(FeatureMatrix data, Parameters parameters, long seed) {
        if (!parameters.space().owner().equals(ID)) {
            throw new IllegalArgumentException(
                    "parameters of strategy '" + parameters.space().owner() + "' given to strategy '" + ID + "'");
        }
        int n = data.rows();
        int d = data.dims();
        if (n == 0) {
            return Clustering.builder(ID, parameters, seed, new int[0])
                    .iterations(0, true)
                    .inertia(0)
                    .build();
        }
        int k = Math.min(parameters.getInt(K), n);
        HamerlyKMeans engine = new HamerlyKMeans(data.values(), n, d, k);
        return result(
                parameters,
                seed,
                d,
                engine.run(
                        k,
                        parameters.getInt(RESTARTS),
                        parameters.getInt(MAX_ITERATIONS),
                        parameters.getDouble(TOLERANCE),
                        seed));
    }

    /**
     * One clustering per k, each equal to {@link #cluster} with that k, sharing the seeding: the seeds of a restart
     * for k are the first k of its seeds for any larger k (up to 15; beyond, every run of k with the same number of
     * seeding candidates shares one seeding), so each restart seeds once and the nearest seed of every point grows by
     * one centre per k.
     */
    @Override
    public java.util.List<Clustering> clusterEachK(
            FeatureMatrix data, Parameters parameters, int kMin, int kMax, long seed) {
        if (kMin > kMax) {
            throw new IllegalArgumentException("kMin (" + kMin + ") must be <= kMax (" + kMax + ")");
        }
        if (kMin < 1) {
            throw new IllegalArgumentException("kMin must be >= 1, found " + kMin);
        }
        int n = data.rows();
        int d = data.dims();
        java.util.List<Clustering> out = new java.util.ArrayList<>(kMax - kMin + 1);
        // k above n is run as k = n, as cluster does; share the engine over the range that can be run as asked.
        int shared = Math.min(kMax, n);
        if (n > 0 && kMin <= shared) {
            HamerlyKMeans engine = new HamerlyKMeans(data.values(), n, d, shared);
            HamerlyKMeans.Best[] runs = engine.runEach(
                    kMin,
                    shared,
                    parameters.getInt(RESTARTS),
                    parameters.getInt(MAX_ITERATIONS),
                    parameters.getDouble(TOLERANCE),
                    seed);
            for (int k = kMin; k <= shared; k++) {
                out.add(result(parameters.with(K, k), seed, d, runs[k - kMin]));
            }
        }
        for (int k = out.size() + kMin; k <= kMax; k++) {
            out.add(cluster(data, parameters.with(K, k), seed));
        }
        return out;
    }

    private static Clustering result(Parameters parameters, long seed, int d, HamerlyKMeans.Best best) {
        return Clustering.builder(ID, parameters, seed, best.assign)
                .centroids(best.centers, d)
                .iterations(best.iterations, best.converged)
                .inertia(best.inertia)
                .build();
    }

    @Override
    public String toString() {
        return "KMeansStrategy[" + ID + "]";
    }
}
