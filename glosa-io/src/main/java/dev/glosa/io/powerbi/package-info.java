/**
 * The Power BI-ready star schema: a folder of UTF-8 CSV tables that accumulate run after run, written atomically under
 * a lock, with pseudonymised patient identifiers and a {@code manifest.json}.
 *
 * <p>The entry point is {@link dev.glosa.io.powerbi.StarSchemaWriter}. The Power Query (M) scripts that load the tables
 * with culture {@code en-US} are in the repository's {@code powerbi/} folder.
 */
package dev.glosa.io.powerbi;
