package dev.glosa.io.tiss;

import static dev.glosa.io.tiss.TissColumns.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TISS 4.03.00: a file built from the shared 4.01 sample with what 4.03 allows (ten-digit amounts, centroConsumo,
 * observacao, an alphanumeric CNPJ, protocol status 10, a 50xx code), validated offline against the 4.03 schemas of
 * the shared data and read; and the shipped Tabela 38 against the edition it was built from.
 */
class Tiss403Tests {

    /** The shared 4.01 sample turned into a 4.03 message. */
    static String sample403(Path tiss) throws java.io.IOException {
        String xml = Files.readString(
                tiss.resolve("sample_demonstrativoAnaliseConta_v4_01_00_SYNTHETIC.xml"), StandardCharsets.ISO_8859_1);
        xml = replace(xml, "<ans:Padrao>4.01.00</ans:Padrao>", "<ans:Padrao>4.03.00</ans:Padrao>");
        xml = replace(
                xml,
                "<ans:dadosContratado><ans:codigoPrestadorNaOperadora>12345678"
                        + "</ans:codigoPrestadorNaOperadora></ans:dadosContratado>",
                "<ans:dadosContratado><ans:cnpjContratado>12ABC345000198</ans:cnpjContratado></ans:dadosContratado>");
        xml = replace(
                xml,
                "<ans:situacaoProtocolo>3</ans:situacaoProtocolo>",
                "<ans:situacaoProtocolo>10</ans:situacaoProtocolo>");
        // item 1: eight integer digits (st_decimal10-2), consumption centre 6 (centro cirúrgico)
        xml = replace(xml, "<ans:valorInformado>1500.00<", "<ans:valorInformado>98765432.10<");
        xml = replace(xml, "<ans:valorProcessado>1500.00<", "<ans:valorProcessado>98765432.10<");
        xml = replace(
                xml,
                "<ans:valorLiberado>1500.00</ans:valorLiberado>",
                "<ans:valorLiberado>98765432.10</ans:valorLiberado><ans:centroConsumo>6</ans:centroConsumo>");
        xml = replace(xml, "</ans:relacaoGlosa>", "</ans:relacaoGlosa><ans:centroConsumo>5</ans:centroConsumo>");
        xml = replace(
                xml,
                "<ans:valorInformadoGuia>1800.00</ans:valorInformadoGuia>\n"
                        + "              <ans:valorProcessadoGuia>1800.00</ans:valorProcessadoGuia>\n"
                        + "              <ans:valorLiberadoGuia>1680.00</ans:valorLiberadoGuia>\n"
                        + "              <ans:valorGlosaGuia>120.00</ans:valorGlosaGuia>",
                "<ans:valorInformadoGuia>98765732.10</ans:valorInformadoGuia>"
                        + "<ans:valorProcessadoGuia>98765732.10</ans:valorProcessadoGuia>"
                        + "<ans:valorLiberadoGuia>98765612.10</ans:valorLiberadoGuia>"
                        + "<ans:valorGlosaGuia>120.00</ans:valorGlosaGuia>"
                        + "<ans:observacao>Conta revista; paciente Maria da Silva</ans:observacao>");
        xml = replace(
                xml,
                "<ans:codigoGlosa>1001</ans:codigoGlosa>\n"
                        + "                <ans:descricaoGlosa>NUMERO DA CARTEIRA INVALIDO</ans:descricaoGlosa>",
                "<ans:codigoGlosa>5063</ans:codigoGlosa>");
        for (String level : List.of("Protocolo", "Geral")) {
            xml = replace(
                    xml, "<ans:valorInformado" + level + ">2050.00", "<ans:valorInformado" + level + ">98765982.10");
            xml = replace(
                    xml, "<ans:valorProcessado" + level + ">2050.00", "<ans:valorProcessado" + level + ">98765982.10");
            xml = replace(
                    xml, "<ans:valorLiberado" + level + ">1680.00", "<ans:valorLiberado" + level + ">98765612.10");
        }
        xml = replace(
                xml,
                "<ans:valorGlosaGeral>370.00</ans:valorGlosaGeral>",
                "<ans:valorGlosaGeral>370.00</ans:valorGlosaGeral><ans:observacao>Observação do demonstrativo"
                        + "</ans:observacao>");
        return xml;
    }

    private static String replace(String xml, String from, String to) {
        assertThat(xml).as("the shared sample changed: cannot find %s", from).contains(from);
        return xml.replace(from, to);
    }

    @Test
    void aFileWithWhat403AddsValidatesOfflineAgainstThe403SchemasAndNotAgainst401() throws Exception {
        Path tiss = TissTestData.tissDir();
        TissInput in = TissTestData.input("dac403.xml", sample403(tiss), StandardCharsets.ISO_8859_1);

        // 5063 is not in the schema's dm_tipoGlosa but is in Tabela 38: not an error
        assertThat(TissSchemaValidator.fromDirectory(tiss.resolve("v4_03_00")).validate(in))
                .isEmpty();
        String unknownCode = sample403(tiss).replace(">5063<", ">5099<");
        assertThat(TissSchemaValidator.fromDirectory(tiss.resolve("v4_03_00"))
                        .validate(TissTestData.input("retired.xml", unknownCode, StandardCharsets.ISO_8859_1)))
                .anyMatch(e -> e.contains("'5099'"));
        String as401 = sample403(tiss).replace("<ans:Padrao>4.03.00", "<ans:Padrao>4.01.00");
        assertThat(TissSchemaValidator.fromDirectory(tiss)
                        .validate(TissTestData.input("as401.xml", as401, StandardCharsets.ISO_8859_1)))
                .isNotEmpty();
    }

