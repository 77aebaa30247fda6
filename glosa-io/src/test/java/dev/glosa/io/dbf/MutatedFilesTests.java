package dev.glosa.io.dbf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged copies of real files, made in a temporary folder, fail cleanly with the file and a byte offset. */
class MutatedFilesTests {

    @TempDir
    Path dir;

    private Path copy(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static byte[] original(String name) throws IOException {
        return Files.readAllBytes(SharedData.datasus(name));
    }

    private static void assertFailsNamingFileAndOffset(Path file) {
        assertThatThrownBy(() -> DbfReader.read(file))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(file + ": byte ")
                .satisfies(e -> {
                    MalformedFileException m = (MalformedFileException) e;
                    assertThat(m.file()).isEqualTo(file.toString());
                    assertThat(m.offset()).isNotNegative();
                    assertThat(m.getMessage()).doesNotContain("\n");
                });
    }

    @Test
    void truncatedDbcFailsAtTheEndOfTheFile() throws IOException {
        byte[] b = original("RJES1205.dbc");
        for (int length : new int[] {b.length - 1, b.length / 2, 2913 + 4 + 1, 2913 + 2, 2000, 31, 0}) {
            Path p = copy("RJES1205-" + length + ".dbc", Arrays.copyOf(b, length));
            assertFailsNamingFileAndOffset(p);
        }
        Path half = copy("half.dbc", Arrays.copyOf(b, b.length / 2));
        assertThatThrownBy(() -> DbfReader.read(half))
                .hasMessageStartingWith(half + ": byte " + (b.length / 2) + ": truncated implode stream: input ends "
                        + "before the end code (");
    }

    @Test
    void truncatedDbfFailsWithTheHeaderPromise() throws IOException {
        byte[] b = original("RDRR0801.dbf");
        for (int length : new int[] {b.length - 2, b.length - 500, b.length / 3, 2785, 100}) {
            assertFailsNamingFileAndOffset(copy("RDRR0801-" + length + ".dbf", Arrays.copyOf(b, length)));
        }
        // Only the final 0x1A missing is fine.
        assertThat(DbfReader.read(copy("nomarker.dbf", Arrays.copyOf(b, b.length - 1)))
                        .table()
                        .rowCount())
                .isEqualTo(1475);
    }

    @Test
    void flippedBytesInTheCompressedRecordsFail() throws IOException {
        byte[] b = original("RJES1205.dbc");
        int start = 2913 + 4;
        for (int k = 0; k < 12; k++) {
            byte[] m = b.clone();
            int at = start + 2 + (int) ((long) (b.length - start - 4) * k / 12);
            m[at] ^= (byte) (1 << (k % 8));
            assertFailsNamingFileAndOffset(copy("flip" + k + ".dbc", m));
        }
    }

    @Test
    void flippedBytesInAPlainDbfAreCaughtWhereTheyBreakTheFormat() throws IOException {
        byte[] b = original("RDAP1405.dbf");
        byte[] flag = b.clone();
        flag[3073 + 660 * 10] = 'Z';
        assertFailsNamingFileAndOffset(copy("flag.dbf", flag));
        byte[] number = b.clone();
        // VAL_TOT of record 1 (offset 249 in the record) gets a letter.
        number[3073 + 249 + 5] = 'x';
        Path p = copy("number.dbf", number);
        assertThatThrownBy(() -> DbfReader.read(p))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(p + ": byte " + (3073 + 249) + ": record 1, field VAL_TOT (N,14,2)");
    }

    @Test
    void wrongHeaderLengthFails() throws IOException {
        for (String name : new String[] {"RJES1205.dbc", "RDAP1405.dbf", "ERSE2003.dbc"}) {
            byte[] b = original(name);
            int hl = DbfHeader.u16(b, 8);
            for (int delta : new int[] {-32, -1, 1, 32, 4096}) {
                byte[] m = b.clone();
                int v = hl + delta;
                m[8] = (byte) v;
                m[9] = (byte) (v >>> 8);
                assertFailsNamingFileAndOffset(copy(delta + name, m));
            }
        }
    }

    @Test
    void crcMismatchFailsUnlessOnlyReported() throws IOException {
        byte[] b = original("ERSE2003.dbc");
        int hl = DbfHeader.u16(b, 8);
        byte[] m = b.clone();
        m[hl] ^= 0x01;
        Path p = copy("crc.dbc", m);
        assertThatThrownBy(() -> DbfReader.read(p))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(
                        p + ": byte " + hl + ": CRC-32 mismatch: stored 0x19285647, computed 0x19285646");
        DbfTable reported = DbfReader.read(p, DbfReadOptions.defaults().reportingCrcMismatch());
        assertThat(reported.report().crc()).isEqualTo(CrcStatus.MISMATCH);
        assertThat(reported.report().warnings()).singleElement().asString().startsWith("CRC-32 mismatch");
        assertThat(reported.table().rowCount()).isEqualTo(25);
    }

    @Test
    void recordCountDisagreeingWithADbcFails() throws IOException {
        byte[] b = original("ERSE2003.dbc");
        byte[] more = b.clone();
        more[4] = 26;
        Path p = copy("more.dbc", more);
        assertThatThrownBy(() -> DbfReader.read(p))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("header declares 26 records but the data holds 25");
        byte[] fewer = b.clone();
        fewer[4] = 24;
        Path q = copy("fewer.dbc", fewer);
        assertThatThrownBy(() -> DbfReader.read(q))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("produces more than the allowed " + (24 * 103 + 1) + " bytes");
    }

    @Test
    void trailingGarbageAfterTheStreamIsReportedNotIgnoredSilently() throws IOException {
        byte[] b = original("ERRR1204.dbc");
        byte[] m = Arrays.copyOf(b, b.length + 7);
        DbfTable t = DbfReader.read(copy("tail.dbc", m));
        assertThat(t.table().rowCount()).isEqualTo(22);
        assertThat(t.report().crc()).isEqualTo(CrcStatus.OK);
        assertThat(t.report().warnings())
                .singleElement()
                .asString()
                .isEqualTo("7 bytes after the end of the imploded stream (byte " + b.length + ") ignored");
    }
}
