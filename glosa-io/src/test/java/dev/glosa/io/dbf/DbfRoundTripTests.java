package dev.glosa.io.dbf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.GlosaTable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbfRoundTripTests {

    @TempDir
    Path dir;

    private Path writeSample(String name) throws IOException {
        Path file = dir.resolve(name);
        try (DbfWriter w = DbfWriter.builder()
                .character("N_AIH", 13)
                .character("NOME", 12)
                .numeric("VAL_TOT", 14, 2)
                .numeric("IDADE", 3, 0)
                .field("TAXA", DbfFieldType.FLOAT, 12, 4)
                .date("DT")
                .logical("OK")
                .lastUpdate(LocalDate.of(2023, 4, 4))
                .open(file)) {
            w.setString(0, "1222100605088")
                    .setString(1, "S\u00e3o Jo\u00e3o")
                    .setDouble(2, 1391.63)
                    .setLong(3, 28)
                    .setDouble(4, 0.125)
                    .setDate(5, LocalDate.of(2022, 12, 3))
                    .setLogical(6, true);
            w.endRecord();
            w.setString(0, "1222100605088").setString(1, "deleted").setDouble(2, 5);
            w.endRecord(true);
            w.setString(0, "1222100605099").setDouble(2, -0.5).setLogical(6, false);
            w.endRecord();
            w.setString(0, "1222100605100")
                    .setString(1, "S\u00e3o Jo\u00e3o")
                    .setDouble(2, 1341.93)
                    .setLong(3, 101)
                    .setDouble(4, 12345.6789)
                    .setDate(5, LocalDate.of(2024, 2, 29))
                    .setLogical(6, null);
            w.endRecord();
            assertThat(w.recordCount()).isEqualTo(4);
        }
        return file;
    }

    @Test
    void writtenDbfReadsBackWithTypedColumnsAndSkipsDeletedRows() throws IOException {
        Path file = writeSample("sample.dbf");
        DbfTable read = DbfReader.read(file);
        GlosaTable t = read.table();
        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.columnNames()).containsExactly("N_AIH", "NOME", "VAL_TOT", "IDADE", "TAXA", "DT", "OK");
        assertThat(t.column("N_AIH").type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(t.category("N_AIH").get(0)).isEqualTo("1222100605088");
        assertThat(t.category("NOME").get(0)).isEqualTo("S\u00e3o Jo\u00e3o");
        assertThat(t.category("NOME").isMissing(1)).isTrue();
        assertThat(t.category("NOME").code(2)).isEqualTo(t.category("NOME").code(0));
        assertThat(t.doubles("VAL_TOT").get(0)).isEqualTo(1391.63);
        assertThat(t.doubles("VAL_TOT").get(1)).isEqualTo(-0.5);
        assertThat(t.doubles("VAL_TOT").get(2)).isEqualTo(1341.93);
        assertThat(t.longs("IDADE").get(0)).isEqualTo(28);
        assertThat(t.longs("IDADE").isMissing(1)).isTrue();
        assertThat(t.longs("IDADE").get(2)).isEqualTo(101);
        assertThat(t.doubles("TAXA").get(0)).isEqualTo(0.125);
        assertThat(t.doubles("TAXA").get(2)).isEqualTo(12345.6789);
        assertThat(t.dates("DT").get(0)).isEqualTo(LocalDate.of(2022, 12, 3));
        assertThat(t.dates("DT").isMissing(1)).isTrue();
        assertThat(t.dates("DT").get(2)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(t.category("OK").get(0)).isEqualTo("T");
        assertThat(t.category("OK").get(1)).isEqualTo("F");
        assertThat(t.category("OK").isMissing(2)).isTrue();
        DbfReadReport r = read.report();
        assertThat(r.format()).isEqualTo(DbfFormat.DBF);
        assertThat(r.recordsDeclared()).isEqualTo(4);
        assertThat(r.recordsRead()).isEqualTo(3);
        assertThat(r.deleted()).isEqualTo(1);
        assertThat(r.crc()).isEqualTo(CrcStatus.ABSENT);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void headerAndBytesFollowDbaseThree() throws IOException {
        byte[] b = Files.readAllBytes(writeSample("bytes.dbf"));
        int headerLength = 32 + 7 * 32 + 1;
        int recordLength = 1 + 13 + 12 + 14 + 3 + 12 + 8 + 1;
        assertThat(b[0]).isEqualTo((byte) 0x03);
        assertThat(new byte[] {b[1], b[2], b[3]}).containsExactly(123, 4, 4);
        assertThat(DbfHeader.u32(b, 4)).isEqualTo(4);
        assertThat(DbfHeader.u16(b, 8)).isEqualTo(headerLength);
        assertThat(DbfHeader.u16(b, 10)).isEqualTo(recordLength);
        assertThat(b[headerLength - 1]).isEqualTo((byte) 0x0D);
        assertThat(b).hasSize(headerLength + 4 * recordLength + 1);
        assertThat(b[b.length - 1]).isEqualTo((byte) 0x1A);
        assertThat(b[headerLength + recordLength]).isEqualTo((byte) '*');
        String valTot = new String(b, headerLength + 1 + 13 + 12, 14, Charset.forName("IBM850"));
        assertThat(valTot).isEqualTo("       1391.63");
    }

    @Test
    void sameInputWritesSameBytes() throws IOException {
        assertThat(Files.readAllBytes(writeSample("a.dbf"))).isEqualTo(Files.readAllBytes(writeSample("b.dbf")));
    }

    @Test
    void numbersAreWrittenRightAlignedAndRoundedHalfAwayFromZero() throws IOException {
        Path file = dir.resolve("numbers.dbf");
        double[] values = {0, 0.5, -0.5, 2.345, -2.345, 1391.63, -0.004, 99999.99, 7};
        String[] expected = {
            "    0.00", "    0.50", "   -0.50", "    2.35", "   -2.35", " 1391.63", "    0.00", "99999.99", "    7.00"
        };
        try (DbfWriter w = DbfWriter.builder()
                .numeric("V", 8, 2)
                .numeric("I", 4, 0)
                .character("C", 6)
                .open(file)) {
            for (int i = 0; i < values.length; i++) {
                w.setDouble(0, values[i]);
                if (i == values.length - 1) {
                    w.setLong(0, 7).setLong(1, -123).setLong(2, 42);
                }
                w.endRecord();
            }
            assertThatThrownBy(() -> w.setLong(1, 12345))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("field I (N,4,0): 12345 does not fit 4 characters");
            assertThatThrownBy(() -> w.setDouble(1, -999.5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> w.setDate(1, LocalDate.of(2020, 1, 1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] b = Files.readAllBytes(file);
        int headerLength = 32 + 3 * 32 + 1;
        for (int i = 0; i < values.length; i++) {
            int at = headerLength + i * 19 + 1;
            assertThat(new String(b, at, 8, StandardCharsets.US_ASCII))
                    .as("value " + values[i])
                    .isEqualTo(expected[i]);
        }
        int last = headerLength + (values.length - 1) * 19 + 1;
        assertThat(new String(b, last + 8, 10, StandardCharsets.US_ASCII)).isEqualTo("-12342    ");
    }

    @Test
    void charsetCanBeOverridden() throws IOException {
        Path file = dir.resolve("latin1.dbf");
        Charset latin1 = Charset.forName("windows-1252");
        try (DbfWriter w =
                DbfWriter.builder().character("NOME", 10).charset(latin1).open(file)) {
            w.setString(0, "A\u00e7\u00e3o");
            w.endRecord();
        }
        assertThat(DbfReader.read(file, DbfReadOptions.defaults().withCharset(latin1))
                        .table()
                        .category("NOME")
                        .get(0))
                .isEqualTo("A\u00e7\u00e3o");
        // Read as CP850 the same bytes are other letters: the charset matters and is not guessed.
        assertThat(DbfReader.read(file).table().category("NOME").get(0)).isNotEqualTo("A\u00e7\u00e3o");
    }

    @Test
    void writerRefusesValuesThatDoNotFit() throws IOException {
        try (DbfWriter w =
                DbfWriter.builder().character("C", 3).numeric("N", 5, 2).open(dir.resolve("fit.dbf"))) {
            assertThatThrownBy(() -> w.setString(0, "abcd"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("C (C,3,0)");
            assertThatThrownBy(() -> w.setDouble(1, 1234.5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("N (N,5,2)");
            assertThatThrownBy(() -> w.setString(0, "\u20ac"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot be encoded");
            w.setDouble(1, 99.994);
            w.endRecord();
        }
        assertThat(DbfReader.read(dir.resolve("fit.dbf")).table().doubles("N").get(0))
                .isCloseTo(99.99, within(0.0));
    }

    @Test
    void dbcOfAWrittenDbfReadsTheSameRowsAndVerifiesItsCrc() throws IOException {
        Path dbf = writeSample("x.dbf");
        byte[] bytes = Files.readAllBytes(dbf);
        for (boolean coded : new boolean[] {false, true}) {
            Path dbc = dir.resolve("x" + coded + ".dbc");
            Files.write(dbc, DbcWriter.pack(bytes, coded, 5));
            DbfTable fromDbc = DbfReader.read(dbc);
            assertThat(fromDbc.report().crc()).isEqualTo(CrcStatus.OK);
            assertThat(fromDbc.report().format()).isEqualTo(DbfFormat.DBC);
            GlosaTable a = DbfReader.read(dbf).table();
            GlosaTable b = fromDbc.table();
            assertThat(b.rowCount()).isEqualTo(a.rowCount());
            for (String c : a.columnNames()) {
                for (int r = 0; r < a.rowCount(); r++) {
                    assertThat(b.column(c).text(r)).isEqualTo(a.column(c).text(r));
                }
            }
        }
    }
}
