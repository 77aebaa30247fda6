package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.io.powerbi.OutputFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder is checked and locked before a command reads or generates any data. */
class OutputFolderCheckTests {
    @TempDir
    Path dir;

    @Test
    void anEmptyOutIsRefusedBeforeTheInputIsRead() {
        CliRun run = CliRun.of("csv", "--in", dir.resolve("missing.csv").toString(), "--out", "");
        assertThat(run.status).as(run.toString()).isEqualTo(2);
        // the command line echoed, then the refusal, and nothing about the input
        assertThat(run.err.lines().toList())
                .hasSize(2)
                .last()
                .asString()
                .startsWith("glosa csv: --out is empty: give the output folder");
    }

    @Test
    void anOutThatIsAFileIsRefusedBeforeTheInputIsReadAndTheFileIsKept() throws IOException {
        Path file = Files.writeString(dir.resolve("out.csv"), "keep me");
        CliRun run = CliRun.of(
                "sus",
                "--rd",
                dir.resolve("RD.dbc").toString(),
                "--rj",
                dir.resolve("RJ.dbc").toString(),
                "--out",
                file.toString());
        assertThat(run.status).as(run.toString()).isEqualTo(2);
        assertThat(run.err.lines().toList())
                .hasSize(2)
                .last()
                .asString()
                .startsWith("glosa sus: --out: the output " + "folder " + file + " is an existing file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void aFolderThatCannotBeWrittenIsReportedBeforeTheInputIsRead() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        // the probe's name taken by a folder makes its write fail, as on a read-only share
        Files.createDirectories(
                out.resolve(".glosa-probe-" + ProcessHandle.current().pid()));
        CliRun run = CliRun.of("tiss", "--in", dir.resolve("missing.xml").toString(), "--out", out.toString());
        assertThat(run.status).as(run.toString()).isEqualTo(2);
        assertThat(run.err.lines().toList())
                .hasSize(2)
                .last()
                .asString()
                .startsWith("glosa tiss: --out: cannot write in the output folder " + out);
    }

    @Test
    @SuppressWarnings("try") // the open folder holds the lock for the body
    void aLockedFolderIsReportedBeforeAnyDataIsGeneratedAndTheLockIsReleasedAfterARun() throws IOException {
        Path out = dir.resolve("out");
        try (OutputFolder held = OutputFolder.open(out)) {
            CliRun run = CliRun.of("demo", "--rows", "500", "--out", out.toString());
            assertThat(run.status).as(run.toString()).isEqualTo(1);
            assertThat(run.err)
                    .contains("glosa demo: another run is writing " + out)
                    .doesNotContain("generating");
        }
        CliRun ok = CliRun.of("demo", "--rows", "500", "--out", out.toString(), "--threads", "1");
        assertThat(ok.status).as(ok.toString()).isZero();
        // the run let go of the folder when it ended
        OutputFolder.open(out).close();
        assertThat(out.resolve("runs.csv")).exists();
    }
}
