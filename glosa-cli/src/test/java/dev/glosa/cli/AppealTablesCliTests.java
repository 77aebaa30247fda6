package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.io.tiss.TissGenerator;
import dev.glosa.run.CsvTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glosa tiss} writes the appeal cycle beside the star schema: {@code fact_appeal.csv} and
 * {@code appeal_pending.csv}, with the deadlines of the configuration's {@code appeals:}, replaced when the week is
 * re-run, and read by the Power Query scripts {@code powerbi/fact_appeal.pq} and {@code appeal_pending.pq}.
 */
class AppealTablesCliTests {
    private static final String AS_OF = "2026-11-23";

    @TempDir
    Path dir;

    @Test
    void theAppealTablesFollowTheConfiguredDeadlinesAndAReRunReplacesTheWeek() throws IOException {
        Path in = demonstrativo();
        Path out = dir.resolve("out");
        run(in, out, "appeals:\n  deadlineDays: 20\n");

        CsvTable facts = CsvTable.read(out.resolve("fact_appeal.csv"));
        CsvTable pending = CsvTable.read(out.resolve("appeal_pending.csv"));
        CsvTable glosa = CsvTable.read(out.resolve("fact_glosa.csv"));
        assertThat(pending.rows()).isNotEmpty();
        // nothing was appealed: every glosa is in fact_appeal and still to appeal, to the cent
        BigDecimal total = sum(glosa.column("glosa_amount"));
        assertThat(sum(facts.column("glosa_amount"))).isEqualByComparingTo(total);
        assertThat(sum(pending.column("amount_at_stake"))).isEqualByComparingTo(total);
        assertThat(facts.column("appealed_glosa")).containsOnly("0");
        checkDeadlines(pending, null, 0);

        String payer = pending.column("payer").get(0);
        run(in, out, "appeals:\n  deadlineDays: 20\n  byPayer:\n    \"" + payer + "\": 45\n");

        CsvTable again = CsvTable.read(out.resolve("appeal_pending.csv"));
        assertThat(again.rows()).hasSameSizeAs(pending.rows());
        assertThat(again.column("as_of")).containsOnly(AS_OF);
        checkDeadlines(again, payer, 45);
        assertThat(CsvTable.read(out.resolve("fact_appeal.csv")).rows()).hasSameSizeAs(facts.rows());
    }

    @Test
    void thePowerQueryScriptsListTheColumnsTheRunWrites() throws IOException {
        Path out = dir.resolve("out");
        run(demonstrativo(), out, "");
        Path powerbi = powerbiFolder();
        for (String table : List.of("fact_appeal", "appeal_pending", "fact_appeal_group")) {
            String script = Files.readString(powerbi.resolve(table + ".pq"));
            assertThat(script).contains("GlosaCsv(\"" + table + ".csv\"");
            List<String> listed = new ArrayList<>();
            Matcher m =
                    Pattern.compile("\\{\"([A-Za-z_0-9]+)\", \"([a-z]+)\"\\}").matcher(script);
            while (m.find()) {
                listed.add(m.group(1));
            }
            assertThat(listed)
                    .as(table)
                    .isEqualTo(CsvTable.read(out.resolve(table + ".csv")).header());
        }
        assertThat(Files.readString(powerbi.resolve("README.md")))
                .contains("fact_appeal")
                .contains("appeal_pending")
                .contains("fact_appeal_group");
    }

    @Test
    void eachGroupsAppealFiguresAddUpItsLinesOfFactGlosa() throws IOException {
        Path out = dir.resolve("out");
        run(demonstrativo(), out, "");

        CsvTable groups = CsvTable.read(out.resolve("fact_appeal_group.csv"));
        CsvTable glosa = CsvTable.read(out.resolve("fact_glosa.csv"));
        java.util.Map<String, BigDecimal> byGroup = new java.util.TreeMap<>();
        java.util.Map<String, Integer> lines = new java.util.TreeMap<>();
        for (int r = 0; r < glosa.rows().size(); r++) {
            String id = glosa.column("group_id").get(r);
            BigDecimal g = new BigDecimal(glosa.column("glosa_amount").get(r));
            if (!id.isEmpty() && g.signum() > 0) {
                byGroup.merge(id, g, BigDecimal::add);
                lines.merge(id, 1, Integer::sum);
            }
        }
        assertThat(groups.column("group_id")).containsExactlyElementsOf(byGroup.keySet());
        Set<String> segments = new java.util.HashSet<>(
                CsvTable.read(out.resolve("dim_segment.csv")).column("segment_id"));
        for (int r = 0; r < groups.rows().size(); r++) {
            String id = groups.column("group_id").get(r);
            assertThat(new BigDecimal(groups.column("glosa_amount").get(r)))
                    .as(id)
                    .isEqualByComparingTo(byGroup.get(id));
            assertThat(Integer.parseInt(groups.column("lines").get(r))).as(id).isEqualTo(lines.get(id));
            assertThat(id).startsWith(groups.column("segment_id").get(r) + "-G");
            assertThat(segments).contains(groups.column("segment_id").get(r));
        }
        // nothing was appealed in this demonstrativo
        assertThat(groups.column("appealed_glosa")).containsOnly("0");
        assertThat(groups.column("recovered_share")).containsOnly("");
    }

    /** Every row's deadline is its demonstrativo's date plus the payer's days, and its days left count to the as-of. */
    private static void checkDeadlines(CsvTable pending, String payer, int payerDays) {
        for (int r = 0; r < pending.rows().size(); r++) {
            LocalDate issued = LocalDate.parse(pending.column("statement_date").get(r));
            int days = pending.column("payer").get(r).equals(payer) ? payerDays : 20;
            LocalDate deadline = LocalDate.parse(pending.column("deadline").get(r));
            assertThat(deadline).isEqualTo(issued.plusDays(days));
            assertThat(Long.parseLong(pending.column("days_left").get(r)))
                    .isEqualTo(ChronoUnit.DAYS.between(LocalDate.parse(AS_OF), deadline));
        }
    }

    private Path demonstrativo() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TissGenerator.write(TissGenerator.Spec.of("4.01.00", TissGenerator.Shape.MIXED, 3), bytes);
        Path in = dir.resolve("in").resolve("demonstrativo.xml");
        Files.createDirectories(in.getParent());
        Files.write(in, bytes.toByteArray());
        return in.getParent();
    }

    private void run(Path in, Path out, String appeals) throws IOException {
        Path config = dir.resolve("glosa.yaml");
        Files.writeString(config, "identifiers: drop\nminSegmentSize: 3\n" + appeals, StandardCharsets.UTF_8);
        CliRun run = CliRun.of(
                "tiss",
                "--in",
                in.toString(),
                "--out",
                out.toString(),
                "--as-of",
                AS_OF,
                "--config",
                config.toString(),
                "--lang",
                "en");
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(run.out).contains("fact_appeal.csv, appeal_pending.csv");
    }

    private static BigDecimal sum(List<String> cells) {
        BigDecimal s = BigDecimal.ZERO;
        for (String c : cells) {
            if (!c.isEmpty()) {
                s = s.add(new BigDecimal(c));
            }
        }
        return s;
    }

    private static Path powerbiFolder() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("powerbi").resolve("GlosaCsv.pq"))) {
                return p.resolve("powerbi");
            }
        }
        throw new AssertionError("no powerbi/ above " + Path.of("").toAbsolutePath());
    }
}
