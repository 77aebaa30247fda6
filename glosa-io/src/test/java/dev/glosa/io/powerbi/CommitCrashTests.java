package dev.glosa.io.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.table.GlosaTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run killed at any step of writing leaves the folder holding exactly one complete week-state: the old one, or the
 * new one once the commit's journal is on disk.
 */
class CommitCrashTests {
    private static final LocalDate WEEK3 = LocalDate.of(2024, 5, 20);

    @TempDir
    Path dir;

    /** Thrown from the hook: an {@link Error} so that no cleanup runs, as when the process is killed there. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash(String step) {
            super("simulated crash after " + step);
        }
    }

    static List<GroupRecord> state(LocalDate asOf) {
        return List.of(new GroupRecord(
                "S1",
                "S1-G1",
                1,
                0,
                3,
                0.6,
                120.5 + asOf.getDayOfMonth(),
                Map.of("glosa_amount", 40.0),
                Map.of("glosa_amount", 12.5),
                0,
                "=high value"));
    }

    static void write(Path folder, LocalDate asOf, WriteJob.Hook hook) throws IOException {
        GlosaTable t = Fixture.table();
        WriteJob.write(
                folder,
                Fixture.run(asOf, Instant.parse("2024-05-13T03:00:00Z")),
                t,
                Fixture.outcomes(!asOf.equals(Fixture.WEEK1)),
                Fixture.indicators(t),
                state(asOf),
                WriterOptions.pseudonymise(Fixture.KEY),
                Map.of(),
                hook);
    }

    /** Every step of a write of week 2 over week 1, in order: temporary files, then the commit. */
    private static List<String> steps(Path folder) throws IOException {
        List<String> steps = new ArrayList<>();
        write(folder, Fixture.WEEK1, WriteJob.Hook.NONE);
        write(folder, Fixture.WEEK2, new WriteJob.Hook() {
            @Override
            public void tempWritten(String file) {
                steps.add("temp " + file);
            }

            @Override
            public void committed(String step) {
                steps.add(step);
            }
        });
        return steps;
    }

    static WriteJob.Hook crashAt(String at) {
        return new WriteJob.Hook() {
            @Override
            public void tempWritten(String file) {
                if (at.equals("temp " + file)) {
                    throw new Crash(at);
                }
            }

            @Override
            public void committed(String step) {
                if (at.equals(step)) {
                    throw new Crash(at);
                }
            }
        };
    }

    /** The files users and Power BI read (not the lock, the journal or temporary files), by name. */
    static Map<String, byte[]> snapshot(Path folder) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (!p.getFileName().toString().startsWith(".")) {
                    out.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    /** Whether the two snapshots hold the same files with the same bytes. */
    static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (String f : a.keySet()) {
            if (!java.util.Arrays.equals(a.get(f), b.get(f))) {
                return false;
            }
        }
        return true;
    }

    /** Every table holds the weeks {@code runs.csv} lists, no more and no fewer, and the manifest names the last. */
    static void assertOneWeekState(Path folder) throws IOException {
        Set<String> weeks = new TreeSet<>(
                CsvFile.read(folder.resolve(StarSchemaWriter.RUNS)).column("as_of"));
        for (String table : List.of(
                StarSchemaWriter.FACT_GLOSA,
                StarSchemaWriter.DIM_SEGMENT,
                StarSchemaWriter.DIM_GROUP,
                StarSchemaWriter.INDICATORS,
                StarSchemaWriter.GROUP_STATE)) {
            assertThat(new TreeSet<>(CsvFile.read(folder.resolve(table)).column("as_of")))
                    .as(table)
                    .isEqualTo(weeks);
        }
        String manifestWeek = new ObjectMapper()
                .readTree(folder.resolve(StarSchemaWriter.MANIFEST).toFile())
                .path("run")
                .path("as_of")
                .asText();
        assertThat(manifestWeek).isEqualTo(((TreeSet<String>) weeks).last());
    }

