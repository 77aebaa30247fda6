/**
 * Stable group ids across runs: this run's groups of a segment are matched to the previous run's with the Hungarian
 * algorithm on a documented distance between profiles; matched groups keep their id, the others get fresh ones, and
 * groups that vanished are reported.
 */
package dev.glosa.cluster.track;
