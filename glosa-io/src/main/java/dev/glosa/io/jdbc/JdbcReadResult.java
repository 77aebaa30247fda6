package dev.glosa.io.jdbc;

import dev.glosa.core.table.GlosaTable;

/**
 * What a query read produced.
 *
 * @param table the accepted rows, columns in result order under their mapped names
 * @param report counts, column types and rejected rows
 */
public record JdbcReadResult(GlosaTable table, JdbcReadReport report) {}
