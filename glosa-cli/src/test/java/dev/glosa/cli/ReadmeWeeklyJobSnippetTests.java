package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.run.RunRecord;
import dev.glosa.io.generate.SihFileSet;
import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.run.CsvTable;
import dev.glosa.run.RunConfig;
import dev.glosa.run.RunRequest;
import dev.glosa.run.RunSummary;
import dev.glosa.run.WeeklyJob;
import dev.glosa.run.sources.SihFilesSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's one-call "As a library" block, word for word, run twice a week apart on generated SIH files: the run
 * writes the star schema and the second week keeps the groups' ids.
 */
class ReadmeWeeklyJobSnippetTests {
    private static final String BEGIN = "// README snippet begin";
    private static final String END = "// README snippet end";

    @TempDir
    Path dir;

    /** The README's code; the lines between the markers must equal the README's first block (checked below). */
    private static RunSummary snippet(
            List<Path> rdFiles, List<Path> rjFiles, List<Path> erFiles, String out, Path configFile, LocalDate asOf) {
        // spotless:off
        // README snippet begin
        RunSummary week = WeeklyJob.run(RunRequest.of(
                new SihFilesSource(rdFiles, rjFiles, erFiles),          // or ErpCsvSource, JdbcQuerySource, TissFilesSource
                out,                                                    // a Power BI folder, or a jdbc:postgresql:// URL
                RunConfig.load(configFile),                             // or RunConfig.defaults()
                asOf));
        // README snippet end
        // spotless:on
        return week;
    }

    @Test
    void theCodeRunHereIsTheReadmesFirstLibraryBlockWordForWord() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("README.md")) || !Files.exists(root.resolve("glosa-cli"))) {
            root = root.getParent();
        }
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("```java\n", readme.indexOf("## As a library")) + "```java\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        String source = Files.readString(
                root.resolve("glosa-cli/src/test/java/dev/glosa/cli/" + "ReadmeWeeklyJobSnippetTests.java"),
                StandardCharsets.UTF_8);
        int from = source.indexOf(BEGIN + "\n") + BEGIN.length() + 1;
        String here = source.substring(from, source.indexOf("        " + END, from));

        assertThat(unindented(here)).isEqualTo(unindented(block));
    }

    @Test
    void twoWeeksWriteTheStarSchemaAndTheSecondKeepsTheGroups() throws IOException {
        SihFileSet files = SihFiles.write(
                SihGenerator.generate(
                        SihGeneratorConfig.defaults(7).withHospitals(3).withClaimsPerHospitalMonth(80)),
                dir.resolve("in"));
        Path config = Files.writeString(dir.resolve("glosa.yaml"), "pseudonymKey: a-test-key-of-32-characters-long\n");
        String out = dir.resolve("saida").toString();
        LocalDate week1 = LocalDate.of(2026, 11, 23);

        RunSummary first = snippet(files.rd(), files.rj(), files.er(), out, config, week1);
        RunSummary second = snippet(files.rd(), files.rj(), files.er(), out, config, week1.plusDays(7));

        assertThat(first.run().status()).isEqualTo(RunRecord.Status.OK);
        assertThat(first.loop().profiles()).isNotEmpty();
        CsvTable clusters = CsvTable.read(Path.of(out).resolve("dim_group.csv"));
        List<String> secondWeek = clusters.rows().stream()
                .filter(r ->
                        r.get(clusters.col("as_of")).equals(week1.plusDays(7).toString()))
                .map(r -> r.get(clusters.col("status")))
                .toList();
        assertThat(secondWeek).hasSize(second.loop().profiles().size()).containsOnly("kept");
        assertThat(CsvTable.read(Path.of(out).resolve("runs.csv")).rows()).hasSize(2);
    }

    private static String unindented(String code) {
        return code.lines().map(String::strip).reduce("", (a, b) -> a + b + "\n");
    }
}