    @Test
    void whatA403FileAddsIsKeptAsColumnsAndTenDigitAmountsAreReadExactly() throws Exception {
        Path tiss = TissTestData.tissDir();
        TissReadResult result =
                TissTestData.read(TissTestData.input("dac403.xml", sample403(tiss), StandardCharsets.ISO_8859_1));
        GlosaTable t = result.table();

        assertThat(result.report().mismatches()).isEmpty();
        assertThat(result.report().unknownReasonCodes()).isEmpty();
        assertThat(result.report().files().get(0).version()).isEqualTo("4.03.00");
        assertThat(t.category(TISS_VERSION).get(0)).isEqualTo("4.03.00");
        assertThat(t.doubles(Role.BILLED_AMOUNT.column()).get(0)).isEqualTo(98765432.10);
        assertThat(TissTestData.sum(t, Role.BILLED_AMOUNT.column())).isEqualTo(98765982.10);
        assertThat(TissTestData.sum(t, Role.PAID_AMOUNT.column())).isEqualTo(98765612.10);
        assertThat(column(t, CONSUMPTION_CENTRE)).containsExactly("6", "5", null);
        assertThat(column(t, CONSUMPTION_CENTRE_NAME)).containsExactly("Centro Cirúrgico", "UTI", null);
        assertThat(column(t, GUIDE_OBSERVATION))
                .containsExactly(
                        "Conta revista; paciente Maria da Silva", "Conta revista; paciente Maria da Silva", null);
        assertThat(column(t, STATEMENT_OBSERVATION)).containsOnly("Observação do demonstrativo");
        assertThat(column(t, PROTOCOL_STATUS)).containsOnly("10");
        assertThat(column(t, PROVIDER_CODE)).containsOnly("12ABC345000198");
        assertThat(column(t, HOSPITAL)).containsOnly("1234567");
        // 5063 (par CNPJ x CNES não encontrado) is named and grouped, not "Desconhecido"/"indefinida"
        assertThat(column(t, REASON_CODE).get(2)).isEqualTo("5063");
        assertThat(column(t, REASON_GROUP).get(2)).isEqualTo("Mensagens de Sistema");
        assertThat(column(t, REASON_DESCRIPTION).get(2)).contains("CNES");
        assertThat(column(t, Role.GLOSA_TYPE.column()).get(2)).isEqualTo(GlosaTypeMapping.ADMINISTRATIVA);
    }

    @Test
    void everyCodeOfTheLatestEditionResolvesToItsValidityAndADescription() throws Exception {
        Path tiss = TissTestData.tissDir();
        Tabela38 shipped = Tabela38.defaultTable();
        List<String> lines = Files.readAllLines(tiss.resolve("tabela38_vigencia_202601.csv"));
        List<String> withoutDescription = new ArrayList<>();
        int codes = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";", -1);
            Tabela38.Entry e = shipped.find(f[0]).orElseThrow(() -> new AssertionError("code " + f[0] + " missing"));
            assertThat(e.inEdition()).as(f[0]).isTrue();
            assertThat(e.validFrom()).as(f[0]).isEqualTo(LocalDate.parse(f[1]));
            assertThat(e.validTo()).as(f[0]).isEqualTo(f[2].isEmpty() ? null : LocalDate.parse(f[2]));
            assertThat(e.group()).as(f[0]).isNotNull();
            if (e.description().isEmpty()) {
                withoutDescription.add(f[0]);
            }
            codes++;
        }
        assertThat(codes).isEqualTo(784);
        // 5086 is described by none of the three ANS sources in the shared data (FHIR 202309, the 4.03 schema's
        // comments, the TISS 3 table); a file's descricaoGlosa names it when the operator sends one
        assertThat(withoutDescription).containsExactly("5086");
        assertThat(shipped.entries().stream().filter(x -> x.validTo() != null).count())
                .isEqualTo(314);
    }

    @Test
    void aCodeUsedAfterItsEndOrRetiredIsCountedNotSilentlyIndefinida() throws Exception {
        // 1003 ends on 2026-06-30; 1099 ("outros") is a TISS 3 code the 202601 edition dropped
        String xml = TissTestData.demonstrativo(
                        "345678",
                        "7654321",
                        TissTestData.protocol(
                                "P1",
                                "2026-07-05",
                                null,
                                TissTestData.guide(
                                        "G1",
                                        new String[0],
                                        TissTestData.item(
                                                1,
                                                "22",
                                                "10101012",
                                                "100.00",
                                                "100.00",
                                                "50.00",
                                                "40.00",
                                                "1003",
                                                "10.00",
                                                "1099"),
                                        TissTestData.totals("Guia", "100.00", "100.00", "50.00", "50.00")),
                                TissTestData.totals("Protocolo", "100.00", "100.00", "50.00", "50.00")),
                        TissTestData.geral("100.00", "100.00", "50.00", "50.00"))
                .replace("2025-03-10", "2026-07-10");
        TissReadResult late = TissTestData.read(TissTestData.input("late.xml", xml));
        TissReadResult inTime =
                TissTestData.read(TissTestData.input("in-time.xml", xml.replace("2026-07-10", "2026-06-10")));

        assertThat(late.report().expiredReasonCodes()).containsExactly(java.util.Map.entry("1003", 1));
        assertThat(late.report().retiredReasonCodes()).containsExactly(java.util.Map.entry("1099", 1));
        assertThat(late.report().clean()).isFalse();
        assertThat(column(late.table(), REASON_GROUP)).containsExactly("Elegibilidade", "Elegibilidade");
        assertThat(inTime.report().expiredReasonCodes()).isEmpty();
    }

    private static List<String> column(GlosaTable t, String name) {
        CategoryColumn c = t.category(name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            out.add(c.get(i));
        }
        return out;
    }
}
