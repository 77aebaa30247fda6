package dev.glosa.cluster.dbscan;

import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameter;
import dev.glosa.cluster.spi.ParameterSpace;
import dev.glosa.cluster.spi.Parameters;

/**
 * Exact DBSCAN (id {@code "dbscan"}) on a k-d tree, with {@code eps} chosen automatically when not given.
 *
 * <p>Conventions: a neighbourhood is the closed ball of radius {@code eps} and counts the point itself; a point is
 * core when its neighbourhood holds at least {@code minPts} points; a border point joins the cluster of its
 * lowest-index core neighbour; the rest is noise ({@code -1}). The result is exact (the same as a brute-force
 * DBSCAN under these conventions) and deterministic.
 *
 * <p>When {@code eps} is unset it is the knee of the sorted k-distance curve (k = {@code minPts - 1} other points),
 * computed on a seeded sample of at most {@code kDistanceSample} points; the value used is reported in
 * {@link Clustering#parameters()}. The seed is used for that sample only.
 *
 * <p>Parameters: {@code eps} (automatic), {@code minPts} (default 5), {@code kDistanceSample} (default 10,000).
 */
public final class DbscanStrategy implements ClusteringStrategy {
    /** The strategy id. */
    public static final String ID = "dbscan";
    /** The minimum neighbourhood size of a core point, the point itself included. */
    public static final String MIN_PTS = "minPts";
    /** The largest number of points whose k-distance is computed when choosing eps. */
    public static final String K_DISTANCE_SAMPLE = "kDistanceSample";

    private static final ParameterSpace SPACE = ParameterSpace.of(
            ID,
            new Parameter.RealParameter(
                    EPS,
                    null,
                    0.0,
                    Double.MAX_VALUE,
                    "neighbourhood radius; automatic: knee of the sorted k-distance curve"),
            new Parameter.IntParameter(
                    MIN_PTS, 5, 1, 1_000_000, "minimum neighbourhood size of a core point, the point itself included"),
            new Parameter.IntParameter(
                    K_DISTANCE_SAMPLE,
                    10_000,
                    10,
                    100_000_000,
                    "points whose k-distance is computed when eps is automatic"));

    /** Creates the strategy; it holds no state. */
    public DbscanStrategy() {
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
        int minPts = parameters.getInt(MIN_PTS);
        double[] x = data.values();
        var given = parameters.findDouble(EPS);
        if (given.isEmpty() && minPts < 2) {
            throw new IllegalArgumentException("an automatic eps needs minPts >= 2 (k-distance to minPts-1 other"
                    + " points), found minPts " + minPts);
        }
        // one tree serves the k-distance curve and the clustering
        KdTree tree = new KdTree(x, n, d);
        Parameters effective = parameters;
        double eps;
        if (given.isPresent()) {
            eps = given.getAsDouble();
        } else {
            int sample = parameters.getInt(K_DISTANCE_SAMPLE);
            eps = n == 0 ? 0 : KDistance.knee(KDistance.curve(tree, minPts, sample, seed));
            effective = parameters.with(EPS, eps);
        }
        int[] labels = ExactDbscan.run(tree, eps, minPts);
        return Clustering.builder(ID, effective, seed, labels).build();
    }

    @Override
    public String toString() {
        return "DbscanStrategy[" + ID + "]";
    }
}
