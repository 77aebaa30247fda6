package dev.glosa.io.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.result.SegmentStatus;
import dev.glosa.core.segment.SegmentKey;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StarSchemaSafetyTests {
    @TempDir
    Path dir;

    private static Map<String, byte[]> snapshot(Path folder) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (!p.getFileName().toString().equals(FolderLock.FILE)) {
                    out.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    private static void writeWeek2(Path folder, WriteJob.Hook hook) throws IOException {
        GlosaTable t = Fixture.table();
        WriteJob.write(
                folder,
                Fixture.run(Fixture.WEEK2, Instant.parse("2024-05-13T03:00:00Z")),
                t,
                Fixture.outcomes(true),
                Fixture.indicators(t),
                WriterOptions.pseudonymise(Fixture.KEY),
                Map.of(),
                hook);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fact_glosa.csv", "dim_group.csv", "runs.csv", "manifest.json"})
    void aRunThatFailsMidWayLeavesThePreviousOutputsByteIdentical(String failAfter) throws IOException {
        StarSchemaWriterTests.write(dir, Fixture.WEEK1);
        Map<String, byte[]> before = snapshot(dir);
        assertThatThrownBy(() -> writeWeek2(dir, file -> {
                    if (file.equals(failAfter)) {
                        throw new IOException("simulated crash after " + file);
                    }
                }))
                .hasMessage("simulated crash after " + failAfter);
        Map<String, byte[]> after = snapshot(dir);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String file : before.keySet()) {
            assertThat(after.get(file)).as(file).isEqualTo(before.get(file));
        }
        // the folder is unlocked and the next run succeeds
        writeWeek2(dir, WriteJob.Hook.NONE);
        assertThat(CsvFile.read(dir.resolve(StarSchemaWriter.RUNS)).rows()).hasSize(2);
    }

    @Test
    void aRunThatFailsOnBadInputLeavesNoTrace() throws IOException {
        StarSchemaWriterTests.write(dir, Fixture.WEEK1);
        Map<String, byte[]> before = snapshot(dir);
        GlosaTable t = Fixture.table();
        SegmentKey k = new SegmentKey(List.of("hospital"), List.of("H1"));
        SegmentResult bad = new SegmentResult(
                k,
                SegmentStatus.CLUSTERED,
                "",
                "kmeans",
                Map.of(),
                "",
                1,
                Double.NaN,
                Double.NaN,
                List.of(),
                0,
                1,
                0,
                Map.of(),
                new SegmentAssignment(k, new int[] {0}, new int[1], new String[] {"X"}),
                List.of(),
                List.of(),
                List.of());
        List<SegmentResult> outcomes = new java.util.ArrayList<>(Fixture.outcomes(true));
        outcomes.add(bad);
        assertThatThrownBy(() -> WriteJob.write(
                        dir,
                        Fixture.run(Fixture.WEEK2),
                        t,
                        outcomes,
                        List.of(),
                        WriterOptions.pseudonymise(Fixture.KEY),
                        Map.of(),
                        WriteJob.Hook.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0 is in two segments");
        assertThat(snapshot(dir).keySet()).isEqualTo(before.keySet());
    }

    @Test
    void tempFilesOfAKilledRunAreRemovedByTheNextRun() throws IOException {
        StarSchemaWriterTests.write(dir, Fixture.WEEK1);
        Path stale = WriteJob.temp(dir, StarSchemaWriter.FACT_GLOSA);
        Files.writeString(stale, "run_id,as_of\r\nhalf a ro");
        StarSchemaWriterTests.write(dir, Fixture.WEEK2);
        assertThat(stale).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            FolderLock.FILE,
                            StarSchemaWriter.FACT_GLOSA,
                            StarSchemaWriter.DIM_SEGMENT,
                            StarSchemaWriter.DIM_GROUP,
                            StarSchemaWriter.INDICATORS,
                            StarSchemaWriter.RUNS,
                            StarSchemaWriter.MANIFEST,
                            DimensionTables.HOSPITAL,
                            DimensionTables.PAYER,
                            DimensionTables.GLOSA_TYPE,
                            DimensionTables.DATE,
                            DimensionTables.RUN);
        }
    }

    @Test
    @SuppressWarnings("try")
    void aSecondWriterIsRefusedWhileTheLockIsHeld() throws IOException {
        StarSchemaWriterTests.write(dir, Fixture.WEEK1);
        Map<String, byte[]> before = snapshot(dir);
        try (FolderLock held = FolderLock.acquire(dir)) {
            assertThatThrownBy(() -> StarSchemaWriterTests.write(dir, Fixture.WEEK2))
                    .isInstanceOf(FolderLockedException.class)
                    .hasMessageStartingWith("another run is writing " + dir + " (lock held since 20")
                    .hasMessageContaining("by pid " + ProcessHandle.current().pid());
        }
        assertThat(snapshot(dir)).containsOnlyKeys(before.keySet());
        StarSchemaWriterTests.write(dir, Fixture.WEEK2);
        assertThat(CsvFile.read(dir.resolve(StarSchemaWriter.RUNS)).rows()).hasSize(2);
    }

    @Test
    void aLockHeldByAnotherProcessRefusesTheWriter() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        dev.glosa.io.testing.ChildJvm.classPath(),
                        LockHolderMain.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> StarSchemaWriterTests.write(dir, Fixture.WEEK1))
                    .isInstanceOf(FolderLockedException.class)
                    .hasMessageContaining("by pid " + holder.pid());
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            holder.destroy();
        }
        StarSchemaWriterTests.write(dir, Fixture.WEEK1);
        assertThat(dir.resolve(StarSchemaWriter.RUNS)).exists();
    }

    @Test
    void reservedAndOutOfRangeInputsAreRefusedWithTheValue() {
        GlosaTable withRunId = Fixture.table().with(LongColumn.of("run_id", new long[10]));
        assertThatThrownBy(() -> WriteJob.write(
                        dir,
                        Fixture.run(Fixture.WEEK1),
                        withRunId,
                        List.of(),
                        List.of(),
                        WriterOptions.pseudonymise(Fixture.KEY),
                        Map.of(),
                        WriteJob.Hook.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'run_id'");
        GlosaTable four = Fixture.table().select(new int[] {0, 1, 2, 3});
        assertThatThrownBy(() -> WriteJob.write(
                        dir,
                        Fixture.run(Fixture.WEEK1),
                        four,
                        Fixture.outcomes(false),
                        List.of(),
                        WriterOptions.pseudonymise(Fixture.KEY),
                        Map.of(),
                        WriteJob.Hook.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("assigns row 4, but the analysed table has 4 rows");
        assertThat(dir.resolve(StarSchemaWriter.FACT_GLOSA)).doesNotExist();
    }

    @Test
    void aForeignFileInTheFolderIsNotOverwritten() throws IOException {
        Files.writeString(dir.resolve(StarSchemaWriter.DIM_SEGMENT), "name,value\r\nx,1\r\n");
        assertThatThrownBy(() -> StarSchemaWriterTests.write(dir, Fixture.WEEK1))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("dim_segment.csv:1: no column 'as_of'");
        assertThat(Files.readString(dir.resolve(StarSchemaWriter.DIM_SEGMENT))).isEqualTo("name,value\r\nx,1\r\n");
        assertThat(dir.resolve(StarSchemaWriter.FACT_GLOSA)).doesNotExist();
    }

    @Test
    void aMalformedHistoryRowIsReportedWithFileAndLine() throws IOException {
        StarSchemaWriterTests.write(dir, Fixture.WEEK1);
        Path seg = dir.resolve(StarSchemaWriter.DIM_SEGMENT);
        Files.writeString(seg, Files.readString(seg) + "only,three,cells\r\n");
        assertThatThrownBy(() -> StarSchemaWriterTests.write(dir, Fixture.WEEK2))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("dim_segment.csv:4: 3 cells, the header has");
    }
}
