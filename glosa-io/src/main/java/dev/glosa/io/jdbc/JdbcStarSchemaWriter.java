package dev.glosa.io.jdbc;

import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.run.RunOutput;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.text.KeyNames;
import dev.glosa.io.powerbi.RunTables;
import dev.glosa.io.powerbi.StarSchemaWriter;
import dev.glosa.io.powerbi.WriterOptions;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a run's star schema into a PostgreSQL database: the tables the Power BI folder holds ({@code fact_glosa},
 * {@code dim_segment}, {@code dim_group}, {@code indicators}, {@code runs}, and the tracker's {@code group_state}),
 * built by the same code as the folder's files.
 *
 * <p>Tables are created when absent, with typed columns ({@code text}, {@code double precision}, {@code bigint},
 * {@code date}; a month is the {@code date} of its first day; an instant {@code timestamp with time zone}), a
 * {@code row_number} column (the row's position within its run, 1-based) and a primary key: the table's key
 * ({@code as_of} and the natural key, {@code row_number} for the fact table). A column a run brings that the table
 * lacks is added (empty in earlier rows). Text is stored as it reads, without the CSV files' formula guard.
 *
 * <p>One transaction per run, serialised by a transaction-scoped advisory lock: the rows of the run's {@code as_of}
 * are deleted from every table and the run's rows inserted, so a re-run of a week replaces that week (the same
 * idempotence as the folder), and a failure anywhere rolls everything back, leaving the previous state untouched.
 * The id of the pseudonym key is kept in {@code pseudonym_key}, and a run with another key is refused.
 */
public final class JdbcStarSchemaWriter {
    /** The column that keeps the rows of a run in the order the folder's files hold them. */
    public static final String ROW_NUMBER = "row_number";

    private static final long LOCK_KEY = 0x676C6F7361L; // "glosa"
    private static final int BATCH = 1000;

    /** A test seam called after each table's rows are inserted; throwing from it simulates a failure mid-write. */
    interface Hook {
        Hook NONE = table -> {};

        void tableWritten(String table) throws SQLException;
    }

    /**
     * What one table received.
     *
     * @param table the table
     * @param written the rows inserted
     * @param replaced the rows of the same {@code as_of} deleted first
     */
    public record TableReport(String table, long written, long replaced) {}

    private JdbcStarSchemaWriter() {}

    /**
     * Writes the run into the database of {@code connection}, replacing any earlier rows of the same {@code as_of};
     * the arguments are those of the folder writer's
     * {@link dev.glosa.io.powerbi.StarSchemaWriter#write(java.nio.file.Path, RunRecord, GlosaTable, List, List, List,
     * WriterOptions)}, {@code state} {@code null} to leave the tracker's table out.
     *
     * @param connection an open connection; committed or rolled back here
     * @param run the run's record
     * @param analysed the table the run analysed
     * @param outcomes every segment's outcome
     * @param indicators the indicator rows
     * @param state the groups to match next week
     * @param options the identifier treatment
     * @return one report per table written
     * @param where names the database in messages (the URL with credentials masked)
     * @throws IllegalArgumentException if the inputs disagree or identifier columns lack a chosen treatment
     * @throws DatabaseException if the database refuses a statement; nothing of the run is then kept
     */
    public static List<TableReport> write(
            Connection connection,
            String where,
            RunRecord run,
            GlosaTable analysed,
            List<SegmentResult> outcomes,
            List<IndicatorRow> indicators,
            List<GroupRecord> state,
            WriterOptions options)
            throws DatabaseException {
        return write(
                connection, where, run, analysed, outcomes, indicators, state, options, KeyNames.none(), Hook.NONE);
    }

