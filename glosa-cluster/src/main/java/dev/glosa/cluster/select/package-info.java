/**
 * Choosing k and scoring partitions: {@link dev.glosa.cluster.select.Criterion} (silhouette, simplified silhouette,
 * Calinski-Harabasz, Davies-Bouldin), {@link dev.glosa.cluster.select.ModelSelector} and its
 * {@link dev.glosa.cluster.select.Selection}, and {@link dev.glosa.cluster.select.AdjustedRandIndex}.
 */
package dev.glosa.cluster.select;
