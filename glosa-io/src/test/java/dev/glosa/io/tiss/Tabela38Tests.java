package dev.glosa.io.tiss;

import static dev.glosa.io.tiss.TissColumns.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tabela 38: the shipped table, newer tables from files, groups from the table and never from digits. */
class Tabela38Tests {

    @Test
    void theShippedTableHasTheLatestEditionAndTheRetiredTiss3CodesWithTheirOfficialGroups() {
        Tabela38 t = Tabela38.defaultTable();

        // 784 codes of the TUSS edition 202601 and 30 TISS 3 codes that edition dropped
        assertThat(t.size()).isEqualTo(814);
        assertThat(t.entries().stream().filter(Tabela38.Entry::inEdition).count())
                .isEqualTo(784);
        assertThat(t.groups())
                .hasSize(22)
                .contains(
                        "Elegibilidade",
                        "Guia",
                        "Autorização / Solicitação",
                        "Regra de Valorização",
                        "Procedimento",
                        "Diária",
                        "Material",
                        "Medicamento",
                        "Taxas e aluguéis",
                        "Honorários",
                        "Revisão de glosa",
                        "Odontologia",
                        "Mensagens de Sistema");
        assertThat(t.find("1001")).hasValueSatisfying(e -> {
            assertThat(e.group()).isEqualTo("Elegibilidade");
            assertThat(e.description()).isEqualTo("NÚMERO DA CARTEIRA INVÁLIDO");
            assertThat(e.validFrom()).isEqualTo(LocalDate.of(2006, 11, 16));
            assertThat(e.origin()).isEqualTo(Tabela38.ORIGIN_TISS3);
        });
        assertThat(t.find("1099")).hasValueSatisfying(e -> {
            assertThat(e.inEdition()).isFalse();
            assertThat(e.group()).isEqualTo("Elegibilidade");
        });
        assertThat(t.group("2107")).isEqualTo("Medicamento");
        assertThat(t.group("1714")).isEqualTo("Regra de Valorização");
    }

    @Test
    void everyCodeOfTheLatestEditionHasADescriptionButTheOneNoSourceDescribes() {
        Tabela38 t = Tabela38.defaultTable();

        // 5086 is in the edition's validity list (tabela38_vigencia_202601.csv, from 2022-10-01) but neither the FHIR
        // CodeSystem nor the 4.03 schema's dm_tipoGlosa describe it: it is shown by its code and group only
        assertThat(t.entries().stream()
                        .filter(Tabela38.Entry::inEdition)
                        .filter(e -> e.description().isBlank())
                        .map(Tabela38.Entry::code))
                .containsExactly("5086");
        assertThat(t.entries().stream().filter(Tabela38.Entry::inEdition).filter(e -> e.group() == null))
                .isEmpty();
    }

    @Test
    void theGroupComesFromTheTableWhereTheDigitsNoLongerTellIt() {
        Tabela38 t = Tabela38.defaultTable();

        // 10..29 used to be the group; from 30xx on the digits tell nothing
        assertThat(t.group("3001")).isEqualTo("Odontologia");
        assertThat(t.group("3099")).isEqualTo("Odontologia");
        assertThat(t.group("5001")).isEqualTo("Mensagens de Sistema");
        // 5063 is in Tabela 38 since 2022: the 50xx range of TISS 3
        assertThat(t.find("5063")).hasValueSatisfying(e -> {
            assertThat(e.group()).isEqualTo("Mensagens de Sistema");
            assertThat(e.origin()).isEqualTo(Tabela38.ORIGIN_RANGE);
            assertThat(e.description()).contains("CNPJ").contains("CNES");
        });
        // TISS 4 codes (31xx..33xx) have no official group: glosa's own, marked as such
        assertThat(t.find("3101")).hasValueSatisfying(e -> {
            assertThat(e.ownGroup()).isTrue();
            assertThat(e.group()).isNotNull();
        });
        // a code no table has has no group rather than a guessed one
        assertThat(t.group("3999")).isNull();
        assertThat(t.contains("3999")).isFalse();
        assertThat(t.find("3999")).isEmpty();
    }

    @Test
    void aNewerTableFileGivesThe31xxCodesTheirGroupAndValidity(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tabela38_v4.csv");
        Files.writeString(file, """
                grupo;codigo;descricao;inicio_vigencia;fim_vigencia
                Autorização / Solicitação;3101;Senha de autorização expirada;2021-01-01;
                Elegibilidade;1001;Número da carteira inválido;;
                Guia;3150;Texto antigo;2019-01-01;2022-12-31
                Pacotes;3150;Texto novo;2023-01-01;
                """, StandardCharsets.UTF_8);
        Tabela38 merged = Tabela38.defaultTable().updatedWith(Tabela38.load(file));

        assertThat(merged.group("3101")).isEqualTo("Autorização / Solicitação");
        assertThat(merged.find("3101"))
                .hasValueSatisfying(e -> assertThat(e.validFrom()).isEqualTo(LocalDate.of(2021, 1, 1)));
        assertThat(merged.find("3150", LocalDate.of(2020, 6, 1))).hasValueSatisfying(e -> {
            assertThat(e.group()).isEqualTo("Guia");
            assertThat(e.description()).isEqualTo("Texto antigo");
        });
        assertThat(merged.find("3150", LocalDate.of(2024, 6, 1)))
                .map(Tabela38.Entry::group)
                .hasValue("Pacotes");
        assertThat(merged.find("3150")).map(Tabela38.Entry::description).hasValue("Texto novo");
        // codes the newer file lacks keep the shipped entries
        assertThat(merged.group("2107")).isEqualTo("Medicamento");
        // 3101 and 3150 are in the shipped table already: replaced, not added
        assertThat(merged.size()).isEqualTo(Tabela38.defaultTable().size());
        assertThat(merged.source()).contains("tabela38_v4.csv");
    }

