/**
 * Exact DBSCAN with a k-d tree and a grid, and automatic {@code eps} from the k-distance curve.
 */
package dev.glosa.cluster.dbscan;
