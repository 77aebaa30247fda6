package dev.glosa.io.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.io.csv.CsvMapping;
import dev.glosa.io.csv.CsvReadResult;
import dev.glosa.io.csv.CsvReader;
import dev.glosa.io.csv.CsvWriteOptions;
import dev.glosa.io.csv.NumberStyle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErpFilesTests {

    private static final ErpSample SAMPLE = ErpGenerator.generate(ErpGeneratorConfig.defaults(8)
            .withSegments(3, 4, 4, 0.9)
            .withGroups(20, 2, 4, 3)
            .withMonths(YearMonth.of(2024, 6), 4));

    @TempDir
    Path dir;

    @Test
    void thePtBrExportReadsBackWithTheReferenceMappingToTheSameTable() throws IOException {
        Path file = ErpFiles.write(SAMPLE, dir.resolve("out").resolve("erp.csv"));
        CsvReadResult read = CsvReader.read(file, CsvMapping.reference());
        assertThat(read.report().rejectedRows()).isZero();
        assertThat(read.report().delimiter()).isEqualTo(';');
        assertThat(read.report().numberStyles()).containsEntry("VALOR_GLOSA", NumberStyle.PT_BR);
        assertThat(read.table().columnNames()).isEqualTo(SAMPLE.table().columnNames());
        SihFilesTests.assertSameColumns("ERP", SAMPLE.table(), read.table());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("MES_RECEBIMENTO;HOSPITAL;REGIONAL;I_ITEM_CATEGORIA;SETOR_N1;SETOR_N2;TIPO_GRUPO;"
                        + "TIPO_ATENDIMENTO;CONVENIO;TIPO_GLOSA;VALOR_COBRADO_GERAL;VALOR_GLOSA;COBRADO_ANTERIOR;"
                        + "GLOSA_ANTERIOR;QTD_LINHAS_GLOSA\r\n06/2024;");
        assertThat(text).containsPattern(";\\d{1,3}(\\.\\d{3})*,\\d{1,2};");
    }

    @Test
    void plainOptionsReadBackTooAndTheBytesAreRepeatable() throws IOException {
        Path a = ErpFiles.write(SAMPLE, dir.resolve("a.csv"), CsvWriteOptions.plain());
        CsvReadResult read = CsvReader.read(a, CsvMapping.reference());
        assertThat(read.report().delimiter()).isEqualTo(',');
        SihFilesTests.assertSameColumns("ERP", SAMPLE.table(), read.table());
        Path b = ErpFiles.write(ErpGenerator.generate(SAMPLE.config()), dir.resolve("b.csv"), CsvWriteOptions.plain());
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    }
}
