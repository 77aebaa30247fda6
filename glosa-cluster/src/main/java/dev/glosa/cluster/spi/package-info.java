/**
 * The clustering SPI: {@link dev.glosa.cluster.spi.FeatureMatrix} in, {@link dev.glosa.cluster.spi.Clustering} out,
 * {@link dev.glosa.cluster.spi.ClusteringStrategy} implementations found with {@link java.util.ServiceLoader} and
 * looked up by id in {@link dev.glosa.cluster.spi.StrategyRegistry}.
 */
package dev.glosa.cluster.spi;
