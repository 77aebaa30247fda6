/**
 * glosa's clustering: features, the {@code ClusteringStrategy} SPI with k-means, DBSCAN and hierarchical clustering,
 * the choice of k or eps, the per-segment loop, profiles, ranking and tracking.
 *
 * <p>Every package is public API. A strategy is one class implementing {@code ClusteringStrategy}, registered with
 * {@code provides} or in {@code META-INF/services} of its own jar (glosa-cluster-elki registers ELKI's). The Vector API
 * is optional: {@code jdk.incubator.vector} is used when the JVM was started with it, the scalar kernel otherwise. On
 * the class path the module is ignored and the jar works as before.
 */
module dev.glosa.cluster {
    requires transitive dev.glosa.core;
    requires static jdk.incubator.vector;

    exports dev.glosa.cluster.dbscan;
    exports dev.glosa.cluster.features;
    exports dev.glosa.cluster.hierarchical;
    exports dev.glosa.cluster.kmeans;
    exports dev.glosa.cluster.loop;
    exports dev.glosa.cluster.profile;
    exports dev.glosa.cluster.select;
    exports dev.glosa.cluster.spi;
    exports dev.glosa.cluster.track;

    uses dev.glosa.cluster.spi.ClusteringStrategy;

    provides dev.glosa.cluster.spi.ClusteringStrategy with
            dev.glosa.cluster.kmeans.KMeansStrategy,
            dev.glosa.cluster.dbscan.DbscanStrategy,
            dev.glosa.cluster.hierarchical.HierarchicalStrategy;
}
