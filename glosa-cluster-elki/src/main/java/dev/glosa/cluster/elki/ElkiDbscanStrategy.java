package dev.glosa.cluster.elki;

import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameter;
import dev.glosa.cluster.spi.ParameterSpace;
import dev.glosa.cluster.spi.Parameters;

/**
 * ELKI's DBSCAN without an index (id {@code "elki-dbscan"}); available only when ELKI (AGPL-3.0) is on the class path.
 *
 * <p>ELKI counts the point itself in {@code minPts} and gives a border point to the first cluster that reaches it.
 * {@code eps} must be given (this backend does not choose it). Parameters: {@code eps}, {@code minPts} (default 5).
 */
public final class ElkiDbscanStrategy implements ClusteringStrategy {
    /** The strategy id. */
    public static final String ID = "elki-dbscan";

    private static final ParameterSpace SPACE = ParameterSpace.of(
            ID,
            new Parameter.RealParameter(EPS, null, 0.0, Double.MAX_VALUE, "neighbourhood radius (required)"),
            new Parameter.IntParameter(
                    "minPts",
                    5,
                    1,
                    1_000_000,
                    "minimum neighbourhood size of a core point, the point itself included"));

    /** Creates the strategy; it holds no state. */
    public ElkiDbscanStrategy() {
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
        var eps = parameters.findDouble(EPS);
        if (eps.isEmpty()) {
            throw new IllegalArgumentException(
                    "strategy '" + ID + "' needs parameter 'eps'; use 'dbscan' to choose it automatically");
        }
        int n = data.rows();
        int[] labels = n == 0
                ? new int[0]
                : ElkiBridge.dbscan(data.values(), n, data.dims(), eps.getAsDouble(), parameters.getInt("minPts"));
        return Clustering.builder(ID, parameters, seed, labels).build();
    }
}
