/**
 * Reading glosas straight from a database and writing the star schema to one, over JDBC.
 *
 * <p>{@link dev.glosa.io.jdbc.JdbcReader} runs one read-only {@code SELECT}/{@code WITH} query and maps its columns
 * with the same {@link dev.glosa.io.csv.CsvMapping} as a CSV export, streaming rows into the columnar table;
 * {@link dev.glosa.io.jdbc.JdbcStarSchemaWriter} writes the tables the Power BI folder holds into PostgreSQL, one
 * transaction per run; {@link dev.glosa.io.jdbc.Drivers} connects, loading drivers other than PostgreSQL's from a
 * folder. Errors are {@link dev.glosa.io.jdbc.DatabaseException}s of one line, never holding the password.
 */
package dev.glosa.io.jdbc;
