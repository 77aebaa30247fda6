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
        Console console = new Console(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
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
    void noArgumentsPrintsUsageToStandardErrorAndExitsTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("Usage: glosa COMMAND");
        assertThat(out()).isEmpty();
    }

    @Test
    void versionIsPrintedByEveryCommand() {
        for (String[] args : new String[][] {
            {"-V"}, {"--version"}, {"demo", "-V"}, {"inspect", "--version"}, {"fetch", "-V"}, {"completion", "-V"}
        }) {
            out.reset();
            assertThat(run(args)).as(String.join(" ", args)).isZero();
            assertThat(out()).as(String.join(" ", args)).startsWith("glosa ").hasLineCount(1);
        }
    }

    @Test
    void helpAndVersionAlsoWorkAsWords() {
        assertThat(run("help")).isZero();
        assertThat(out())
                .contains("Usage: glosa COMMAND")
                .contains("demo")
                .contains("help")
                .contains("version");
        out.reset();
        assertThat(run("help", "sus")).isZero();
        assertThat(out()).contains("Usage: glosa sus").contains("--rd");
        out.reset();
        assertThat(run("version")).isZero();
        assertThat(out()).startsWith("glosa ").hasLineCount(1);
        out.reset();
        assertThat(run("help", "nope")).isEqualTo(2);
        assertThat(err()).contains("glosa help: unknown command 'nope'");
        assertThat(out()).isEmpty();
        assertThat(run("version", "extra")).isEqualTo(2);
    }

    @Test
    void everyCommandPrintsItsOwnHelpToStandardOutput() {
        for (String command : new String[] {"demo", "sus", "csv", "sql", "tiss", "inspect", "fetch", "completion"}) {
            out.reset();
            err.reset();
            assertThat(run(command, "-h")).as(command).isZero();
            assertThat(out()).as(command).contains("Usage: glosa " + command);
            assertThat(err()).as(command).isEmpty();
        }
        out.reset();
        assertThat(run("demo", "--help")).isZero();
        assertThat(out()).contains("--rows N").contains("--as-of DATE");
    }

    @Test
    void optionsThatTheCommandDoesNotDeclareAreRefusedBeforeAnythingRuns() {
        assertThat(run("demo", "-o", dir.resolve("x").toString())).isEqualTo(2);
        assertThat(err())
                .contains("glosa demo: unknown option -o")
                .contains("(glosa demo --help)")
                .hasLineCount(1);
        assertThat(dir.resolve("x")).doesNotExist();
        err.reset();
        assertThat(run("demo", "stray")).isEqualTo(2);
        assertThat(err()).contains("glosa demo: unexpected argument 'stray'").hasLineCount(1);
        err.reset();
        assertThat(run("demo", "--rows", "200", "--rows", "300")).isEqualTo(2);
        assertThat(err()).contains("glosa demo: ").contains("--rows").hasLineCount(1);
        err.reset();
        assertThat(run("demo", "--out")).isEqualTo(2);
        assertThat(err()).contains("glosa demo: ").contains("--out").hasLineCount(1);
        err.reset();
        assertThat(run("inspect")).isEqualTo(2);
        assertThat(err()).contains("glosa inspect: ").contains("FILE").hasLineCount(1);
        err.reset();
        assertThat(run("fetch", "--uf", "MT", "--rd", "x.dbc")).isEqualTo(2);
        assertThat(err()).contains("glosa fetch: unknown option --rd");
    }

    @Test
    void aMistypedOptionOrCommandGetsASuggestion() {
        assertThat(run("demo", "--ot", "x")).isEqualTo(2);
        assertThat(err()).contains("unknown option --ot; did you mean --out");
        err.reset();
        assertThat(run("demp")).isEqualTo(2);
        assertThat(err()).contains("glosa: unknown command 'demp'").contains("did you mean demo");
    }

    @Test
    void inTakesOneOrMorePathsOnEveryCommandAndCsvSaysItReadsOne() {
        assertThat(run("csv", "--in", "a.csv", "b.csv", "--out", dir.toString()))
                .isEqualTo(2);
        assertThat(err()).contains("glosa csv: --in: glosa csv reads one export, found 2 files");
        err.reset();
        assertThat(run(
                        "tiss",
                        "--in",
                        dir.resolve("none-1").toString(),
                        dir.resolve("none-2").toString(),
                        "--out",
                        dir.resolve("out").toString()))
                .isEqualTo(2);
        assertThat(err()).doesNotContain("unexpected argument").doesNotContain("takes one value");
    }

    @Test
    void completionPrintsAScriptThatCompletesTheCommandsAndTheirOptions() {
        assertThat(run("completion")).isZero();
        assertThat(out())
                .contains("complete -F")
                .contains("bashcompinit")
                .contains("demo")
                .contains("fetch")
                .contains("--rows")
                .contains("--as-of")
                .contains("--rd");
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
        assertThat(run("demo", "--rows", "2000", "--seed", "7", "--out", dir.toString()))
                .isZero();
        assertThat(out())
                .contains("A rejected, never paid")
                .contains("naive rejected total")
                .contains("overall");
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
