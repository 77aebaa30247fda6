/**
 * Agglomerative hierarchical clustering: NN-chain (Ward, complete, average), Prim's MST (single), cuts by k or
 * height, and micro-cluster representatives for large segments.
 */
package dev.glosa.cluster.hierarchical;
