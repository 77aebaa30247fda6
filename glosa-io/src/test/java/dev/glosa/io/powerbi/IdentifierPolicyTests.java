package dev.glosa.io.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.result.SegmentStatus;
import dev.glosa.core.segment.SegmentKey;
import dev.glosa.core.table.GlosaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentifierPolicyTests {
    @TempDir
    Path dir;

    private static CsvFile fact(Path folder, WriterOptions options, Map<String, String> env) throws IOException {
        GlosaTable t = Fixture.table();
        WriteJob.write(
                folder,
                Fixture.run(Fixture.WEEK1),
                t,
                Fixture.outcomes(false),
                List.of(),
                options,
                env,
                WriteJob.Hook.NONE);
        return CsvFile.read(folder.resolve(StarSchemaWriter.FACT_GLOSA));
    }

    @Test
    void sameKeyGivesTheSamePseudonymAndAnotherKeyAnother() throws IOException {
        CsvFile a = fact(dir.resolve("a"), WriterOptions.pseudonymise(Fixture.KEY), Map.of());
        CsvFile b = fact(dir.resolve("b"), WriterOptions.pseudonymise(Fixture.KEY), Map.of());
        CsvFile c = fact(dir.resolve("c"), WriterOptions.pseudonymise(Fixture.OTHER_KEY), Map.of());
        assertThat(a.column("claim_id"))
                .isEqualTo(b.column("claim_id"))
                .doesNotHaveDuplicates()
                .allMatch(v -> v.matches("[0-9a-f]{24}"));
        assertThat(a.column("claim_id")).doesNotContain("2024000000001");
        for (int r = 0; r < 10; r++) {
            assertThat(c.cell(r, "claim_id")).isNotEqualTo(a.cell(r, "claim_id"));
        }
        assertThat(a.column("NASC").get(2)).as("missing stays missing").isEmpty();
        assertThat(a.column("NASC").get(0)).matches("[0-9a-f]{24}").isNotEqualTo("1950-01-10");
        assertThat(new Pseudonymiser(Fixture.KEY).pseudonym("2024000000001")).isEqualTo(a.cell(0, "claim_id"));
    }

    @Test
    void theKeyCanComeFromTheEnvironment() throws IOException {
        CsvFile fromEnv = fact(
                dir.resolve("env"),
                WriterOptions.defaults(),
                Map.of(WriterOptions.KEY_ENVIRONMENT_VARIABLE, Fixture.KEY));
        CsvFile fromOptions = fact(dir.resolve("opt"), WriterOptions.pseudonymise(Fixture.KEY), Map.of());
        assertThat(fromEnv.column("claim_id")).isEqualTo(fromOptions.column("claim_id"));
    }

    @Test
    void dropLeavesTheColumnsOut() throws IOException {
        CsvFile f = fact(dir, WriterOptions.defaults().withIdentifierPolicy(IdentifierPolicy.DROP), Map.of());
        assertThat(f.header()).doesNotContain("claim_id", "NASC").contains("situation", "note");
        assertThat(Files.readString(dir.resolve(StarSchemaWriter.FACT_GLOSA))).doesNotContain("2024000000001");
        assertThat(CsvFile.read(dir.resolve(StarSchemaWriter.RUNS)).cell(0, "identifier_policy"))
                .isEqualTo("drop");
    }

    @Test
    void keepClearWritesTheValuesAsTheyAre() throws IOException {
        CsvFile f = fact(
                dir,
                WriterOptions.defaults().withIdentifierPolicy(IdentifierPolicy.KEEP_CLEAR),
                Map.of(WriterOptions.KEY_ENVIRONMENT_VARIABLE, Fixture.KEY));
        assertThat(f.column("claim_id")).startsWith("2024000000001", "2024000000002");
        assertThat(f.column("NASC").get(0)).isEqualTo("1950-01-10");
        assertThat(Files.readString(dir.resolve(StarSchemaWriter.MANIFEST)))
                .contains("\"keep_clear\"")
                .doesNotContain("key_id");
    }

    @Test
    void noKeyAndNoChoiceIsRefusedNamingTheOptions() {
        assertThatThrownBy(() -> fact(dir, WriterOptions.defaults(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[claim_id, NASC]")
                .hasMessageContaining("GLOSA_PSEUDONYM_KEY")
                .hasMessageContaining("DROP")
                .hasMessageContaining("KEEP_CLEAR");
        assertThatThrownBy(() -> fact(
                        dir, WriterOptions.defaults().withIdentifierPolicy(IdentifierPolicy.PSEUDONYMISE), Map.of()))
                .hasMessageContaining("PSEUDONYMISE has no key");
        assertThat(dir.resolve(StarSchemaWriter.FACT_GLOSA)).doesNotExist();
    }

    @Test
    void aTableWithoutIdentifiersNeedsNoChoice() throws IOException {
        GlosaTable t = Fixture.table().without("claim_id", "NASC");
        WriteJob.write(
                dir,
                Fixture.run(Fixture.WEEK1),
                t,
                Fixture.outcomes(false),
                List.of(),
                WriterOptions.defaults(),
                Map.of(),
                WriteJob.Hook.NONE);
        assertThat(CsvFile.read(dir.resolve(StarSchemaWriter.RUNS)).cell(0, "identifier_policy"))
                .isEqualTo("none");
    }

    @Test
    void shortKeysAndKeyChangesAreRefused() throws IOException {
        assertThatThrownBy(() -> WriterOptions.pseudonymise("short"))
                .hasMessageContaining("at least 16 characters, found 5");
        assertThatThrownBy(() ->
                        fact(dir, WriterOptions.defaults(), Map.of(WriterOptions.KEY_ENVIRONMENT_VARIABLE, "short")))
                .hasMessageContaining("found 5");
        fact(dir, WriterOptions.pseudonymise(Fixture.KEY), Map.of());
        GlosaTable t = Fixture.table();
        assertThatThrownBy(() -> WriteJob.write(
                        dir,
                        Fixture.run(Fixture.WEEK2),
                        t,
                        Fixture.outcomes(true),
                        List.of(),
                        WriterOptions.pseudonymise(Fixture.OTHER_KEY),
                        Map.of(),
                        WriteJob.Hook.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pseudonym key differs");
        assertThat(WriterOptions.pseudonymise(Fixture.KEY).toString()).doesNotContain(Fixture.KEY);
    }

    @Test
    void switchingAnIdentifierToClearTextOverAHistoryIsRefused() throws IOException {
        fact(dir, WriterOptions.pseudonymise(Fixture.KEY), Map.of());
        GlosaTable t = Fixture.table();
        assertThatThrownBy(() -> WriteJob.write(
                        dir,
                        Fixture.run(Fixture.WEEK2),
                        t,
                        Fixture.outcomes(true),
                        List.of(),
                        WriterOptions.defaults().withIdentifierPolicy(IdentifierPolicy.KEEP_CLEAR),
                        Map.of(),
                        WriteJob.Hook.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 'claim_id' was text (pseudonymised) in earlier runs and is integer now");
        // re-running the same week with another choice is allowed: nothing of the old choice remains
        WriteJob.write(
                dir,
                Fixture.run(Fixture.WEEK1),
                t,
                Fixture.outcomes(false),
                List.of(),
                WriterOptions.defaults().withIdentifierPolicy(IdentifierPolicy.KEEP_CLEAR),
                Map.of(),
                WriteJob.Hook.NONE);
        assertThat(CsvFile.read(dir.resolve(StarSchemaWriter.FACT_GLOSA)).cell(0, "claim_id"))
                .isEqualTo("2024000000001");
    }

    @Test
    void identifierKeyColumnsOfSegmentsAreTreatedToo() throws IOException {
        GlosaTable t = Fixture.table();
        SegmentKey k = new SegmentKey(List.of("hospital", "CNS"), List.of("H1", "898001234567890"));
        SegmentResult o = new SegmentResult(
                k,
                SegmentStatus.TOO_SMALL,
                "1 row",
                "",
                Map.of(),
                "",
                1,
                Double.NaN,
                Double.NaN,
                List.of(),
                0,
                1,
                1000.5,
                Map.of(),
                new SegmentAssignment(k, new int[] {0}, new int[1], new String[] {"G1"}),
                List.of(),
                List.of(),
                List.of());
        WriteJob.write(
                dir,
                Fixture.run(Fixture.WEEK1),
                t,
                List.of(o),
                List.of(),
                WriterOptions.pseudonymise(Fixture.KEY),
                Map.of(),
                WriteJob.Hook.NONE);
        CsvFile seg = CsvFile.read(dir.resolve(StarSchemaWriter.DIM_SEGMENT));
        assertThat(seg.header()).containsSubsequence("glosa_type", "CNS", "rows");
        assertThat(seg.cell(0, "CNS")).isEqualTo(new Pseudonymiser(Fixture.KEY).pseudonym("898001234567890"));
        assertThat(seg.cell(0, "payer")).isEmpty();
        assertThat(seg.cell(0, "key_columns")).isEqualTo("hospital|CNS");
    }
}
