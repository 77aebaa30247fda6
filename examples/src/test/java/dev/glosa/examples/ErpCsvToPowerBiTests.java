package dev.glosa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.io.generate.ErpGenerator;
import dev.glosa.io.generate.ErpSample;
import dev.glosa.io.powerbi.StarSchemaWriter;
import dev.glosa.run.CsvTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErpCsvToPowerBiTests {

    @Test
    void generatedRunWritesEveryTableWithTheLatestMonthsLinesGrouped(@TempDir Path out) throws IOException {
        ErpCsvToPowerBi.main(new String[] {out.toString()});

        for (String table : List.of(
                StarSchemaWriter.FACT_GLOSA,
                StarSchemaWriter.DIM_SEGMENT,
                StarSchemaWriter.DIM_GROUP,
                StarSchemaWriter.INDICATORS,
                StarSchemaWriter.RUNS,
                StarSchemaWriter.MANIFEST)) {
            assertThat(out.resolve(table)).isRegularFile();
        }
        ErpSample sample = ErpGenerator.generate(ErpCsvToPowerBi.SAMPLE);
        CsvTable fact = CsvTable.read(out.resolve(StarSchemaWriter.FACT_GLOSA));
        // Every generated line is its own combination of dimensions, so aggregation keeps one row per line.
        assertThat(fact.rows()).hasSize(sample.table().rowCount() - sample.firstAnalysedRow());
        assertThat(fact.column("competence"))
                .containsOnly(ErpCsvToPowerBi.SAMPLE.analysedMonth().toString());
        assertThat(fact.column("group_id")).noneMatch(String::isEmpty);
        assertThat(fact.header()).contains("glosa_rate", "glosa_jump", "glosa_rate_jump", "glosa_previous");
        CsvTable clusters = CsvTable.read(out.resolve(StarSchemaWriter.DIM_GROUP));
        assertThat(clusters.rows()).isNotEmpty();
        assertThat(clusters.column("status")).containsOnly("new");
        CsvTable segments = CsvTable.read(out.resolve(StarSchemaWriter.DIM_SEGMENT));
        assertThat(segments.column("strategy")).containsOnly("kmeans");
        assertThat(CsvTable.read(out.resolve(StarSchemaWriter.INDICATORS)).column("glosa_value_ratio"))
                .noneMatch(String::isEmpty);
    }

    @Test
    void givenExportWithABadRowIsReadAndRerunningTheSameDayReplacesItsRows(@TempDir Path tmp) throws IOException {
        Path csv = ErpCsvToPowerBi.writeSample(tmp.resolve("export.csv"));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int glosaColumn = Arrays.asList(lines.get(0).split(";")).indexOf("VALOR_GLOSA");
        String[] bad = lines.get(lines.size() - 1).split(";", -1);
        bad[glosaColumn] = "not a number";
        Files.writeString(csv, String.join(";", bad) + "\r\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path out = tmp.resolve("out");

        ErpCsvToPowerBi.main(new String[] {
            out.toString(),
            csv.toString(),
            ErpCsvToPowerBi.SAMPLE.analysedMonth().toString()
        });
        CsvTable firstFact = CsvTable.read(out.resolve(StarSchemaWriter.FACT_GLOSA));
        CsvTable firstClusters = CsvTable.read(out.resolve(StarSchemaWriter.DIM_GROUP));
        ErpCsvToPowerBi.main(new String[] {
            out.toString(),
            csv.toString(),
            ErpCsvToPowerBi.SAMPLE.analysedMonth().toString()
        });

        CsvTable runs = CsvTable.read(out.resolve(StarSchemaWriter.RUNS));
        assertThat(runs.rows()).hasSize(1);
        assertThat(runs.column("rows_rejected")).containsExactly("1");
        assertThat(runs.column("inputs").get(0)).contains("export.csv");
        assertThat(CsvTable.read(out.resolve("rejects.csv")).rows()).hasSize(1);
        // Same day, same export, same seed: the re-run replaced the first run's rows with identical ones.
        assertThat(CsvTable.read(out.resolve(StarSchemaWriter.FACT_GLOSA))).isEqualTo(firstFact);
        assertThat(CsvTable.read(out.resolve(StarSchemaWriter.DIM_GROUP))).isEqualTo(firstClusters);
    }
}
