package dev.glosa.io.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glosa.core.indicator.Indicators;
import dev.glosa.core.reconcile.Reconciler;
import dev.glosa.core.reconcile.Reconciliation;
import dev.glosa.core.result.CategoryLift;
import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.ReasonShare;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StarSchemaWriterTests {
    static final List<String> TABLES = List.of(
            StarSchemaWriter.FACT_GLOSA,
            StarSchemaWriter.DIM_SEGMENT,
            StarSchemaWriter.DIM_GROUP,
            StarSchemaWriter.INDICATORS,
            StarSchemaWriter.RUNS);

    @TempDir
    Path dir;

    static WriteReport write(Path folder, LocalDate asOf, boolean kept, Instant started) throws IOException {
        GlosaTable t = Fixture.table();
        return WriteJob.write(
                folder,
                Fixture.run(asOf, started),
                t,
                Fixture.outcomes(kept),
                Fixture.indicators(t),
                WriterOptions.pseudonymise(Fixture.KEY),
                Map.of(),
                WriteJob.Hook.NONE);
    }

    static WriteReport write(Path folder, LocalDate asOf) throws IOException {
        return write(folder, asOf, !asOf.equals(Fixture.WEEK1), Instant.parse("2024-05-06T03:00:00Z"));
    }

    @Test
    void everyTableHasItsRequiredColumns() throws IOException {
        write(dir, Fixture.WEEK1);
        assertThat(CsvFile.read(dir.resolve(StarSchemaWriter.FACT_GLOSA)).header())
                .startsWith("run_id", "as_of", "segment_id", "group_id")
                .contains(
                        "hospital",
                        "payer",
                        "glosa_type",
                        "competence",
                        "billed_amount",
                        "glosa_amount",
                        "paid_amount",
                        "situation",
                        "note",
                        "delta",
                        "claim_id",
                        "NASC");
        assertThat(CsvFile.read(dir.resolve(StarSchemaWriter.DIM_SEGMENT)).header())
                .contains(
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
                        "status",
                        "reason",
                        "parameters");
        assertThat(CsvFile.read(dir.resolve(StarSchemaWriter.DIM_GROUP)).header())
                .contains(
                        "run_id",
                        "group_id",
                        "segment_id",
                        "rows",
                        "glosa_amount",
                        "glosa_share",
                        "rank_in_segment",
                        "rank_overall",
                        "label",
                        "status",
                        "glosa_mean",
                        "glosa_median",
                        "glosa_rate",
                        "row_share",
                        "centres",
                        "top_reasons",
                        "distinctive",
                        "kind");
        // every group of the fixture is a regular one (cluster >= 0); cluster -1 writes "outliers"
        assertThat(CsvFile.read(dir.resolve(StarSchemaWriter.DIM_GROUP)).column("kind"))
                .containsOnly("group");
        assertThat(CsvFile.read(dir.resolve(StarSchemaWriter.INDICATORS)).header())
                .contains(
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
                        "glosa_value_ratio",
                        "recovered_amount");
        assertThat(CsvFile.read(dir.resolve(StarSchemaWriter.RUNS)).header())
                .contains(
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
                        "status");
    }

    @Test
    void everyCellParsesAsTheTypeTheManifestGives() throws IOException {
        write(dir, Fixture.WEEK1);
        JsonNode manifest = new ObjectMapper()
                .readTree(dir.resolve(StarSchemaWriter.MANIFEST).toFile());
        Set<String> described = new HashSet<>();
        for (JsonNode t : manifest.path("tables")) {
            String file = t.path("file").asText();
            described.add(file);
            CsvFile csv = CsvFile.read(dir.resolve(file));
            List<String> names = new ArrayList<>();
            for (JsonNode c : t.path("columns")) {
                names.add(c.path("name").asText());
            }
            assertThat(names).as(file).isEqualTo(csv.header());
            assertThat(t.path("rows").asLong()).as(file).isEqualTo(csv.rows().size());
            int i = 0;
            for (JsonNode c : t.path("columns")) {
                String type = c.path("type").asText();
                for (String[] row : csv.rows()) {
                    assertThat(row).as(file).hasSize(csv.header().size());
                    assertParses(file + ":" + c.path("name").asText(), type, row[i]);
                }
                i++;
            }
        }
        List<String> all = new java.util.ArrayList<>(TABLES);
        all.addAll(DimensionTables.FILES);
        assertThat(described).containsExactlyInAnyOrderElementsOf(all);
    }

    private static void assertParses(String where, String type, String cell) {
        if (cell.isEmpty()) {
            return;
        }
        switch (type) {
            case "number" -> assertThat(cell).as(where).matches("-?\\d+(\\.\\d+)?");
            case "integer" -> assertThat(Long.parseLong(cell)).as(where).isNotNull();
            case "date" -> assertThat(LocalDate.parse(cell)).as(where).isNotNull();
            case "month" -> assertThat(YearMonth.parse(cell)).as(where).isNotNull();
            case "datetime" -> assertThat(Instant.parse(cell)).as(where).isNotNull();
            case "text" -> assertThat(cell).as(where).isNotNull();
            default -> throw new AssertionError(where + ": unknown type " + type);
        }
    }

    @Test
    void glosaSumsAgreeBetweenFactSegmentsGroupsAndInput() throws IOException {
        write(dir, Fixture.WEEK1);
        CsvFile fact = CsvFile.read(dir.resolve(StarSchemaWriter.FACT_GLOSA));
        CsvFile seg = CsvFile.read(dir.resolve(StarSchemaWriter.DIM_SEGMENT));
        CsvFile cl = CsvFile.read(dir.resolve(StarSchemaWriter.DIM_GROUP));
        double input = Fixture.table().doubles("glosa_amount").sum();
        assertThat(fact.rows()).hasSize(10);
        assertThat(fact.sum("glosa_amount", "as_of", "2024-05-06")).isCloseTo(input, within(1e-9));
        for (int r = 0; r < seg.rows().size(); r++) {
            String id = seg.cell(r, "segment_id");
            assertThat(fact.sum("glosa_amount", "segment_id", id))
                    .as(id)
                    .isCloseTo(Double.parseDouble(seg.cell(r, "glosa_amount")), within(1e-9))
                    .isCloseTo(cl.sum("glosa_amount", "segment_id", id), within(1e-9));
        }
        for (int r = 0; r < cl.rows().size(); r++) {
            String id = cl.cell(r, "group_id");
            assertThat(fact.sum("glosa_amount", "group_id", id))
                    .as(id)
                    .isCloseTo(Double.parseDouble(cl.cell(r, "glosa_amount")), within(1e-9));
            assertThat(fact.column("group_id").stream().filter(id::equals).count())
                    .isEqualTo(Long.parseLong(cl.cell(r, "rows")));
        }
        double clustered = 0;
        for (String id : seg.column("segment_id")) {
            clustered += fact.sum("glosa_amount", "segment_id", id);
        }
        assertThat(clustered + fact.sum("glosa_amount", "segment_id", "")).isCloseTo(input, within(1e-9));
    }

    @Test
    void rowsInNoSegmentKeepEmptyIdsAndTheirOwnColumns() throws IOException {
        write(dir, Fixture.WEEK1);
        CsvFile fact = CsvFile.read(dir.resolve(StarSchemaWriter.FACT_GLOSA));
        for (int r = 7; r < 10; r++) {
            assertThat(fact.cell(r, "segment_id")).isEmpty();
            assertThat(fact.cell(r, "group_id")).isEmpty();
            assertThat(fact.cell(r, "group_key")).isEmpty();
            assertThat(fact.cell(r, "situation")).isEqualTo("C");
            assertThat(fact.cell(r, "glosa_type")).isEmpty();
        }
        assertThat(fact.cell(0, "segment_key")).isEqualTo(fact.cell(0, "run_id") + ":" + fact.cell(0, "segment_id"));
        assertThat(fact.cell(0, "group_key")).isEqualTo(fact.cell(0, "segment_key") + ":G0001");
        assertThat(fact.column("competence")).startsWith("2024-01", "2024-02");
        assertThat(fact.column("as_of")).containsOnly("2024-05-06");
        assertThat(fact.column("run_id")).containsOnly("20240506-" + Fixture.CONFIG_SHA.substring(0, 8));
        assertThat(fact.column("billed_amount")).startsWith("1000.5", "200", "300", "80.1");
    }

    @Test
    void segmentsAndGroupsCarryTheOutcomes() throws IOException {
        write(dir, Fixture.WEEK1);
        CsvFile seg = CsvFile.read(dir.resolve(StarSchemaWriter.DIM_SEGMENT));
        assertThat(seg.column("status")).containsExactly("clustered", "too_small");
        assertThat(seg.column("strategy")).containsExactly("kmeans", "");
        assertThat(seg.column("k")).containsExactly("2", "1");
        assertThat(seg.column("quality")).containsExactly("0.71", "");
        assertThat(seg.column("parameters")).containsExactly("init=k-means++; seed=42", "");
        assertThat(seg.column("quality_by_k")).containsExactly("2=0.71; 3=0.4", "");
        assertThat(seg.column("hospital")).containsExactly("H1", "H2");
        assertThat(seg.column("reason")).containsExactly("", "3 rows, fewer than the minimum 5");
        CsvFile cl = CsvFile.read(dir.resolve(StarSchemaWriter.DIM_GROUP));
        assertThat(cl.column("group_id")).containsExactly("G0001", "G0002", "G0003");
        assertThat(cl.column("status")).containsOnly("new");
        assertThat(cl.column("rank_overall")).containsExactly("1", "3", "2");
        assertThat(cl.cell(0, "centres"))
                .startsWith("{\"glosa_amount\":650.25,\"glosa_rate\":")
                .endsWith(",\"glosa_jump\":null}");
        assertThat(cl.cell(0, "top_reasons")).isEqualTo("07 75.0% (2 rows); =09 25.0% (1 row)");
        assertThat(cl.cell(0, "distinctive")).isEqualTo("situation=A 100.0% vs 50.0% (x2.00)");
        assertThat(cl.cell(0, "hospital")).isEqualTo("H1");
        assertThat(cl.cell(2, "payer")).isEqualTo("SUS");
    }

    @Test
    void indicatorsAndRunAreWritten() throws IOException {
        write(dir, Fixture.WEEK1);
        CsvFile ind = CsvFile.read(dir.resolve(StarSchemaWriter.INDICATORS));
        assertThat(ind.rows()).hasSize(Fixture.indicators(Fixture.table()).size());
        assertThat(ind.cell(0, "scope")).isEqualTo("overall");
        assertThat(ind.cell(0, "claims")).isEqualTo("10");
        assertThat(ind.cell(0, "glosa_claims")).isEqualTo("4");
        assertThat(Double.parseDouble(ind.cell(0, "glosa_rate"))).isEqualTo(0.4);
        CsvFile runs = CsvFile.read(dir.resolve(StarSchemaWriter.RUNS));
        assertThat(runs.rows()).hasSize(1);
        assertThat(runs.cell(0, "started_at")).isEqualTo("2024-05-06T03:00:00Z");
        assertThat(runs.cell(0, "finished_at")).isEqualTo("2024-05-06T03:00:42Z");
        assertThat(runs.cell(0, "segments")).isEqualTo("2");
        assertThat(runs.cell(0, "groups")).isEqualTo("3");
        assertThat(runs.cell(0, "fact_rows")).isEqualTo("10");
        assertThat(runs.cell(0, "status")).isEqualTo("ok");
        assertThat(runs.cell(0, "identifier_policy")).isEqualTo("pseudonymise");
        assertThat(runs.cell(0, "config_sha256")).isEqualTo(Fixture.CONFIG_SHA);
        JsonNode inputs = new ObjectMapper().readTree(runs.cell(0, "inputs"));
        assertThat(inputs).hasSize(2);
        assertThat(inputs.get(0).path("path").asText()).isEqualTo("data/RJMT2111.dbc");
        assertThat(inputs.get(0).path("rows").asLong()).isEqualTo(7);
    }

    @Test
    void indicatorRowsOfAHospitalNameItInAColumnThatRelatesToDimHospital() throws IOException {
        write(dir, Fixture.WEEK1);
        CsvFile ind = CsvFile.read(dir.resolve(StarSchemaWriter.INDICATORS));
        CsvFile hospitals = CsvFile.read(dir.resolve("dim_hospital.csv"));
        java.util.Set<String> known = new java.util.HashSet<>();
        for (int i = 0; i < hospitals.rows().size(); i++) {
            known.add(hospitals.cell(i, "hospital"));
        }
        int hospitalRows = 0;
        for (int i = 0; i < ind.rows().size(); i++) {
            if (ind.cell(i, "scope").equals("hospital")) {
                hospitalRows++;
                assertThat(ind.cell(i, "hospital"))
                        .isEqualTo(ind.cell(i, "scope_key"))
                        .isIn(known);
            } else {
                assertThat(ind.cell(i, "hospital")).as(ind.cell(i, "scope")).isEmpty();
            }
        }
        assertThat(hospitalRows).isPositive();
    }

    @Test
    void rerunOfTheSameAsOfReplacesItsRows() throws IOException {
        write(dir, Fixture.WEEK1);
        write(dir, Fixture.WEEK2);
        WriteReport again = write(dir, Fixture.WEEK2);
        assertThat(again.table(StarSchemaWriter.FACT_GLOSA))
                .isEqualTo(new WriteReport.TableReport(StarSchemaWriter.FACT_GLOSA, 10, 10, 20));
        assertThat(again.table(StarSchemaWriter.RUNS).rowsTotal()).isEqualTo(2);
        for (String file : TABLES) {
            CsvFile csv = CsvFile.read(dir.resolve(file));
            assertThat(csv.column("as_of")).as(file).containsOnly("2024-05-06", "2024-05-13");
            long week1 =
                    csv.column("as_of").stream().filter("2024-05-06"::equals).count();
            assertThat(csv.rows().size()).as(file).isEqualTo(2 * week1);
        }
    }

    @Test
    void anotherAsOfAppendsAndFilesStayInDateOrder() throws IOException {
        write(dir, Fixture.WEEK2);
        WriteReport r = write(dir, Fixture.WEEK1);
        assertThat(r.table(StarSchemaWriter.DIM_GROUP))
                .isEqualTo(new WriteReport.TableReport(StarSchemaWriter.DIM_GROUP, 3, 0, 6));
        Path inOrder = dir.resolve("in-order");
        write(inOrder, Fixture.WEEK1);
        write(inOrder, Fixture.WEEK2);
        for (String file : TABLES) {
            CsvFile csv = CsvFile.read(dir.resolve(file));
            assertThat(csv.column("as_of")).as(file).isSorted();
            if (!file.equals(StarSchemaWriter.RUNS)) {
                assertThat(Files.readAllBytes(dir.resolve(file)))
                        .as(file)
                        .isEqualTo(Files.readAllBytes(inOrder.resolve(file)));
            }
        }
    }

    @Test
    void aColumnAddedLaterIsEmptyInEarlierRows() throws IOException {
        GlosaTable small = Fixture.table().without("delta");
        WriteJob.write(
                dir,
                Fixture.run(Fixture.WEEK1),
                small,
                Fixture.outcomes(false),
                List.of(),
                WriterOptions.pseudonymise(Fixture.KEY),
                Map.of(),
                WriteJob.Hook.NONE);
        write(dir, Fixture.WEEK2);
        CsvFile fact = CsvFile.read(dir.resolve(StarSchemaWriter.FACT_GLOSA));
        assertThat(fact.header()).endsWith("delta");
        assertThat(fact.column("delta").subList(0, 10)).containsOnly("");
        assertThat(fact.column("delta").subList(10, 20)).startsWith("-12.5", "3", "-0.1");
    }

    @Test
    void secondWriteOfTheSameRunIsByteIdenticalApartFromRunTimestamps() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        write(a, Fixture.WEEK1, false, Instant.parse("2024-05-06T03:00:00Z"));
        write(b, Fixture.WEEK1, false, Instant.parse("2024-05-07T09:30:15.123Z"));
        for (String file : List.of(
                StarSchemaWriter.FACT_GLOSA,
                StarSchemaWriter.DIM_SEGMENT,
                StarSchemaWriter.DIM_GROUP,
                StarSchemaWriter.INDICATORS,
                StarSchemaWriter.MANIFEST)) {
            assertThat(Files.readAllBytes(b.resolve(file))).as(file).isEqualTo(Files.readAllBytes(a.resolve(file)));
        }
        CsvFile ra = CsvFile.read(a.resolve(StarSchemaWriter.RUNS));
        CsvFile rb = CsvFile.read(b.resolve(StarSchemaWriter.RUNS));
        assertThat(rb.cell(0, "started_at")).isEqualTo("2024-05-07T09:30:15Z");
        for (String column : ra.header()) {
            if (!column.endsWith("_at")) {
                assertThat(rb.column(column)).as(column).isEqualTo(ra.column(column));
            }
        }
        // and rewriting in place changes nothing either
        byte[] before = Files.readAllBytes(a.resolve(StarSchemaWriter.FACT_GLOSA));
        write(a, Fixture.WEEK1, false, Instant.parse("2024-05-08T00:00:00Z"));
        assertThat(Files.readAllBytes(a.resolve(StarSchemaWriter.FACT_GLOSA))).isEqualTo(before);
    }

    @Test
    void filesAreUtf8Rfc4180WithCrlf() throws IOException {
        write(dir, Fixture.WEEK1);
        String text = Files.readString(dir.resolve(StarSchemaWriter.FACT_GLOSA), StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("run_id,as_of,segment_id,group_id,segment_key,group_key,hospital,payer,"
                        + "glosa_type,competence,billed_amount,glosa_amount,paid_amount,");
        assertThat(text)
                .endsWith("\r\n")
                .contains("\"plain, with comma\"")
                .contains("\"say \"\"hi\"\"\"")
                .contains("\"multi\r\nline\"");
        assertThat(text).doesNotContainPattern("(?<!\r)\n").doesNotStartWith("\uFEFF");
    }

    @Test
    void previousGroupsAreTheLatestEarlierRunReadBackExactly() throws IOException {
        write(dir, Fixture.WEEK1);
        write(dir, Fixture.WEEK2);
        // read back as written: money to the cent and rates to six decimals, every other field exact
        List<GroupProfile> expected1 = new ArrayList<>();
        for (SegmentResult o : Fixture.outcomes(false)) {
            o.profiles().forEach(p -> expected1.add(asWritten(p)));
        }
        List<GroupProfile> expected2 = new ArrayList<>();
        for (SegmentResult o : Fixture.outcomes(true)) {
            o.profiles().forEach(p -> expected2.add(asWritten(p)));
        }
        assertThat(StarSchemaWriter.previousGroups(dir, Fixture.WEEK2)).isEqualTo(expected1);
        assertThat(StarSchemaWriter.previousGroups(dir, LocalDate.of(2024, 5, 20)))
                .isEqualTo(expected2);
        assertThat(StarSchemaWriter.previousGroups(dir, Fixture.WEEK1)).isEmpty();
        assertThat(StarSchemaWriter.previousGroups(dir.resolve("nothing-here"), Fixture.WEEK1))
                .isEmpty();
        GroupProfile first = StarSchemaWriter.previousGroups(dir, Fixture.WEEK2).get(0);
        assertThat(first.featureCentres()).containsOnlyKeys("glosa_amount", "glosa_rate", "glosa_jump");
        assertThat(first.featureCentres().keySet()).containsExactly("glosa_amount", "glosa_rate", "glosa_jump");
        assertThat(first.label()).isEqualTo("=high value, rejected in full");
    }

    /** The profile with its money and rates (in its JSON columns too) rounded as {@code dim_group.csv} writes them. */
    private static GroupProfile asWritten(GroupProfile p) {
        return new GroupProfile(
                p.segmentId(),
                p.groupId(),
                p.cluster(),
                p.rows(),
                rate(p.rowShare()),
                money(p.glosaAmount()),
                money(p.glosaMean()),
                money(p.glosaMedian()),
                rate(p.glosaShare()),
                rate(p.glosaRate()),
                money(p.glosaJump()),
                p.featureCentres(),
                p.distinctive().stream()
                        .map(l -> new CategoryLift(
                                l.column(),
                                l.value(),
                                rate(l.shareInGroup()),
                                rate(l.shareInSegment()),
                                rate(l.lift())))
                        .toList(),
                p.topReasons().stream()
                        .map(r -> new ReasonShare(r.code(), r.rows(), money(r.glosaAmount()), rate(r.share())))
                        .toList(),
                p.label(),
                p.rankInSegment(),
                p.rankOverall(),
                p.status());
    }

    private static double money(double v) {
        return Double.isFinite(v) ? Double.parseDouble(Decimals.money(v)) : v;
    }

    private static double rate(double v) {
        return Double.isFinite(v) ? Double.parseDouble(Decimals.rate(v)) : v;
    }

    @Test
    void trackerStateIsWrittenWithTheRunAndReadBackForTheNextWeek() throws IOException {
        GlosaTable t = Fixture.table();
        List<GroupRecord> week1 = List.of(
                new GroupRecord(
                        "S1",
                        "S1-G1",
                        1,
                        0,
                        3,
                        0.6,
                        120.5,
                        Map.of("glosa_amount", 40.0),
                        Map.of("glosa_amount", 12.5),
                        0,
                        "=high value"),
                new GroupRecord(
                        "S1",
                        "S1-G2",
                        2,
                        1,
                        2,
                        0.4,
                        10.0,
                        Map.of("glosa_amount", 5.0),
                        Map.of("glosa_amount", 12.5),
                        2,
                        "low value"));
        WriteJob.write(
                dir,
                Fixture.run(Fixture.WEEK1),
                t,
                Fixture.outcomes(false),
                Fixture.indicators(t),
                week1,
                WriterOptions.pseudonymise(Fixture.KEY),
                Map.of(),
                WriteJob.Hook.NONE);
        WriteJob.write(
                dir,
                Fixture.run(Fixture.WEEK2),
                t,
                Fixture.outcomes(true),
                Fixture.indicators(t),
                List.of(week1.get(0)),
                WriterOptions.pseudonymise(Fixture.KEY),
                Map.of(),
                WriteJob.Hook.NONE);

        assertThat(StarSchemaWriter.previousState(dir, Fixture.WEEK2)).isEqualTo(week1);
        assertThat(StarSchemaWriter.previousState(dir, Fixture.WEEK2.plusDays(7)))
                .containsExactly(week1.get(0));
        assertThat(StarSchemaWriter.previousState(dir, Fixture.WEEK1)).isEmpty();
        assertThat(CsvFile.read(dir.resolve(StarSchemaWriter.GROUP_STATE)).header())
                .startsWith("run_id", "as_of", "segment_id", "group_id", "serial");
    }

    @Test
    void manifestDescribesTheRunWithoutTimestamps() throws IOException {
        write(dir, Fixture.WEEK1);
        String text = Files.readString(dir.resolve(StarSchemaWriter.MANIFEST));
        JsonNode m = new ObjectMapper().readTree(text);
        assertThat(m.path("format").asText()).isEqualTo("glosa-star-schema");
        assertThat(m.path("run").path("run_id").asText()).isEqualTo("20240506-" + Fixture.CONFIG_SHA.substring(0, 8));
        assertThat(m.path("run").path("as_of").asText()).isEqualTo("2024-05-06");
        assertThat(m.path("run").path("config_sha256").asText()).isEqualTo(Fixture.CONFIG_SHA);
        assertThat(m.path("run").path("inputs").get(1).path("sha256").asText()).isEqualTo(RunRecord.sha256("rd"));
        assertThat(m.path("run").path("segments").asInt()).isEqualTo(2);
        assertThat(m.path("versions").path("java").asText())
                .isEqualTo(Runtime.version().toString());
        assertThat(m.path("versions").path("glosa").asText()).isNotBlank();
        assertThat(m.path("identifiers").path("policy").asText()).isEqualTo("pseudonymise");
        assertThat(m.path("identifiers").path("columns"))
                .extracting(JsonNode::asText)
                .containsExactly("claim_id", "NASC");
        assertThat(text).doesNotContain("2024-05-06T03").doesNotContain("\r");
    }

    @Test
    void reconciledSusClaimsAndTheReconciliationAreRecorded() throws IOException {
        long a1 = 1_222_100_000_001L;
        long a2 = 1_222_100_000_002L;
        long a3 = 1_222_100_000_003L;
        GlosaTable rj = GlosaTable.of(
                LongColumn.of("claim_id", a1, a2, a1, a1),
                DoubleColumn.of("billed_amount", 100, 500, 150, 120),
                CategoryColumn.of("reason_code", "R1", "R2", "R3", "R4"));
        GlosaTable rd = GlosaTable.of(
                LongColumn.of("claim_id", a3, a1),
                DoubleColumn.of("billed_amount", 80, 110),
                DoubleColumn.of("paid_amount", 80, 110),
                CategoryColumn.of("IDENT", "1", "1"),
                CategoryColumn.of("PROC_REA", "P3", "P1"));
        Reconciliation rec = Reconciler.sih().reconcile(rj, rd);
        RunRecord run = Fixture.run(Fixture.WEEK1).withReconciliation(rec.report());
        WriteJob.write(
                dir,
                run,
                rec.claims(),
                List.of(),
                Indicators.standard(rec.claims()),
                WriterOptions.pseudonymise(Fixture.KEY),
                Map.of(),
                WriteJob.Hook.NONE);
        CsvFile fact = CsvFile.read(dir.resolve(StarSchemaWriter.FACT_GLOSA));
        assertThat(fact.rows()).hasSize(3);
        assertThat(fact.column("situation")).containsExactly("B", "A", "C");
        assertThat(fact.column("segment_id")).containsOnly("");
        assertThat(fact.header()).contains("status", "rejected_amount", "PROC_REA");
        assertThat(fact.sum("glosa_amount", "as_of", "2024-05-06"))
                .isEqualTo(rec.report().glosaTotal());
        CsvFile runs = CsvFile.read(dir.resolve(StarSchemaWriter.RUNS));
        assertThat(runs.cell(0, "reconciled_claims")).isEqualTo("3");
        assertThat(runs.cell(0, "rejected_duplicates")).isEqualTo("2");
        assertThat(runs.cell(0, "naive_glosa_total")).isEqualTo("870");
        assertThat(runs.cell(0, "segments")).isEqualTo("0");
        JsonNode m = new ObjectMapper()
                .readTree(dir.resolve(StarSchemaWriter.MANIFEST).toFile());
        assertThat(m.path("run")
                        .path("reconciliation")
                        .path("by_situation")
                        .path("A")
                        .path("claims")
                        .asLong())
                .isEqualTo(1);
        CsvFile ind = CsvFile.read(dir.resolve(StarSchemaWriter.INDICATORS));
        assertThat(ind.cell(0, "glosa_claims")).isEqualTo("1");
        assertThat(ind.cell(0, "recovered_amount")).isEqualTo("110");
    }

    @Test
    void aFormulaLikeColumnNameIsRefused() {
        GlosaTable t = Fixture.table().with(DoubleColumn.of("=cmd", new double[10]));
        assertThatThrownBy(() -> WriteJob.write(
                        dir,
                        Fixture.run(Fixture.WEEK1),
                        t,
                        List.of(),
                        List.of(),
                        WriterOptions.pseudonymise(Fixture.KEY),
                        Map.of(),
                        WriteJob.Hook.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column '=cmd'");
    }

    @Test
    void runIdIsDateAndConfigHashPrefix() {
        assertThat(RunRecord.runId(LocalDate.of(2024, 1, 2), "ABCDEF0123456789"))
                .isEqualTo("20240102-abcdef01");
        assertThat(RunRecord.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
