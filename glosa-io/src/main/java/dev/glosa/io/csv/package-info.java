/**
 * ERP CSV exports: a column mapping (roles, dimensions, measures, formats), a fast reader that sends bad rows to a
 * rejects list with a read report, and a writer of the reference shape.
 */
package dev.glosa.io.csv;
