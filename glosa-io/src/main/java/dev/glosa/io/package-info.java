/**
 * Readers of real glosa sources (DATASUS SIH, ERP CSV, TISS XML), the synthetic data source, and the writers of the Power BI outputs.
 */
package dev.glosa.io;
