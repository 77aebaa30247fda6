package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.glosa.cluster.features.Feature;
import dev.glosa.cluster.features.FeatureSpec;
import dev.glosa.cluster.features.Transform;
import dev.glosa.cluster.loop.LoopConfig;
import dev.glosa.cluster.loop.LoopResult;
import dev.glosa.cluster.loop.ProgressListener;
import dev.glosa.cluster.loop.SegmentLoop;
import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.indicator.Indicators;
import dev.glosa.core.reconcile.Reconciler;
import dev.glosa.core.reconcile.Reconciliation;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import dev.glosa.io.generate.SihFileSet;
import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.io.powerbi.StarSchemaWriter;
import dev.glosa.io.powerbi.WriterOptions;
import dev.glosa.io.sih.SihReader;
import dev.glosa.io.sih.SihRejections;
import dev.glosa.io.sih.SihSystem;
import dev.glosa.run.CsvTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "As a library" code, word for word, run twice a week apart on generated SIH files and, where present,
 * on the real ones: no birth date is written in clear, and the second week keeps the groups' ids.
 */
class ReadmeLibrarySnippetTests {
    private static final String KEY = "a-test-key-of-32-characters-long";
    private static final String BEGIN = "// README snippet begin";
    private static final String END = "// README snippet end";

    @TempDir
    Path dir;

    /** The README's code; the lines between the markers must equal the README's block (checked below). */
    @SuppressWarnings("unused")
    private static void snippet(
            List<Path> rdFiles,
            List<Path> rjFiles,
            List<Path> erFiles,
            Path folder,
            LocalDate asOf,
            String configSha256,
            Instant started,
            List<RunRecord.Input> inputs,
            String key)
            throws IOException {
        // spotless:off
        // README snippet begin
        GlosaTable rd = SihReader.readAll(rdFiles).table(SihSystem.RD).table();
        GlosaTable rj = SihRejections.attachErrors(SihReader.readAll(rjFiles).table(SihSystem.RJ).table(),
                SihReader.readAll(erFiles).table(SihSystem.ER).table());
        Reconciliation r = Reconciler.sih().reconcile(rj, rd);                      // every AIH once: A, B or C
        List<IndicatorRow> indicators = Indicators.standard(r.claims());
        DoubleColumn glosa = r.claims().doubles(Role.GLOSA_AMOUNT);
        GlosaTable withGlosa = r.claims().filter(row -> glosa.get(row) > 0);
        LoopConfig config = LoopConfig.defaults().toBuilder().features(FeatureSpec.of(
                Feature.numeric("glosa_amount", Transform.LOG1P), Feature.numeric("DIAS_PERM", Transform.LOG1P))).build();
        List<GroupRecord> previous = StarSchemaWriter.previousState(folder, asOf);   // last week's groups keep their ids
        LoopResult groups = SegmentLoop.withDefaultStrategies().run(withGlosa, config, previous, ProgressListener.NONE);
        RunRecord run = RunRecord.of(asOf, configSha256, started, Instant.now(), inputs, rd.rowCount(), 0, RunRecord.Status.OK);
        StarSchemaWriter.write(folder, run, withGlosa, groups.segments(), indicators, groups.state(),
                WriterOptions.pseudonymise(key));
        // README snippet end
        // spotless:on
    }

