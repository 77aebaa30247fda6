/**
 * {@code report.html}: one self-contained page per run, drawn from an output folder's history, with SVG charts.
 */
package dev.glosa.report;
