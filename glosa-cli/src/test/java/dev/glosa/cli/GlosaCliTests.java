package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlosaCliTests {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new GlosaCli(console).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("Usage: glosa COMMAND").contains("demo");
    }

    @Test
    void noArgumentsPrintsUsageAndExitsTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(out()).contains("Usage: glosa COMMAND");
    }

    @Test
    void unknownCommandAndOptionGiveOneLineAndExitTwo() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'frobnicate'");
        assertThat(run("demo", "--bogus")).isEqualTo(2);
        assertThat(err()).contains("glosa demo: unknown option --bogus").doesNotContain("Exception");
        assertThat(run("demo", "--rows", "abc")).isEqualTo(2);
        assertThat(err()).contains("--rows must be a whole number, found 'abc'");
    }

    @TempDir
    Path dir;

    @Test
    void demoReconcilesAndPrintsTheIndicators() {
        assertThat(run("demo", "--rows", "2000", "--seed", "7", "--out", dir.toString())).isZero();
        assertThat(out()).contains("A REJECTED_NEVER_PAID").contains("naive rejected total").contains("overall");
    }

    @Test
    void demoIsReproducibleForTheSameSeed() {
        run("demo", "--rows", "1500", "--seed", "3", "--out", dir.resolve("a").toString(), "--as-of", "2026-11-23");
        String first = out().replace(dir.resolve("a").toString(), "OUT");
        out.reset();
        run("demo", "--rows", "1500", "--seed", "3", "--out", dir.resolve("b").toString(), "--as-of", "2026-11-23");
        assertThat(out().replace(dir.resolve("b").toString(), "OUT")).isEqualTo(first);
    }
}
