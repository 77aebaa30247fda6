package dev.glosa.io.dbf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.table.Column;
import dev.glosa.core.table.GlosaTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbcWriterTests {

    @TempDir
    Path dir;

    private Path writeDbf(String name, int records) throws IOException {
        Path file = dir.resolve(name);
        SplittableRandom r = new SplittableRandom(records);
        try (DbfWriter w = DbfWriter.builder()
                .character("N_AIH", 13)
                .character("CNES", 7)
                .numeric("VAL_TOT", 14, 2)
                .date("DT")
                .character("OBS", 30)
                .lastUpdate(LocalDate.of(2022, 3, 4))
                .open(file)) {
            for (int i = 0; i < records; i++) {
                w.setString(0, Long.toString(5_121_100_000_000L + r.nextInt(1_000_000)))
                        .setString(1, "20008" + (10 + r.nextInt(5)))
                        .setDouble(2, r.nextInt(3_000_000) / 100.0)
                        .setDate(3, LocalDate.of(2021, 1, 1).plusDays(r.nextInt(400)))
                        .setString(4, r.nextInt(3) == 0 ? "INTERNA\u00c7\u00c3O" : null);
                w.endRecord();
            }
        }
        return file;
    }

    private static void assertSameRows(GlosaTable a, GlosaTable b) {
        assertThat(b.columnNames()).isEqualTo(a.columnNames());
        assertThat(b.rowCount()).isEqualTo(a.rowCount());
        for (Column c : a.columns()) {
            for (int r = 0; r < a.rowCount(); r++) {
                assertThat(b.column(c.name()).text(r)).isEqualTo(c.text(r));
            }
        }
    }

    @Test
    void aPackedFileReadsBackTheSameRowsWithAVerifiedCrc() throws IOException {
        Path dbf = writeDbf("RDMT2106.dbf", 3000);
        Path dbc = dir.resolve("RDMT2106.dbc");
        DbcWriter.pack(dbf, dbc);
        DbfTable fromDbc = DbfReader.read(dbc);
        assertThat(fromDbc.report().crc()).isEqualTo(CrcStatus.OK);
        assertThat(fromDbc.report().format()).isEqualTo(DbfFormat.DBC);
        assertSameRows(DbfReader.read(dbf).table(), fromDbc.table());
        assertThat(Files.size(dbc)).isLessThan(Files.size(dbf) / 2);
    }

    @Test
    void theFileAndTheBytesVersionsAgreeAndLayTheFormatOut() throws IOException {
        Path dbf = writeDbf("x.dbf", 500);
        Path dbc = dir.resolve("x.dbc");
        DbcWriter.pack(dbf, dbc);
        byte[] plain = Files.readAllBytes(dbf);
        byte[] packed = Files.readAllBytes(dbc);
        assertThat(DbcWriter.pack(plain)).isEqualTo(packed);
        int headerLength = DbfHeader.u16(plain, 8);
        assertThat(Arrays.copyOf(packed, headerLength)).isEqualTo(Arrays.copyOf(plain, headerLength));
        CRC32 crc = new CRC32();
        crc.update(plain);
        assertThat(DbfHeader.u32(packed, headerLength)).isEqualTo(crc.getValue());
        // Raw literals and a 4 KiB dictionary, as DATASUS writes them.
        assertThat(packed[headerLength + 4]).isZero();
        assertThat(packed[headerLength + 5]).isEqualTo((byte) 6);
        byte[] rest = Arrays.copyOfRange(packed, headerLength + 4, packed.length);
        try (InputStream in = new ImplodeInputStream(new java.io.ByteArrayInputStream(rest), plain.length)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(plain, headerLength, plain.length));
        }
    }

    @Test
    void anEmptyTableStillMakesAValidDbc() throws IOException {
        Path dbf = writeDbf("empty.dbf", 0);
        Path dbc = dir.resolve("empty.dbc");
        DbcWriter.pack(dbf, dbc);
        DbfTable t = DbfReader.read(dbc);
        assertThat(t.table().rowCount()).isZero();
        assertThat(t.report().crc()).isEqualTo(CrcStatus.OK);
    }

    @Test
    void aFileThatIsNotADbfIsRefusedNamingIt() throws IOException {
        Path junk = dir.resolve("junk.dbf");
        Files.write(junk, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> DbcWriter.pack(junk, dir.resolve("junk.dbc")))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage(junk + ": byte 3: file too short for a DBF header: 3 bytes, need 32");
        assertThat(dir.resolve("junk.dbc")).as("no half-written output").doesNotExist();
        assertThatThrownBy(() -> DbcWriter.pack(junk, junk))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another file than the DBF");
        assertThat(Files.readAllBytes(junk)).containsExactly(1, 2, 3);
        byte[] dbf = Files.readAllBytes(writeDbf("short.dbf", 10));
        byte[] cut = Arrays.copyOf(dbf, dbf.length - 30);
        assertThatThrownBy(() -> DbcWriter.pack(cut))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith("<bytes>: byte 4: header declares 10 records of ")
                .hasMessageEndingWith("but the file holds " + cut.length + " bytes");
    }

    @Test
    void aRealDatasusFileRepackedReadsTheSameAndCompressesComparably() throws IOException {
        Path real = SharedData.datasus("RDAC2301.dbc");
        byte[] header;
        ByteArrayOutputStream dbf = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(real)) {
            byte[] fixed = in.readNBytes(32);
            header = Arrays.copyOf(fixed, DbfHeader.u16(fixed, 8));
            in.readNBytes(header, 32, header.length - 32);
            in.readNBytes(4);
            dbf.writeBytes(header);
            try (ImplodeInputStream records = new ImplodeInputStream(in, 100_000_000L)) {
                records.transferTo(dbf);
            }
        }
        Path plain = dir.resolve("RDAC2301.dbf");
        Files.write(plain, dbf.toByteArray());
        Path repacked = dir.resolve("RDAC2301.dbc");
        DbcWriter.pack(plain, repacked);
        // The same decompressed bytes give the same stored CRC as DATASUS's file.
        byte[] original = Files.readAllBytes(real);
        byte[] ours = Files.readAllBytes(repacked);
        assertThat(Arrays.copyOf(ours, header.length + 4)).isEqualTo(Arrays.copyOf(original, header.length + 4));
        assertSameRows(DbfReader.read(real).table(), DbfReader.read(repacked).table());
        assertThat((double) ours.length).isLessThan(original.length * 1.5);
    }
}
