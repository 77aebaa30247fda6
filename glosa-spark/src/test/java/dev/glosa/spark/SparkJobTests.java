package dev.glosa.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.glosa.core.run.RunLog;
import dev.glosa.io.generate.SihFileSet;
import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.io.tiss.TissGenerator;
import dev.glosa.run.GlosaRunException;
import dev.glosa.run.RunConfig;
import dev.glosa.run.RunRequest;
import dev.glosa.run.RunSummary;
import dev.glosa.run.WeeklyJob;
import dev.glosa.run.sources.SihFilesSource;
import dev.glosa.run.spi.Options;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * glosa-spark against the library on one machine: the same files give the same star schema, byte for byte, week
 * after week; a corrupt file and an oversized segment stop the run naming what is wrong; Parquet weeks are replaced
 * on a rerun. One local Spark session ({@code local[2]}) serves every test, to keep the module's tests short.
 */
class SparkJobTests extends LocalSparkTests {
    private static final List<String> TABLES = List.of(
            "fact_glosa.csv", "dim_segment.csv", "dim_group.csv", "indicators.csv", "group_state.csv", "runs.csv");
    private static final LocalDate WEEK = LocalDate.of(2026, 11, 23);

    @Test
    void generatedFilesGiveTheCoresStarSchemaWeekAfterWeek() throws IOException {
        SihFileSet files = SihFiles.write(
                SihGenerator.generate(SihGeneratorConfig.defaults(9).withTotalClaims(2000)), dir.resolve("sih"));
        RunConfig config =
                RunConfig.parse("pseudonymKey: spark-key-of-sixteen-chars\n".getBytes(StandardCharsets.UTF_8), "test");
        Path core = dir.resolve("core");
        Path onSpark = dir.resolve("spark");
        for (LocalDate week : List.of(WEEK, WEEK.plusWeeks(1))) {
            WeeklyJob.run(new RunRequest(
                    new SihFilesSource(files.rd(), files.rj(), files.er()),
                    core.toString(),
                    config,
                    week,
                    2,
                    RunLog.NONE,
                    Options.none()));
            RunSummary s = WeeklyJob.run(
                    new RunRequest(
                            new SparkSihSource(spark, names(files.rd()), names(files.rj()), names(files.er())),
                            onSpark.toString(),
                            config,
                            week,
                            2,
                            RunLog.NONE,
                            Options.none()),
                    new SparkSegmentExecutor(spark, 1_000_000));
            assertThat(s.loop().segments()).hasSizeGreaterThan(5);
            assertSameTables(core, onSpark);
        }
        // The second week matched the first week's groups: tracking is part of what is equal.
        assertThat(Files.readString(onSpark.resolve("dim_group.csv"))).contains("2026-11-30");
    }

    @Test
    void realDatasusFilesGiveTheCoresStarSchema() throws IOException {
        List<Path> rd = List.of(datasus("RDAC2301.dbc"), datasus("RDAC2302.dbc"));
        List<Path> rj = List.of(datasus("RJAL0705.dbc"));
        List<Path> er = List.of(datasus("ERAP1202.dbc"));
        RunConfig config =
                RunConfig.parse("pseudonymKey: spark-key-of-sixteen-chars\n".getBytes(StandardCharsets.UTF_8), "test");
        Path core = dir.resolve("core");
        Path onSpark = dir.resolve("spark");
        WeeklyJob.run(new RunRequest(
                new SihFilesSource(rd, rj, er), core.toString(), config, WEEK, 2, RunLog.NONE, Options.none()));
        WeeklyJob.run(
                new RunRequest(
                        new SparkSihSource(spark, names(rd), names(rj), names(er)),
                        onSpark.toString(),
                        config,
                        WEEK,
                        2,
                        RunLog.NONE,
                        Options.none()),
                new SparkSegmentExecutor(spark, 1_000_000));
        assertSameTables(core, onSpark);
    }

    @Test
    void aCorruptFileFailsItsTaskNamingTheFile() throws IOException {
        SihFileSet files = SihFiles.write(
                SihGenerator.generate(SihGeneratorConfig.defaults(3).withTotalClaims(300)), dir.resolve("sih"));
        Path broken = files.rj().get(0);
        byte[] bytes = Files.readAllBytes(broken);
        Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(
                "sus",
                "--out",
                dir.resolve("out").toString(),
                "--config",
                config().toString(),
                "--as-of",
                WEEK.toString()));
        args.add("--rd");
        args.addAll(names(files.rd()));
        args.add("--rj");
        args.addAll(names(files.rj()));
        int code = GlosaSpark.run(
                args.toArray(String[]::new),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(broken.toString())
                .doesNotContain("\tat ");
    }

