package dev.glosa.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvMappingTests {

    @TempDir
    Path dir;

    @Test
    void referenceMappingMapsTheFifteenErpColumns() {
        CsvMapping m = CsvMapping.reference();
        assertThat(m.name()).isEqualTo("reference-erp");
        assertThat(m.columns())
                .extracting(ColumnMapping::source)
                .containsExactly(
                        "MES_RECEBIMENTO",
                        "HOSPITAL",
                        "REGIONAL",
                        "I_ITEM_CATEGORIA",
                        "SETOR_N1",
                        "SETOR_N2",
                        "TIPO_GRUPO",
                        "TIPO_ATENDIMENTO",
                        "CONVENIO",
                        "TIPO_GLOSA",
                        "VALOR_COBRADO_GERAL",
                        "VALOR_GLOSA",
                        "COBRADO_ANTERIOR",
                        "GLOSA_ANTERIOR",
                        "QTD_LINHAS_GLOSA");
        assertThat(m.column("valor_glosa").role()).isEqualTo(Role.GLOSA_AMOUNT);
        assertThat(m.column("VALOR_GLOSA").nullable()).isFalse();
        assertThat(m.column("COBRADO_ANTERIOR").name()).isEqualTo("billed_previous");
        assertThat(m.column("COBRADO_ANTERIOR").optional()).isTrue();
        assertThat(m.column("GLOSA_ANTERIOR").name()).isEqualTo("glosa_previous");
        assertThat(m.column("MES_RECEBIMENTO").type()).isEqualTo(ColumnType.MONTH);
        assertThat(m.column("REGIONAL").nullable()).isTrue();
        assertThat(m.delimiter()).isEqualTo(CsvMapping.AUTO_DELIMITER);
        assertThat(m.charset()).isNull();
        assertThat(m.numberStyle()).isEqualTo(NumberStyle.AUTO);
        assertThat(m.maxRejectShare()).isEqualTo(0.01);
        assertThat(m.keepUnmapped()).isTrue();
    }

    @Test
    void examplesCopyOfTheReferenceMappingIsTheSameFile() throws IOException {
        Path here = Paths.get("").toAbsolutePath();
        Path examples = null;
        for (Path p = here; p != null && examples == null; p = p.getParent()) {
            Path candidate = p.resolve("examples/config/reference-erp.yaml");
            if (Files.exists(candidate)) {
                examples = candidate;
            }
        }
        assertThat(examples)
                .as("examples/config/reference-erp.yaml above " + here)
                .isNotNull();
        byte[] resource;
        try (var in = CsvMapping.class.getResourceAsStream(CsvMapping.REFERENCE_RESOURCE)) {
            resource = in.readAllBytes();
        }
        assertThat(Files.readAllBytes(examples)).isEqualTo(resource);
        assertThat(CsvMapping.load(examples)).isEqualTo(CsvMapping.reference());
    }

    @Test
    void jsonMappingsLoadLikeYamlOnes() throws IOException {
        Path json = dir.resolve("m.json");
        Files.writeString(
                json,
                "{\"name\":\"j\",\"delimiter\":\";\",\"charset\":\"windows-1252\","
                        + "\"numberFormat\":\"pt-BR\",\"maxRejectShare\":0.05,\"unmapped\":\"ignore\",\"columns\":["
                        + "{\"source\":\"DT\",\"role\":\"ADMISSION_DATE\",\"format\":\"dd/MM/yyyy\"},"
                        + "{\"source\":\"V\",\"role\":\"glosa_amount\",\"nullable\":true},"
                        + "{\"source\":\"Q\",\"type\":\"measure\",\"format\":\"plain\"},"
                        + "{\"source\":\"N\",\"type\":\"long\",\"name\":\"n\"}]}");
        CsvMapping m = CsvMapping.load(json);
        assertThat(m.delimiter()).isEqualTo(';');
        assertThat(m.charset()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(m.numberStyle()).isEqualTo(NumberStyle.PT_BR);
        assertThat(m.maxRejectShare()).isEqualTo(0.05);
        assertThat(m.keepUnmapped()).isFalse();
        assertThat(m.column("DT").format()).isEqualTo("dd/MM/yyyy");
        assertThat(m.column("V").nullable()).isTrue();
        assertThat(m.column("Q").format()).isEqualTo("plain");
        assertThat(m.column("N").type()).isEqualTo(ColumnType.LONG);
    }

    @Test
    void aColumnIsDeclaredPersonalOrNotInYamlAndJsonByItsNameInTheTable() {
        CsvMapping yaml = CsvMapping.parseYaml(
                "columns:\n  - {source: MEDICO, name: NOME_MEDICO, personal: false}\n"
                        + "  - {source: OBS, personal: true}\n  - {source: SETOR}\n",
                "m.yaml");
        CsvMapping json = CsvMapping.parseJson(
                "{\"columns\":[{\"source\":\"MEDICO\",\"name\":\"NOME_MEDICO\","
                        + "\"personal\":false},{\"source\":\"OBS\",\"personal\":true},{\"source\":\"SETOR\"}]}",
                "m.json");

        assertThat(yaml.personalOverrides()).containsExactly(Map.entry("NOME_MEDICO", false), Map.entry("OBS", true));
        assertThat(json.personalOverrides()).isEqualTo(yaml.personalOverrides());
        assertThat(yaml.column("SETOR").personal()).isNull();
        assertThatThrownBy(() -> CsvMapping.parseYaml("columns:\n  - {source: A, personal: maybe}\n", "m.yaml"))
                .hasMessageStartingWith("m.yaml:");
    }

    @Test
    void invalidMappingsFailNamingTheSourceAndTheRule() {
        assertThatThrownBy(() -> CsvMapping.parseYaml("columns:\n  - {source: A, rol: hospital}\n", "m.yaml"))
                .hasMessageStartingWith("m.yaml:2:")
                .hasMessageContaining("rol");
        assertThatThrownBy(() -> CsvMapping.parseYaml("columns:\n  - {source: A, role: hospitals}\n", "m.yaml"))
                .hasMessageContaining("m.yaml: column entry 1: role must be one of [claim_id, hospital")
                .hasMessageContaining("found 'hospitals'");
        assertThatThrownBy(() ->
                        CsvMapping.parseYaml("columns:\n  - {source: A, role: hospital, type: double}\n", "m.yaml"))
                .hasMessageContaining("plays role hospital so its type must be CATEGORY, found DOUBLE");
        assertThatThrownBy(
                        () -> CsvMapping.parseYaml("columns:\n  - {source: A, type: date, format: MM-dd}\n", "m.yaml"))
                .hasMessageContaining("takes a format in")
                .hasMessageContaining("found 'MM-dd'");
        assertThatThrownBy(
                        () -> CsvMapping.parseYaml("columns:\n  - {source: A, type: measure, format: us}\n", "m.yaml"))
                .hasMessageContaining("number format must be auto, pt-BR or plain, found 'us'");
        assertThatThrownBy(() -> CsvMapping.parseYaml("delimiter: ':'\ncolumns:\n  - {source: A}\n", "m.yaml"))
                .hasMessageContaining("delimiter must be");
        assertThatThrownBy(() -> CsvMapping.parseYaml("columns:\n  - {source: A}\n  - {source: a}\n", "m.yaml"))
                .hasMessageContaining("maps source column 'a' twice");
        assertThatThrownBy(() -> CsvMapping.parseYaml("columns:\n  - {source: A, name: hospital}\n", "m.yaml"))
                .hasMessageContaining("the name of role HOSPITAL");
        assertThatThrownBy(() -> CsvMapping.parseYaml("maxRejectShare: 2\ncolumns:\n  - {source: A}\n", "m.yaml"))
                .hasMessageContaining("maxRejectShare must be between 0 and 1, found 2.0");
        assertThatThrownBy(() -> CsvMapping.parseYaml("name: x\n", "m.yaml")).hasMessageContaining("no columns");
    }

    @Test
    void writerFormatsNumbersInBothStylesWithFewestDigits() {
        assertThat(CsvWriter.number(1234567.891, true, true)).isEqualTo("1.234.567,891");
        assertThat(CsvWriter.number(-1234.5, true, true)).isEqualTo("-1.234,5");
        assertThat(CsvWriter.number(999, true, true)).isEqualTo("999");
        assertThat(CsvWriter.number(1000, false, true)).isEqualTo("1,000");
        assertThat(CsvWriter.number(0.1, false, false)).isEqualTo("0.1");
        assertThat(CsvWriter.number(1e20, false, false)).isEqualTo("100000000000000000000");
        assertThat(CsvWriter.number(1.5e-7, true, false)).isEqualTo("0,00000015");
    }

    @Test
    void writerRefusesTextTheCharsetCannotHold() {
        GlosaTable t =
                GlosaTable.of(CategoryColumn.of("hospital", "HOSPITAL 東京"), DoubleColumn.of("glosa_amount", 1.5));
        CsvWriteOptions cp1252 = CsvWriteOptions.ptBr().withCharset(Charset.forName("windows-1252"), false);
        assertThatThrownBy(() -> CsvWriter.write(t, new ByteArrayOutputStream(), CsvMapping.reference(), cp1252))
                .hasMessage("value of column 'hospital' 'HOSPITAL 東京' cannot be written in windows-1252");
        assertThatThrownBy(() -> CsvWriteOptions.plain().withCharset(Charset.forName("windows-1252"), true))
                .hasMessageContaining("byte order mark needs UTF-8");
    }

    @Test
    void writerUsesMappedHeadersAndColumnNamesOtherwise() throws IOException {
        GlosaTable t = GlosaTable.of(
                CategoryColumn.of("hospital", "H"),
                DoubleColumn.of("glosa_amount", 1.5),
                DoubleColumn.of("extra", Double.NaN));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter.write(t, out, CsvMapping.reference(), CsvWriteOptions.ptBr());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("HOSPITAL;VALOR_GLOSA;extra\r\nH;1,5;\r\n");
    }

    @Test
    void writerQuotesTextButDoesNotGuardFormulasSoTheExportReadsBack() throws IOException {
        GlosaTable t = GlosaTable.of(CategoryColumn.of("NOTE", "\uFEFFbom", "=1+1", "a,b"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter.write(t, out, null, CsvWriteOptions.plain());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("NOTE\r\n\"\uFEFFbom\"\r\n=1+1\r\n\"a,b\"\r\n");
    }
}
