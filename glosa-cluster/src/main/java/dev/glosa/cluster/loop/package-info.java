/**
 * The per-segment loop: splits a table into segments, clusters each one with a pluggable strategy and a model
 * selector, profiles, ranks and tracks its groups, in parallel and deterministically.
 *
 * <p>{@link dev.glosa.cluster.loop.SegmentLoop} runs a whole table; {@link dev.glosa.cluster.loop.SegmentJob} is the
 * pure per-segment function a distributed engine would call per group. A weekly run looks like:
 * <pre>{@code
 * LoopConfig config = LoopConfig.builder()
 *         .strategy("kmeans").kRange(2, 15).criterion("simplified-silhouette").minSegmentSize(10).seed(2024)
 *         .override(SegmentOverride.forKeys(Map.of("hospital", "2001")).withStrategy("dbscan"))
 *         .build();
 * LoopResult run = SegmentLoop.withDefaultStrategies().run(table, config, lastWeek.state(), progressBar);
 * run.ranking();   // every group, costliest first
 * run.vanished();  // last week's groups that are gone
 * run.state();     // persist; hand to next week's run
 * }</pre>
 */
package dev.glosa.cluster.loop;
