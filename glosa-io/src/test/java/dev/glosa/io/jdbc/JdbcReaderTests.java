package dev.glosa.io.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.table.Column;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.io.csv.CsvMapping;
import dev.glosa.io.csv.CsvReadResult;
import dev.glosa.io.csv.CsvReader;
import dev.glosa.io.csv.RejectReason;
import dev.glosa.io.generate.ErpFiles;
import dev.glosa.io.generate.ErpGenerator;
import dev.glosa.io.generate.ErpGeneratorConfig;
import dev.glosa.io.generate.ErpSample;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcReaderTests {
    private static final ErpSample SAMPLE = ErpGenerator.generate(ErpGeneratorConfig.defaults(11)
            .withSegments(3, 3, 3, 0.9)
            .withGroups(12, 2, 3, 3)
            .withMonths(YearMonth.now().minusMonths(4), 4));
    private static final String EXPORT_COLUMNS = "mes_recebimento, hospital, regional, i_item_categoria, setor_n1,"
            + " setor_n2, tipo_grupo, tipo_atendimento, convenio, tipo_glosa, valor_cobrado_geral, valor_glosa,"
            + " cobrado_anterior, glosa_anterior, qtd_linhas_glosa";

    private static Postgres pg;
    private static Path exportDir;
    private static GlosaTable csv;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        pg = Postgres.start();
        exportDir = Files.createTempDirectory("glosa-erp");
        CsvReadResult read =
                CsvReader.read(ErpFiles.write(SAMPLE, exportDir.resolve("erp.csv")), CsvMapping.reference());
        assertThat(read.report().rejectedRows()).isZero();
        csv = read.table();
        try (Connection c = pg.admin()) {
            ErpTables.loadExport(c, csv);
            ErpTables.loadItems(c, csv);
        }
        pg.execute(
                "GRANT SELECT ON erp_export, glosa_item TO " + Postgres.READER,
                "CREATE SEQUENCE glosa_seq",
                "GRANT USAGE ON glosa_seq TO " + Postgres.READER);
    }

    @AfterAll
    static void stop() throws IOException {
        pg.close();
        Files.deleteIfExists(exportDir.resolve("erp.csv"));
        Files.deleteIfExists(exportDir);
    }

    private static Connection reader() throws DatabaseException {
        return Drivers.connect(pg.url(), Postgres.READER, Postgres.READER_PASSWORD, 10);
    }

    private JdbcReadResult read(String query, CsvMapping mapping) throws IOException {
        try (Connection c = reader()) {
            return JdbcReader.read(
                    c,
                    query,
                    mapping,
                    "test.sql",
                    dir.resolve("rejects.csv"),
                    JdbcReadOptions.defaults().withFetchSize(50));
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    @Test
    void lowerCaseLabelsGiveTheSameTableAsTheCsvExportToTheCent() throws IOException {
        JdbcReadResult r = read("SELECT " + EXPORT_COLUMNS + " FROM erp_export ORDER BY id", CsvMapping.reference());
        assertThat(r.report().columnTypes())
                .containsEntry("mes_recebimento", "date")
                .containsEntry("valor_glosa", "numeric")
                .containsEntry("qtd_linhas_glosa", "int4");
        assertSameTable(r.table(), csv);
    }

    @Test
    void upperCaseLabelsGiveTheSameTableToo() throws IOException {
        StringBuilder select = new StringBuilder("SELECT ");
        for (String col : EXPORT_COLUMNS.split(",\\s*")) {
            select.append(select.length() > 7 ? ", " : "")
                    .append(col)
                    .append(" AS \"")
                    .append(col.toUpperCase(java.util.Locale.ROOT))
                    .append('"');
        }
        JdbcReadResult r = read(select + " FROM erp_export ORDER BY id", CsvMapping.reference());
        assertThat(r.report().columnTypes()).containsKey("VALOR_GLOSA");
        assertSameTable(r.table(), csv);
    }

    @Test
    void theReferenceQueryReadsTheItemLinesUnchangedAndSumsThemToTheCent() throws IOException {
        String query = Files.readString(Path.of("../examples/config/reference-erp.sql"), StandardCharsets.UTF_8);
        JdbcReadResult r = read(query, CsvMapping.load(Path.of("../examples/config/reference-erp.yaml")));
        assertThat(r.report().rejectedRows()).isZero();
        GlosaTable t = r.table();
        assertThat(t.columnNames())
                .containsExactly(
                        "competence",
                        "hospital",
                        "REGIONAL",
                        "I_ITEM_CATEGORIA",
                        "SETOR_N1",
                        "SETOR_N2",
                        "TIPO_GRUPO",
                        "TIPO_ATENDIMENTO",
                        "payer",
                        "glosa_type",
                        "billed_amount",
                        "glosa_amount",
                        "QTD_LINHAS_GLOSA");
        Map<String, BigDecimal[]> expected = sums(csv, false);
        Map<String, BigDecimal[]> actual = sums(t, true);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (Map.Entry<String, BigDecimal[]> e : expected.entrySet()) {
            BigDecimal[] a = actual.get(e.getKey());
            for (int k = 0; k < 3; k++) {
                assertThat(a[k]).as(e.getKey() + " measure " + k).isEqualByComparingTo(e.getValue()[k]);
            }
        }
    }

    /** Per month and dimensions: billed, glosa, and item lines (two per export row). */
    private static Map<String, BigDecimal[]> sums(GlosaTable t, boolean lines) {
        Map<String, BigDecimal[]> out = new TreeMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            StringBuilder key = new StringBuilder(t.months("competence").get(r).toString());
            for (String d : ErpTables.DIMS) {
                key.append('|').append(t.category(d).get(r));
            }
            BigDecimal[] s = out.computeIfAbsent(
                    key.toString(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(BigDecimal.valueOf(t.doubles("billed_amount").get(r)));
            s[1] = s[1].add(BigDecimal.valueOf(t.doubles("glosa_amount").get(r)));
            s[2] = s[2].add(
                    lines ? BigDecimal.valueOf(t.doubles("QTD_LINHAS_GLOSA").get(r)) : BigDecimal.valueOf(2));
        }
        return out;
    }

    private static void assertSameTable(GlosaTable actual, GlosaTable expected) {
        assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (Column e : expected.columns()) {
            Column a = actual.column(e.name());
            assertThat(a.type()).as(e.name()).isEqualTo(e.type());
            List<String> at = new ArrayList<>();
            List<String> et = new ArrayList<>();
            for (int r = 0; r < e.size(); r++) {
                at.add(a.text(r));
                et.add(e.text(r));
            }
            assertThat(at).as(e.name()).isEqualTo(et);
        }
        for (String m : List.of("billed_amount", "glosa_amount", "billed_previous", "glosa_previous")) {
            for (int r = 0; r < expected.rowCount(); r++) {
                assertThat(Double.doubleToLongBits(actual.doubles(m).get(r)))
                        .as(m + " row " + r)
                        .isEqualTo(Double.doubleToLongBits(expected.doubles(m).get(r)));
            }
        }
    }

    @Test
    void aNullWhereTheMappingNeedsAValueRejectsTheRowWithItsNumber() throws IOException {
        String query = "SELECT "
                + EXPORT_COLUMNS.replace(
                        "valor_glosa,", "CASE WHEN id = 3 THEN NULL ELSE valor_glosa" + " END AS valor_glosa,")
                + " FROM erp_export ORDER BY id";
        JdbcReadResult r = read(query, CsvMapping.reference());
        assertThat(r.report().records()).isEqualTo(csv.rowCount());
        assertThat(r.report().rejectedRows()).isEqualTo(1);
        assertThat(r.table().rowCount()).isEqualTo(csv.rowCount() - 1);
        assertThat(r.report().rejects()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(4);
            assertThat(x.column()).isEqualTo("valor_glosa");
            assertThat(x.reason()).isEqualTo(RejectReason.MISSING_VALUE);
        });
        assertThat(Files.readAllLines(dir.resolve("rejects.csv")))
                .containsExactly(
                        "source;line;column;reason;detail;value",
                        "test.sql;4;valor_glosa;MISSING_VALUE;NULL or empty in a column that must have a value (glosa_amount);");
    }

    @Test
    void moreRejectsThanTheMappingAllowsFailTheReadNamingTheFirstRows() {
        String query = "SELECT "
                + EXPORT_COLUMNS.replace(
                        "hospital,", "CASE WHEN id % 10 = 0 THEN '' ELSE hospital" + " END AS hospital,")
                + " FROM erp_export ORDER BY id";
        assertThatThrownBy(() -> read(query, CsvMapping.reference()))
                .isInstanceOfSatisfying(
                        DatabaseException.class,
                        e -> assertThat(e.kind()).isEqualTo(DatabaseException.Kind.TOO_MANY_REJECTS))
                .hasMessageContaining("records rejected")
                .hasMessageContaining("first: row 1 column 'hospital' MISSING_VALUE");
        assertThat(dir.resolve("rejects.csv")).exists();
    }

    @Test
    void textColumnsAreParsedInTheMappingsFormats() throws IOException {
        String query = "SELECT to_char(mes_recebimento, 'MM/YYYY') AS mes_recebimento, hospital, regional,"
                + " i_item_categoria, setor_n1, setor_n2, tipo_grupo, tipo_atendimento, convenio, tipo_glosa,"
                + " replace(valor_cobrado_geral::text, '.', ',') AS valor_cobrado_geral, valor_glosa::text AS"
                + " valor_glosa, cobrado_anterior::float8 AS cobrado_anterior, glosa_anterior, qtd_linhas_glosa"
                + " FROM erp_export ORDER BY id";
        JdbcReadResult r = read(query, CsvMapping.reference());
        assertSameTable(r.table(), csv);
    }

    @Test
    void aDateReadAsAnAmountFailsBeforeAnyRowNamingTheColumnAndType() {
        String query = "SELECT " + EXPORT_COLUMNS.replace("valor_glosa,", "mes_recebimento AS valor_glosa,")
                + " FROM erp_export";
        assertThatThrownBy(() -> read(query, CsvMapping.reference()))
                .isInstanceOfSatisfying(
                        DatabaseException.class, e -> assertThat(e.kind()).isEqualTo(DatabaseException.Kind.MAPPING))
                .hasMessage("test.sql: column 'valor_glosa' is of SQL type date, which cannot be read as double"
                        + " (glosa_amount); cast it in the query or map it with another type");
    }

    @Test
    void aMissingMappedColumnIsNamed() {
        assertThatThrownBy(() -> read("SELECT hospital FROM erp_export", CsvMapping.reference()))
                .isInstanceOfSatisfying(
                        DatabaseException.class, e -> assertThat(e.kind()).isEqualTo(DatabaseException.Kind.MAPPING))
                .hasMessageContaining("mapped column(s) [MES_RECEBIMENTO (competence), REGIONAL,")
                .hasMessageContaining("not among the query's columns [hospital]");
    }

    @Test
    void aQueryThatWritesIsRefusedBeforeItIsSentAndTheTableIsUnchanged() throws SQLException {
        assertThatThrownBy(() -> read("DELETE FROM erp_export", CsvMapping.reference()))
                .isInstanceOfSatisfying(
                        DatabaseException.class,
                        e -> assertThat(e.kind()).isEqualTo(DatabaseException.Kind.REFUSED_QUERY))
                .hasMessageContaining("test.sql:1: refused before sending it")
                .hasMessageContaining("starts with 'DELETE'");
        assertThatThrownBy(() -> read("SELECT 1 AS x; DELETE FROM erp_export", CsvMapping.reference()))
                .hasMessageContaining("more than one statement");
        assertThat(count("erp_export")).isEqualTo(csv.rowCount());
    }

    @Test
    void aSelectThatWritesIsRefusedByTheReadOnlyTransaction() {
        assertThatThrownBy(() -> read("SELECT nextval('glosa_seq') AS n", CsvMapping.reference()))
                .isInstanceOfSatisfying(
                        DatabaseException.class, e -> assertThat(e.kind()).isEqualTo(DatabaseException.Kind.BAD_QUERY))
                .hasMessageContaining("read-only transaction")
                .hasMessageContaining("glosa reads only")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aQueryPastItsTimeOutIsCancelledWithOneLine() {
        assertThatThrownBy(() -> {
                    try (Connection c = reader()) {
                        JdbcReader.read(
                                c,
                                "SELECT pg_sleep(30) AS x",
                                CsvMapping.reference(),
                                "slow.sql",
                                null,
                                JdbcReadOptions.defaults().withQueryTimeoutSeconds(1));
                    }
                })
                .isInstanceOfSatisfying(
                        DatabaseException.class, e -> assertThat(e.kind()).isEqualTo(DatabaseException.Kind.TIMEOUT))
                .hasMessageStartingWith("slow.sql: the query failed: ")
                .hasMessageContaining("time-out of 1 s")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> Drivers.connect(pg.url(), Postgres.READER, "wrong-Pa55word", 10))
                .isInstanceOfSatisfying(
                        DatabaseException.class,
                        e -> assertThat(e.kind()).isEqualTo(DatabaseException.Kind.AUTHENTICATION))
                .hasMessageContaining("cannot connect to " + pg.url() + " as 'glosa_reader'")
                .hasMessageContaining("GLOSA_DB_PASSWORD")
                .hasMessageNotContaining("wrong-Pa55word")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnreachableServerIsAConnectionErrorWithTheUrlMasked() throws IOException {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/erp?password=hunter2";
        assertThatThrownBy(() -> Drivers.connect(url, "u", "hunter2", 2))
                .isInstanceOfSatisfying(
                        DatabaseException.class, e -> assertThat(e.kind()).isEqualTo(DatabaseException.Kind.CONNECTION))
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:" + closed + "/erp?password=***")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnknownUrlNamesTheDriversFolder() {
        assertThatThrownBy(() -> Drivers.connect("jdbc:oracle:thin:@//db:1521/ERP", "u", "p", 2))
                .isInstanceOfSatisfying(
                        DatabaseException.class, e -> assertThat(e.kind()).isEqualTo(DatabaseException.Kind.NO_DRIVER))
                .hasMessageContaining("--drivers");
    }

    @Test
    void aDriverJarInAFolderIsLoadedThroughAShimAndConnects() throws Exception {
        Path drivers = Files.createDirectories(dir.resolve("drivers"));
        Path jar = Path.of(org.postgresql.Driver.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Files.copy(jar, drivers.resolve("vendor-driver.jar"));
        assertThat(Drivers.load(drivers)).containsExactly("org.postgresql.Driver");
        Drivers.Shim shim = java.util.Collections.list(java.sql.DriverManager.getDrivers()).stream()
                .filter(d -> d instanceof Drivers.Shim)
                .map(d -> (Drivers.Shim) d)
                .findFirst()
                .orElseThrow();
        assertThat(shim.driver().getClass().getClassLoader()).isNotSameAs(org.postgresql.Driver.class.getClassLoader());
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", Postgres.READER);
        p.setProperty("password", Postgres.READER_PASSWORD);
        try (Connection c = shim.connect(pg.url(), p)) {
            JdbcReadResult r = JdbcReader.read(
                    c,
                    "SELECT " + EXPORT_COLUMNS + " FROM erp_export ORDER BY id",
                    CsvMapping.reference(),
                    "vendor.sql",
                    null,
                    JdbcReadOptions.defaults());
            assertSameTable(r.table(), csv);
        }
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> Drivers.load(empty))
                .isInstanceOfSatisfying(
                        DatabaseException.class, e -> assertThat(e.kind()).isEqualTo(DatabaseException.Kind.NO_DRIVER))
                .hasMessageContaining("no JDBC driver in the 0 jar(s) of " + empty);
    }

    @Test
    void urlsAreShownWithTheirCredentialsMasked() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://db:5432/erp?user=a&password=x&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/erp?user=a&password=***&ssl=true");
        assertThat(JdbcUrls.mask("jdbc:sqlserver://db;databaseName=erp;Password=x;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db;databaseName=erp;Password=***;encrypt=true");
        assertThat(JdbcUrls.mask("jdbc:mysql://u:pw@db/erp")).isEqualTo("jdbc:mysql://u:***@db/erp");
        assertThat(JdbcUrls.mask("jdbc:postgresql://db/erp")).isEqualTo("jdbc:postgresql://db/erp");
    }

    private static long count(String table) throws SQLException {
        try (Connection c = pg.admin();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
