package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code glosa.jar} as users run it, a process of its own after the build packaged it (run by failsafe in
 * {@code verify}): everything the commands need at run time is inside, which the in-process tests cannot show since
 * their class path holds every module.
 */
class GlosaJarTests {
    @TempDir
    Path dir;

    private static Path jar() {
        Path jar = Path.of("target", "glosa.jar");
        assertThat(jar)
                .as("the shaded jar, packaged before the integration tests run")
                .exists();
        return jar;
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // English whatever the machine's locale: the assertions read English texts
                "-Duser.language=en",
                "-Duser.country=US",
                "-jar",
                jar().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS))
                .as("the jar ends within two minutes")
                .isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private record Run(int status, String output) {}

    @Test
    void theJarListsEveryCommand() throws Exception {
        Run help = run("--help");
        assertThat(help.status()).as(help.output()).isZero();
        assertThat(help.output()).contains("demo", "sus", "csv", "sql", "tiss", "inspect", "fetch");
    }

    @Test
    void theJarCarriesItsParserItsVersionAndItsLicence() throws Exception {
        Run version = run("-V");
        assertThat(version.status()).as(version.output()).isZero();
        assertThat(version.output().strip()).matches("glosa \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(jar().toFile())) {
            assertThat(jar.getEntry("picocli/CommandLine.class")).isNotNull();
            assertThat(jar.getEntry("META-INF/LICENSE")).isNotNull();
            assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Version"))
                    .isNotBlank();
        }
    }

    @Test
    void theJarRefusesAnUndeclaredOptionAndCompletesInAShell() throws Exception {
        Run demo = run("demo", "-o", dir.resolve("x").toString());
        assertThat(demo.status()).as(demo.output()).isEqualTo(2);
        assertThat(demo.output()).contains("glosa demo: unknown option -o");
        assertThat(dir.resolve("x")).doesNotExist();
        Run completion = run("completion");
        assertThat(completion.status()).isZero();
        assertThat(completion.output()).contains("complete -F").contains("--out");
    }

    @Test
    void theJarRunsTheDemoEndToEnd() throws Exception {
        Path out = dir.resolve("demo");
        Run demo = run("demo", "--rows", "1000", "--out", out.toString(), "--as-of", "2026-11-23", "--threads", "2");
        assertThat(demo.status()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("Top groups by money at stake");
        for (String file : List.of(
                "fact_glosa.csv",
                "dim_segment.csv",
                "dim_group.csv",
                "indicators.csv",
                "runs.csv",
                "group_state.csv",
                "manifest.json")) {
            assertThat(Files.size(out.resolve(file))).as(file).isPositive();
        }
    }
}