    @Test
    void anInputFormatGivenToACommandOtherThanSusIsRefused() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GlosaSpark.run(
                new String[] {
                    "csv",
                    "--in",
                    dir.resolve("export.csv").toString(),
                    "--out",
                    dir.resolve("out").toString(),
                    "--input-format",
                    "parquet"
                },
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--input-format applies to glosa-spark sus only");
        assertThat(dir.resolve("out")).doesNotExist();

        // an error of the run itself is said in --lang's language
        ByteArrayOutputStream pt = new ByteArrayOutputStream();
        int missing = GlosaSpark.run(
                new String[] {
                    "csv",
                    "--in",
                    dir.resolve("nao-existe.csv").toString(),
                    "--out",
                    dir.resolve("out").toString(),
                    "--lang",
                    "pt-BR"
                },
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(pt, true, StandardCharsets.UTF_8));
        assertThat(missing).isEqualTo(2);
        assertThat(pt.toString(StandardCharsets.UTF_8))
                .contains("glosa-spark: arquivo não encontrado: " + dir.resolve("nao-existe.csv"));
    }

    @Test
    void aSegmentLargerThanTheLimitIsRefusedWithItsSize() throws IOException {
        SihFileSet files = SihFiles.write(
                SihGenerator.generate(SihGeneratorConfig.defaults(3).withTotalClaims(600)), dir.resolve("sih"));
        RunConfig config =
                RunConfig.parse("pseudonymKey: spark-key-of-sixteen-chars\n".getBytes(StandardCharsets.UTF_8), "test");
        assertThatThrownBy(() -> WeeklyJob.run(
                        new RunRequest(
                                new SparkSihSource(spark, names(files.rd()), names(files.rj()), List.of()),
                                dir.resolve("out").toString(),
                                config,
                                WEEK,
                                2,
                                RunLog.NONE,
                                Options.none()),
                        new SparkSegmentExecutor(spark, 3)))
                .isInstanceOf(GlosaRunException.class)
                .hasCauseInstanceOf(SparkSegmentExecutor.SegmentTooLargeException.class)
                .hasMessageMatching("segment \\S+ has \\d+ rows, more than the 3 one executor is given .*");
    }

