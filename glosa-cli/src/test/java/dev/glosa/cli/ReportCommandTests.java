package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.run.CsvTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glosa demo} writes report.html whose numbers are its CSVs'; {@code glosa report} redraws any week of it. */
class ReportCommandTests {
    @TempDir
    static Path dir;

    static Path out;

    @BeforeAll
    static void twoWeeks() {
        out = dir.resolve("out");
        for (String week : List.of("2026-11-16", "2026-11-23")) {
            CliRun run =
                    CliRun.of("demo", "--rows", "3000", "--out", out.toString(), "--as-of", week, "--threads", "2");
            assertThat(run.status).as(run.toString()).isZero();
            assertThat(run.out).contains("report.html");
        }
    }

    private static Document report() throws IOException {
        return Jsoup.parse(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8));
    }

    @Test
    void theDemosReportShowsTheNumbersOfItsCsvs() throws IOException {
        Document d = report();
        CsvTable runs = CsvTable.read(out.resolve("runs.csv"));
        List<String> last = runs.rows().get(runs.rows().size() - 1);
        assertThat(d.selectFirst("dd[data-column=glosa_total]").attr("data-value"))
                .isEqualTo(last.get(runs.col("glosa_total")));
        assertThat(d.selectFirst("dd[data-column=rows_in]").attr("data-value"))
                .isEqualTo(last.get(runs.col("rows_in")));
        CsvTable clusters = CsvTable.read(out.resolve("dim_group.csv"));
        List<List<String>> week = clusters.rows().stream()
                .filter(r -> r.get(clusters.col("as_of")).equals("2026-11-23"))
                .sorted(Comparator.comparingDouble(
                                (List<String> r) -> -Double.parseDouble(r.get(clusters.col("glosa_amount"))))
                        .thenComparing(r -> r.get(clusters.col("group_id"))))
                .limit(10)
                .toList();
        assertThat(d.select("li.group").eachAttr("data-group"))
                .isEqualTo(
                        week.stream().map(r -> r.get(clusters.col("group_id"))).toList());
        assertThat(d.select("li.group .amount").eachAttr("data-value"))
                .isEqualTo(week.stream()
                        .map(r -> r.get(clusters.col("glosa_amount")))
                        .toList());
        CsvTable ind = CsvTable.read(out.resolve("indicators.csv"));
        List<String> overall = ind.rows().stream()
                .filter(r -> r.get(ind.col("as_of")).equals("2026-11-23")
                        && r.get(ind.col("scope")).equals("overall"))
                .findFirst()
                .orElseThrow();
        assertThat(d.select("table.indicators tr[data-scope=overall] td").eachAttr("data-value"))
                .contains(overall.get(ind.col("claims")), overall.get(ind.col("glosa_rate")));
        // Every claim in one situation: A + B + C is the fact table's week.
        long claims = d.select("table.situations tr[data-situation] td:eq(1)").eachAttr("data-value").stream()
                .mapToLong(Long::parseLong)
                .sum();
        assertThat(claims)
                .isEqualTo(CsvTable.read(out.resolve("fact_glosa.csv")).rows().stream()
                        .filter(r -> r.get(1).equals("2026-11-23"))
                        .count());
        assertThat(d.selectFirst("dd[data-column=kept]").text()).isNotEqualTo("0");
    }

    @Test
    void reportRedrawsAnEarlierWeekAndThenTheLatestTheSameBytesTheRunWrote() throws IOException {
        byte[] written = Files.readAllBytes(out.resolve("report.html"));
        CliRun earlier = CliRun.of("report", "--out", out.toString(), "--as-of", "2026-11-16");
        assertThat(earlier.status).as(earlier.toString()).isZero();
        assertThat(earlier.out).contains("report in");
        assertThat(report().selectFirst("header").text()).contains("2026-11-16");
        assertThat(report().selectFirst("#week").text()).contains("first week");
        CliRun latest = CliRun.of("report", "--out", out.toString());
        assertThat(latest.status).as(latest.toString()).isZero();
        assertThat(Files.readAllBytes(out.resolve("report.html"))).isEqualTo(written);
    }

    @Test
    void reportInPortuguese() throws IOException {
        CliRun run = CliRun.of("report", "--out", out.toString(), "--lang", "pt-BR");
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(report().selectFirst("html").attr("lang")).isEqualTo("pt-BR");
        assertThat(report().selectFirst("#run h2").text()).isEqualTo("A execução");
        CliRun.of("report", "--out", out.toString());
    }

    @Test
    void aWeekNotInTheFolderOrAFolderThatIsNotOneAreOneLineErrors() {
        CliRun missing = CliRun.of("report", "--out", out.toString(), "--as-of", "2026-12-07");
        assertThat(missing.status).isEqualTo(CliException.USAGE);
        assertThat(missing.err).contains("no run as of 2026-12-07").contains("2026-11-16, 2026-11-23");
        CliRun none = CliRun.of("report", "--out", dir.resolve("nowhere").toString());
        assertThat(none.status).isEqualTo(CliException.USAGE);
        assertThat(none.err).contains("no such folder");
        CliRun lang = CliRun.of("report", "--out", out.toString(), "--lang", "fr");
        assertThat(lang.status).isEqualTo(CliException.USAGE);
        assertThat(lang.err).contains("--lang must be pt-BR or en, found 'fr'");
    }
}
