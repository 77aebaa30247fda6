/**
 * The weekly job's seams: what a source of glosa rows yields ({@link dev.glosa.core.run.GlosaSource},
 * {@link dev.glosa.core.run.SourceBatch}), what a sink of results receives ({@link dev.glosa.core.run.GlosaSink},
 * {@link dev.glosa.core.run.RunOutput}), and the record of a run ({@link dev.glosa.core.run.RunRecord}).
 *
 * <p>A new input (a download, a database, a data lake) or a new output (a database, a report) is one class
 * implementing one of the two interfaces; the pipeline that calls them lives above the readers and the clustering.
 */
package dev.glosa.core.run;
