/**
 * The per-segment loop: splits a table into segments, clusters each one with a pluggable strategy and a model
 * selector, profiles, ranks and tracks its groups, in parallel and deterministically.
 *
 * <p>{@link dev.glosa.cluster.loop.SegmentLoop} runs a whole table; {@link dev.glosa.cluster.loop.SegmentJob} is the
 * pure per-segment function a distributed engine would call per group.
 */
package dev.glosa.cluster.loop;
