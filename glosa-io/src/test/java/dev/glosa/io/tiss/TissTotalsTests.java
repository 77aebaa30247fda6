package dev.glosa.io.tiss;

import static dev.glosa.io.tiss.TissColumns.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import dev.glosa.io.tiss.TissGenerator.Shape;
import dev.glosa.io.tiss.TissGenerator.Spec;
import org.junit.jupiter.api.Test;

/** Declared totals are checked against their rows; differences are reported, never fatal. */
class TissTotalsTests {

    @Test
    void guidesWhoseTotalsDoNotAddUpAreReportedOneMismatchEach() throws Exception {
        Spec spec = Spec.of("3.05.00", Shape.MULTI_GLOSA, 17).withSize(5, 4, 3).withBrokenTotals(0.4);
        TissGenerator.Summary expected = TissGenerator.summary(spec);
        TissReadResult result = TissTestData.read(TissInput.of("broken.xml", () -> TissGenerator.open(spec)));

        assertThat(expected.brokenGuides()).isPositive();
        assertThat(result.report().mismatches())
                .hasSize(expected.brokenGuides())
                .allSatisfy(m -> {
                    assertThat(m.level()).isEqualTo(TissLevel.GUIDE);
                    assertThat(m.measure()).isEqualTo("billed");
                    assertThat(m.difference()).isEqualTo(1.0);
                    assertThat(m.file()).isEqualTo("broken.xml");
                    assertThat(m.key()).startsWith("statement DAC-17 / protocol P0000000");
                });
        // the rows keep what the items say
        assertThat(result.table().rowCount()).isEqualTo(expected.rows());
        assertThat(TissTestData.sum(result.table(), BILLED_AMOUNT)).isEqualTo(expected.billed());
        assertThat(result.report().clean()).isFalse();
    }

    @Test
    void eachLevelIsCheckedAgainstTheRowsUnderIt() throws Exception {
        String xml = TissTestData.demonstrativo(
                "345678",
                "7654321",
                TissTestData.protocol(
                        "P1",
                        "2025-02-05",
                        null,
                        TissTestData.guide(
                                        "G1",
                                        new String[0],
                                        TissTestData.item(
                                                1, "22", "10101012", "100.00", "100.00", "70.00", "30.00", "1801"),
                                        TissTestData.totals("Guia", "100.00", "100.00", "70.00", "30.00"))
                                + TissTestData.guide(
                                        "G2",
                                        new String[0],
                                        TissTestData.item(1, "22", "40304361", "50.00", "50.00", "50.00"),
                                        TissTestData.totals("Guia", "50.00", "50.00", "50.00", "0.00")),
                        // protocol claims 160 billed and 40 glosa: 10 more each than its guides
                        TissTestData.totals("Protocolo", "160.00", "150.00", "120.00", "40.00")),
                // demonstrativo claims 120 paid (right) but 150.01 processed (wrong)
                TissTestData.geral("150.00", "150.01", "120.00", "30.00"));
        TissReadResult result = TissTestData.read(TissTestData.input("levels.xml", xml));
        TissReadReport report = result.report();

        assertThat(report.mismatches(TissLevel.GUIDE)).isEmpty();
        assertThat(report.mismatches(TissLevel.PROTOCOL))
                .extracting(
                        TissReadReport.Mismatch::measure,
                        TissReadReport.Mismatch::declared,
                        TissReadReport.Mismatch::computed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("billed", 160.0, 150.0),
                        org.assertj.core.groups.Tuple.tuple("glosa", 40.0, 30.0));
        assertThat(report.mismatches(TissLevel.STATEMENT)).singleElement().satisfies(m -> {
            assertThat(m.measure()).isEqualTo("processed");
            assertThat(m.difference()).isEqualTo(0.01);
            assertThat(m.key()).isEqualTo("statement D1");
            assertThat(m.line()).isPositive();
        });
        assertThat(result.table().rowCount()).isEqualTo(2);
    }

    @Test
    void aToleranceSilencesSmallDifferences() throws Exception {
        String xml = TissTestData.demonstrativo(
                "345678",
                "7654321",
                TissTestData.protocol(
                        "P1",
                        "2025-02-05",
                        null,
                        TissTestData.guide(
                                "G1",
                                new String[0],
                                TissTestData.item(1, "22", "10101012", "100.00", "100.00", "100.00"),
                                TissTestData.totals("Guia", "100.02", "100.00", "100.00", null)),
                        TissTestData.totals("Protocolo", "100.00", "100.00", "100.00", null)),
                TissTestData.geral("100.00", "100.00", "100.00", null));
        TissInput in = TissTestData.input("cents.xml", xml);

        assertThat(TissTestData.read(in).report().mismatches()).hasSize(1);
        assertThat(TissTestData.read(TissOptions.defaults().withTotalsTolerance(0.05), in)
                        .report()
                        .mismatches())
                .isEmpty();
    }