    @Test
    void aTussStyleLatin1FileWithoutGroupsKeepsTheGroupsOfTheOlderTable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tuss38.csv");
        Files.write(
                file,
                ("Código do Termo;Termo;Data de início de vigência;Data de fim de vigência;"
                                + "Data de fim de implantação\n"
                                + "1001;Número da carteira inválido (revisto);01/01/2015;;\n"
                                + "3960;Código novo sem grupo;01/04/2023;;\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        Tabela38 newer = Tabela38.load(file);
        Tabela38 merged = Tabela38.defaultTable().updatedWith(newer);

        assertThat(newer.group("1001")).isNull();
        assertThat(newer.find("1001"))
                .map(Tabela38.Entry::description)
                .hasValue("Número da carteira inválido (revisto)");
        assertThat(newer.find("1001")).map(Tabela38.Entry::validFrom).hasValue(LocalDate.of(2015, 1, 1));
        assertThat(merged.group("1001")).isEqualTo("Elegibilidade");
        assertThat(merged.group("3960")).isNull();
    }

    @Test
    void aFileWithoutACodeColumnOrWithABadCodeIsRefusedNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path noCode = dir.resolve("nocode.csv");
        Files.writeString(noCode, "grupo;descricao\nGuia;x\n");
        Path badCode = dir.resolve("badcode.csv");
        Files.writeString(badCode, "grupo;codigo;descricao\nGuia;1301;ok\nGuia;13O2;letter O\n");
        Path overlap = dir.resolve("overlap.csv");
        Files.writeString(overlap, "codigo;grupo\n1001;Guia\n1001;Guia\n");

        assertThatThrownBy(() -> Tabela38.load(noCode))
                .isInstanceOf(TissFormatException.class)
                .hasMessageContaining("nocode.csv:1: a Tabela 38 header needs a code column");
        assertThatThrownBy(() -> Tabela38.load(badCode))
                .isInstanceOf(TissFormatException.class)
                .hasMessageContaining("badcode.csv:3:2: column 'codigo' must hold digits; found '13O2'");
        assertThatThrownBy(() -> Tabela38.load(overlap))
                .isInstanceOf(TissFormatException.class)
                .hasMessageContaining("code 1001 appears twice");
    }

    @Test
    void quotedCellsMayHoldTheDelimiter(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("quoted.csv");
        Files.writeString(
                file,
                "codigo,grupo,descricao\n1702,Regra de Valorização,\"Cobrança em duplicidade, "
                        + "\"\"mesma guia\"\"\"\n");

        assertThat(Tabela38.load(file).find("1702"))
                .map(Tabela38.Entry::description)
                .hasValue("Cobrança em duplicidade, \"mesma guia\"");
    }

    @Test
    void theReaderReportsCodesTheTableLacksAndANewerTableFixesThem(@TempDir Path dir) throws Exception {
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
                                TissTestData.item(1, "22", "10101012", "100.00", "100.00", "60.00", "40.00", "3999"),
                                TissTestData.totals("Guia", "100.00", "100.00", "60.00", "40.00")),
                        TissTestData.totals("Protocolo", "100.00", "100.00", "60.00", "40.00")),
                TissTestData.geral("100.00", "100.00", "60.00", "40.00"));
        TissInput in = TissTestData.input("new-code.xml", xml);

        TissReadResult shipped = TissTestData.read(in);
        GlosaTable t = shipped.table();
        assertThat(t.category(REASON_GROUP).get(0)).isEqualTo(GROUP_UNKNOWN);
        assertThat(t.category(Role.GLOSA_TYPE).get(0)).isEqualTo(GlosaTypeMapping.INDEFINIDA);
        assertThat(shipped.report().unknownReasonCodes()).containsEntry("3999", 1);

        Path file = dir.resolve("t38.csv");
        Files.writeString(file, "grupo;codigo;descricao\nAutorização / Solicitação;3999;Senha expirada\n");
        TissReadResult updated = TissTestData.read(
                TissOptions.defaults().withTabela38(Tabela38.defaultTable().updatedWith(Tabela38.load(file))), in);
        GlosaTable u = updated.table();
        assertThat(u.category(REASON_GROUP).get(0)).isEqualTo("Autorização / Solicitação");
        assertThat(u.category(REASON_DESCRIPTION).get(0)).isEqualTo("Senha expirada");
        assertThat(u.category(Role.GLOSA_TYPE).get(0)).isEqualTo(GlosaTypeMapping.ADMINISTRATIVA);
        assertThat(updated.report().unknownReasonCodes()).isEmpty();
    }
}
