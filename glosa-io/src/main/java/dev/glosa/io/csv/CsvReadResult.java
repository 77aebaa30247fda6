package dev.glosa.io.csv;

import dev.glosa.core.table.GlosaTable;

/**
 * What a CSV read produced: the table of accepted rows and the report of the read.
 *
 * @param table the accepted rows, columns in file order under their mapped names
 * @param report counts, detected formats and rejected rows
 */
public record CsvReadResult(GlosaTable table, CsvReadReport report) {}
