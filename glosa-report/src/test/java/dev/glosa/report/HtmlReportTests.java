package dev.glosa.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTests {
    @TempDir
    Path dir;

    private Document latest(Locale locale) throws IOException {
        return Jsoup.parse(HtmlReport.render(ReportFolder.write(dir), null, locale));
    }

    @Test
    void drawsTheLatestWeekWithItsFourSectionsAndTheReconciliation() throws IOException {
        Document d = latest(Locale.ENGLISH);
        assertThat(d.select("main > section").eachAttr("id"))
                .containsExactly("run", "reconciliation", "indicators", "groups", "week");
        assertThat(d.selectFirst("header").text()).contains("as of " + ReportFolder.WEEK2);
        assertThat(d.select("svg.chart")).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aTissWeekShowsItsAppealsAndWhatToAppealSoonestFirst() throws IOException {
        ReportFolder.writeAppeals(ReportFolder.write(dir));
        Document d = Jsoup.parse(HtmlReport.render(dir, null, Locale.ENGLISH));
        assertThat(d.select("main > section").eachAttr("id"))
                .containsExactly("run", "reconciliation", "appeals", "indicators", "groups", "week");
        assertThat(d.selectFirst("#appeals dd[data-column=glosa_amount]").attr("data-value"))
                .isEqualTo("500");
        assertThat(d.selectFirst("#appeals dd[data-column=appealed_share]").text())
                .isEqualTo("60.0%");
        assertThat(d.selectFirst("#appeals dd[data-column=recovered_amount]").text())
                .isEqualTo("R$ 120.00 (40.0%)");
        assertThat(d.selectFirst("#appeals dd[data-column=pending_amount]").text())
                .isEqualTo("R$ 100.00");
        // the missed deadline first, marked late
        assertThat(d.select("table.pending tbody tr td:first-child").eachText())
                .containsExactly("2026-10-31", "2026-12-09");
        assertThat(d.select("table.pending tbody tr").first().hasClass("late")).isTrue();
        Document pt = Jsoup.parse(HtmlReport.render(dir, null, HtmlReport.PT_BR));
        assertThat(pt.selectFirst("#appeals h2").text()).isEqualTo("Recursos (TISS)");
    }

    @Test
    void aWeekWithoutTissHasNoAppealsSection() throws IOException {
        assertThat(latest(Locale.ENGLISH).select("#appeals")).isEmpty();
    }

    @Test
    void theRunsNumbersAreTheRunsCsvs() throws IOException {
        Document d = latest(Locale.ENGLISH);
        assertThat(d.selectFirst("dd[data-column=glosa_total]").attr("data-value"))
                .isEqualTo("2500");
        assertThat(d.selectFirst("dd[data-column=glosa_total]").text()).isEqualTo("R$ 2,500.00");
        assertThat(d.selectFirst("dd[data-column=rows_in]").text()).isEqualTo("9");
        assertThat(d.selectFirst("dd[data-column=rows_rejected]").text()).isEqualTo("1");
        assertThat(d.select("span[data-status]").eachAttr("data-value")).containsExactly("2", "0", "1");
        assertThat(d.selectFirst("table.inputs td").text()).isEqualTo("RDMT2106.dbc");
        assertThat(d.selectFirst("table.inputs code").text()).isEqualTo("ab".repeat(32));
    }

    @Test
    void theSituationsAddUpTheWeeksFactRows() throws IOException {
        Document d = latest(Locale.ENGLISH);
        assertThat(d.select("tr[data-situation=A] td").eachAttr("data-value")).containsExactly("6", "2300", "0");
        assertThat(d.select("tr[data-situation=B] td").eachAttr("data-value")).containsExactly("1", "200", "350");
        assertThat(d.select("tr[data-situation=C] td").eachAttr("data-value")).containsExactly("2", "0", "1500");
        assertThat(d.selectFirst("#reconciliation p.note").text()).contains("16.0%");
    }

    @Test
    void theIndicatorsAreSortedByRateWithTheirIntervals() throws IOException {
        Document d = latest(Locale.ENGLISH);
        assertThat(d.select("table.indicators tr[data-scope]").eachAttr("data-key"))
                .containsExactly("", ReportFolder.SCRIPT, "2252404");
        assertThat(d.select("table.indicators tr[data-key=2252404] td").get(4).text())
                .isEqualTo("[18.8%, 81.2%]");
        assertThat(d.select("#indicators g.ci")).hasSize(3);
    }

    @Test
    void aFolderLastWrittenWithTheOldNamesDrawsTheSamePage() throws IOException {
        Path folder = ReportFolder.write(dir);
        String current = HtmlReport.render(folder, null, Locale.ENGLISH);
        // glosa 0.1 called the table dim_cluster.csv and its id cluster_id; the page reads it unchanged on disk
        String groups = Files.readString(folder.resolve("dim_group.csv"));
        Files.writeString(folder.resolve("dim_cluster.csv"), groups.replaceFirst("group_id", "cluster_id"));
        Files.delete(folder.resolve("dim_group.csv"));
        String facts = Files.readString(folder.resolve("fact_glosa.csv"));
        Files.writeString(folder.resolve("fact_glosa.csv"), facts.replaceFirst("group_id", "cluster_id"));

        assertThat(HtmlReport.render(folder, null, Locale.ENGLISH)).isEqualTo(current);
        assertThat(folder.resolve("dim_group.csv")).doesNotExist();
    }

    @Test
    void theGroupsAreRankedByMoneyWithTheirKeysAndReasons() throws IOException {
        Document d = latest(Locale.ENGLISH);
        assertThat(d.select("li.group").eachAttr("data-group")).containsExactly("S1-G1", "S3-G1", "S1-G2");
        assertThat(d.select("li.group .amount").eachAttr("data-value")).containsExactly("1200", "900", "400");
        assertThat(d.selectFirst("li.group").text())
                .contains("hospital 2252404")
                .contains("050170: 66.7%")
                .contains("48.0%");
        // S1's groups differ most on DIAS_PERM (3 vs 9) and then glosa_amount, in units of each one's spread.
        assertThat(d.select("figure[data-segment=S1] figcaption").text()).contains("DIAS_PERM and glosa_amount");
    }

    @Test
    void aKeyWithANameInTheFoldersDimensionTableShowsByNameAndCode() throws IOException {
        Path folder = ReportFolder.write(dir);
        java.nio.file.Files.writeString(
                folder.resolve("dim_hospital.csv"), "hospital,name\n2252404,Hospital Santa Clara\n9999999,\n");
        Document d = Jsoup.parse(HtmlReport.render(folder, null, Locale.ENGLISH));
        assertThat(d.selectFirst("li.group").text()).contains("hospital Hospital Santa Clara (2252404)");
        assertThat(d.select("table.indicators tr[data-key=2252404] td").first().text())
                .isEqualTo("Hospital Santa Clara (2252404)");
        // a key with no name in the table, or no table, shows its code as before
        assertThat(d.select("li.group").get(1).text()).contains("hospital " + ReportFolder.SCRIPT);
    }

    @Test
    void weekOverWeekCountsNewKeptAndVanishedGroupsAndDrawsTheTrend() throws IOException {
        Document d = latest(Locale.ENGLISH);
        assertThat(d.selectFirst("dd[data-column=new]").text()).isEqualTo("1");
        assertThat(d.selectFirst("dd[data-column=kept]").text()).isEqualTo("2");
        assertThat(d.selectFirst("dd[data-column=vanished]").text()).isEqualTo("1");
        assertThat(d.select("ul.vanished li").text()).contains("S2-G1");
        assertThat(d.select("table.kept td").eachAttr("data-value")).contains("200", "-100");
        assertThat(d.select("svg.line circle")).hasSize(2);
    }

    @Test
    void aCategoryNamedScriptShowsAsTextAndThePageRunsNothing() throws IOException {
        String html = HtmlReport.render(ReportFolder.write(dir), null, Locale.ENGLISH);
        Document d = Jsoup.parse(html);
        assertThat(d.select("script")).isEmpty();
        assertThat(html).doesNotContain("<script");
        assertThat(d.select("li.group[data-group=S3-G1]").text())
                .contains("label " + ReportFolder.SCRIPT)
                .contains("specialty = " + ReportFolder.SCRIPT);
        assertThat(d.select("table.indicators").text()).contains(ReportFolder.SCRIPT);
    }

    @Test
    void thePageLoadsNothingFromOutside() throws IOException {
        Document d = latest(Locale.ENGLISH);
        assertThat(d.select("[src], link, img, iframe, object")).isEmpty();
        assertThat(d.select("style").html()).doesNotContain("url(").doesNotContain("@import");
        assertThat(d.select("a[href]").eachAttr("href")).allMatch(h -> h.startsWith("#"));
        assertThat(d.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .contains("default-src 'none'");
    }

    @Test
    void inPortugueseTheWordsAndTheNumbersArePortuguese() throws IOException {
        Document d = latest(HtmlReport.PT_BR);
        assertThat(d.selectFirst("html").attr("lang")).isEqualTo("pt-BR");
        assertThat(d.selectFirst("#groups h2").text()).isEqualTo("Grupos mais caros");
        assertThat(d.selectFirst("dd[data-column=glosa_total]").text()).isEqualTo("R$ 2.500,00");
    }

    @Test
    void anEarlierWeekIsTheFirstOfTheFolder() throws IOException {
        Document d = Jsoup.parse(
                HtmlReport.render(ReportFolder.write(dir), LocalDate.parse(ReportFolder.WEEK1), Locale.ENGLISH));
        assertThat(d.selectFirst("dd[data-column=glosa_total]").attr("data-value"))
                .isEqualTo("1800");
        assertThat(d.selectFirst("#week").text()).contains("first week");
        assertThat(d.select("svg.line circle")).hasSize(1);
    }

    @Test
    void aWeekTheFolderDoesNotHoldIsRefusedNamingTheWeeksItHolds() throws IOException {
        ReportFolder.write(dir);
        assertThatThrownBy(() -> HtmlReport.render(dir, LocalDate.parse("2026-11-30"), Locale.ENGLISH))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no run as of 2026-11-30")
                .hasMessageContaining(ReportFolder.WEEK1 + ", " + ReportFolder.WEEK2);
    }

    @Test
    void aFolderWithoutRunsIsRefused() {
        assertThatThrownBy(() -> HtmlReport.render(dir, null, Locale.ENGLISH))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("runs.csv: no run recorded");
    }

    @Test
    void writesTheSameBytesEachTimeThroughATemporaryFile() throws IOException {
        ReportFolder.write(dir);
        Path first = HtmlReport.write(dir, null, Locale.ENGLISH);
        byte[] a = Files.readAllBytes(first);
        byte[] b = Files.readAllBytes(HtmlReport.write(dir, null, Locale.ENGLISH));
        assertThat(b).isEqualTo(a);
        assertThat(first.getFileName()).hasToString("report.html");
        assertThat(dir.resolve("report.html.tmp")).doesNotExist();
    }
}
