package dev.glosa.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.io.generate.SihSample;
import dev.glosa.io.powerbi.StarSchemaWriter;
import dev.glosa.io.powerbi.WriterOptions;
import dev.glosa.run.CsvTable;
import dev.glosa.run.GlosaRunException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SusToPowerBiTests {

    @Test
    void generatedRunWritesEveryTableWithEveryAihOnceAndItsIdentifiersPseudonymised(@TempDir Path out)
            throws IOException {
        SusToPowerBi.main(new String[] {out.toString()});

        for (String table : List.of(
                StarSchemaWriter.FACT_GLOSA,
                StarSchemaWriter.DIM_SEGMENT,
                StarSchemaWriter.DIM_GROUP,
                StarSchemaWriter.INDICATORS,
                StarSchemaWriter.RUNS,
                StarSchemaWriter.MANIFEST)) {
            assertThat(out.resolve(table)).isRegularFile();
        }
        CsvTable fact = CsvTable.read(out.resolve(StarSchemaWriter.FACT_GLOSA));
        SihGeneratorConfig sample = SusToPowerBi.SAMPLE;
        // Reconciliation counts every generated AIH exactly once, whatever its history of rejections and payments.
        assertThat(fact.rows()).hasSize(sample.hospitals() * sample.months() * sample.claimsPerHospitalMonth());
        assertThat(fact.column("situation")).contains("A", "B", "C").containsOnly("A", "B", "C");
        assertThat(fact.column("claim_id")).allMatch(id -> id.matches("[0-9a-f]{24}"));
        List<String> clusters = fact.column("group_id");
        List<String> glosa = fact.column("glosa_amount");
        for (int r = 0; r < clusters.size(); r++) {
            // Only AIHs with a glosa are clustered; the others stay in the fact table with an empty group.
            assertThat(clusters.get(r).isEmpty()).isEqualTo(Double.parseDouble(glosa.get(r)) == 0);
        }
        assertThat(CsvTable.read(out.resolve(StarSchemaWriter.DIM_GROUP)).rows())
                .isNotEmpty();
        assertThat(CsvTable.read(out.resolve(StarSchemaWriter.INDICATORS)).column("scope"))
                .contains("overall", "hospital");
        CsvTable runs = CsvTable.read(out.resolve(StarSchemaWriter.RUNS));
        assertThat(runs.rows()).hasSize(1);
        assertThat(runs.column("status")).containsExactly("ok");
        assertThat(runs.column("inputs").get(0)).contains("RDMT2106.dbc", "RJMT2112.dbc", "ERMT2106.dbc");
    }

    @Test
    void givenFilesAreReadInAnyOrderAndRealDataNeedsThePseudonymKey(@TempDir Path tmp) throws IOException {
        SihSample sample = SihGenerator.generate(small());
        List<Path> files =
                new ArrayList<>(SihFiles.write(sample, tmp.resolve("sih")).all());
        Collections.reverse(files);
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of(out.toString()));
        files.forEach(f -> args.add(f.toString()));

        if (System.getenv(WriterOptions.KEY_ENVIRONMENT_VARIABLE) == null) {
            // Files given on the command line are real data: without a key the writer refuses and writes nothing.
            assertThatThrownBy(() -> SusToPowerBi.main(args.toArray(new String[0])))
                    .isInstanceOf(GlosaRunException.class)
                    .hasMessageContaining(WriterOptions.KEY_ENVIRONMENT_VARIABLE);
            assertThat(out.resolve(StarSchemaWriter.FACT_GLOSA)).doesNotExist();
        } else {
            SusToPowerBi.main(args.toArray(new String[0]));
            assertThat(CsvTable.read(out.resolve(StarSchemaWriter.FACT_GLOSA)).rows())
                    .hasSize(3 * 2 * 30);
        }
    }

    private static SihGeneratorConfig small() {
        return SihGeneratorConfig.defaults(3)
                .withHospitals(3)
                .withMonths(YearMonth.of(2023, 1), 2, 1)
                .withClaimsPerHospitalMonth(30);
    }
}
