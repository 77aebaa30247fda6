package dev.glosa.io.tiss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.table.GlosaTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drafting a 4.03 recursoGlosa for chosen glosa rows: texts from the user's file only, the draft valid against the
 * 4.03 schemas offline, and read back it appeals the rows it was drawn from.
 */
class AppealDraftTests {

    @Test
    void aDraftForChosenRowsValidatesAgainst403AndListsTheCodesWithoutText(@TempDir Path dir) throws Exception {
        Path tiss = TissTestData.tissDir();
        GlosaTable t = TissTestData.read(TissTestData.input("demo.xml", TissAppealTests.DEMO))
                .table();
        Path texts = dir.resolve("justificativas.csv");
        Files.writeString(texts, """
                codigo;justificativa
                1801;Procedimento realizado conforme prescrição médica anexa
                2107;Quantidade administrada conforme prescrição e checagem de enfermagem
                1001;Carteira válida na data do atendimento
                """, StandardCharsets.UTF_8);

        // rows: 1801, 2107, 1714 (items), 1001 (whole guide), 1101 (protocol)
        AppealDraft.Result result = AppealDraft.write(
                t,
                new int[] {0, 1, 2, 3, 4},
                AppealDraft.readJustifications(texts),
                new AppealDraft.Sender("PRE1", LocalDate.of(2025, 4, 2), "RG-7"),
                dir.resolve("out"));

        assertThat(result.files())
                .singleElement()
                .satisfies(f -> assertThat(f.getFileName().toString()).isEqualTo("recurso_345678_123456.xml"));
        assertThat(result.rowsDrafted()).isEqualTo(3);
        // the protocol's own glosa (1101) has no text here: listed, not drafted
        assertThat(result.codesWithoutText()).containsOnly(Map.entry("1714", 1), Map.entry("1101", 1));
        assertThat(result.leftOut()).isEmpty();
        String xml = Files.readString(result.files().get(0), StandardCharsets.ISO_8859_1);
        assertThat(xml)
                .contains("<ans:Padrao>4.03.00</ans:Padrao>")
                .contains("prescrição médica anexa")
                .contains("<ans:valorTotalRecursado>220.00</ans:valorTotalRecursado>")
                .doesNotContain("1714");
        assertThat(TissSchemaValidator.fromDirectory(tiss.resolve("v4_03_00"))
                        .validate(result.files().get(0)))
                .isEmpty();

        TissReadResult back = TissTestData.read(
                TissTestData.input("demo.xml", TissAppealTests.DEMO),
                TissInput.of(result.files().get(0)));
        assertThat(back.report().appealsMatched()).isEqualTo(3);
        assertThat(back.table().longs(TissColumns.APPEALED).values()).containsExactly(1, 1, 0, 1, 0);
        assertThat(back.table().dates(TissColumns.APPEAL_DATE).get(0)).isEqualTo(LocalDate.of(2025, 4, 2));
    }

    @Test
    void aProtocolsOwnGlosaGetsARecursoProtocoloThatValidatesAndReadsBackAsAppealed(@TempDir Path dir)
            throws Exception {
        Path tiss = TissTestData.tissDir();
        GlosaTable t = TissTestData.read(TissTestData.input("demo.xml", TissAppealTests.DEMO))
                .table();
        Path texts = dir.resolve("justificativas.csv");
        Files.writeString(
                texts,
                "codigo;justificativa\n1101;Protocolo enviado dentro do prazo contratual, comprovante anexo\n",
                StandardCharsets.UTF_8);

        // row 4 is the protocol's own glosa, 1101 = 500
        AppealDraft.Result result = AppealDraft.write(
                t,
                new int[] {4},
                AppealDraft.readJustifications(texts),
                new AppealDraft.Sender("PRE1", LocalDate.of(2025, 4, 2), "RG-8"),
                dir.resolve("out"));

        assertThat(result.rowsDrafted()).isEqualTo(1);
        assertThat(result.files())
                .singleElement()
                .satisfies(f ->
                        assertThat(f.getFileName().toString()).isEqualTo("recurso_345678_123457_protocolo_1101.xml"));
        String xml = Files.readString(result.files().get(0), StandardCharsets.ISO_8859_1);
        assertThat(xml)
                .contains("<ans:objetoRecurso>1</ans:objetoRecurso>")
                .contains("<ans:codigoGlosaProtocolo>1101</ans:codigoGlosaProtocolo>")
                .contains("<ans:valorTotalRecursado>500.00</ans:valorTotalRecursado>")
                .doesNotContain("recursoGuia");
        assertThat(TissSchemaValidator.fromDirectory(tiss.resolve("v4_03_00"))
                        .validate(result.files().get(0)))
                .isEmpty();

        TissReadResult back = TissTestData.read(
                TissTestData.input("demo.xml", TissAppealTests.DEMO),
                TissInput.of(result.files().get(0)));
        assertThat(back.table().longs(TissColumns.APPEALED).values()).containsExactly(0, 0, 0, 0, 1);
    }

    @Test
    void a403ItemKeepsItsConsumptionCentreInTheDraft(@TempDir Path dir) throws Exception {
        Path tiss = TissTestData.tissDir();
        String sample =
                Tiss403Tests.sample403(tiss).replace("<ans:numeroProtocolo>P000998877", "<ans:numeroProtocolo>998877");
        GlosaTable t = TissTestData.read(TissTestData.input("dac403.xml", sample, StandardCharsets.ISO_8859_1))
                .table();

        AppealDraft.Result result = AppealDraft.write(
                t,
                new int[] {1, 2},
                Map.of("2107", "Dose prescrita", "5063", "CNES e CNPJ conferem no cadastro"),
                new AppealDraft.Sender("12345678", LocalDate.of(2025, 4, 2), "RG-8"),
                dir);

        assertThat(result.rowsDrafted()).isEqualTo(2);
        assertThat(Files.readString(result.files().get(0), StandardCharsets.ISO_8859_1))
                .contains("<ans:centroConsumo>5</ans:centroConsumo><ans:codGlosaItem>2107</ans:codGlosaItem>")
                .contains("<ans:codGlosaGuia>5063</ans:codGlosaGuia>");
        // 5063 is missing from the schema's list but in Tabela 38: the draft is valid
        assertThat(TissSchemaValidator.fromDirectory(tiss.resolve("v4_03_00"))
                        .validate(result.files().get(0)))
                .isEmpty();
    }

    @Test
    void aJustificationFileWithAnOverlongTextIsRefusedNamingTheLine(@TempDir Path dir) throws Exception {
        Path texts = dir.resolve("j.csv");
        Files.writeString(texts, "codigo;justificativa\n1801;ok\n2107;" + "x".repeat(501) + "\n");

        assertThatThrownBy(() -> AppealDraft.readJustifications(texts))
                .isInstanceOf(TissFormatException.class)
                .hasMessageContaining("j.csv:3:2")
                .hasMessageContaining("2107")
                .hasMessageContaining("500");
    }
}
