package dev.glosa.cluster.elki;

import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameter;
import dev.glosa.cluster.spi.ParameterSpace;
import dev.glosa.cluster.spi.Parameters;
import java.util.List;

/**
 * ELKI's Anderberg agglomerative clustering cut into k clusters (id {@code "elki-hierarchical"}); available only
 * when ELKI (AGPL-3.0) is on the class path.
 *
 * <p>Ward runs on squared Euclidean distances, as ELKI requires; the other linkages on Euclidean distances. The
 * distance matrix takes {@code 4·n²} bytes, so segments above {@code maxPoints} are refused.
 * Parameters: {@code k} (default 3), {@code linkage} (default {@code ward}), {@code maxPoints} (default 10,000).
 */
public final class ElkiHierarchicalStrategy implements ClusteringStrategy {
    /** The strategy id. */
    public static final String ID = "elki-hierarchical";

    private static final ParameterSpace SPACE = ParameterSpace.of(
            ID,
            new Parameter.IntParameter(K, 3, 1, 100_000, "number of clusters of the cut"),
            new Parameter.ChoiceParameter(
                    "linkage",
                    "ward",
                    List.of("ward", "complete", "average", "single"),
                    "how the distance between two clusters is measured"),
            new Parameter.IntParameter("maxPoints", 10_000, 2, 20_000, "largest segment accepted"));

    /** Creates the strategy; it holds no state. */
    public ElkiHierarchicalStrategy() {
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
        if (n > parameters.getInt("maxPoints")) {
            throw new IllegalArgumentException("strategy '" + ID + "' accepts at most maxPoints ("
                    + parameters.getInt("maxPoints") + ") points, found " + n + "; use 'hierarchical'");
        }
        if (n == 0) {
            return Clustering.builder(ID, parameters, seed, new int[0]).build();
        }
        double[] x = data.values();
        int k = Math.min(parameters.getInt(K), n);
        int[] labels = n == 1 ? new int[1] : ElkiBridge.hierarchical(x, n, d, parameters.getChoice("linkage"), k);
        int kk = Centroids.count(labels);
        double[] c = Centroids.of(x, n, d, labels, kk);
        return Clustering.builder(ID, parameters, seed, labels)
                .centroids(c, d)
                .inertia(Centroids.inertia(x, n, d, labels, c))
                .build();
    }
}
