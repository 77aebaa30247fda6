/**
 * Exact DBSCAN on a k-d tree (early-exit core counts, union-find linking of core points), and automatic
 * {@code eps} from the k-distance curve.
 */
package dev.glosa.cluster.dbscan;
