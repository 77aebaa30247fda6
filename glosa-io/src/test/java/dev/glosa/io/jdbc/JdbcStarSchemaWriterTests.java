package dev.glosa.io.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.text.KeyNames;
import dev.glosa.io.powerbi.RunFixture;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcStarSchemaWriterTests {
    private static final List<String> TABLES = List.of(
            "fact_glosa",
            "dim_segment",
            "dim_group",
            "indicators",
            "group_state",
            "runs",
            "dim_hospital",
            "dim_payer",
            "dim_glosa_type",
            "dim_date",
            "dim_run");
    private static final List<String> ALL = java.util.stream.Stream.concat(TABLES.stream(), Stream.of("pseudonym_key"))
            .toList();
    private static Postgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = Postgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        pg.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        for (String t : ALL) {
            pg.execute("DROP TABLE IF EXISTS " + t);
        }
    }

    private static List<GroupRecord> state(double rows) {
        return List.of(new GroupRecord(
                "S1",
                "G0001",
                1,
                0,
                4,
                0.5,
                1300.5,
                java.util.Map.of("glosa", rows),
                java.util.Map.of("glosa", 0.25),
                0,
                "high value"));
    }

    private static List<JdbcStarSchemaWriter.TableReport> write(LocalDate week, JdbcStarSchemaWriter.Hook hook)
            throws SQLException, DatabaseException {
        GlosaTable t = RunFixture.table();
        try (Connection c = pg.admin()) {
            return JdbcStarSchemaWriter.write(
                    c,
                    "test-db",
                    RunFixture.run(week),
                    t,
                    RunFixture.outcomes(false),
                    RunFixture.indicators(t),
                    state(week.getDayOfMonth()),
                    RunFixture.options(),
                    KeyNames.of("hospital", java.util.Map.of("H1", "Hospital Um")),
                    hook);
        }
    }

    @Test
    void theTablesAreCreatedTypedWithPrimaryKeysAndHoldTheFoldersRows() throws Exception {
        List<JdbcStarSchemaWriter.TableReport> r = write(RunFixture.WEEK1, JdbcStarSchemaWriter.Hook.NONE);
        assertThat(r).extracting(JdbcStarSchemaWriter.TableReport::table).containsExactlyElementsOf(TABLES);
        assertThat(r.get(0).written()).isEqualTo(10);
        assertThat(
                        query(
                                "SELECT data_type FROM information_schema.columns WHERE table_name = 'fact_glosa'"
                                        + " AND column_name IN ('as_of', 'competence', 'glosa_amount', 'hospital') ORDER BY column_name"))
                .containsExactly("date", "date", "double precision", "text");
        assertThat(query("SELECT kcu.column_name FROM information_schema.table_constraints tc JOIN"
                        + " information_schema.key_column_usage kcu ON tc.constraint_name = kcu.constraint_name"
                        + " WHERE tc.table_name = 'dim_group' AND tc.constraint_type = 'PRIMARY KEY'"
                        + " ORDER BY kcu.ordinal_position"))
                .containsExactly("as_of", "group_id", "segment_id");
        assertThat(query("SELECT sum(glosa_amount)::text FROM fact_glosa"))
                .containsExactly(Double.toString(
                        java.util.Arrays.stream(new double[] {1000.5, 150.25, 300, 20.05, 500, 123.45, 90})
                                .sum()));
        // text is stored as it reads, without the CSV files' formula guard
        assertThat(query("SELECT label FROM dim_group WHERE group_id = 'G0001'"))
                .containsExactly("=high value, rejected in full");
        assertThat(query("SELECT competence::text FROM fact_glosa WHERE row_number = 2"))
                .containsExactly("2024-02-01");
    }

    @Test
    void theDimensionTablesKeepEveryCodeNameItAndFlagOnlyTheLatestWeek() throws Exception {
        write(RunFixture.WEEK2, JdbcStarSchemaWriter.Hook.NONE);
        write(RunFixture.WEEK1, JdbcStarSchemaWriter.Hook.NONE);
        GlosaTable t = RunFixture.table();
        java.util.Set<String> hospitals = new java.util.TreeSet<>();
        for (int i = 0; i < t.rowCount(); i++) {
            hospitals.add(t.category("hospital").get(i));
        }
        assertThat(query("SELECT hospital FROM dim_hospital ORDER BY hospital")).containsExactlyElementsOf(hospitals);
        assertThat(query("SELECT name FROM dim_hospital WHERE hospital = 'H1'")).containsExactly("Hospital Um");
        assertThat(query("SELECT as_of::text || ':' || latest FROM dim_run ORDER BY as_of"))
                .containsExactly(RunFixture.WEEK1 + ":false", RunFixture.WEEK2 + ":true");
        assertThat(query("SELECT count(*)::text FROM dim_date WHERE competence = date '2024-02-01'"))
                .containsExactly("1");
        assertThat(query("SELECT kcu.column_name FROM information_schema.table_constraints tc JOIN"
                        + " information_schema.key_column_usage kcu ON tc.constraint_name = kcu.constraint_name"
                        + " WHERE tc.table_name = 'dim_payer' AND tc.constraint_type = 'PRIMARY KEY'"))
                .containsExactly("payer");
    }

    @Test
    void aRerunOfTheSameWeekReplacesItsRowsAndKeepsTheOtherWeeks() throws Exception {
        write(RunFixture.WEEK1, JdbcStarSchemaWriter.Hook.NONE);
        write(RunFixture.WEEK2, JdbcStarSchemaWriter.Hook.NONE);
        String before = snapshot();
        List<JdbcStarSchemaWriter.TableReport> again = write(RunFixture.WEEK2, JdbcStarSchemaWriter.Hook.NONE);
        assertThat(again.get(0).replaced()).isEqualTo(10);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(query("SELECT as_of::text || ':' || count(*) FROM fact_glosa GROUP BY as_of ORDER BY as_of"))
                .containsExactly("2024-05-06:10", "2024-05-13:10");
        assertThat(query("SELECT count(*)::text FROM runs")).containsExactly("2");
    }

    @Test
    void aFailureMidWriteLeavesThePreviousStateUntouched() throws Exception {
        write(RunFixture.WEEK1, JdbcStarSchemaWriter.Hook.NONE);
        String before = snapshot();
        assertThatThrownBy(() -> write(RunFixture.WEEK1, table -> {
                    if (table.equals("indicators")) {
                        throw new SQLException("simulated loss of the connection", "08006");
                    }
                }))
                .isInstanceOfSatisfying(
                        DatabaseException.class, e -> assertThat(e.kind()).isEqualTo(DatabaseException.Kind.CONNECTION))
                .hasMessageContaining("test-db: cannot write table indicators (nothing of this run was kept)");
        assertThat(snapshot()).isEqualTo(before);
        assertThatThrownBy(() -> write(RunFixture.WEEK2, table -> {
                    if (table.equals("dim_group")) {
                        throw new SQLException("simulated failure");
                    }
                }))
                .isInstanceOf(DatabaseException.class);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aTypeClashWithTheExistingTableFailsInTheDatabaseAndRollsBack() throws Exception {
        write(RunFixture.WEEK1, JdbcStarSchemaWriter.Hook.NONE);
        pg.execute("ALTER TABLE indicators ALTER COLUMN claims TYPE date USING NULL");
        String before = snapshot();
        assertThatThrownBy(() -> write(RunFixture.WEEK2, JdbcStarSchemaWriter.Hook.NONE))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("cannot write table indicators");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aDatabaseWrittenWithTheOldNamesIsRenamedOnceAndKeepsItsWeeksAndGroupIds() throws Exception {
        write(RunFixture.WEEK1, JdbcStarSchemaWriter.Hook.NONE);
        List<String> runTables = TABLES.subList(0, 6);
        String fresh = snapshot(runTables);
        // Put back the names glosa 0.1 wrote, as a database it filled would have them.
        pg.execute("ALTER TABLE dim_group RENAME TO dim_cluster");
        pg.execute("ALTER TABLE dim_cluster RENAME COLUMN group_id TO cluster_id");
        pg.execute("ALTER TABLE dim_cluster RENAME COLUMN group_key TO cluster_key");
        pg.execute("ALTER TABLE dim_cluster RENAME COLUMN cluster TO algorithm_label");
        pg.execute("ALTER TABLE fact_glosa RENAME COLUMN group_id TO cluster_id");
        pg.execute("ALTER TABLE fact_glosa RENAME COLUMN group_key TO cluster_key");
        pg.execute("ALTER TABLE group_state RENAME COLUMN group_id TO cluster_id");
        pg.execute("ALTER TABLE group_state RENAME COLUMN cluster TO algorithm_label");
        pg.execute("ALTER TABLE dim_segment RENAME COLUMN groups TO clusters");
        pg.execute("ALTER TABLE runs RENAME COLUMN groups TO clusters");

        try (Connection c = pg.admin()) {
            // the tracker reads the old state before the run renames anything
            assertThat(JdbcStarSchemaWriter.previousState(c, "test-db", RunFixture.WEEK2))
                    .isEqualTo(state(RunFixture.WEEK1.getDayOfMonth()));
        }
        write(RunFixture.WEEK2, JdbcStarSchemaWriter.Hook.NONE);

        assertThat(query("SELECT count(*)::text FROM information_schema.tables WHERE table_name = 'dim_cluster'"))
                .containsExactly("0");
        assertThat(query("SELECT column_name FROM information_schema.columns WHERE column_name IN ('cluster_id',"
                        + " 'cluster_key', 'algorithm_label', 'clusters')"))
                .isEmpty();
        assertThat(query("SELECT as_of::text || ':' || group_id FROM dim_group WHERE group_id = 'G0001' ORDER BY"
                        + " as_of"))
                .containsExactly(RunFixture.WEEK1 + ":G0001", RunFixture.WEEK2 + ":G0001");
        // the first week's rows are as they were written, under the new names
        for (String t : runTables) {
            pg.execute("DELETE FROM " + t + " WHERE as_of > date '" + RunFixture.WEEK1 + "'");
        }
        assertThat(snapshot(runTables)).isEqualTo(fresh);
    }

    @Test
    void aSourcesSideTableGoesIntoTheDatabaseInTheSameTransaction() throws Exception {
        GlosaTable t = RunFixture.table();
        dev.glosa.core.table.TableBuilder b = GlosaTable.builder(1);
        b.category("payer").add("345678");
        b.doubles("pending_amount").add(120.5);
        dev.glosa.core.run.RunOutput out = new dev.glosa.core.run.RunOutput(
                RunFixture.run(RunFixture.WEEK1),
                t,
                RunFixture.outcomes(false),
                RunFixture.indicators(t),
                state(1),
                KeyNames.none(),
                List.of(new dev.glosa.core.run.SideTable("fact_appeal", "operator x week", b.build())));
        try (Connection c = pg.admin()) {
            assertThat(JdbcStarSchemaWriter.write(c, "test-db", out, RunFixture.options()))
                    .extracting(JdbcStarSchemaWriter.TableReport::table)
                    .contains("fact_appeal");
        }
        try {
            assertThat(query("SELECT as_of::text || ':' || payer || ':' || pending_amount FROM fact_appeal"))
                    .containsExactly(RunFixture.WEEK1 + ":345678:120.5");
        } finally {
            pg.execute("DROP TABLE IF EXISTS fact_appeal");
        }
    }

    @Test
    void theTrackersStateReadsBackFromTheLatestEarlierWeek() throws Exception {
        try (Connection c = pg.admin()) {
            assertThat(JdbcStarSchemaWriter.previousState(c, "test-db", RunFixture.WEEK1))
                    .isEmpty();
        }
        write(RunFixture.WEEK1, JdbcStarSchemaWriter.Hook.NONE);
        try (Connection c = pg.admin()) {
            assertThat(JdbcStarSchemaWriter.previousState(c, "test-db", RunFixture.WEEK2))
                    .isEqualTo(state(RunFixture.WEEK1.getDayOfMonth()));
            assertThat(JdbcStarSchemaWriter.previousState(c, "test-db", RunFixture.WEEK1))
                    .isEmpty();
        }
    }

    @Test
    void anotherPseudonymKeyIsRefusedAndNothingIsWritten() throws Exception {
        write(RunFixture.WEEK1, JdbcStarSchemaWriter.Hook.NONE);
        String before = snapshot();
        GlosaTable t = RunFixture.table();
        try (Connection c = pg.admin()) {
            assertThatThrownBy(() -> JdbcStarSchemaWriter.write(
                            c,
                            "test-db",
                            RunFixture.run(RunFixture.WEEK2),
                            t,
                            RunFixture.outcomes(false),
                            RunFixture.indicators(t),
                            null,
                            dev.glosa.io.powerbi.WriterOptions.pseudonymise("another-test-key-of-32-characters")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the pseudonym key differs from the one earlier runs in test-db used");
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(query("SELECT count(*)::text FROM pseudonym_key")).containsExactly("1");
    }

    /** Every row of every table, as text, in key order. */
    private static String snapshot() throws SQLException {
        return snapshot(TABLES);
    }

    /** Every row of {@code tables}, as text, in key order. */
    private static String snapshot(List<String> tables) throws SQLException {
        StringBuilder sb = new StringBuilder();
        for (String t : tables) {
            sb.append(t).append(":\n");
            // A dimension is keyed by its first column and has no row number.
            String order = t.startsWith("dim_") && !t.equals("dim_segment") && !t.equals("dim_group")
                    ? "1"
                    : "as_of, row_number";
            for (String row : query("SELECT t::text FROM " + t + " t ORDER BY " + order)) {
                sb.append(row).append('\n');
            }
        }
        return sb.toString();
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = pg.admin();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
