/**
 * The columnar table of glosa rows: typed primitive columns, canonical roles, builders and grouping.
 */
package dev.glosa.core.table;
