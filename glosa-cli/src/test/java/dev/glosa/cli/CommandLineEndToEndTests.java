package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.glosa.core.reconcile.Reconciler;
import dev.glosa.core.reconcile.Reconciliation;
import dev.glosa.io.csv.CsvMapping;
import dev.glosa.io.csv.CsvWriteOptions;
import dev.glosa.io.csv.CsvWriter;
import dev.glosa.io.generate.ErpGenerator;
import dev.glosa.io.generate.ErpGeneratorConfig;
import dev.glosa.io.generate.ErpSample;
import dev.glosa.io.generate.SihFileSet;
import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.io.generate.SihSample;
import dev.glosa.io.sih.SihRejections;
import dev.glosa.io.tiss.TissGenerator;
import dev.glosa.run.CsvTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line from generated inputs to the output folder, the outputs read back and checked. */
class CommandLineEndToEndTests {
    static final String AS_OF = "2026-11-23";
    static final String NEXT_WEEK = "2026-11-30";

    @TempDir
    Path dir;

    private CliRun demo(Path out, String asOf, String... more) {
        String[] base = {"demo", "--rows", "4000", "--out", out.toString(), "--as-of", asOf};
        String[] threads = List.of(more).contains("--threads") ? new String[0] : new String[] {"--threads", "2"};
        String[] args = Stream.of(base, threads, more).flatMap(Stream::of).toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertThat(run.status).as(run.toString()).isZero();
        return run;
    }

    @Test
    void susDemoWritesEveryTableWithItsRequiredColumnsAndTheMoneyAddsUp() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = demo(out, AS_OF);
        assertThat(run.out).contains("Top groups by money at stake").contains("Power BI outputs in");

        CsvTable fact = CsvTable.read(out.resolve("fact_glosa.csv"));
        assertThat(fact.header())
                .containsAll(CsvTable.of(
                        "run_id",
                        "as_of",
                        "segment_id",
                        "group_id",
                        "hospital",
                        "payer",
                        "glosa_type",
                        "competence",
                        "billed_amount",
                        "glosa_amount",
                        "paid_amount",
                        "situation"));
        CsvTable segments = CsvTable.read(out.resolve("dim_segment.csv"));
        assertThat(segments.header())
                .containsAll(CsvTable.of(
                        "run_id",
                        "segment_id",
                        "hospital",
                        "payer",
                        "glosa_type",
                        "rows",
                        "glosa_amount",
                        "strategy",
                        "k",
                        "quality_metric",
                        "quality",
                        "status"));
        CsvTable clusters = CsvTable.read(out.resolve("dim_group.csv"));
        assertThat(clusters.header())
                .containsAll(CsvTable.of(
                        "run_id",
                        "group_id",
                        "segment_id",
                        "rows",
                        "glosa_amount",
                        "glosa_share",
                        "rank_in_segment",
                        "rank_overall",
                        "label",
                        "status"));
        CsvTable indicators = CsvTable.read(out.resolve("indicators.csv"));
        assertThat(indicators.header())
                .containsAll(CsvTable.of(
                        "run_id",
                        "scope",
                        "scope_key",
                        "period",
                        "claims",
                        "glosa_claims",
                        "glosa_rate",
                        "glosa_rate_ci_low",
                        "glosa_rate_ci_high",
                        "paid_amount",
                        "glosa_amount",
                        "glosa_value_ratio"));
        CsvTable runs = CsvTable.read(out.resolve("runs.csv"));
        assertThat(runs.header())
                .containsAll(CsvTable.of(
                        "run_id",
                        "as_of",
                        "started_at",
                        "finished_at",
                        "inputs",
                        "config_sha256",
                        "rows_in",
                        "rows_rejected",
                        "segments",
                        "groups",
                        "status"));
        assertThat(runs.rows()).hasSize(1);
        assertThat(Files.exists(out.resolve("manifest.json"))).isTrue();

