package dev.glosa.cluster.spi;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one {@link ClusteringStrategy#cluster} call: a cluster per point and what the strategy knows about it.
 *
 * <p>Clusters are canonical: clusters are numbered {@code 0..k-1} in the order in which their first point appears,
 * and {@code -1} marks noise. Two runs that find the same partition therefore give equal cluster arrays, whatever
 * internal numbering the algorithm used. Centroids, when present, are permuted to match.
 *
 * <p>The result carries the strategy id, the effective parameters (automatic ones filled in with the value the
 * strategy chose) and the seed, so it can be reproduced.
 *
 * <p>This is one partition of one feature matrix, not a segment's result: the loop asks a strategy for several
 * (one per k tried), keeps the one its criterion chooses, and reports the segment as a
 * {@link dev.glosa.core.result.SegmentResult}, with profiles and tracked group ids.
 */
public final class Clustering {
    /** The cluster of a noise point. */
    public static final int NOISE = -1;

    private final String strategyId;
    private final Parameters parameters;
    private final long seed;
    private final int[] clusters;
    private final int k;
    private final int dims;
    private final double[] centroids;
    private final int iterations;
    private final boolean converged;
    private final double inertia;
    private final String approximation;

    private Clustering(Builder b, int[] clusters, int k, double[] centroids) {
        this.strategyId = b.strategyId;
        this.parameters = b.parameters;
        this.seed = b.seed;
        this.clusters = clusters;
        this.k = k;
        this.dims = b.dims;
        this.centroids = centroids;
        this.iterations = b.iterations;
        this.converged = b.converged;
        this.inertia = b.inertia;
        this.approximation = b.approximation;
    }

    /**
     * A builder for a result with the given clusters ({@code -1} = noise, other clusters any non-negative numbering).
     *
     * @return the builder
     * @param strategyId the id of the strategy that produced the clusters
     * @param parameters the effective parameters
     * @param seed the seed of the call
     * @param clusters one cluster per point, copied
     */
    public static Builder builder(String strategyId, Parameters parameters, long seed, int[] clusters) {
        return new Builder(strategyId, parameters, seed, clusters);
    }

    /** {@return the id of the strategy that produced this result} */
    public String strategyId() {
        return strategyId;
    }

    /** {@return the parameters in effect, automatic ones set to the values the strategy chose} */
    public Parameters parameters() {
        return parameters;
    }

    /** {@return the seed of the call} */
    public long seed() {
        return seed;
    }

    /** {@return the number of points} */
    public int size() {
        return clusters.length;
    }

    /** {@return a copy of the clusters, one per point; {@code -1} is noise} */
    public int[] clusters() {
        return clusters.clone();
    }

    /**
     * {@return the cluster of point {@code i}, {@code -1} for noise}
     *
     * @param i the point, from 0
     */
    public int cluster(int i) {
        return clusters[i];
    }

    /** {@return the number of clusters, noise excluded} */
    public int k() {
        return k;
    }

    /** {@return the number of points marked noise} */
    public int noiseCount() {
        int c = 0;
        for (int l : clusters) {
            if (l == NOISE) {
                c++;
            }
        }
        return c;
    }

    /** {@return the number of points in each cluster, indexed by cluster} */
    public int[] clusterSizes() {
        int[] s = new int[k];
        for (int l : clusters) {
            if (l >= 0) {
                s[l]++;
            }
        }
        return s;
    }

    /** {@return the centroids as a flat row-major k × d array (a copy), when the strategy computed them} */
    public Optional<double[]> centroids() {
        return centroids == null ? Optional.empty() : Optional.of(centroids.clone());
    }

    /** {@return the number of features of each centroid, or 0 when there are no centroids} */
    public int centroidDims() {
        return centroids == null ? 0 : dims;
    }

    /** {@return iterations of the run that was kept (0 when the algorithm does not iterate)} */
    public int iterations() {
        return iterations;
    }

    /** {@return whether the iterations stopped because they converged rather than at the cap} */
    public boolean converged() {
        return converged;
    }

    /** {@return the sum of squared distances of points to their centroid, or {@code NaN} when not meaningful} */
    public double inertia() {
        return inertia;
    }

    /**
     * How the result was approximated, when it was; empty when the algorithm ran exactly on every point.
     *
     * <p>Hierarchical clustering of a large segment, for example, clusters a bounded set of representatives and
     * assigns every point to its representative's cluster, and says so here.
     *
     * @return how, or empty
     */
    public Optional<String> approximation() {
        return Optional.ofNullable(approximation);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Clustering c
                && c.strategyId.equals(strategyId)
                && c.parameters.equals(parameters)
                && c.seed == seed
                && Arrays.equals(c.clusters, clusters)
                && c.k == k
                && Arrays.equals(c.centroids, centroids)
                && c.iterations == iterations
                && c.converged == converged
                && Double.compare(c.inertia, inertia) == 0
                && Objects.equals(c.approximation, approximation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(strategyId, parameters, seed, Arrays.hashCode(clusters), k, iterations, converged, inertia);
    }

    @Override
    public String toString() {
        return "Clustering[" + parameters + ", seed=" + seed + ", n=" + clusters.length + ", k=" + k + ", noise="
                + noiseCount() + ", iterations=" + iterations + ", converged=" + converged + ", inertia=" + inertia
                + (approximation == null ? "" : ", approximation=" + approximation) + "]";
    }

    /** Collects the optional parts of a {@link Clustering}. */
    public static final class Builder {
        private final String strategyId;
        private final Parameters parameters;
        private final long seed;
        private final int[] clusters;
        private double[] centroids;
        private int dims;
        private int iterations;
        private boolean converged = true;
        private double inertia = Double.NaN;
        private String approximation;

        private Builder(String strategyId, Parameters parameters, long seed, int[] clusters) {
            this.strategyId = Objects.requireNonNull(strategyId, "strategyId");
            this.parameters = Objects.requireNonNull(parameters, "parameters");
            this.seed = seed;
            this.clusters = clusters.clone();
            for (int i = 0; i < this.clusters.length; i++) {
                if (this.clusters[i] < NOISE) {
                    throw new IllegalArgumentException(
                            "cluster of point " + i + " must be >= -1, found " + this.clusters[i]);
                }
            }
        }

        /**
         * Sets the centroids, a flat row-major array with one row of {@code dims} values per original cluster.
         * Rows of clusters no point carries are dropped.
         *
         * @param centroids the centroids, row after row; copied
         * @param dims the values of one row: the number of features
         * @return this builder
         * @throws IllegalArgumentException if {@code dims} is not positive or does not divide the array's length
         */
        public Builder centroids(double[] centroids, int dims) {
            if (dims <= 0 || centroids.length % dims != 0) {
                throw new IllegalArgumentException("centroids.length (" + centroids.length
                        + ") must be a positive multiple of dims (" + dims + ")");
            }
            this.centroids = centroids.clone();
            this.dims = dims;
            return this;
        }

        /**
         * Sets the iteration count and whether the run converged.
         *
         * @param iterations the iterations of the run kept, 0 or more
         * @param converged whether they stopped by converging rather than at the cap
         * @return this builder
         */
        public Builder iterations(int iterations, boolean converged) {
            if (iterations < 0) {
                throw new IllegalArgumentException("iterations must be >= 0, found " + iterations);
            }
            this.iterations = iterations;
            this.converged = converged;
            return this;
        }

        /**
         * Sets the sum of squared distances to the centroids.
         *
         * @param inertia the sum, or {@code NaN} when not meaningful
         * @return this builder
         */
        public Builder inertia(double inertia) {
            this.inertia = inertia;
            return this;
        }

        /**
         * Says how the result was approximated.
         *
         * @param description in a few words, e.g. the representatives clustered and how the rest were assigned
         * @return this builder
         */
        public Builder approximation(String description) {
            this.approximation = description;
            return this;
        }

        /** {@return the result, with clusters renumbered in order of first appearance} */
        public Clustering build() {
            int max = -1;
            for (int l : clusters) {
                max = Math.max(max, l);
            }
            if (centroids != null && centroids.length / dims <= max) {
                throw new IllegalArgumentException(
                        "centroids hold " + centroids.length / dims + " rows but clusters go up to " + max);
            }
            int[] map = new int[max + 1];
            Arrays.fill(map, -1);
            int k = 0;
            int[] out = new int[clusters.length];
            for (int i = 0; i < clusters.length; i++) {
                int l = clusters[i];
                if (l == NOISE) {
                    out[i] = NOISE;
                    continue;
                }
                if (map[l] < 0) {
                    map[l] = k++;
                }
                out[i] = map[l];
            }
            double[] c = null;
            if (centroids != null) {
                c = new double[k * dims];
                for (int l = 0; l <= max; l++) {
                    if (map[l] >= 0) {
                        System.arraycopy(centroids, l * dims, c, map[l] * dims, dims);
                    }
                }
            }
            return new Clustering(this, out, k, c);
        }
    }
}