    @Test
    void parquetWeeksArePartitionsAndARerunReplacesItsWeek() throws IOException {
        SihFileSet files = SihFiles.write(
                SihGenerator.generate(SihGeneratorConfig.defaults(5).withTotalClaims(500)), dir.resolve("sih"));
        Path out = dir.resolve("parquet");
        for (LocalDate week : List.of(WEEK, WEEK, WEEK.plusWeeks(1))) {
            List<String> args = new ArrayList<>(List.of(
                    "sus",
                    "--out",
                    out.toString(),
                    "--format",
                    "parquet",
                    "--config",
                    config().toString(),
                    "--as-of",
                    week.toString()));
            args.add("--rd");
            args.addAll(names(files.rd()));
            args.add("--rj");
            args.addAll(names(files.rj()));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = GlosaSpark.run(
                    args.toArray(String[]::new),
                    new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }
        List<Row> weeks = session.read()
                .parquet(out.resolve("fact_glosa").toString())
                .groupBy("as_of")
                .count()
                .orderBy("as_of")
                .collectAsList();
        assertThat(weeks).hasSize(2);
        assertThat(weeks.get(0).getLong(1)).isEqualTo(weeks.get(1).getLong(1)).isPositive();
        assertThat(session.read().parquet(out.resolve("runs").toString()).count())
                .isEqualTo(2);
        // The second week's groups were matched against the first week's state read back from Parquet.
        assertThat(session.read()
                        .parquet(out.resolve("group_state").toString())
                        .where("as_of = DATE'2026-11-30'")
                        .count())
                .isPositive();
    }

    @Test
    void csvAndParquetFromOneRunEachReplaceTheirWeekOnARerun() throws IOException {
        SihFileSet files = SihFiles.write(
                SihGenerator.generate(SihGeneratorConfig.defaults(5).withTotalClaims(500)), dir.resolve("sih"));
        Path out = dir.resolve("both");
        for (LocalDate week : List.of(WEEK, WEEK, WEEK.plusWeeks(1))) {
            List<String> args = new ArrayList<>(List.of(
                    "sus",
                    "--out",
                    out.toString(),
                    "--format",
                    "csv,parquet",
                    "--config",
                    config().toString(),
                    "--as-of",
                    week.toString()));
            args.add("--rd");
            args.addAll(names(files.rd()));
            args.add("--rj");
            args.addAll(names(files.rj()));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = GlosaSpark.run(
                    args.toArray(String[]::new),
                    new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }
        List<Row> weeks = session.read()
                .parquet(out.resolve("parquet").resolve("fact_glosa").toString())
                .groupBy("as_of")
                .count()
                .orderBy("as_of")
                .collectAsList();
        assertThat(weeks).hasSize(2);
        // The CSV folder holds the same rows per week as the Parquet table: one header, then the two weeks.
        long csvRows = Files.readAllLines(out.resolve("fact_glosa.csv")).size() - 1L;
        assertThat(csvRows).isEqualTo(weeks.get(0).getLong(1) + weeks.get(1).getLong(1));
        assertThat(Files.readAllLines(out.resolve("runs.csv"))).hasSize(3);
    }

    /** A file of ../shared/data/datasus beside the repository; the test is skipped where it is absent. */
    private static Path datasus(String name) {
        Path found = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && found == null; p = p.getParent()) {
            Path file = p.resolve("shared").resolve("data").resolve("datasus").resolve(name);
            found = Files.isRegularFile(file) ? file : null;
        }
        assumeTrue(
                found != null, "../shared/data/datasus/" + name + " not found: skipping the real-file equality check");
        return found;
    }

    private Path config() throws IOException {
        Path file = dir.resolve("glosa.yaml");
        Files.writeString(file, "pseudonymKey: spark-key-of-sixteen-chars\n");
        return file;
    }

    private static List<String> names(List<Path> files) {
        List<String> out = new ArrayList<>();
        for (Path p : files) {
            out.add(p.toString());
        }
        return out;
    }

    /** Every table equal, byte for byte, but the wall-clock columns of runs.csv. */
    @Test
    void tissAppealTablesReachParquetWithTheValuesOfTheCsvFolder() throws IOException {
        Path in = dir.resolve("tiss").resolve("demonstrativo.xml");
        Files.createDirectories(in.getParent());
        try (java.io.OutputStream os = Files.newOutputStream(in)) {
            TissGenerator.write(TissGenerator.Spec.of("4.01.00", TissGenerator.Shape.MIXED, 3), os);
        }
        Path config = dir.resolve("tiss.yaml");
        Files.writeString(config, "identifiers: drop\nminSegmentSize: 3\n");
        Path out = dir.resolve("both");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GlosaSpark.run(
                new String[] {
                    "tiss",
                    "--in",
                    in.getParent().toString(),
                    "--out",
                    out.toString(),
                    "--format",
                    "csv,parquet",
                    "--config",
                    config.toString(),
                    "--as-of",
                    WEEK.toString()
                },
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

        for (String table : List.of("fact_appeal", "appeal_pending", "fact_appeal_group")) {
            List<String> csv = Files.readAllLines(out.resolve(table + ".csv"));
            org.apache.spark.sql.Dataset<Row> parquet =
                    session.read().parquet(out.resolve("parquet").resolve(table).toString());
            assertThat(parquet.count()).as(table).isEqualTo(csv.size() - 1L).isPositive();
            String money = table.equals("appeal_pending") ? "amount_at_stake" : "glosa_amount";
            java.math.BigDecimal fromCsv = java.math.BigDecimal.ZERO;
            int column = java.util.Arrays.asList(csv.get(0).split(",")).indexOf(money);
            for (String line : csv.subList(1, csv.size())) {
                fromCsv = fromCsv.add(new java.math.BigDecimal(line.split(",")[column]));
            }
            double fromParquet = parquet.agg(org.apache.spark.sql.functions.sum(money))
                    .first()
                    .getDouble(0);
            assertThat(fromParquet)
                    .as(table)
                    .isCloseTo(fromCsv.doubleValue(), org.assertj.core.api.Assertions.within(0.005));
            assertThat(java.util.Arrays.asList(parquet.columns())).as(table).contains("run_id", money);
        }
    }

    private static void assertSameTables(Path core, Path onSpark) throws IOException {
        for (String table : TABLES) {
            String expected = Files.readString(core.resolve(table));
            String actual = Files.readString(onSpark.resolve(table));
            if (table.equals("runs.csv")) {
                expected = withoutTimes(expected);
                actual = withoutTimes(actual);
            }
            assertThat(actual).as(table).isEqualTo(expected);
        }
    }

    private static String withoutTimes(String runs) {
        return runs.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z?", "<time>");
    }
}