        // Types parse: ISO months and dates, plain decimals.
        assertThat(fact.distinct("competence")).allMatch(m -> m.matches("\\d{4}-\\d{2}"));
        assertThat(fact.distinct("as_of")).containsExactly(AS_OF);
        fact.column("glosa_amount").forEach(Double::parseDouble);

        // Money: fact = overall indicator; per segment fact = dim_segment; groups of a segment = the segment.
        int overall = indicators.column("scope").indexOf("overall");
        double factGlosa = fact.sum("glosa_amount");
        assertThat(Double.parseDouble(indicators.rows().get(overall).get(indicators.col("glosa_amount"))))
                .isCloseTo(factGlosa, within(0.01));
        Map<String, Double> bySegment = sumBy(fact, "segment_id");
        Map<String, Double> byCluster = sumBy(fact, "group_id");
        Map<String, Double> clustersOfSegment = new HashMap<>();
        for (List<String> r : clusters.rows()) {
            String segment = r.get(clusters.col("segment_id"));
            double g = Double.parseDouble(r.get(clusters.col("glosa_amount")));
            clustersOfSegment.merge(segment, g, Double::sum);
            assertThat(byCluster.get(r.get(clusters.col("group_id")))).isCloseTo(g, within(0.01));
        }
        for (List<String> r : segments.rows()) {
            String id = r.get(segments.col("segment_id"));
            double g = Double.parseDouble(r.get(segments.col("glosa_amount")));
            assertThat(bySegment.get(id)).as(id).isCloseTo(g, within(0.01));
            assertThat(clustersOfSegment.get(id)).as(id).isCloseTo(g, within(0.01));
        }
        // Every claim with a glosa is in a group; claims without one are in none.
        for (List<String> r : fact.rows()) {
            boolean glosa = Double.parseDouble(r.get(fact.col("glosa_amount"))) > 0;
            assertThat(r.get(fact.col("group_id")).isEmpty()).isEqualTo(!glosa);
        }
        // Claim numbers leave pseudonymised.
        assertThat(fact.column("claim_id")).noneMatch(id -> id.matches("\\d{13}"));
    }

    private static Map<String, Double> sumBy(CsvTable t, String key) {
        Map<String, Double> out = new HashMap<>();
        for (List<String> r : t.rows()) {
            String k = r.get(t.col(key));
            if (!k.isEmpty()) {
                out.merge(k, Double.parseDouble(r.get(t.col("glosa_amount"))), Double::sum);
            }
        }
        return out;
    }

    @Test
    void sameWeekReplacesItsRowsAndTheNextWeekAppendsAndKeepsGroupIds() throws IOException {
        Path out = dir.resolve("out");
        demo(out, AS_OF);
        int factRows = CsvTable.read(out.resolve("fact_glosa.csv")).rows().size();
        demo(out, AS_OF);
        assertThat(CsvTable.read(out.resolve("runs.csv")).rows()).hasSize(1);
        assertThat(CsvTable.read(out.resolve("fact_glosa.csv")).rows()).hasSize(factRows);

        demo(out, NEXT_WEEK);
        assertThat(CsvTable.read(out.resolve("runs.csv")).rows()).hasSize(2);
        assertThat(CsvTable.read(out.resolve("fact_glosa.csv")).rows()).hasSize(2 * factRows);
        CsvTable clusters = CsvTable.read(out.resolve("dim_group.csv"));
        List<String> week2 = clusters.rows().stream()
                .filter(r -> r.get(clusters.col("as_of")).equals(NEXT_WEEK))
                .map(r -> r.get(clusters.col("status")))
                .toList();
        // The same data a week later: every group is matched to itself and keeps its id.
        assertThat(week2).isNotEmpty().containsOnly("kept");
    }

    @Test
    void sameInputsConfigurationSeedAndAsOfGiveTheSameBytes() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        demo(a, AS_OF, "--threads", "1");
        demo(b, AS_OF);
        for (String file : List.of(
                "fact_glosa.csv",
                "dim_segment.csv",
                "dim_group.csv",
                "indicators.csv",
                "group_state.csv",
                "manifest.json")) {
            assertThat(Files.readAllBytes(b.resolve(file))).as(file).isEqualTo(Files.readAllBytes(a.resolve(file)));
        }
    }

    @Test
    void erpDemoClustersThePlantedGroups() throws IOException {
        Path out = dir.resolve("erp");
        demo(out, AS_OF, "--source", "erp");
        CsvTable fact = CsvTable.read(out.resolve("fact_glosa.csv"));
        assertThat(fact.header()).contains("glosa_rate", "glosa_jump", "glosa_rate_jump", "I_ITEM_CATEGORIA");
        assertThat(fact.column("group_id")).noneMatch(String::isEmpty);
        CsvTable segments = CsvTable.read(out.resolve("dim_segment.csv"));
        assertThat(segments.column("k").stream()
                        .mapToInt(Integer::parseInt)
                        .min()
                        .orElseThrow())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void susCommandReconcilesGeneratedDbcFilesLikeTheInMemoryDemo() throws IOException {
        SihSample sample = SihGenerator.generate(SihGeneratorConfig.defaults(5).withTotalClaims(3000));
        SihFileSet files = SihFiles.write(sample, dir.resolve("sih"));
        List<String> args = new java.util.ArrayList<>(
                List.of("sus", "--out", dir.resolve("out").toString(), "--as-of", AS_OF, "--threads", "2"));
        args.add("--rd");
        files.rd().forEach(p -> args.add(p.toString()));
        args.add("--rj");
        files.rj().forEach(p -> args.add(p.toString()));
        args.add("--er");
        files.er().forEach(p -> args.add(p.toString()));

        CliRun noKey = CliRun.of(args.toArray(String[]::new));
        assertThat(noKey.status).isEqualTo(2);
        assertThat(noKey.err).contains("identify patients").contains("GLOSA_PSEUDONYM_KEY");

        args.addAll(List.of(
                "--config",
                config("pseudonymKey: a-key-of-sixteen-chars-or-more\n").toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.status).as(run.toString()).isZero();
        Reconciliation expected =
                Reconciler.sih().reconcile(SihRejections.attachErrors(sample.rj(), sample.er()), sample.rd());
        assertThat(run.out).contains(expected.report().summary());
        CsvTable fact = CsvTable.read(dir.resolve("out").resolve("fact_glosa.csv"));
        assertThat(fact.rows()).hasSize(expected.claims().rowCount());
        assertThat(fact.sum("glosa_amount")).isCloseTo(expected.report().glosaTotal(), within(0.01));
        assertThat(fact.distinct("glosa_type")).hasSizeGreaterThan(2);
        CsvTable runs = CsvTable.read(dir.resolve("out").resolve("runs.csv"));
        assertThat(runs.column("inputs").get(0))
                .contains(files.rd().get(0).getFileName().toString());

        CliRun swapped = CliRun.of(
                "sus",
                "--rd",
                files.rj().get(0).toString(),
                "--rj",
                files.rd().get(0).toString(),
                "--out",
                dir.resolve("o2").toString(),
                "--config",
                config("identifiers: drop\n").toString());
        assertThat(swapped.status).isEqualTo(2);
        assertThat(swapped.err).contains("--rd expects RD files").contains("is RJ");
    }

    @Test
    void csvCommandReadsAnErpExportInPtBrFormat() throws IOException {
        ErpSample sample = ErpGenerator.generate(ErpGeneratorConfig.defaults(7).withSegments(2, 2, 2, 1.0));
        Path csv = dir.resolve("export.csv");
        CsvWriter.write(sample.table(), csv, CsvMapping.reference(), CsvWriteOptions.ptBr());
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains(";");
        YearMonth month = sample.config().analysedMonth();
        Path out = dir.resolve("out");
        CliRun run = CliRun.of(
                "csv",
                "--in",
                csv.toString(),
                "--out",
                out.toString(),
                "--as-of",
                AS_OF,
                "--month",
                month.toString(),
                "--threads",
                "2",
                "--config",
                config("identifiers: keep_clear\n").toString());
        assertThat(run.status).as(run.toString()).isZero();
        // The read's summary line reconciles the file's lines: header, blank, accepted and rejected.
        int lines = sample.table().rowCount() + 1;
        assertThat(run.err)
                .contains(
                        csv + ": " + lines + " lines = 1 header + 0 blank + " + (lines - 1) + " accepted + 0 rejected");
        CsvTable fact = CsvTable.read(out.resolve("fact_glosa.csv"));
        assertThat(fact.distinct("competence")).containsExactly(month.toString());
        assertThat(fact.rows()).hasSize(sample.table().rowCount() - sample.firstAnalysedRow());

        CliRun noMonth = CliRun.of(
                "csv", "--in", csv.toString(), "--out", dir.resolve("o2").toString(), "--as-of", AS_OF);
        assertThat(noMonth.status).isEqualTo(2);
        assertThat(noMonth.err)
                .contains("no rows for the month analysed, 2026-10")
                .contains("--month");
    }

    @Test
    void tissCommandReadsGeneratedDemonstrativos() throws IOException {
        Path xml = dir.resolve("in").resolve("demonstrativo.xml");
        Files.createDirectories(xml.getParent());
        try (OutputStream os = Files.newOutputStream(xml)) {
            TissGenerator.write(TissGenerator.Spec.of("4.01.00", TissGenerator.Shape.MIXED, 3), os);
        }
        Path out = dir.resolve("out");
        CliRun run = CliRun.of(
                "tiss",
                "--in",
                xml.getParent().toString(),
                "--out",
                out.toString(),
                "--as-of",
                AS_OF,
                "--config",
                config("identifiers: drop\nminSegmentSize: 3\n").toString());
        assertThat(run.status).as(run.toString()).isZero();
        CsvTable fact = CsvTable.read(out.resolve("fact_glosa.csv"));
        assertThat(fact.rows()).isNotEmpty();
        assertThat(fact.distinct("glosa_type")).isNotEmpty();
    }

    @Test
    void hostileXmlIsRefusedWithOneLine() throws IOException {
        Path xml = dir.resolve("evil.xml");
        Files.writeString(
                xml, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        CliRun run = CliRun.of(
                "tiss", "--in", xml.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("evil.xml").doesNotContain("root:").doesNotContain("\tat ");
    }

    @Test
    void unknownSettingInTheConfigurationIsNamed() throws IOException {
        CliRun run = CliRun.of(
                "demo",
                "--rows",
                "500",
                "--out",
                dir.toString(),
                "--config",
                config("seed: 1\nkmax: 9\n").toString());
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("unknown setting 'kmax'").contains("kMax");
    }

    @Test
    void unknownStrategyIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of(
                "demo",
                "--rows",
                "500",
                "--out",
                out.toString(),
                "--config",
                config("strategy: magic\n").toString());
        assertThat(run.status).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("magic").contains("kmeans");
        assertThat(out.resolve("fact_glosa.csv")).doesNotExist();
    }

    @Test
    void inspectDescribesRealFilesAndRefusesDamagedOnes() throws IOException {
        Path data = SharedData.datasus();
        assumeTrue(data != null, "../shared/data/datasus not found: skipping the real-file checks of glosa inspect");
        CliRun ok = CliRun.of("inspect", "--json", data.resolve("RDAC2301.dbc").toString());
        assertThat(ok.status).as(ok.toString()).isZero();
        assertThat(ok.out)
                .contains("\"records\":4165")
                .contains("\"crcOk\":true")
                .contains("\"system\":\"RD\"");

        byte[] bytes = Files.readAllBytes(data.resolve("RJAL0611.dbc"));
        Path truncated = dir.resolve("RJAL0611.dbc");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CliRun bad = CliRun.of("inspect", truncated.toString());
        assertThat(bad.status).isEqualTo(2);
        assertThat(bad.err).contains("RJAL0611.dbc").contains("byte").doesNotContain("\tat ");
    }

    private Path config(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "glosa", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