    @Test
    void anItemWhoseCodesDoNotMatchItsDenialIsReportedAtItemLevel() throws Exception {
        String xml = TissTestData.demonstrativo(
                "345678",
                "7654321",
                TissTestData.protocol(
                        "P1",
                        "2025-02-05",
                        null,
                        TissTestData.guide(
                                "G1",
                                new String[0],
                                TissTestData.item(7, "22", "10101012", "100.00", "100.00", "60.00", "30.00", "1801"),
                                TissTestData.totals("Guia", "100.00", "100.00", "60.00", null)),
                        TissTestData.totals("Protocolo", "100.00", "100.00", "60.00", null)),
                TissTestData.geral("100.00", "100.00", "60.00", null));
        TissReadReport report =
                TissTestData.read(TissTestData.input("item.xml", xml)).report();

        assertThat(report.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.level()).isEqualTo(TissLevel.ITEM);
            assertThat(m.key()).endsWith("guide (shape A9, value masked) / item 7");
            assertThat(m.declared()).isEqualTo(30.0);
            assertThat(m.computed()).isEqualTo(40.0);
        });
    }

    @Test
    void aValorizacaoCutCodedAgainstTheBilledAmountIsNotAMismatch() throws Exception {
        // informado 300, processado (table price) 250, liberado 250, glosa 50 coded against informado
        String xml = TissTestData.demonstrativo(
                "345678",
                "7654321",
                TissTestData.protocol(
                        "P1",
                        "2025-02-05",
                        null,
                        TissTestData.guide(
                                "G1",
                                new String[0],
                                TissTestData.item(1, "22", "10101012", "300.00", "250.00", "250.00", "50.00", "1714"),
                                TissTestData.totals("Guia", "300.00", "250.00", "250.00", "50.00")),
                        TissTestData.totals("Protocolo", "300.00", "250.00", "250.00", "50.00")),
                TissTestData.geral("300.00", "250.00", "250.00", "50.00"));

        assertThat(TissTestData.read(TissTestData.input("valorizacao.xml", xml))
                        .report()
                        .mismatches())
                .isEmpty();
    }

    @Test
    void glosasWithoutAnyReasonCodeKeepTheirMoneyAndAreReported() throws Exception {
        String xml = TissTestData.demonstrativo(
                "345678",
                null,
                TissTestData.protocol(
                        "P1",
                        "2025-02-05",
                        null,
                        TissTestData.guide(
                                        "G9",
                                        new String[0],
                                        "",
                                        TissTestData.totals("Guia", "80.00", "80.00", "0.00", "80.00"))
                                + TissTestData.guide(
                                        "G10",
                                        new String[0],
                                        TissTestData.item(1, "22", "10101012", "20.00", "20.00", "5.00"),
                                        TissTestData.totals("Guia", "20.00", "20.00", "5.00", null)),
                        TissTestData.totals("Protocolo", "100.00", "100.00", "5.00", "80.00")),
                TissTestData.geral("100.00", "100.00", "5.00", null));
        TissReadResult result = TissTestData.read(TissTestData.input("uncoded.xml", xml));
        GlosaTable t = result.table();

        assertThat(t.category(GLOSA_LEVEL).get(0)).isEqualTo("guide");
        assertThat(t.doubles(Role.GLOSA_AMOUNT).get(0)).isEqualTo(80.0);
        assertThat(t.category(REASON_GROUP).get(0)).isEqualTo(GROUP_UNCODED);
        assertThat(t.category(Role.GLOSA_TYPE).get(0)).isEqualTo(GlosaTypeMapping.INDEFINIDA);
        assertThat(t.category(Role.HOSPITAL).get(0)).isEqualTo("PRE1");
        assertThat(result.report().warnings()).hasSize(2);
        assertThat(result.report().warnings().get(0))
                .startsWith("uncoded.xml:")
                .contains("guide (shape A9, value masked): glosa of 80.0 given without any reason code");
        assertThat(result.report().warnings().get(1))
                .contains("guide (shape A99, value masked): items were denied 15.0");
    }

    @Test
    void warningsBeyondTheLimitAreCountedNotKept() throws Exception {
        StringBuilder guides = new StringBuilder();
        for (int g = 0; g < 5; g++) {
            guides.append(TissTestData.guide(
                    "G" + g, new String[0], "", TissTestData.totals("Guia", "10.00", "10.00", "0.00", "10.00")));
        }
        String xml = TissTestData.demonstrativo(
                "345678",
                "7654321",
                TissTestData.protocol(
                        "P1",
                        "2025-02-05",
                        null,
                        guides.toString(),
                        TissTestData.totals("Protocolo", "50.00", "50.00", "0.00", "50.00")),
                TissTestData.geral("50.00", "50.00", "0.00", "50.00"));
        TissReadReport report = TissTestData.read(
                        TissOptions.defaults().withMaxWarnings(2), TissTestData.input("many.xml", xml))
                .report();

        assertThat(report.warnings()).hasSize(2);
        assertThat(report.warningsDropped()).isEqualTo(3);
    }

    @Test
    void anOperatorErrorMessageAndOtherMessagesAreReportedNotRead() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <ans:mensagemTISS xmlns:ans="http://www.ans.gov.br/padroes/tiss/schemas">
                  <ans:cabecalho><ans:Padrao>4.01.00</ans:Padrao></ans:cabecalho>
                  <ans:operadoraParaPrestador><ans:demonstrativosRetorno>
                    <ans:mensagemErro><ans:codigoGlosa>5002</ans:codigoGlosa>
                      <ans:descricaoGlosa>Não foi possível validar o arquivo XML</ans:descricaoGlosa></ans:mensagemErro>
                  </ans:demonstrativosRetorno></ans:operadoraParaPrestador>
                </ans:mensagemTISS>
                """;
        TissReadResult result =
                TissTestData.read(TissTestData.input("erro.xml", xml, java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(result.table().rowCount()).isZero();
        assertThat(result.report().files().get(0).kind()).isEqualTo(TissReadReport.FileKind.OTHER);
        assertThat(result.report().warnings())
                .anySatisfy(w -> assertThat(w)
                        .contains("error message instead of data: code 5002 (Não foi possível validar o arquivo XML)"));
    }
}
