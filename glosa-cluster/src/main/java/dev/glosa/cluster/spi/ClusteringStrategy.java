package dev.glosa.cluster.spi;

/**
 * A clustering algorithm that the library finds with {@link java.util.ServiceLoader}.
 *
 * <p>To add one, implement this interface in a public class with a public no-argument constructor and list it in
 * {@code META-INF/services/dev.glosa.cluster.spi.ClusteringStrategy}; {@link StrategyRegistry} then finds it by
 * its {@link #id()}.
 *
 * <p>Contract: {@link #cluster} is a pure function of its arguments (same matrix, parameters and seed give equal
 * results, whatever the thread and whatever runs beside it), it is safe to call concurrently, and it works on one
 * thread so that callers can run segments in parallel. A strategy whose parameter space has an integer parameter
 * named {@value #K} can have its number of clusters chosen by a model selector; one with a real parameter named
 * {@value #EPS} reports the radius it used in {@link Clustering#parameters()}.
 */
public interface ClusteringStrategy {
    /** The conventional name of the number-of-clusters parameter. */
    String K = "k";

    /** The conventional name of a neighbourhood radius parameter. */
    String EPS = "eps";

    /** {@return the id used in configuration files, such as {@code "kmeans"}; lower case, unique among strategies} */
    String id();

    /** {@return the parameters this strategy accepts, with types, defaults and ranges} */
    ParameterSpace parameters();

    /**
     * {@return whether the strategy can run in this JVM} One that depends on an optional library returns {@code false}
     * when that library is missing, and the registry then leaves it out.
     */
    default boolean isAvailable() {
        return true;
    }

    /**
     * Clusters the points of {@code data}.
     *
     * @param data the points; a matrix with no rows gives a result with no clusters
     * @param parameters values from {@link #parameters()}
     * @param seed the seed of every random choice the strategy makes
     * @return a cluster per point ({@code -1} = noise) and what the strategy knows about the clusters
     * @throws IllegalArgumentException if {@code parameters} belong to another strategy
     */
    Clustering cluster(FeatureMatrix data, Parameters parameters, long seed);

    /**
     * One clustering per {@code k} from {@code kMin} to {@code kMax}, each equal to
     * {@code cluster(data, parameters.with(K, k), seed)}. Strategies that can share work between the values of
     * {@code k} (a hierarchical clustering cut at several levels) override this; the default calls
     * {@link #cluster} once per value.
     *
     * @param data the points
     * @param parameters values from {@link #parameters()}; {@value #K} is set for each clustering
     * @param kMin the first {@code k}
     * @param kMax the last {@code k}, inclusive
     * @param seed the seed of every random choice, the same for each {@code k}
     * @return the clusterings, for {@code k = kMin, kMin + 1, ..., kMax} in that order
     * @throws IllegalArgumentException if the strategy has no integer parameter {@value #K} or the range is empty
     */
    default java.util.List<Clustering> clusterEachK(
            FeatureMatrix data, Parameters parameters, int kMin, int kMax, long seed) {
        if (kMin > kMax) {
            throw new IllegalArgumentException("kMin (" + kMin + ") must be <= kMax (" + kMax + ")");
        }
        java.util.List<Clustering> out = new java.util.ArrayList<>(kMax - kMin + 1);
        for (int k = kMin; k <= kMax; k++) {
            out.add(cluster(data, parameters.with(K, k), seed));
        }
        return out;
    }

    /**
     * Clusters with the default parameters.
     *
     * @param data the points
     * @param seed the seed of every random choice the strategy makes
     * @return a cluster per point and what the strategy knows about the clusters
     */
    default Clustering cluster(FeatureMatrix data, long seed) {
        return cluster(data, parameters().defaults(), seed);
    }
}
