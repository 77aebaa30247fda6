package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.table.GlosaTable;
import dev.glosa.io.generate.ErpGenerator;
import dev.glosa.io.generate.ErpGeneratorConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glosa sql} against a real PostgreSQL on a loopback port, the reference query on generated ERP item lines. */
class SqlCommandTests {
    private static final String PASSWORD = "Erp-Reader-9";
    private static final String QUERY = "../examples/config/reference-erp.sql";
    private static EmbeddedPostgres pg;
    private static Path hbaFile;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        // Password logins for every role but the superuser, as a production server would ask.
        hbaFile = Files.createTempFile("glosa-hba", ".conf");
        Files.writeString(
                hbaFile,
                "local all all trust\nhost all postgres 127.0.0.1/32 trust\n"
                        + "host all all 127.0.0.1/32 scram-sha-256\n");
        pg = EmbeddedPostgres.builder()
                .setServerConfig("hba_file", hbaFile.toString())
                .start();
        GlosaTable t = ErpGenerator.generate(ErpGeneratorConfig.defaults(5)
                        .withSegments(2, 2, 2, 0.9)
                        .withGroups(15, 2, 3, 3)
                        .withMonths(YearMonth.now().minusMonths(3), 3))
                .table();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE ROLE erp_reader LOGIN PASSWORD '" + PASSWORD + "'");
            st.execute("CREATE ROLE bi_writer LOGIN PASSWORD '" + PASSWORD + "'");
            st.execute("CREATE SCHEMA bi AUTHORIZATION bi_writer");
            st.execute("ALTER ROLE bi_writer SET search_path = bi");
            st.execute("CREATE TABLE staging (mes date, hosp text, reg text, cat text, s1 text, s2 text, grupo text,"
                    + " atend text, conv text, tipo text, cobrado numeric(14,2), glosa numeric(14,2))");
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO staging VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?," + " ?, ?)")) {
                String[] dims = {
                    "hospital",
                    "REGIONAL",
                    "I_ITEM_CATEGORIA",
                    "SETOR_N1",
                    "SETOR_N2",
                    "TIPO_GRUPO",
                    "TIPO_ATENDIMENTO",
                    "payer",
                    "glosa_type"
                };
                for (int r = 0; r < t.rowCount(); r++) {
                    ps.setObject(1, t.months("competence").get(r).atDay(10));
                    for (int d = 0; d < dims.length; d++) {
                        ps.setString(2 + d, t.category(dims[d]).get(r));
                    }
                    ps.setBigDecimal(
                            11,
                            java.math.BigDecimal.valueOf(
                                    t.doubles("billed_amount").get(r)));
                    ps.setBigDecimal(
                            12,
                            java.math.BigDecimal.valueOf(
                                    t.doubles("glosa_amount").get(r)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            st.execute("CREATE TABLE glosa_item AS SELECT mes AS data_recebimento, hosp AS hospital, reg AS regional,"
                    + " cat AS item_categoria, s1 AS setor_n1, s2 AS setor_n2, grupo AS tipo_grupo,"
                    + " atend AS tipo_atendimento, conv AS convenio, tipo AS tipo_glosa, cobrado AS valor_cobrado,"
                    + " glosa AS valor_glosa FROM staging");
            st.execute("GRANT SELECT ON glosa_item TO erp_reader");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        pg.close();
        Files.deleteIfExists(hbaFile);
    }

    private static String url() {
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
    }

    private static Map<String, String> env(String password) {
        Map<String, String> env = new HashMap<>();
        env.put("GLOSA_DB_PASSWORD", password);
        env.put("GLOSA_PSEUDONYM_KEY", "a-test-key-of-32-characters-long");
        return env;
    }

    private CliRun sql(Map<String, String> env, String... more) {
        String[] base = {
            "sql",
            "--url",
            url(),
            "--query",
            QUERY,
            "--user",
            "erp_reader",
            "--as-of",
            LocalDate.now().toString(),
            "--threads",
            "2"
        };
        return CliRun.withEnvironment(
                env, Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new));
    }

    @Test
    void theReferenceQueryRunsEndToEndIntoAFolderAndThePasswordIsNowhere() throws IOException {
        Path out = dir.resolve("out");
        CliRun r = sql(env(PASSWORD), "--out", out.toString());
        assertThat(r.status).as(r.toString()).isZero();
        assertThat(r.err).contains("reference-erp.sql@" + url()).contains("0 rejected");
        assertThat(r.out).contains("Power BI outputs in");
        assertThat(out.resolve("fact_glosa.csv")).exists();
        String runs = Files.readString(out.resolve("runs.csv"), StandardCharsets.UTF_8);
        assertThat(runs).contains("reference-erp.sql@jdbc:postgresql://127.0.0.1");
        for (String f : new String[] {"runs.csv", "manifest.json", "glosa.log", "fact_glosa.csv"}) {
            assertThat(Files.readString(out.resolve(f), StandardCharsets.UTF_8))
                    .as(f)
                    .doesNotContain(PASSWORD);
        }
        assertThat(r.out + r.err).doesNotContain(PASSWORD);
    }

    @Test
    void theStarSchemaGoesToADatabaseAndARerunOfTheWeekReplacesIt() throws Exception {
        String sink = url() + "?user=bi_writer&password=" + PASSWORD;
        Path work = dir.resolve("work");
        CliRun first = sql(env(PASSWORD), "--out", sink, "--out-user", "bi_writer", "--work", work.toString());
        assertThat(first.status).as(first.toString()).isZero();
        assertThat(first.out).contains("Power BI tables in " + url() + "?user=bi_writer&password=***");
        long facts = count("bi.fact_glosa");
        assertThat(facts).isPositive();
        CliRun again = sql(env(PASSWORD), "--out", sink, "--out-user", "bi_writer", "--work", work.toString());
        assertThat(again.status).as(again.toString()).isZero();
        assertThat(count("bi.fact_glosa")).isEqualTo(facts);
        assertThat(count("bi.runs WHERE as_of = CURRENT_DATE")).isEqualTo(1);
        // The dimensions go to the database too, once per code, and the week is the latest.
        assertThat(count("bi.dim_hospital")).isPositive();
        assertThat(count("bi.dim_glosa_type")).isPositive();
        assertThat(count("bi.dim_run WHERE latest = 'true'")).isEqualTo(1);
        assertThat(count("bi.dim_date")).isPositive();
        assertThat(Files.readString(work.resolve("glosa.log"), StandardCharsets.UTF_8))
                .doesNotContain(PASSWORD)
                .contains("password=***");
        assertThat(first.out + first.err + again.out + again.err).doesNotContain(PASSWORD);
    }

    @Test
    void theCsvCommandWritesToTheDatabaseThroughTheSameOption() throws Exception {
        Path export = dev.glosa.io.generate.ErpFiles.write(
                ErpGenerator.generate(ErpGeneratorConfig.defaults(6)
                        .withSegments(2, 2, 2, 0.9)
                        .withGroups(15, 2, 3, 3)
                        .withMonths(YearMonth.of(2024, 3), 3)),
                dir.resolve("erp.csv"));
        CliRun r = CliRun.withEnvironment(
                env(PASSWORD),
                "csv",
                "--in",
                export.toString(),
                "--as-of",
                "2024-06-10",
                "--out",
                url(),
                "--out-user",
                "bi_writer",
                "--work",
                dir.resolve("work").toString());
        assertThat(r.status).as(r.toString()).isZero();
        assertThat(count("bi.runs WHERE as_of = DATE '2024-06-10'")).isEqualTo(1);
        assertThat(count("bi.fact_glosa WHERE as_of = DATE '2024-06-10'")).isPositive();
        assertThat(dir.resolve("work").resolve("glosa.log")).exists();
        CliRun noUser = CliRun.withEnvironment(env(PASSWORD), "csv", "--in", export.toString(), "--out", url());
        assertThat(noUser.status).isEqualTo(2);
        assertThat(noUser.err).contains("is a database: name its user with --out-user");
    }

    @Test
    void aWrongPasswordIsOneLineAndExitStatus2() {
        CliRun r = sql(env("not-the-password"), "--out", dir.resolve("out").toString());
        assertThat(r.status).as(r.toString()).isEqualTo(2);
        assertThat(r.err.lines().filter(l -> l.startsWith("glosa sql: ")).toList())
                .singleElement()
                .satisfies(l -> assertThat(l).contains("as 'erp_reader'").contains("GLOSA_DB_PASSWORD"));
        assertThat(r.out + r.err).doesNotContain("not-the-password");
    }

    @Test
    void anUnreachableServerIsExitStatus1() throws IOException {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CliRun r = CliRun.withEnvironment(
                env(PASSWORD),
                "sql",
                "--url",
                "jdbc:postgresql://127.0.0.1:" + closed + "/erp",
                "--query",
                QUERY,
                "--user",
                "erp_reader",
                "--out",
                dir.resolve("out").toString());
        assertThat(r.status).as(r.toString()).isEqualTo(1);
        assertThat(r.err).contains("glosa sql: cannot connect to jdbc:postgresql://127.0.0.1:" + closed + "/erp");
    }

    @Test
    void aQueryThatIsNotOneSelectIsRefusedWithExitStatus2() throws IOException {
        Path q = Files.writeString(dir.resolve("drop.sql"), "-- cleanup\nDROP TABLE glosa_item;\n");
        CliRun r = CliRun.withEnvironment(
                env(PASSWORD),
                "sql",
                "--url",
                url(),
                "--query",
                q.toString(),
                "--user",
                "erp_reader",
                "--out",
                dir.resolve("out").toString());
        assertThat(r.status).as(r.toString()).isEqualTo(2);
        assertThat(r.err).contains("drop.sql@" + url() + ":2: refused before sending it");
    }

    @Test
    void aQueryPastItsTimeOutIsExitStatus1() throws IOException {
        Path q = Files.writeString(dir.resolve("slow.sql"), "SELECT pg_sleep(20) AS mes_recebimento");
        CliRun r = CliRun.withEnvironment(
                env(PASSWORD),
                "sql",
                "--url",
                url(),
                "--query",
                q.toString(),
                "--user",
                "erp_reader",
                "--out",
                dir.resolve("out").toString(),
                "--query-timeout",
                "1");
        assertThat(r.status).as(r.toString()).isEqualTo(1);
        assertThat(r.err).contains("time-out of 1 s");
    }

    private static long count(String table) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
