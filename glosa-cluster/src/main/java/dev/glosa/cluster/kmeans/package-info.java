/**
 * k-means clustering on primitive arrays: greedy k-means++ seeding, Hamerly's bounds, restarts.
 */
package dev.glosa.cluster.kmeans;
