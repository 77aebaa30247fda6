package dev.glosa.cluster.elki;

import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameter;
import dev.glosa.cluster.spi.ParameterSpace;
import dev.glosa.cluster.spi.Parameters;
import java.util.SplittableRandom;

/**
 * ELKI's Hamerly k-means with k-means++ seeding and restarts (id {@code "elki-kmeans"}); available only when ELKI
 * (AGPL-3.0) is on the class path.
 *
 * <p>Each restart seeds ELKI with a generator split from the call's seed; the restart with the lowest inertia wins.
 * Parameters: {@code k} (default 3), {@code restarts} (default 5), {@code maxIterations} (default 300).
 */
public final class ElkiKMeansStrategy implements ClusteringStrategy {
    /** The strategy id. */
    public static final String ID = "elki-kmeans";

    private static final ParameterSpace SPACE = ParameterSpace.of(
            ID,
            new Parameter.IntParameter(K, 3, 1, 100_000, "number of clusters"),
            new Parameter.IntParameter("restarts", 5, 1, 1_000, "seeded restarts; the lowest inertia wins"),
            new Parameter.IntParameter("maxIterations", 300, 1, 1_000_000, "iteration cap per restart"));

    /** Creates the strategy; it holds no state. */
    public ElkiKMeansStrategy() {
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
    public boolean isAvailable() {
        return ElkiSupport.available();
    }

    @Override
    public Clustering cluster(FeatureMatrix data, Parameters parameters, long seed) {
        ElkiSupport.checkOwner(parameters, ID);
        ElkiSupport.requireAvailable(ID);
        int n = data.rows();
        int d = data.dims();
        if (n == 0) {
            return Clustering.builder(ID, parameters, seed, new int[0])
                    .inertia(0)
                    .build();
        }
        int k = Math.min(parameters.getInt(K), n);
        double[] x = data.values();
        SplittableRandom root = new SplittableRandom(seed);
        int[] best = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        double[] bestCentroids = null;
        for (int r = 0; r < parameters.getInt("restarts"); r++) {
            int[] labels = ElkiBridge.kmeans(
                    x, n, d, k, parameters.getInt("maxIterations"), root.split().nextLong());
            double[] c = Centroids.of(x, n, d, labels, k);
            double inertia = Centroids.inertia(x, n, d, labels, c);
            if (inertia < bestInertia) {
                bestInertia = inertia;
                best = labels;
                bestCentroids = c;
            }
        }
        return Clustering.builder(ID, parameters, seed, best)
                .centroids(bestCentroids, d)
                .inertia(bestInertia)
                .build();
    }
}
