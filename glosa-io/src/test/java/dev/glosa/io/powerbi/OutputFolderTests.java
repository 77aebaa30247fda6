package dev.glosa.io.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTests {
    @TempDir
    Path dir;

    @Test
    void anEmptyPathIsRefusedWithASentence() {
        assertThatThrownBy(() -> OutputFolder.open(Path.of("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the output folder is an empty path; name the folder to write the Power BI tables into (it "
                        + "is created if missing)");
    }

    @Test
    void aPathThatIsAFileIsRefusedAndTheFileKept() throws IOException {
        Path file = Files.writeString(dir.resolve("report.xlsx"), "not a folder");
        assertThatThrownBy(() -> OutputFolder.open(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the output folder " + file + " is an existing file, not a folder; name a folder (it is "
                        + "created if missing) or move the file away");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
        assertThatThrownBy(() -> OutputFolder.open(file.resolve("sub")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot create the output folder " + file.resolve("sub"));
    }

    @Test
    void aFolderItCannotWriteInIsReportedBeforeAnythingIsWritten() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("out"));
        // a folder where the probe's name is taken by a folder: the probe write fails as on a read-only share
        Files.createDirectories(
                folder.resolve(".glosa-probe-" + ProcessHandle.current().pid()));
        assertThatThrownBy(() -> OutputFolder.open(folder))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write in the output folder " + folder + " (")
                .hasMessageEndingWith("); choose a folder this user can write, or fix its permissions");
        assertThat(folder.resolve(FolderLock.FILE)).doesNotExist();
    }

    @Test
    void aReadOnlyFolderIsReportedBeforeAnythingIsWritten() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("ro"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (Files.isWritable(folder)) {
                // root writes anyway; the probe then succeeds, which is right, and the other test covers the failure
                OutputFolder.open(folder).close();
                return;
            }
            assertThatThrownBy(() -> OutputFolder.open(folder))
                    .isInstanceOf(IOException.class)
                    .hasMessage("cannot write in the output folder " + folder + " (permission denied); choose a folder "
                            + "this user can write, or fix its permissions");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void openCreatesTheFolderAndLeavesOnlyTheLock() throws IOException {
        Path folder = dir.resolve("a/b/out");
        try (OutputFolder out = OutputFolder.open(folder)) {
            assertThat(out.path()).isEqualTo(folder);
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly(FolderLock.FILE);
            }
        }
    }

    @Test
    @SuppressWarnings("try") // the open folder holds the lock for the body
    void theLockIsHeldFromOpenToCloseAgainstAnotherProcess() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try (OutputFolder out = OutputFolder.open(dir)) {
            Process other = new ProcessBuilder(
                            java.toString(),
                            "-cp",
                            dev.glosa.io.testing.ChildJvm.classPath(),
                            LockHolderMain.class.getName(),
                            dir.toString())
                    .redirectErrorStream(true)
                    .start();
            try (BufferedReader o =
                    new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(o.readLine())
                        .startsWith("Exception in thread \"main\" " + FolderLockedException.class.getName()
                                + ": another run is writing " + dir);
                assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                other.destroyForcibly();
            }
            StarSchemaWriterTests.write(dir, Fixture.WEEK1);
        }
        try (OutputFolder again = OutputFolder.open(dir)) {
            assertThat(CsvFile.read(dir.resolve(StarSchemaWriter.RUNS)).rows()).hasSize(1);
        }
    }

    @Test
    @SuppressWarnings("try") // the open folder holds the lock for the body
    void aSecondOpenInTheSameProcessIsRefusedWhileTheFirstIsHeld() throws IOException {
        try (OutputFolder out = OutputFolder.open(dir)) {
            assertThatThrownBy(() -> OutputFolder.open(dir.resolve(".").resolve("")))
                    .isInstanceOf(FolderLockedException.class);
        }
        OutputFolder.open(dir).close();
    }
}