    @Test
    void theCodeRunHereIsTheReadmesWordForWord() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("README.md")) || !Files.exists(root.resolve("glosa-cli"))) {
            root = root.getParent();
        }
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        // The section opens with the one-call WeeklyJob block; this test holds the step-by-step block after it.
        int section = readme.indexOf("Step by step", readme.indexOf("## As a library"));
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        String source = Files.readString(
                root.resolve("glosa-cli/src/test/java/dev/glosa/cli/" + "ReadmeLibrarySnippetTests.java"),
                StandardCharsets.UTF_8);
        int from = source.indexOf(BEGIN + "\n") + BEGIN.length() + 1;
        String here = source.substring(from, source.indexOf("        " + END, from));

        assertThat(unindented(here)).isEqualTo(unindented(block));
    }

    private static String unindented(String code) {
        return code.lines().map(String::strip).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void onGeneratedFilesNoBirthDateLeavesInClearAndTheSecondWeekKeepsTheGroups() throws IOException {
        SihFileSet files = SihFiles.write(
                SihGenerator.generate(
                        SihGeneratorConfig.defaults(42).withHospitals(3).withClaimsPerHospitalMonth(80)),
                dir.resolve("in"));
        twoWeeks(files.rd(), files.rj(), files.er());
    }

    @Test
    void onRealSihFilesNoBirthDateLeavesInClearAndTheSecondWeekKeepsTheGroups() throws IOException {
        Path datasus = SharedData.datasus();
        assumeTrue(datasus != null, "no shared/data/datasus beside the repository: the real SIH files are not here");
        // of the shared files, the RJ whose rejected AIHs carry a value (1,624 of them with a glosa)
        List<Path> rd = List.of(datasus.resolve("RDRR1412.dbc"));
        List<Path> rj = List.of(datasus.resolve("RJES1205.dbc"));
        List<Path> er = List.of(datasus.resolve("ERRR1204.dbc"));
        for (Path f : Stream.of(rd, rj, er).flatMap(List::stream).toList()) {
            assumeTrue(Files.exists(f), f + " is not in the shared data");
        }
        twoWeeks(rd, rj, er);
    }

    private void twoWeeks(List<Path> rd, List<Path> rj, List<Path> er) throws IOException {
        Path folder = dir.resolve("out");
        LocalDate week1 = LocalDate.of(2026, 11, 23);
        List<Path> all = Stream.of(rd, rj, er).flatMap(List::stream).toList();
        List<RunRecord.Input> inputs = new ArrayList<>();
        for (Path f : all) {
            inputs.add(RunRecord.Input.of(f, 0));
        }
        String sha = RunRecord.sha256("readme snippet");
        snippet(rd, rj, er, folder, week1, sha, Instant.now(), inputs, KEY);
        snippet(rd, rj, er, folder, week1.plusDays(7), sha, Instant.now(), inputs, KEY);

        Set<String> births = new HashSet<>();
        for (Path f : Stream.of(rd, rj).flatMap(List::stream).toList()) {
            GlosaTable t = SihReader.readAll(List.of(f))
                    .table(rd.contains(f) ? SihSystem.RD : SihSystem.RJ)
                    .table();
            for (int row = 0; row < t.rowCount(); row++) {
                String b = t.column("NASC").text(row).trim();
                if (!b.isEmpty()) {
                    births.add(b);
                }
            }
        }
        assertThat(births).isNotEmpty();
        try (Stream<Path> written = Files.list(folder)) {
            for (Path f : written.toList()) {
                assertThat(Files.readString(f, StandardCharsets.UTF_8))
                        .as(f.toString())
                        .doesNotContain("NASC=");
            }
        }
        CsvTable clusters = CsvTable.read(folder.resolve(StarSchemaWriter.DIM_GROUP));
        CsvTable state = CsvTable.read(folder.resolve(StarSchemaWriter.GROUP_STATE));
        List<String> described = new ArrayList<>(clusters.column("label"));
        described.addAll(clusters.column("distinctive"));
        described.addAll(state.column("label"));
        for (String text : described) {
            for (String word : text.split("[^0-9]+")) {
                assertThat(births).as(text).doesNotContain(word);
            }
        }
        for (String nasc :
                CsvTable.read(folder.resolve(StarSchemaWriter.FACT_GLOSA)).column("NASC")) {
            assertThat(nasc).matches("[0-9a-f]{24}|");
        }
        List<String> asOf = clusters.column("as_of");
        List<String> status = clusters.column("status");
        List<String> secondWeek = new ArrayList<>();
        for (int i = 0; i < status.size(); i++) {
            if (asOf.get(i).equals(week1.plusDays(7).toString())) {
                secondWeek.add(status.get(i));
            }
        }
        assertThat(secondWeek).isNotEmpty().contains("kept").doesNotContain("new");
    }
}
