package dev.glosa.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glosa.core.table.Column;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.io.generate.SihSample;
import dev.glosa.io.powerbi.StarSchemaWriter;
import dev.glosa.io.powerbi.WriterOptions;
import dev.glosa.io.sih.SihBatch;
import dev.glosa.io.sih.SihFileReport;
import dev.glosa.io.sih.SihReader;
import dev.glosa.io.sih.SihSystem;
import dev.glosa.io.sih.SihTable;
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

        for (String table : List.of(StarSchemaWriter.FACT_GLOSA, StarSchemaWriter.DIM_SEGMENT,
                StarSchemaWriter.DIM_CLUSTER, StarSchemaWriter.INDICATORS, StarSchemaWriter.RUNS,
                StarSchemaWriter.MANIFEST)) {
            assertThat(out.resolve(table)).isRegularFile();
        }
        StarCsv fact = StarCsv.read(out.resolve(StarSchemaWriter.FACT_GLOSA));
        SihGeneratorConfig sample = SusToPowerBi.SAMPLE;
        // Reconciliation counts every generated AIH exactly once, whatever its history of rejections and payments.
        assertThat(fact.rows()).hasSize(sample.hospitals() * sample.months() * sample.claimsPerHospitalMonth());
        assertThat(fact.column("situation")).contains("A", "B", "C").containsOnly("A", "B", "C");
        assertThat(fact.column("claim_id")).allMatch(id -> id.matches("[0-9a-f]{24}"));
        List<String> clusters = fact.column("cluster_id");
        List<String> glosa = fact.column("glosa_amount");
        for (int r = 0; r < clusters.size(); r++) {
            // Only AIHs with a glosa are clustered; the others stay in the fact table with an empty group.
            assertThat(clusters.get(r).isEmpty()).isEqualTo(Double.parseDouble(glosa.get(r)) == 0);
        }
        assertThat(StarCsv.read(out.resolve(StarSchemaWriter.DIM_CLUSTER)).rows()).isNotEmpty();
        assertThat(StarCsv.read(out.resolve(StarSchemaWriter.INDICATORS)).column("scope")).contains("overall",
                "hospital");
        StarCsv runs = StarCsv.read(out.resolve(StarSchemaWriter.RUNS));
        assertThat(runs.rows()).hasSize(1);
        assertThat(runs.column("status")).containsExactly("ok");
        assertThat(runs.column("inputs").get(0)).contains("RDMT2106.dbf", "RJMT2112.dbf", "ERMT2106.dbf");
    }

    @Test
    void givenFilesAreReadInAnyOrderAndRealDataNeedsThePseudonymKey(@TempDir Path tmp) throws IOException {
        SihSample sample = SihGenerator.generate(small());
        List<Path> files = new ArrayList<>(SihSampleFiles.write(sample, tmp.resolve("sih")));
        Collections.reverse(files);
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of(out.toString()));
        files.forEach(f -> args.add(f.toString()));

        if (System.getenv(WriterOptions.KEY_ENVIRONMENT_VARIABLE) == null) {
            // Files given on the command line are real data: without a key the writer refuses and writes nothing.
            assertThatThrownBy(() -> SusToPowerBi.main(args.toArray(new String[0])))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(WriterOptions.KEY_ENVIRONMENT_VARIABLE);
            assertThat(out.resolve(StarSchemaWriter.FACT_GLOSA)).doesNotExist();
        } else {
            SusToPowerBi.main(args.toArray(new String[0]));
            assertThat(StarCsv.read(out.resolve(StarSchemaWriter.FACT_GLOSA)).rows())
                    .hasSize(3 * 2 * 30);
        }
    }

    @Test
    void sampleFilesAreRecognisedExactlyAndReadBackAsGenerated(@TempDir Path tmp) throws IOException {
        SihSample sample = SihGenerator.generate(small());
        List<Path> files = SihSampleFiles.write(sample, tmp);

        assertThat(files).extracting(f -> f.getFileName().toString())
                .contains("RDMT2301.dbf", "RDMT2303.dbf", "RJMT2301.dbf", "RJMT2302.dbf", "ERMT2301.dbf");
        SihBatch batch = SihReader.readAll(files);
        assertLayout(batch.table(SihSystem.RD), "RD 2016+");
        assertLayout(batch.table(SihSystem.RJ), "RJ 2008+");
        assertLayout(batch.table(SihSystem.ER), "ER 2011+");
        assertSameValues(batch.table(SihSystem.RD).table(), sample.rd());
        assertSameValues(batch.table(SihSystem.RJ).table(), sample.rj());
        assertSameValues(batch.table(SihSystem.ER).table(), sample.er());
    }

    private static SihGeneratorConfig small() {
        return SihGeneratorConfig.defaults(3).withHospitals(3).withMonths(YearMonth.of(2023, 1), 2, 1)
                .withClaimsPerHospitalMonth(30);
    }

    private static void assertLayout(SihTable table, String era) {
        for (SihFileReport f : table.files()) {
            assertThat(f.layout().label()).as(f.file()).isEqualTo(era);
            assertThat(f.warnings()).as(f.file()).isEmpty();
        }
    }

    /** Every generated column comes back from the files with the same values, rows in the same order. */
    private static void assertSameValues(GlosaTable read, GlosaTable generated) {
        assertThat(read.rowCount()).isEqualTo(generated.rowCount());
        for (Column g : generated.columns()) {
            assertThat(read.has(g.name())).as(g.name()).isTrue();
            Column r = read.column(g.name());
            for (int row = 0; row < generated.rowCount(); row++) {
                if (g instanceof DoubleColumn d) {
                    assertThat(((DoubleColumn) r).get(row)).as(g.name() + " row " + row).isCloseTo(d.get(row),
                            within(0.005));
                } else {
                    assertThat(r.text(row).trim()).as(g.name() + " row " + row).isEqualTo(g.text(row));
                }
            }
        }
    }
}
