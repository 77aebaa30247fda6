package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.io.generate.SihFileSet;
import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds every refactoring to the outputs committed before it: the SUS demo, the ERP demo and {@code glosa sus} on
 * generated DATASUS files, with fixed seeds and as-of, must write the files under
 * {@code src/test/resources/golden/} byte for byte. {@code runs.csv} is compared without its two wall-clock columns.
 *
 * <p>A change that means to change the outputs regenerates them with
 * {@code ./mvnw -pl glosa-cli -am test -Dtest=GoldenOutputTests -Dglosa.golden.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and says why in its commit.
 */
class GoldenOutputTests {
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    static final List<String> FILES = List.of(
            "fact_glosa.csv",
            "dim_segment.csv",
            "dim_group.csv",
            "indicators.csv",
            "group_state.csv",
            "manifest.json",
            "runs.csv",
            "dim_hospital.csv",
            "dim_payer.csv",
            "dim_glosa_type.csv",
            "dim_date.csv",
            "dim_run.csv",
            "report.html");
    static final String KEY = "pseudonymKey: golden-key-of-sixteen-chars\n";

    @TempDir
    Path dir;

    @Test
    void susDemoWritesTheGoldenFiles() throws IOException {
        Path out = dir.resolve("out");
        run(
                "demo",
                "--rows",
                "2000",
                "--seed",
                "7",
                "--out",
                out.toString(),
                "--as-of",
                "2026-11-23",
                "--threads",
                "2",
                "--lang",
                "en",
                "--config",
                config(KEY).toString());
        check("demo-sus", out);
    }

    @Test
    void erpDemoWritesTheGoldenFiles() throws IOException {
        Path out = dir.resolve("out");
        run(
                "demo",
                "--source",
                "erp",
                "--rows",
                "2000",
                "--seed",
                "7",
                "--out",
                out.toString(),
                "--as-of",
                "2026-11-23",
                "--threads",
                "2",
                "--lang",
                "en",
                "--config",
                config(KEY).toString());
        check("demo-erp", out);
    }

    @Test
    void susOnDatasusFilesWritesTheGoldenFiles() throws IOException {
        SihFileSet files = SihFiles.write(
                SihGenerator.generate(SihGeneratorConfig.defaults(9).withTotalClaims(2000)), dir.resolve("sih"));
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of(
                "sus",
                "--out",
                out.toString(),
                "--as-of",
                "2026-11-23",
                "--threads",
                "2",
                "--lang",
                "en",
                "--config",
                config(KEY).toString()));
        args.add("--rd");
        files.rd().forEach(p -> args.add(p.getFileName().toString()));
        args.add("--rj");
        files.rj().forEach(p -> args.add(p.getFileName().toString()));
        args.add("--er");
        files.er().forEach(p -> args.add(p.getFileName().toString()));
        // Relative names, so runs.csv records the same inputs wherever the test runs.
        List<String> absolute = new ArrayList<>();
        for (String a : args) {
            absolute.add(a.endsWith(".dbc") ? dir.resolve("sih").resolve(a).toString() : a);
        }
        run(absolute.toArray(String[]::new));
        check("sus-files", out);
    }

    private Path config(String yaml) throws IOException {
        Path file = dir.resolve("golden.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static void run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.status).as(run.toString()).isZero();
    }

    private void check(String name, Path out) throws IOException {
        Path golden = GOLDEN.resolve(name);
        boolean update = Boolean.getBoolean("glosa.golden.update");
        if (update) {
            Files.createDirectories(golden);
        }
        for (String file : FILES) {
            String actual = normalise(file, Files.readString(out.resolve(file), StandardCharsets.UTF_8));
            if (update) {
                Files.writeString(golden.resolve(file), actual, StandardCharsets.UTF_8);
            } else {
                assertThat(golden.resolve(file))
                        .as("golden file; regenerate as the class says")
                        .exists();
                String expected = Files.readString(golden.resolve(file), StandardCharsets.UTF_8);
                assertThat(actual).as(name + "/" + file).isEqualTo(expected);
            }
        }
    }

    /**
     * The file without what a run cannot reproduce: the wall-clock columns of {@code runs.csv}, the Java version, and
     * the temporary folder the inputs sat in.
     */
    private String normalise(String file, String text) {
        String t = text.replace(dir.toString() + java.io.File.separator, "");
        if (!file.equals("runs.csv") && !file.equals("manifest.json")) {
            return t;
        }
        return t.replace(System.getProperty("java.runtime.version"), "<java>")
                .replace(System.getProperty("java.version"), "<java>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z", "<time>");
    }
}
