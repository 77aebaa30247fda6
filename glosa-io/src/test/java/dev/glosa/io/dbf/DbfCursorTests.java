package dev.glosa.io.dbf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbfCursorTests {

    @TempDir
    Path dir;

    /** A DBF with one 20-wide text field and the given raw values, each padded to 20 bytes. */
    private byte[] textDbf(String... values) throws IOException {
        Path file = dir.resolve("t" + System.nanoTime() + ".dbf");
        try (DbfWriter w = DbfWriter.builder().character("V", 20).open(file)) {
            for (String v : values) {
                w.setString(0, v);
                w.endRecord();
            }
        }
        return Files.readAllBytes(file);
    }

    private static DbfCursor cursor(byte[] dbf) throws IOException {
        return DbfCursor.open(new ByteArrayInputStream(dbf), "mem.dbf", DbfFormat.DBF, DbfReadOptions.defaults());
    }

    private static int headerLength(byte[] b) {
        return DbfHeader.u16(b, 8);
    }

    @Test
    void parsesNumbersFromBytesLikeTheJdk() throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        String[] values = new String[2000];
        for (int i = 0; i < values.length; i++) {
            int decimals = random.nextInt(6);
            long units = random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
            String s = java.math.BigDecimal.valueOf(units, decimals).toPlainString();
            values[i] = i % 3 == 0 ? "  " + s : s;
        }
        try (DbfCursor c = cursor(textDbf(values))) {
            for (String v : values) {
                assertThat(c.next()).isTrue();
                assertThat(c.getDouble(0)).isEqualTo(Double.parseDouble(v.trim()));
            }
            assertThat(c.next()).isFalse();
        }
    }

    @Test
    void repeatedValuesAcrossBlocksParseTheSameAsFreshOnes() throws IOException {
        // Runs of equal values over many 64 KiB blocks exercise the per-field cache of the last raw value.
        SplittableRandom random = new SplittableRandom(2);
        String[] pool = {"0", "12", "12.50", "-3", "", "7"};
        String[] values = new String[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i > 0 && random.nextInt(3) > 0 ? values[i - 1] : pool[random.nextInt(pool.length)];
        }
        try (DbfCursor c = cursor(textDbf(values))) {
            for (String v : values) {
                assertThat(c.next()).isTrue();
                double expected = v.isEmpty() ? Double.NaN : Double.parseDouble(v);
                assertThat(Double.valueOf(c.getDouble(0))).isEqualTo(Double.valueOf(expected));
                if (!v.contains(".") || v.endsWith(".00")) {
                    long l = c.getLong(0);
                    assertThat(l).isEqualTo(v.isEmpty() ? Long.MIN_VALUE : Long.parseLong(v));
                } else {
                    assertThatThrownBy(() -> c.getLong(0)).isInstanceOf(MalformedFileException.class);
                }
                String text = c.getString(0);
                assertThat(text).isEqualTo(v.isEmpty() ? null : v);
            }
        }
    }

    @Test
    void acceptsTheNumberShapesDbfWritersProduce() throws IOException {
        try (DbfCursor c =
                cursor(textDbf("  12", "-3.50", "+7", ".5", "1.5E3", "12345678901234567.25", "12.000", ""))) {
            c.next();
            assertThat(c.getLong(0)).isEqualTo(12);
            assertThat(c.getDouble(0)).isEqualTo(12.0);
            c.next();
            assertThat(c.getDouble(0)).isEqualTo(-3.5);
            c.next();
            assertThat(c.getLong(0)).isEqualTo(7);
            c.next();
            assertThat(c.getDouble(0)).isEqualTo(0.5);
            c.next();
            assertThat(c.getDouble(0)).isEqualTo(1500.0);
            c.next();
            assertThat(c.getDouble(0)).isEqualTo(12345678901234567.25);
            c.next();
            assertThat(c.getLong(0)).isEqualTo(12);
            c.next();
            assertThat(c.getLong(0)).isEqualTo(Long.MIN_VALUE);
            assertThat(Double.isNaN(c.getDouble(0))).isTrue();
            assertThat(c.isBlank(0)).isTrue();
            assertThat(c.getString(0)).isNull();
            assertThat(c.textId(0)).isEqualTo(-1);
        }
    }

    @Test
    void rejectsTextThatIsNotANumberNamingRecordFieldAndOffset() throws IOException {
        byte[] dbf = textDbf("1", "12a", "NaN", "1.5d", "*****", "1.2.3");
        try (DbfCursor c = cursor(dbf)) {
            c.next();
            c.next();
            long offset = headerLength(dbf) + 20 + 1 + 1;
            assertThatThrownBy(() -> c.getLong(0))
                    .isInstanceOf(MalformedFileException.class)
                    .hasMessage("mem.dbf: byte " + offset + ": record 2, field V (C,20,0) = '12a': not an integer");
            assertThatThrownBy(() -> c.getDouble(0)).hasMessageEndingWith("not a number");
            for (int i = 0; i < 4; i++) {
                c.next();
                assertThatThrownBy(() -> c.getDouble(0))
                        .isInstanceOf(MalformedFileException.class)
                        .hasMessageContaining("not a number");
            }
        }
    }

    @Test
    void aBadValueOfAnIdentifierFieldIsShownByItsShapeOnly() throws IOException {
        Path file = dir.resolve("nasc.dbf");
        try (DbfWriter w = DbfWriter.builder()
                .character("NASC", 10)
                .character("VAL_TOT", 10)
                .open(file)) {
            w.setString(0, "31/02/1987");
            w.setString(1, "12a");
            w.endRecord();
        }
        try (DbfCursor c = cursor(Files.readAllBytes(file))) {
            c.next();
            assertThatThrownBy(() -> c.getEpochDay(0))
                    .isInstanceOf(MalformedFileException.class)
                    .hasMessageContaining("field NASC (C,10,0) = 'shape 99/99/9999, value masked': ")
                    .message()
                    .doesNotContain("1987")
                    .doesNotContain("31/02");
            assertThatThrownBy(() -> c.getLong(1))
                    .hasMessageContaining("field VAL_TOT (C,10,0) = '12a': not an integer");
        }
    }

    @Test
    void parsesDatesOfEitherWidthAndRejectsImpossibleOnes() throws IOException {
        try (DbfCursor c = cursor(textDbf("20240229", "950414", "00000000", "20230230", "2023011", ""))) {
            c.next();
            assertThat(c.getEpochDay(0))
                    .isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
            c.next();
            assertThat(c.getEpochDay(0, 1900))
                    .isEqualTo((int) LocalDate.of(1995, 4, 14).toEpochDay());
            c.next();
            assertThat(c.getEpochDay(0)).isEqualTo(Integer.MIN_VALUE);
            c.next();
            assertThatThrownBy(() -> c.getEpochDay(0)).hasMessageContaining("'20230230': not a valid calendar date");
            c.next();
            assertThatThrownBy(() -> c.getEpochDay(0)).hasMessageContaining("expected yyyyMMdd");
            c.next();
            assertThat(c.getEpochDay(0)).isEqualTo(Integer.MIN_VALUE);
        }
    }

    @Test
    void epochDayMatchesTheJdkCalendarFrom1800To2200() {
        for (LocalDate d = LocalDate.of(1800, 1, 1); d.isBefore(LocalDate.of(2200, 1, 1)); d = d.plusDays(1)) {
            assertThat(DbfCursor.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
                    .isEqualTo((int) d.toEpochDay());
        }
        assertThat(DbfCursor.epochDay(2023, 2, 29)).isEqualTo(Integer.MIN_VALUE);
        assertThat(DbfCursor.epochDay(2000, 2, 29))
                .isEqualTo((int) LocalDate.of(2000, 2, 29).toEpochDay());
        assertThat(DbfCursor.epochDay(1900, 2, 29)).isEqualTo(Integer.MIN_VALUE);
        assertThat(DbfCursor.epochDay(2023, 13, 1)).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void textIdsAreStableAndCountUpInOrderOfFirstSight() throws IOException {
        try (DbfCursor c = cursor(textDbf("b", "a", "  b  ", "a", "\u00e7"))) {
            int[] ids = new int[5];
            for (int i = 0; i < 5; i++) {
                c.next();
                ids[i] = c.textId(0);
            }
            assertThat(ids).containsExactly(0, 1, 0, 1, 2);
            assertThat(c.textOfId(0, 2)).isEqualTo("\u00e7");
            assertThat(c.digitCount(0)).isEqualTo(-1);
        }
    }

    @Test
    void missingEndOfFileMarkerIsAccepted() throws IOException {
        byte[] dbf = textDbf("1", "2");
        byte[] cut = Arrays.copyOf(dbf, dbf.length - 1);
        try (DbfCursor c = cursor(cut)) {
            int n = 0;
            while (c.next()) {
                n++;
            }
            assertThat(n).isEqualTo(2);
            assertThat(c.report().warnings()).isEmpty();
        }
    }

    @Test
    void moreRecordsThanTheHeaderDeclaresAreReadAndReported() throws IOException {
        byte[] dbf = textDbf("1", "2", "3");
        dbf[4] = 2;
        try (DbfCursor c = cursor(dbf)) {
            int n = 0;
            while (c.next()) {
                n++;
            }
            assertThat(n).isEqualTo(3);
            assertThat(c.report().recordsDeclared()).isEqualTo(2);
            assertThat(c.report().recordsRead()).isEqualTo(3);
            assertThat(c.report().warnings())
                    .containsExactly("header declares 2 records but the data holds 3; all were read");
        }
    }

    @Test
    void headerPromisingMoreThanTheFileHoldsFailsWithFileAndOffset() throws IOException {
        byte[] dbf = textDbf("1", "2");
        dbf[4] = 3;
        int end = headerLength(dbf) + 2 * 21;
        try (DbfCursor c = cursor(dbf)) {
            assertThat(c.next()).isTrue();
            assertThat(c.next()).isTrue();
            assertThatThrownBy(c::next)
                    .isInstanceOf(MalformedFileException.class)
                    .hasMessage("mem.dbf: byte " + end + ": header declares 3 records but the data holds 2, then an "
                            + "end-of-file marker 0x1A");
        }
        Path file = dir.resolve("short.dbf");
        Files.write(file, dbf);
        assertThatThrownBy(() -> DbfReader.read(file))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage(file + ": byte 4: header declares 3 records of 21 bytes (to byte " + (end + 21)
                        + ") but the file holds " + dbf.length + " bytes");
    }

    @Test
    void partialLastRecordIsAnError() throws IOException {
        byte[] dbf = textDbf("1", "2");
        byte[] cut = Arrays.copyOf(dbf, dbf.length - 6);
        assertThatThrownBy(() -> {
                    try (DbfCursor c = cursor(cut)) {
                        while (c.next()) {
                            c.getLong(0);
                        }
                    }
                })
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining(
                        "header declares 2 records but the data holds 1, then a partial record of 16 bytes");
    }

    @Test
    void invalidDeletionFlagIsAnError() throws IOException {
        byte[] dbf = textDbf("1", "2");
        int second = headerLength(dbf) + 21;
        dbf[second] = 'X';
        try (DbfCursor c = cursor(dbf)) {
            c.next();
            assertThatThrownBy(c::next)
                    .isInstanceOf(MalformedFileException.class)
                    .hasMessage("mem.dbf: byte " + second + ": record 2: deletion flag must be ' ' or '*', found 0x58");
        }
    }

    @Test
    void trailingBytesAfterTheMarkerAreReported() throws IOException {
        byte[] dbf = textDbf("1");
        byte[] longer = Arrays.copyOf(dbf, dbf.length + 3);
        try (DbfCursor c = cursor(longer)) {
            while (c.next()) {
                c.getLong(0);
            }
            assertThat(c.report().warnings())
                    .singleElement()
                    .asString()
                    .startsWith("3 bytes after the end-of-file marker 0x1A");
        }
    }

    @Test
    void corruptHeadersFailWithTheirOffset() throws IOException {
        byte[] dbf = textDbf("1");
        byte[] typeM = dbf.clone();
        typeM[32 + 11] = 'M';
        assertThatThrownBy(() -> cursor(typeM))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage("mem.dbf: byte 43: field V: unsupported type 'M' (expected one of C N F D L)");
        byte[] noTerminator = dbf.clone();
        noTerminator[64] = 'X';
        assertThatThrownBy(() -> cursor(noTerminator))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage("mem.dbf: byte 64: field descriptors not terminated by 0x0D within the header length 65"
                        + " (descriptor 2 would run past it)");
        byte[] shortRecord = dbf.clone();
        shortRecord[10] = 5;
        assertThatThrownBy(() -> cursor(shortRecord))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage(
                        "mem.dbf: byte 10: record length 5 is less than the 21 bytes of the deletion flag and the fields");
        byte[] tiny = Arrays.copyOf(dbf, 20);
        assertThatThrownBy(() -> cursor(tiny))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage("mem.dbf: byte 20: file too short for a DBF header: 20 bytes, need 32");
        byte[] headerTooLong = dbf.clone();
        headerTooLong[9] = 0x10;
        assertThatThrownBy(() -> cursor(headerTooLong))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("header length 4161 (at byte 8) exceeds the file");
        byte[] zeroLength = dbf.clone();
        zeroLength[32 + 16] = 0;
        assertThatThrownBy(() -> cursor(zeroLength))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("byte 32: field descriptor 1: field V: length must be 1..255, found 0");
    }

    @Test
    void readingAFieldBeforeNextIsACallerError() throws IOException {
        try (DbfCursor c = cursor(textDbf("1"))) {
            assertThatThrownBy(() -> c.getLong(0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void nameOfAFieldThatClashesWithARoleOfAnotherTypeIsRejected() throws IOException {
        Path file = dir.resolve("role.dbf");
        try (DbfWriter w = DbfWriter.builder().character("claim_id", 5).open(file)) {
            w.setString(0, "1");
            w.endRecord();
        }
        assertThatThrownBy(() -> DbfReader.read(file))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("field claim_id (C,5,0) has the name of role CLAIM_ID");
    }

    @Test
    void logicalsReadTrueFalseAndUnknown() throws IOException {
        try (DbfCursor c = cursor(textDbf("T", "n", "?", "", "x"))) {
            int[] expected = {1, 0, -1, -1};
            for (int e : expected) {
                c.next();
                assertThat(c.getLogical(0)).isEqualTo(e);
            }
            c.next();
            assertThatThrownBy(() -> c.getLogical(0)).hasMessageContaining("not a logical");
        }
        assertThat(new String(textDbf("x"), 0, 1, StandardCharsets.ISO_8859_1)).isEqualTo("\u0003");
    }
}
