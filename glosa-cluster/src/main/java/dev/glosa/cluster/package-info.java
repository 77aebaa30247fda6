/**
 * Clustering of glosa segments: features, the {@code ClusteringStrategy} SPI and its algorithms, model selection, profiling, ranking and tracking.
 */
package dev.glosa.cluster;
