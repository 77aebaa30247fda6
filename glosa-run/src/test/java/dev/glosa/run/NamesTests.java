package dev.glosa.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.text.KeyNames;
import dev.glosa.core.text.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamesTests {
    @TempDir
    Path dir;

    private static GlosaTable sus() {
        return GlosaTable.of(
                CategoryColumn.of("hospital", "2077485", "2077485"),
                CategoryColumn.of("glosa_type", "06", "05"),
                CategoryColumn.of("reason_code", "060001", "9999"),
                CategoryColumn.of("DIAG_PRINC", "O800", "J189"));
    }

    @Test
    void glosaNamesSihGlosaTypesInTheRunsLanguageAndReasonsAndChaptersFromItsTables() {
        KeyNames pt = Names.known(sus(), Language.PT_BR);
        KeyNames en = Names.known(sus(), Language.EN);
        assertThat(pt.display("glosa_type", "06")).isEqualTo("Procedimentos, UTI, OPM");
        assertThat(en.display("glosa_type", "06")).isEqualTo("Procedures, ICU, OPM");
        assertThat(pt.name(Names.GLOSA_TYPE_GROUP, "06")).startsWith("CRITICA PROCEDIMENTOS");
        assertThat(pt.name("reason_code", "060001")).isNotBlank();
        assertThat(pt.display("reason_code", "9999")).isEqualTo("9999");
        assertThat(pt.display("DIAG_PRINC", "O800")).isEqualTo("XV Gravidez, parto e puerpério");
        assertThat(pt.display("hospital", "2077485")).isEqualTo("2077485");
    }

    @Test
    void dimensionFilesNameAnyKeyAndWinOverWhatGlosaKnows() throws IOException {
        Path hospitals = Files.writeString(
                dir.resolve("hospitais.csv"),
                "\uFEFFcnes;nome\n2077485;\"Hospital São Lucas; unidade 2\"\n",
                StandardCharsets.UTF_8);
        Path types = Files.writeString(dir.resolve("tipos.csv"), "code,name,group\n06,Procedimentos e OPM,Técnica\n");
        KeyNames files = Names.dimensionFiles(
                Map.of("hospital", hospitals.toString(), "glosa_type", types.toString()), Language.PT_BR);
        KeyNames all = Names.known(sus(), Language.PT_BR).and(files);
        assertThat(all.display("hospital", "2077485")).isEqualTo("Hospital São Lucas; unidade 2");
        assertThat(all.display("glosa_type", "06")).isEqualTo("Procedimentos e OPM");
        assertThat(all.name(Names.GLOSA_TYPE_GROUP, "06")).isEqualTo("Técnica");
        assertThat(all.display("glosa_type", "05")).isEqualTo("Dados da AIH");
    }

    @Test
    void aBadDimensionFileIsNamedWithItsLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("payers.csv"), "code;name\n1;Unimed\n2;\n");
        assertThatThrownBy(() -> Names.dimensionFiles(Map.of("payer", bad.toString()), Language.EN))
                .hasMessage(bad + ":3: expected a code and a name, found '2;'");
        assertThatThrownBy(() -> Names.dimensionFiles(
                        Map.of("payer", dir.resolve("none.csv").toString()), Language.PT_BR))
                .hasMessageContaining("arquivo de dimensão")
                .hasMessageContaining("(dimensions: payer)");
    }

    @Test
    void configurationReadsLangDimensionsHistoryAndBomAndKeepsThemOutOfTheRunId() throws IOException {
        Path config = Files.writeString(dir.resolve("glosa.yaml"), """
                lang: pt-BR
                dimensions:
                  hospital: dims/hospitais.csv
                history:
                  keepWeeks: 8
                csv:
                  bom: true
                """);
        RunConfig c = RunConfig.load(config);
        assertThat(c.language()).isEqualTo(Language.PT_BR);
        assertThat(c.dimensions().get("hospital"))
                .isEqualTo(dir.resolve("dims/hospitais.csv").toString());
        assertThat(c.history().keepWeeks()).isEqualTo(8);
        assertThat(c.csv().bom()).isTrue();
        assertThat(c.fingerprint()).isEqualTo(RunConfig.defaults().fingerprint());
        assertThat(RunConfig.defaults().history().keepWeeks()).isEqualTo(12);
        assertThat(RunConfig.defaults().withLang("en").language()).isEqualTo(Language.EN);
        assertThatThrownBy(() -> RunConfig.defaults().withLang("fr").validate())
                .hasMessageContaining("lang must be pt-BR or en, found 'fr'");
    }
}
