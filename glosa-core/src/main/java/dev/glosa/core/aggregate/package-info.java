/**
 * Aggregation of glosa rows by dimensions × month with the previous-month features the clustering uses.
 */
package dev.glosa.core.aggregate;