    /**
     * Writes one run's tables as {@link #write(Connection, String, RunRecord, GlosaTable, List, List, List,
     * WriterOptions)} does, and the dimension tables ({@code dim_hospital}, {@code dim_payer}, {@code dim_glosa_type},
     * {@code dim_date}, {@code dim_run}) with the codes named by {@code names}: every code ever written is kept, a code
     * of this run gets this run's name, and only the latest {@code as_of} of {@code dim_run} is latest.
     *
     * @param connection an open connection; committed on success, rolled back on failure
     * @param where names the database in messages (the URL with credentials masked)
     * @param run the run
     * @param analysed the analysed table
     * @param outcomes every segment's result
     * @param indicators the run's indicators
     * @param state the tracker's state, or {@code null} to leave {@code group_state} out
     * @param options the identifier policy
     * @param names the names of the keys' codes
     * @return one report per table, the run's tables first and the dimensions after
     * @throws IllegalArgumentException if the inputs disagree or identifier columns lack a chosen treatment
     * @throws DatabaseException if the database refuses a statement; nothing of the run is then kept
     */
    public static List<TableReport> write(
            Connection connection,
            String where,
            RunRecord run,
            GlosaTable analysed,
            List<SegmentResult> outcomes,
            List<IndicatorRow> indicators,
            List<GroupRecord> state,
            WriterOptions options,
            KeyNames names)
            throws DatabaseException {
        return write(connection, where, run, analysed, outcomes, indicators, state, options, names, Hook.NONE);
    }

    static List<TableReport> write(
            Connection connection,
            String where,
            RunRecord run,
            GlosaTable analysed,
            List<SegmentResult> outcomes,
            List<IndicatorRow> indicators,
            List<GroupRecord> state,
            WriterOptions options,
            KeyNames names,
            Hook hook)
            throws DatabaseException {
        RunTables tables = RunTables.of(run, analysed, outcomes, indicators, state, options);
        return write(connection, where, tables, RunTables.dimensions(run, analysed, indicators, names), run, hook);
    }

    /**
     * Writes everything a sink receives from one run, as
     * {@link #write(Connection, String, RunRecord, GlosaTable, List, List, List, WriterOptions, KeyNames)} does, and
     * the source's side tables ({@code fact_appeal}, ...) beside the star schema's, in the same transaction.
     *
     * @param connection an open connection; committed or rolled back here
     * @param where names the database in messages
     * @param out the run's results and the source's side tables
     * @param options the identifier treatment
     * @return one report per table written
     * @throws IllegalArgumentException if the inputs disagree or identifier columns lack a chosen treatment
     * @throws DatabaseException if the database refuses a statement; nothing of the run is then kept
     */
    public static List<TableReport> write(Connection connection, String where, RunOutput out, WriterOptions options)
            throws DatabaseException {
        return write(
                connection,
                where,
                RunTables.of(out, options),
                RunTables.dimensions(out.run(), out.analysed(), out.indicators(), out.names()),
                out.run(),
                Hook.NONE);
    }

