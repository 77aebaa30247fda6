package dev.glosa.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.table.Column;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.io.generate.ErpGenerator;
import dev.glosa.io.generate.ErpGeneratorConfig;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRoundTripTests {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final GlosaTable GENERATED = ErpGenerator.generate(ErpGeneratorConfig.defaults(11)
                    .withSegments(3, 4, 4, 0.9)
                    .withGroups(20, 2, 4, 3)
                    .withMonths(YearMonth.of(2024, 6), 4))
            .table();

    @TempDir
    Path dir;

    static void assertSameTable(GlosaTable expected, GlosaTable actual) {
        assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (Column c : expected.columns()) {
            Column a = actual.column(c.name());
            assertThat(a.type()).as(c.name()).isEqualTo(c.type());
            for (int r = 0; r < expected.rowCount(); r++) {
                if (!c.text(r).equals(a.text(r))) {
                    throw new AssertionError(
                            "column " + c.name() + " row " + r + ": expected " + c.text(r) + " but read " + a.text(r));
                }
            }
        }
    }

    private CsvReadResult roundTrip(CsvWriteOptions options) throws IOException {
        Path file = dir.resolve("erp.csv");
        CsvWriter.write(GENERATED, file, CsvMapping.reference(), options);
        CsvReadResult result = CsvReader.read(file, CsvMapping.reference());
        assertThat(result.report().rejectedRows()).isZero();
        assertThat(result.report().records()).isEqualTo(GENERATED.rowCount());
        assertSameTable(GENERATED, result.table());
        return result;
    }

    @Test
    void ptBrNumbersWithSemicolonsReadBackToTheSameTable() throws IOException {
        CsvReadResult r = roundTrip(CsvWriteOptions.ptBr());
        assertThat(r.report().delimiter()).isEqualTo(';');
        assertThat(r.report().charset()).isEqualTo("UTF-8");
        assertThat(r.report().numberStyles())
                .containsEntry("VALOR_GLOSA", NumberStyle.PT_BR)
                .containsEntry("QTD_LINHAS_GLOSA", NumberStyle.PT_BR);
        String text = Files.readString(dir.resolve("erp.csv"));
        assertThat(text)
                .startsWith("MES_RECEBIMENTO;HOSPITAL;REGIONAL;I_ITEM_CATEGORIA;SETOR_N1;SETOR_N2;"
                        + "TIPO_GRUPO;TIPO_ATENDIMENTO;CONVENIO;TIPO_GLOSA;VALOR_COBRADO_GERAL;VALOR_GLOSA;COBRADO_ANTERIOR;"
                        + "GLOSA_ANTERIOR;QTD_LINHAS_GLOSA\r\n06/2024;");
        assertThat(text).containsPattern(";\\d{1,3}(\\.\\d{3})+,\\d{1,2};");
    }

    @Test
    void plainNumbersWithCommasReadBackToTheSameTable() throws IOException {
        CsvReadResult r = roundTrip(CsvWriteOptions.plain());
        assertThat(r.report().delimiter()).isEqualTo(',');
        assertThat(r.report().numberStyles()).containsEntry("VALOR_COBRADO_GERAL", NumberStyle.PLAIN);
    }

    @Test
    void ptBrNumbersWithCommaDelimiterAreQuotedAndReadBack() throws IOException {
        roundTrip(CsvWriteOptions.ptBr().withDelimiter(',').withFormats("yyyyMM", "yyyy-MM-dd"));
        assertThat(Files.readString(dir.resolve("erp.csv"))).contains(",\"").startsWith("MES_RECEBIMENTO,");
    }

    @Test
    void plainNumbersWithSemicolonsAndGroupingReadBack() throws IOException {
        CsvReadResult r = roundTrip(CsvWriteOptions.plain().withDelimiter(';').withNumbers(NumberStyle.PLAIN, true));
        assertThat(r.report().numberStyles()).containsEntry("VALOR_GLOSA", NumberStyle.PLAIN);
    }

    @Test
    void utf8WithByteOrderMarkReadsBack() throws IOException {
        CsvReadResult r = roundTrip(CsvWriteOptions.ptBr().withCharset(StandardCharsets.UTF_8, true));
        byte[] bytes = Files.readAllBytes(dir.resolve("erp.csv"));
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        assertThat(r.table().columnNames().get(0)).isEqualTo("competence");
        assertThat(r.report().charset()).isEqualTo("UTF-8");
    }

    @Test
    void windows1252AccentsAreDetectedAndReadBack() throws IOException {
        CsvReadResult r = roundTrip(CsvWriteOptions.ptBr().withCharset(CP1252, false));
        assertThat(r.report().charset()).isEqualTo("windows-1252");
        assertThat(r.table().category("SETOR_N1").dictionary()).contains("INTERNAÇÃO", "AMBULATÓRIO");
        String raw = new String(Files.readAllBytes(dir.resolve("erp.csv")), CP1252);
        assertThat(raw).contains("DIÁRIA");
    }

    @Test
    void aFileWithoutPreviousMonthColumnsReadsWithoutThem() throws IOException {
        GlosaTable current = GENERATED.without("billed_previous", "glosa_previous", "QTD_LINHAS_GLOSA");
        Path file = dir.resolve("current.csv");
        CsvWriter.write(current, file, CsvMapping.reference(), CsvWriteOptions.ptBr());
        CsvReadResult r = CsvReader.read(file, CsvMapping.reference());
        assertSameTable(current, r.table());
        assertThat(r.table().has("billed_previous")).isFalse();
    }

    @Test
    void manyRowsReadBackAndTheSpeedIsReported() throws IOException {
        GlosaTable big = ErpGenerator.generate(ErpGeneratorConfig.defaults(5)
                        .withSegments(10, 8, 4, 1.0)
                        .withGroups(60, 2, 6, 4)
                        .withMonths(YearMonth.of(2024, 1), 13))
                .table();
        Path file = dir.resolve("big.csv");
        CsvWriter.write(big, file, CsvMapping.reference(), CsvWriteOptions.ptBr());
        CsvReadResult r = CsvReader.read(file, CsvMapping.reference());
        assertThat(r.report().accepted()).isEqualTo(big.rowCount()).isGreaterThan(200_000);
        assertThat(r.table().doubles("glosa_amount").sum())
                .isEqualTo(big.doubles("glosa_amount").sum());
        assertThat(r.report().rowsPerSecond()).isGreaterThan(20_000);
        assertThat(r.report().summary()).contains(big.rowCount() + " records").contains("rows/s");
    }
}
