package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.run.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed while it writes leaves last week's outputs as they were, and the next run goes through. */
class InterruptedRunTests {
    @TempDir
    Path dir;

    @Test
    void runKilledWhileWritingLeavesThePreviousOutputsIntact() throws Exception {
        Path out = dir.resolve("out");
        CliRun first = CliRun.of("demo", "--rows", "2000", "--out", out.toString(), "--as-of", "2026-11-23");
        assertThat(first.status).as(first.toString()).isZero();
        Map<String, byte[]> before = snapshot(out);

        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java,
                        "-Duser.language=en",
                        "-Duser.country=US",
                        "-cp",
                        System.getProperty("java.class.path"),
                        GlosaCli.class.getName(),
                        "demo",
                        "--rows",
                        "150000",
                        "--out",
                        out.toString(),
                        "--as-of",
                        "2026-11-30",
                        "--threads",
                        "2")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        boolean sawTemp = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (child.isAlive() && System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(out)) {
                sawTemp = files.anyMatch(p -> p.getFileName().toString().endsWith(".glosa-tmp"));
            }
            if (sawTemp) {
                child.destroyForcibly();
                break;
            }
            Thread.sleep(5);
        }
        child.waitFor(30, TimeUnit.SECONDS);
        assertThat(sawTemp)
                .as("the child run was caught while writing its temporary files: "
                        + Files.readString(dir.resolve("child.log")))
                .isTrue();

        Map<String, byte[]> after = snapshot(out);
        assertThat(after.keySet()).containsAll(before.keySet());
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertThat(after.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(CsvTable.read(out.resolve("runs.csv")).rows()).hasSize(1);

        CliRun next = CliRun.of("demo", "--rows", "2000", "--out", out.toString(), "--as-of", "2026-11-30");
        assertThat(next.status).as(next.toString()).isZero();
        assertThat(CsvTable.read(out.resolve("runs.csv")).rows()).hasSize(2);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".glosa-tmp"));
        }
    }

    /** The star-schema files (not the log or the lock), by name. */
    private static Map<String, byte[]> snapshot(Path folder) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        for (String f : List.of(
                "fact_glosa.csv",
                "dim_segment.csv",
                "dim_group.csv",
                "indicators.csv",
                "runs.csv",
                "group_state.csv",
                "manifest.json")) {
            out.put(f, Files.readAllBytes(folder.resolve(f)));
        }
        return out;
    }
}