    private static List<TableReport> write(
            Connection connection,
            String where,
            RunTables tables,
            List<RunTables.Dimension> dimensions,
            RunRecord run,
            Hook hook)
            throws DatabaseException {
        String current = "the connection";
        try {
            checkPostgres(connection, where);
            connection.setReadOnly(false);
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, LOCK_KEY);
                    lock.execute();
                }
                renameLegacyNames(connection);
                checkKey(connection, where, tables.keyId(), run.asOf());
                List<TableReport> reports = new ArrayList<>();
                for (RunTables.Table t : tables.tables()) {
                    current = "table " + t.name();
                    reports.add(writeTable(connection, t, run.asOf()));
                    hook.tableWritten(t.name());
                }
                for (RunTables.Dimension d : dimensions) {
                    current = "table " + d.name();
                    reports.add(writeDimension(connection, d));
                    hook.tableWritten(d.name());
                }
                connection.commit();
                return List.copyOf(reports);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw Errors.of(e, where + ": cannot write " + current + " (nothing of this run was kept)", null, 0);
        }
    }

    /**
     * The tracker's state written by the latest run dated before {@code asOf}, read back from {@code group_state};
     * empty when the database has no earlier run.
     *
     * @param connection an open connection
     * @param where names the database in messages
     * @param asOf the run's date
     * @return the groups of the latest earlier run, or none
     * @throws DatabaseException when the database refuses the query
     * @throws IOException when a stored record cannot be read
     */
    public static List<GroupRecord> previousState(Connection connection, String where, LocalDate asOf)
            throws DatabaseException, IOException {
        try {
            if (existingColumns(connection, "group_state").isEmpty()) {
                return List.of();
            }
            String sql = "SELECT * FROM \"group_state\" WHERE \"as_of\" = (SELECT max(\"as_of\") FROM \"group_state\""
                    + " WHERE \"as_of\" < ?) ORDER BY \"" + ROW_NUMBER + "\"";
            List<String> header = new ArrayList<>();
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setObject(1, asOf);
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData m = rs.getMetaData();
                    for (int i = 1; i <= m.getColumnCount(); i++) {
                        header.add(m.getColumnLabel(i));
                    }
                    while (rs.next()) {
                        String[] cells = new String[header.size()];
                        for (int i = 1; i <= cells.length; i++) {
                            Object v = rs.getObject(i);
                            cells[i - 1] = v == null ? "" : v.toString();
                        }
                        rows.add(cells);
                    }
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return RunTables.groupRecords(where + " group_state", header, rows);
        } catch (SQLException e) {
            throw Errors.of(e, where + ": cannot read the previous run's groups", null, 0);
        }
    }

    /**
     * Refuses a pseudonym key other than the one earlier runs used ({@code manifest.json} does this for a folder): the
     * same patient would get two pseudonyms. The first run with a key records its id in {@code pseudonym_key}.
     */
    private static void checkKey(Connection c, String where, String keyId, LocalDate asOf) throws SQLException {
        if (keyId == null) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS \"pseudonym_key\" (\"key_id\" text PRIMARY KEY,"
                    + " \"first_as_of\" date NOT NULL)");
        }
        List<String> earlier = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT \"key_id\" FROM \"pseudonym_key\" ORDER BY \"first_as_of\"")) {
            while (rs.next()) {
                earlier.add(rs.getString(1));
            }
        }
        if (earlier.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"pseudonym_key\" VALUES (?, ?)")) {
                ps.setString(1, keyId);
                ps.setObject(2, asOf);
                ps.executeUpdate();
            }
        } else if (!earlier.contains(keyId)) {
            throw new IllegalArgumentException("the pseudonym key differs from the one earlier runs in " + where
                    + " used (key id " + keyId + ", earlier " + earlier.get(0) + "), so the same patient would get two"
                    + " pseudonyms; use the earlier key or write to another database");
        }
    }

    private static void checkPostgres(Connection connection, String where) throws SQLException, DatabaseException {
        String product = connection.getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            throw new DatabaseException(
                    DatabaseException.Kind.BAD_QUERY,
                    where + ": the database sink writes"
                            + " PostgreSQL, this is " + product + "; write the folder (--out DIR) and load it, or use"
                            + " PostgreSQL",
                    null);
        }
    }

    private static TableReport writeTable(Connection c, RunTables.Table t, LocalDate asOf) throws SQLException {
        List<String> names = t.columnNames();
        List<String> types = t.columnTypes();
        Set<String> keys = new HashSet<>(t.key());
        boolean byPosition = keys.remove("row order");
        ensureTable(c, t.name(), names, types, keys, byPosition);
        long replaced;
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + quote(t.name()) + " WHERE \"as_of\" = ?")) {
            del.setObject(1, asOf);
            replaced = del.executeUpdate();
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ")
                .append(quote(t.name()))
                .append(" (")
                .append(quote(ROW_NUMBER));
        for (String n : names) {
            sql.append(", ").append(quote(n));
        }
        sql.append(") VALUES (?").append(", ?".repeat(names.size())).append(')');
        String[] cells = new String[names.size()];
        boolean[] key = new boolean[names.size()];
        for (int j = 0; j < key.length; j++) {
            key[j] = keys.contains(names.get(j)) && types.get(j).equals("text");
        }
        int n = t.size();
        try (PreparedStatement ins = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < n; i++) {
                t.fill(i, cells);
                ins.setLong(1, i + 1L);
                for (int j = 0; j < cells.length; j++) {
                    bind(ins, j + 2, types.get(j), cells[j], key[j]);
                }
                ins.addBatch();
                if ((i + 1) % BATCH == 0) {
                    ins.executeBatch();
                }
            }
            if (n % BATCH != 0) {
                ins.executeBatch();
            }
        }
        return new TableReport(t.name(), n, replaced);
    }

    /**
     * Upserts a dimension's rows by its key (its first column), so that the codes of earlier runs stay; in
     * {@code dim_run} only the latest {@code as_of} is then flagged latest.
     */
    private static TableReport writeDimension(Connection c, RunTables.Dimension d) throws SQLException {
        List<String> names = d.columnNames();
        List<String> types = d.columnTypes();
        if (existingColumns(c, d.name()).isEmpty()) {
            StringBuilder ddl =
                    new StringBuilder("CREATE TABLE ").append(quote(d.name())).append(" (");
            for (int j = 0; j < names.size(); j++) {
                ddl.append(j == 0 ? "" : ", ")
                        .append(quote(names.get(j)))
                        .append(' ')
                        .append(sqlType(types.get(j)));
            }
            ddl.append(", PRIMARY KEY (").append(quote(names.get(0))).append("))");
            try (Statement st = c.createStatement()) {
                st.execute(ddl.toString());
            }
        } else {
            ensureTable(c, d.name(), names, types, Set.of(names.get(0)), false);
        }
        StringBuilder sql =
                new StringBuilder("INSERT INTO ").append(quote(d.name())).append(" (");
        for (int j = 0; j < names.size(); j++) {
            sql.append(j == 0 ? "" : ", ").append(quote(names.get(j)));
        }
        sql.append(") VALUES (?")
                .append(", ?".repeat(names.size() - 1))
                .append(") ON CONFLICT (")
                .append(quote(names.get(0)))
                .append(") DO ");
        if (names.size() == 1) {
            sql.append("NOTHING");
        } else {
            sql.append("UPDATE SET ");
            for (int j = 1; j < names.size(); j++) {
                sql.append(j == 1 ? "" : ", ")
                        .append(quote(names.get(j)))
                        .append(" = EXCLUDED.")
                        .append(quote(names.get(j)));
            }
        }
        try (PreparedStatement ins = c.prepareStatement(sql.toString())) {
            for (String[] row : d.rows()) {
                for (int j = 0; j < names.size(); j++) {
                    bind(ins, j + 1, types.get(j), row[j], j == 0);
                }
                ins.addBatch();
            }
            ins.executeBatch();
        }
        if (d.name().equals("dim_run")) {
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE \"dim_run\" SET \"latest\" = CASE WHEN \"as_of\" = (SELECT max(\"as_of\") FROM"
                        + " \"dim_run\") THEN 'true' ELSE 'false' END");
            }
        }
        // A dimension is not a week's rows: nothing of it is replaced, its codes are upserted.
        return new TableReport(d.name(), d.rows().size(), 0);
    }

    private static void ensureTable(
            Connection c, String table, List<String> names, List<String> types, Set<String> keys, boolean byPosition)
            throws SQLException {
        Set<String> existing = existingColumns(c, table);
        // A key column of another type than text can be empty (the overall indicator has no period): such a table
        // is keyed by its rows' positions instead.
        boolean textKey = true;
        for (int j = 0; j < names.size(); j++) {
            if (keys.contains(names.get(j))
                    && !names.get(j).equals("as_of")
                    && !types.get(j).equals("text")) {
                textKey = false;
            }
        }
        try (Statement st = c.createStatement()) {
            if (existing.isEmpty()) {
                StringBuilder ddl = new StringBuilder("CREATE TABLE ")
                        .append(quote(table))
                        .append(" (")
                        .append(quote(ROW_NUMBER))
                        .append(" bigint NOT NULL");
                for (int j = 0; j < names.size(); j++) {
                    ddl.append(", ").append(quote(names.get(j))).append(' ').append(sqlType(types.get(j)));
                    if (keys.contains(names.get(j)) && (textKey || names.get(j).equals("as_of"))) {
                        ddl.append(" NOT NULL");
                    }
                }
                List<String> pk = new ArrayList<>();
                for (String k : names) {
                    if (keys.contains(k)) {
                        pk.add(quote(k));
                    }
                }
                if (byPosition || !textKey) {
                    pk = new ArrayList<>(List.of(quote("as_of"), quote(ROW_NUMBER)));
                }
                ddl.append(", PRIMARY KEY (").append(String.join(", ", pk)).append("))");
                st.execute(ddl.toString());
            } else {
                for (int j = 0; j < names.size(); j++) {
                    if (!existing.contains(names.get(j))) {
                        st.execute("ALTER TABLE " + quote(table) + " ADD COLUMN " + quote(names.get(j)) + " "
                                + sqlType(types.get(j)));
                    }
                }
            }
        }
    }

    /**
     * Renames, once, the table and columns glosa 0.1 named otherwise ({@code dim_cluster} to {@code dim_group},
     * {@code cluster_id} to {@code group_id}, ...), in the run's transaction, so that earlier weeks stay in the same
     * tables and group ids stay stable across the upgrade.
     */
    private static void renameLegacyNames(Connection c) throws SQLException {
        String groups = StarSchemaWriter.DIM_GROUP.replace(".csv", "");
        try (Statement st = c.createStatement()) {
            if (!existingColumns(c, RunTables.LEGACY_GROUP_TABLE).isEmpty()
                    && existingColumns(c, groups).isEmpty()) {
                st.execute("ALTER TABLE " + quote(RunTables.LEGACY_GROUP_TABLE) + " RENAME TO " + quote(groups));
            }
            for (Map.Entry<String, Map<String, String>> t :
                    RunTables.legacyColumnRenames().entrySet()) {
                Set<String> existing = existingColumns(c, t.getKey());
                for (Map.Entry<String, String> r : new TreeMap<>(t.getValue()).entrySet()) {
                    if (existing.contains(r.getKey()) && !existing.contains(r.getValue())) {
                        st.execute("ALTER TABLE " + quote(t.getKey()) + " RENAME COLUMN " + quote(r.getKey()) + " TO "
                                + quote(r.getValue()));
                    }
                }
            }
        }
    }

    /** The table's column names, empty when it does not exist. */
    private static Set<String> existingColumns(Connection c, String table) throws SQLException {
        Set<String> out = new HashSet<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getColumns(null, null, table, null)) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME"));
            }
        }
        return out;
    }

    private static String sqlType(String type) {
        return switch (type) {
            case "number" -> "double precision";
            case "integer" -> "bigint";
            case "date", "month" -> "date";
            case "datetime" -> "timestamp with time zone";
            default -> "text";
        };
    }

    private static void bind(PreparedStatement ps, int i, String type, String cell, boolean key) throws SQLException {
        if (cell == null || cell.isEmpty()) {
            if (key) {
                ps.setString(i, "");
            } else {
                ps.setNull(
                        i,
                        switch (type) {
                            case "number" -> Types.DOUBLE;
                            case "integer" -> Types.BIGINT;
                            case "date", "month" -> Types.DATE;
                            case "datetime" -> Types.TIMESTAMP_WITH_TIMEZONE;
                            default -> Types.VARCHAR;
                        });
            }
            return;
        }
        switch (type) {
            case "number" -> ps.setDouble(i, Double.parseDouble(cell));
            case "integer" -> ps.setLong(i, Long.parseLong(cell));
            case "date" -> ps.setObject(i, LocalDate.parse(cell));
            case "month" -> ps.setObject(i, YearMonth.parse(cell).atDay(1));
            case "datetime" -> ps.setObject(i, OffsetDateTime.ofInstant(Instant.parse(cell), ZoneOffset.UTC));
            default -> ps.setString(i, RunTables.plainText(cell));
        }
    }

    /** A quoted SQL name: the tables' names are lower case, the analysed table's columns may be upper case. */
    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