    @Test
    void aCrashAtEveryStepLeavesTheOldOrTheNewWeekWholeForTheNextReaderAndWriter() throws IOException {
        Path old = dir.resolve("old");
        write(old, Fixture.WEEK1, WriteJob.Hook.NONE);
        Map<String, byte[]> oldState = snapshot(old);
        Path fresh = dir.resolve("new");
        List<String> steps = steps(fresh);
        Map<String, byte[]> newState = snapshot(fresh);
        assertThat(steps)
                .contains(
                        "journal written",
                        "journal published",
                        "renamed fact_glosa.csv",
                        "renamed group_state.csv",
                        "renamed manifest.json",
                        "renamed runs.csv",
                        "journal removed");
        assertThat(steps.indexOf("journal published")).isEqualTo(steps.indexOf("journal written") + 1);

        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            Path folder = dir.resolve("crash-" + i);
            write(folder, Fixture.WEEK1, WriteJob.Hook.NONE);
            assertThatThrownBy(() -> write(folder, Fixture.WEEK2, crashAt(step)))
                    .isInstanceOf(Crash.class);

            // the next start, a reader of the previous run or a writer, first completes or discards the commit
            List<GroupRecord> previous = i % 2 == 0 ? StarSchemaWriter.previousState(folder, WEEK3) : null;
            if (previous == null) {
                OutputFolder.open(folder).close();
            }
            assertThat(folder.resolve(Commit.JOURNAL)).doesNotExist();
            boolean committed = i > steps.indexOf("journal written");
            assertThat(same(snapshot(folder), committed ? newState : oldState))
                    .as(
                            "after a crash after '%s' the folder holds the %s week, byte for byte",
                            step, committed ? "new" : "old")
                    .isTrue();
            assertOneWeekState(folder);
            if (previous != null) {
                assertThat(previous.get(0).glosaAmount())
                        .isEqualTo(state(committed ? Fixture.WEEK2 : Fixture.WEEK1)
                                .get(0)
                                .glosaAmount());
            }

            // and the following week's run goes through with every table agreeing with runs.csv
            write(folder, WEEK3, WriteJob.Hook.NONE);
            assertOneWeekState(folder);
            assertThat(CsvFile.read(folder.resolve(StarSchemaWriter.RUNS)).column("as_of"))
                    .hasSize(committed ? 3 : 2);
        }
    }

    @Test
    void aWriteUnderAnOpenFolderWorksAndTheLockStaysHeldUntilClose() throws IOException {
        try (OutputFolder out = OutputFolder.open(dir)) {
            write(out.path(), Fixture.WEEK1, WriteJob.Hook.NONE);
            assertThat(StarSchemaWriter.previousState(dir, Fixture.WEEK2)).hasSize(1);
            write(dir, Fixture.WEEK2, WriteJob.Hook.NONE);
            // still held: another opener is refused
            assertThatThrownBy(() -> OutputFolder.open(dir)).isInstanceOf(FolderLockedException.class);
        }
        OutputFolder.open(dir).close();
        assertOneWeekState(dir);
        assertThat(CsvFile.read(dir.resolve(StarSchemaWriter.RUNS)).rows()).hasSize(2);
    }

    @Test
    void aRenameThatKeepsFailingLeavesTheJournalAndTheNextOpenerFinishesTheCommit() throws IOException {
        Path fresh = dir.resolve("new");
        write(fresh, Fixture.WEEK1, WriteJob.Hook.NONE);
        write(fresh, Fixture.WEEK2, WriteJob.Hook.NONE);
        Path folder = dir.resolve("blocked");
        write(folder, Fixture.WEEK1, WriteJob.Hook.NONE);
        Path runs = folder.resolve(StarSchemaWriter.RUNS);
        byte[] oldRuns = Files.readAllBytes(runs);
        // runs.csv replaced by a non-empty folder: its rename fails, and so does the retry
        WriteJob.Hook blockRuns = new WriteJob.Hook() {
            @Override
            public void tempWritten(String file) {}

            @Override
            public void committed(String step) throws IOException {
                if (step.equals("journal published")) {
                    Files.delete(runs);
                    Files.createDirectories(runs.resolve("held"));
                }
            }
        };
        assertThatThrownBy(() -> write(folder, Fixture.WEEK2, blockRuns))
                .isInstanceOf(CommitPendingException.class)
                .hasMessageStartingWith("the tables of run "
                        + Fixture.run(Fixture.WEEK2).runId() + " are complete but not all in place in " + folder)
                .hasMessageEndingWith(
                        "the next run or reader of the folder puts them in place (.glosa-commit lists them)");
        assertThat(folder.resolve(Commit.JOURNAL)).exists();
        assertThat(WriteJob.temp(folder, StarSchemaWriter.RUNS)).exists();

        Files.delete(runs.resolve("held"));
        Files.delete(runs);
        Files.write(runs, oldRuns);
        OutputFolder.open(folder).close();
        assertThat(same(snapshot(folder), snapshot(fresh))).isTrue();
        assertOneWeekState(folder);
    }

    @Test
    void aJournalThatIsNotGlosasIsReportedWithItsLineAndNothingIsMoved() throws IOException {
        write(dir, Fixture.WEEK1, WriteJob.Hook.NONE);
        Map<String, byte[]> before = snapshot(dir);
        Files.writeString(
                dir.resolve(Commit.JOURNAL),
                "glosa commit journal 1\nrun_id\tx\nrename\t.x\t../../etc/passwd\n" + "end\n");
        assertThatThrownBy(() -> OutputFolder.open(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(Commit.JOURNAL + ":3: not a rename of a star-schema table");
        Files.delete(dir.resolve(Commit.JOURNAL));
        assertThat(same(snapshot(dir), before)).isTrue();
    }

    /** A child JVM is killed while blocked at a step of the commit; the next opener sees one whole week. */
    @ParameterizedTest
    @ValueSource(strings = {"journal written", "renamed dim_group.csv", "renamed runs.csv"})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aProcessKilledDuringTheCommitLeavesOneWholeWeek(String step) throws Exception {
        Path old = dir.resolve("old");
        write(old, Fixture.WEEK1, WriteJob.Hook.NONE);
        Path fresh = dir.resolve("new");
        write(fresh, Fixture.WEEK1, WriteJob.Hook.NONE);
        write(fresh, Fixture.WEEK2, WriteJob.Hook.NONE);
        Path folder = dir.resolve("killed");
        write(folder, Fixture.WEEK1, WriteJob.Hook.NONE);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        dev.glosa.io.testing.ChildJvm.classPath(),
                        CommitKillMain.class.getName(),
                        folder.toString(),
                        step)
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("blocked after " + step);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        boolean committed = !step.equals("journal written");
        assertThat(Files.exists(folder.resolve(Commit.JOURNAL))).isEqualTo(committed);

        OutputFolder.open(folder).close();
        assertThat(same(snapshot(folder), snapshot(committed ? fresh : old)))
                .as("after a kill after '%s'", step)
                .isTrue();
        assertOneWeekState(folder);
    }
}
