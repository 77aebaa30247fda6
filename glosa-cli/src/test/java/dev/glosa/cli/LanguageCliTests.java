package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.run.CsvTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same run rendered in pt-BR and in English: words and number forms differ, groups and files do not. */
class LanguageCliTests {
    @TempDir
    Path dir;

    private CliRun demo(String lang, Path out, String asOf) {
        CliRun r = CliRun.of(
                "demo",
                "--rows",
                "3000",
                "--seed",
                "11",
                "--out",
                out.toString(),
                "--as-of",
                asOf,
                "--threads",
                "2",
                "--lang",
                lang);
        assertThat(r.status).as(r.toString()).isZero();
        return r;
    }

    @Test
    void bothLanguagesRenderTheSameTopTenWithNamesInTheirOwnWordsAndNumbers() throws IOException {
        CliRun pt = demo("pt-BR", dir.resolve("pt"), "2026-11-23");
        CliRun en = demo("en", dir.resolve("en"), "2026-11-23");

        assertThat(pt.out)
                .contains(
                        "Grupos de maior valor em glosa (10):",
                        "operadora",
                        "tipo de glosa",
                        "novo",
                        "do segmento",
                        "Hospital ",
                        "Procedimentos, UTI, OPM",
                        "Indicadores",
                        "contas",
                        "A glosada, nunca paga",
                        "B glosada, paga depois",
                        "C paga, nunca glosada",
                        "\ngeral ",
                        "Saídas para o Power BI em ");
        assertThat(en.out)
                .contains(
                        "Top groups by money at stake (10):",
                        "payer",
                        "glosa type",
                        "new",
                        "of the segment",
                        "Hospital ",
                        "Procedures, ICU, OPM",
                        "Indicators",
                        "claims",
                        "A rejected, never paid",
                        "\noverall ",
                        "Power BI outputs in ");
        assertThat(pt.out).doesNotContain("of the segment", "Top groups", "REJECTED", "\noverall");
        // Progress goes to standard error, worded in the run's language too.
        assertThat(pt.err).contains("agrupando ", " linhas (kmeans", "segmentos ", " decorrido ", ", falta ~");
        assertThat(pt.err).contains("gerando cerca de 3.000 AIHs simuladas do SIH (semente 11)", "RD ", " linhas, RJ ");
        assertThat(pt.err).doesNotContain("elapsed", "clustering ", "generating", " rows");
        assertThat(en.err)
                .contains(
                        "clustering ",
                        " rows (kmeans",
                        "segments ",
                        " elapsed ",
                        ", left ~",
                        "generating about 3,000 SIH-like claims (seed 11)");
        assertThat(en.out).doesNotContain("do segmento", "Grupos de maior");
        // pt-BR money: R$ 217.573,16; English: R$ 217,573.16; the same amounts in the same order
        List<String> ptAmounts = amounts(topRows(pt.out), "R\\$ ([0-9.]+,\\d\\d)");
        List<String> enAmounts = amounts(topRows(en.out), "R\\$ ([0-9,]+\\.\\d\\d)");
        assertThat(ptAmounts).hasSize(10);
        assertThat(ptAmounts.stream()
                        .map(a -> a.replace(".", "").replace(',', '.'))
                        .toList())
                .isEqualTo(enAmounts.stream().map(a -> a.replace(",", "")).toList());
        // the list is aligned: every row's amount ends in the same column
        List<String> rows = topRows(pt.out);
        assertThat(rows).hasSize(10);
        assertThat(rows.stream().map(l -> l.indexOf("% ")).distinct()).hasSize(1);

        // files keep machine formats and column names: the facts are the same bytes in both languages
        assertThat(Files.readString(dir.resolve("pt/fact_glosa.csv"), StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(dir.resolve("en/fact_glosa.csv"), StandardCharsets.UTF_8));
        String ptClusters = Files.readString(dir.resolve("pt/dim_group.csv"), StandardCharsets.UTF_8);
        assertThat(ptClusters.lines().findFirst())
                .isEqualTo(Files.readString(dir.resolve("en/dim_group.csv"))
                        .lines()
                        .findFirst());
        assertThat(ptClusters).contains("do segmento").doesNotContain("of the segment");
    }

    @Test
    void theSecondWeekSaysWhetherEachGroupIsNewKeptGrownOrShrunkWithTheChange() {
        demo("pt-BR", dir.resolve("w"), "2026-11-23");
        CliRun second = demo("pt-BR", dir.resolve("w"), "2026-11-30");
        List<String> rows = topRows(second.out);
        assertThat(rows).hasSize(10);
        // the same data a week later: every group is kept, with no change of money
        assertThat(rows).allSatisfy(l -> assertThat(l).contains("mantido +R$ 0,00"));
    }

    @Test
    void everyDimensionKeyAFactReferencesExistsAndTheDemoHospitalsHaveNames() throws IOException {
        Path out = dir.resolve("dims");
        demo("pt-BR", out, "2026-11-23");
        demo("pt-BR", out, "2026-11-30");
        CsvTable fact = CsvTable.read(out.resolve("fact_glosa.csv"));
        for (String[] link : new String[][] {
            {"hospital", "dim_hospital"},
            {"payer", "dim_payer"},
            {"glosa_type", "dim_glosa_type"},
            {"competence", "dim_date"},
            {"run_id", "dim_run"}
        }) {
            CsvTable dim = CsvTable.read(out.resolve(link[1] + ".csv"));
            List<String> keys = dim.column(link[0]);
            assertThat(keys).as(link[1] + " keys are unique").doesNotHaveDuplicates();
            assertThat(keys)
                    .as(link[1])
                    .containsAll(fact.distinct(link[0]).stream()
                            .filter(v -> !v.isEmpty())
                            .toList());
        }
        CsvTable hospitals = CsvTable.read(out.resolve("dim_hospital.csv"));
        assertThat(hospitals.column("name"))
                .allSatisfy(n -> assertThat(n).doesNotMatch("\\d+").matches("(Hospital|Santa Casa|Maternidade) .+"));
        CsvTable runs = CsvTable.read(out.resolve("dim_run.csv"));
        assertThat(runs.column("latest")).containsExactly("false", "true");
        CsvTable months = CsvTable.read(out.resolve("dim_date.csv"));
        assertThat(months.column("month_name")).contains("novembro");
    }

    @Test
    void anUnknownLanguageIsRefusedInOneLineNamingTheChoices() {
        CliRun r = CliRun.of("demo", "--rows", "300", "--out", dir.resolve("x").toString(), "--lang", "fr");
        assertThat(r.status).isEqualTo(2);
        assertThat(r.err)
                .containsAnyOf(
                        "--lang must be pt-BR or en, found 'fr'", "--lang deve ser pt-BR ou en, encontrado 'fr'");
    }

    /** The lines of the top list: a rank, then the columns. */
    private static List<String> topRows(String out) {
        return out.lines().filter(l -> l.matches("\\s+\\d+\\s{2}\\S.*R\\$.*")).toList();
    }

    /** The first amount of each row matching {@code regex}. */
    private static List<String> amounts(List<String> rows, String regex) {
        List<String> found = new ArrayList<>();
        Pattern p = Pattern.compile(regex);
        for (String row : rows) {
            Matcher m = p.matcher(row);
            if (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }
}
