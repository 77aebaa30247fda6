package dev.glosa.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTests {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    /** A small mapping: a month, a hospital, a glosa amount, a date, a claim id and a dimension. */
    private static final CsvMapping SMALL = CsvMapping.of(
                    "small",
                    List.of(
                            ColumnMapping.of("MES", Role.COMPETENCE),
                            ColumnMapping.of("HOSPITAL", Role.HOSPITAL),
                            ColumnMapping.of("VALOR", Role.GLOSA_AMOUNT),
                            ColumnMapping.of("DATA", Role.ADMISSION_DATE)
                                    .withOptional(true)
                                    .withNullable(true),
                            ColumnMapping.of("GUIA", Role.CLAIM_ID)
                                    .withOptional(true)
                                    .withNullable(true),
                            ColumnMapping.of("SETOR", "SETOR", ColumnType.CATEGORY)
                                    .withOptional(true)))
            .withMaxRejectShare(1.0);

    @TempDir
    Path dir;

    private static CsvReadResult read(String text, CsvMapping mapping) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), mapping);
    }

    private static CsvReadResult read(byte[] bytes, CsvMapping mapping) throws IOException {
        return CsvReader.read(new ByteArrayInputStream(bytes), "test.csv", mapping, null);
    }

    private static CsvReadResult read(String text, CsvMapping mapping, CsvLimits limits) throws IOException {
        return CsvReader.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.csv", mapping, limits, null);
    }

    @Test
    void semicolonIsDetectedAndPtBrNumbersParse() throws IOException {
        CsvReadResult r = read(
                "MES;HOSPITAL;VALOR\n2024-01;H1;1.234,56\n2024-02;H2;-0,5\n",
                SMALL,
                CsvLimits.DEFAULT.withRejectNegativeAmounts(false));
        assertThat(r.report().delimiter()).isEqualTo(';');
        assertThat(r.report().numberStyles()).containsEntry("VALOR", NumberStyle.PT_BR);
        assertThat(r.table().doubles(Role.GLOSA_AMOUNT).values()).containsExactly(1234.56, -0.5);
        assertThat(r.table().months(Role.COMPETENCE).get(1)).isEqualTo(YearMonth.of(2024, 2));
    }

    @Test
    void commaIsDetectedEvenWithSemicolonsInsideQuotedHeaders() throws IOException {
        CsvReadResult r = read("MES,\"HOSPITAL\",VALOR,\"A;B;C;D\"\n2024-01,H1,1234.56,x\n", SMALL);
        assertThat(r.report().delimiter()).isEqualTo(',');
        assertThat(r.report().numberStyles()).containsEntry("VALOR", NumberStyle.PLAIN);
        assertThat(r.table().doubles(Role.GLOSA_AMOUNT).get(0)).isEqualTo(1234.56);
        assertThat(r.table().category("A;B;C;D").get(0)).isEqualTo("x");
    }

    @Test
    void numberStyleFollowsEvidenceInTheColumnOrTheDelimiter() throws IOException {
        // "1.234" alone is ambiguous; "12,5" later in the column shows pt-BR.
        CsvReadResult a = read("MES,HOSPITAL,VALOR\n2024-01,H,1.234\n2024-01,H,\"12,5\"\n", SMALL);
        assertThat(a.report().numberStyles()).containsEntry("VALOR", NumberStyle.PT_BR);
        assertThat(a.table().doubles(Role.GLOSA_AMOUNT).values()).containsExactly(1234.0, 12.5);
        // No evidence at all: ';' means pt-BR, ',' plain.
        assertThat(read("MES;HOSPITAL;VALOR\n2024-01;H;1.234\n", SMALL)
                        .table()
                        .doubles(Role.GLOSA_AMOUNT)
                        .get(0))
                .isEqualTo(1234.0);
        assertThat(read("MES,HOSPITAL,VALOR\n2024-01,H,1.234\n", SMALL)
                        .table()
                        .doubles(Role.GLOSA_AMOUNT)
                        .get(0))
                .isEqualTo(1.234);
        // Grouped plain numbers, exponents, signs, and a forced style.
        CsvReadResult p = read("MES;HOSPITAL;VALOR\n2024-01;H;1,234,567.5\n2024-01;H;+2.5e3\n", SMALL);
        assertThat(p.table().doubles(Role.GLOSA_AMOUNT).values()).containsExactly(1234567.5, 2500.0);
        CsvReadResult forced = read("MES;HOSPITAL;VALOR\n2024-01;H;1.234\n", SMALL.withNumberStyle(NumberStyle.PLAIN));
        assertThat(forced.table().doubles(Role.GLOSA_AMOUNT).get(0)).isEqualTo(1.234);
    }

    @Test
    void numbersAreCorrectlyRoundedLikeTheJdkParser() throws IOException {
        String[] values = {
            "0.1",
            "123456789.987654321",
            "9007199254740993",
            "1.7976931348623157e308",
            "4.9e-324",
            "0.30000000000000004",
            "12345678901234567890.123",
            "2.2250738585072014E-308"
        };
        StringBuilder sb = new StringBuilder("MES;HOSPITAL;VALOR\n");
        for (String v : values) {
            sb.append("2024-01;H;").append(v).append('\n');
        }
        CsvReadResult r = read(
                sb.toString(),
                SMALL.withNumberStyle(NumberStyle.PLAIN),
                CsvLimits.DEFAULT.withMaxAbsAmount(Double.POSITIVE_INFINITY));
        for (int i = 0; i < values.length; i++) {
            assertThat(r.table().doubles(Role.GLOSA_AMOUNT).get(i)).isEqualTo(Double.parseDouble(values[i]));
        }
    }

    @Test
    void datesAndMonthsParseInEveryShape() throws IOException {
        CsvReadResult r = read(
                "MES;HOSPITAL;VALOR;DATA\n"
                        + "2024-03;H;1;05/03/2024\n"
                        + "03/2024;H;1;2024-03-05\n"
                        + "202403;H;1;20240305\n"
                        + "15/03/2024;H;1;5/3/2024 13:45:00\n"
                        + "2024-03-31;H;1;2024-03-05T08:00\n"
                        + "2024-3;H;1;29/02/2024\n",
                SMALL);
        assertThat(r.report().rejectedRows()).isZero();
        for (int i = 0; i < 6; i++) {
            assertThat(r.table().months(Role.COMPETENCE).get(i)).isEqualTo(YearMonth.of(2024, 3));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(r.table().dates(Role.ADMISSION_DATE).get(i)).isEqualTo(LocalDate.of(2024, 3, 5));
        }
        assertThat(r.table().dates(Role.ADMISSION_DATE).get(5)).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws IOException {
        CsvReadResult r = read(
                "MES;HOSPITAL;VALOR;SETOR\r\n"
                        + "2024-01;\"H;1\";1;\"say \"\"hi\"\"\"\r\n"
                        + "2024-01;H2;2;\"two\r\nlines\"\r\n"
                        + "2024-01;H3;x;s\r\n",
                SMALL);
        assertThat(r.table().category(Role.HOSPITAL).get(0)).isEqualTo("H;1");
        assertThat(r.table().category("SETOR").get(0)).isEqualTo("say \"hi\"");
        assertThat(r.table().category("SETOR").get(1)).isEqualTo("two\r\nlines");
        // The bad row starts on line 5 because the quoted field spans lines 3 and 4.
        assertThat(r.report().rejects()).singleElement().satisfies(j -> {
            assertThat(j.line()).isEqualTo(5);
            assertThat(j.column()).isEqualTo("VALOR");
        });
    }

    @Test
    void everyRejectReasonNamesItsLineAndColumn() throws IOException {
        String text = "MES;HOSPITAL;VALOR;DATA;GUIA\n"
                + "2024-01;H;1,5;01/01/2024;123\n" // 2 good
                + "2024-01;H;1,5;01/01/2024\n" // 3 too few fields
                + "2024-01;H;1,5;01/01/2024;1;extra\n" // 4 too many fields
                + "2024-01;H;1,5x;01/01/2024;1\n" // 5 not a number
                + "2024-01;H;12.34,5;01/01/2024;1\n" // 6 bad thousands group
                + "2024-01;H;1;31/02/2024;1\n" // 7 not a date
                + "2024-13;H;1;01/01/2024;1\n" // 8 not a month
                + "2024-01;H;1;01/01/2024;12a\n" // 9 not an integer
                + "2024-01; ;1;01/01/2024;1\n" // 10 missing role value
                + "\n" // 11 blank
                + "2024-01;H;2;;\n" // 12 good, empty optional cells
                + "2024-01;\"H;2;3\n"; // 13 unclosed quote
        CsvReadResult r = read(text, SMALL);
        assertThat(r.report().records()).isEqualTo(11);
        assertThat(r.report().accepted()).isEqualTo(2);
        assertThat(r.report().rejectedRows()).isEqualTo(9);
        assertThat(r.report().blankLines()).isEqualTo(1);
        assertThat(r.report().rejects())
                .extracting(CsvReject::line, CsvReject::column, CsvReject::reason)
                .containsExactly(
                        Tuple.tuple(3L, null, RejectReason.FIELD_COUNT),
                        Tuple.tuple(4L, null, RejectReason.FIELD_COUNT),
                        Tuple.tuple(5L, "VALOR", RejectReason.NOT_A_NUMBER),
                        Tuple.tuple(6L, "VALOR", RejectReason.NOT_A_NUMBER),
                        Tuple.tuple(7L, "DATA", RejectReason.NOT_A_DATE),
                        Tuple.tuple(8L, "MES", RejectReason.NOT_A_MONTH),
                        Tuple.tuple(9L, "GUIA", RejectReason.NOT_AN_INTEGER),
                        Tuple.tuple(10L, "HOSPITAL", RejectReason.MISSING_VALUE),
                        Tuple.tuple(13L, null, RejectReason.UNCLOSED_QUOTE));
        CsvReject first = r.report().rejects().get(0);
        assertThat(first.detail()).isEqualTo("expected 5 fields as in the header, found 4");
        assertThat(first.toString()).isEqualTo("test.csv:3: FIELD_COUNT: expected 5 fields as in the header, found 4");
        assertThat(r.report().rejects().get(2).toString())
                .isEqualTo("test.csv:5: column 'VALOR': NOT_A_NUMBER: not a number in pt-BR format (unexpected"
                        + " character 'x'): '1,5x'");
        assertThat(r.report().rejects().get(4).detail()).contains("day 31 out of 1..29");
        // GUIA is mapped to the claim number, a personal identifier: its rejected value is shown by its shape only.
        assertThat(r.report().rejects().get(6).value()).isEqualTo("shape 99A, value masked");
        assertThat(r.report().rejects().get(6).detail())
                .doesNotContain("12")
                .doesNotContain("'a'")
                .startsWith("not an integer");
        GlosaTable t = r.table();
        assertThat(t.longs(Role.CLAIM_ID).get(0)).isEqualTo(123);
        assertThat(t.longs(Role.CLAIM_ID).isMissing(1)).isTrue();
        assertThat(t.dates(Role.ADMISSION_DATE).isMissing(1)).isTrue();
    }

    @Test
    void aRowWithSeveralBadCellsCountsOnceAndReportsEach() throws IOException {
        CsvReadResult r = read("MES;HOSPITAL;VALOR\nxx;;yy\n2024-01;H;1\n", SMALL);
        assertThat(r.report().rejectedRows()).isEqualTo(1);
        assertThat(r.report().rejectedCells()).isEqualTo(3);
        assertThat(r.report().rejects()).extracting(CsvReject::column).containsExactly("MES", "HOSPITAL", "VALOR");
        assertThat(r.table().rowCount()).isEqualTo(1);
        assertThat(r.table().category(Role.HOSPITAL).dictionary()).containsExactly("H");
    }

    @Test
    void tooManyRejectsFailWithFileCountsAndFirstReasons() throws IOException {
        StringBuilder sb = new StringBuilder("MES;HOSPITAL;VALOR\n");
        for (int i = 0; i < 100; i++) {
            sb.append("2024-01;H;").append(i == 10 || i == 20 ? "bad" : "1,5").append('\n');
        }
        CsvMapping strict = SMALL.withMaxRejectShare(0.01);
        assertThatThrownBy(() -> read(sb.toString(), strict))
                .isInstanceOf(CsvReadException.class)
                .hasMessageStartingWith("test.csv: 2 of 100 data lines rejected (2.000%, in 2 of 100 records), more"
                        + " than the 1% allowed by mapping 'small'; first: line 12 column 'VALOR' NOT_A_NUMBER")
                .satisfies(e -> assertThat(((CsvReadException) e).report().rejectedRows())
                        .isEqualTo(2));
        // One reject in a hundred is within 1%.
        String one = sb.toString().replaceFirst("bad", "1,5");
        assertThat(read(one, strict).report().rejectedRows()).isEqualTo(1);
        // A zero tolerance fails on the first.
        assertThatThrownBy(() -> read(one, strict.withMaxRejectShare(0))).isInstanceOf(CsvReadException.class);
    }

    @Test
    void rejectsFileGetsEveryRejectEvenWhenTheReadFails() throws IOException {
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "MES;HOSPITAL;VALOR\n2024-01;H;bad\n2024-01;H;\"x;y\"\n2024-01;H;1\n");
        Path rejects = dir.resolve("rejects.csv");
        assertThatThrownBy(() -> CsvReader.read(csv, SMALL.withMaxRejectShare(0.01), rejects))
                .hasMessageContaining(csv.toString())
                .hasMessageContaining("all rejects in " + rejects);
        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("source;line;column;reason;detail;value");
        assertThat(lines.get(1)).startsWith(csv + ";2;VALOR;NOT_A_NUMBER;").endsWith(";bad");
        assertThat(lines.get(2)).startsWith(csv + ";3;VALOR;NOT_A_NUMBER;").endsWith(";\"x;y\"");
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void charsetIsUtf8WhenValidElseWindows1252UnlessForced() throws IOException {
        String text = "MES;HOSPITAL;VALOR;SETOR\n2024-01;H;1;MEDICAÇÃO\n";
        CsvReadResult utf8 = read(text.getBytes(StandardCharsets.UTF_8), SMALL);
        assertThat(utf8.report().charset()).isEqualTo("UTF-8");
        assertThat(utf8.table().category("SETOR").get(0)).isEqualTo("MEDICAÇÃO");

        CsvReadResult cp = read(text.getBytes(CP1252), SMALL);
        assertThat(cp.report().charset()).isEqualTo("windows-1252");
        assertThat(cp.table().category("SETOR").get(0)).isEqualTo("MEDICAÇÃO");

        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(text.getBytes(StandardCharsets.UTF_8));
        CsvReadResult withBom = read(bom.toByteArray(), SMALL);
        assertThat(withBom.table().columnNames().get(0)).isEqualTo("competence");
        assertThat(withBom.table().category("SETOR").get(0)).isEqualTo("MEDICAÇÃO");

        CsvReadResult forced = read(text.getBytes(StandardCharsets.UTF_8), SMALL.withCharset(CP1252));
        assertThat(forced.report().charset()).isEqualTo("windows-1252");
        assertThat(forced.table().category("SETOR").get(0)).isEqualTo("MEDICAÃ‡ÃƒO");
    }

    @Test
    void aLate1252ByteSwitchesTheWholeFileTo1252() throws IOException {
        // Valid UTF-8 in the first megabyte, one windows-1252 byte at the end.
        StringBuilder sb = new StringBuilder("MES;HOSPITAL;VALOR;SETOR\n");
        while (sb.length() < 1_200_000) {
            sb.append("2024-01;H;1;SETOR\n");
        }
        byte[] head = sb.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "2024-01;H;1;DIÁRIA\n".getBytes(CP1252);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        CsvReadResult r = read(all, SMALL);
        assertThat(r.report().charset()).isEqualTo("windows-1252");
        assertThat(r.table().category("SETOR").dictionary()).containsExactly("SETOR", "DIÁRIA");
    }

    @Test
    void structuralProblemsFailWithTheRuleAndTheValue() {
        assertThatThrownBy(() -> read("", SMALL))
                .isInstanceOf(CsvReadException.class)
                .hasMessage("test.csv:1: no header line (the file is empty or starts with a blank line)");
        assertThatThrownBy(() -> read("MES;VALOR\n2024-01;1\n", SMALL))
                .hasMessageStartingWith(
                        "test.csv:1: mapped column(s) [HOSPITAL (hospital)] not in the header" + " [MES, VALOR]");
        assertThatThrownBy(() -> read("MES;HOSPITAL;VALOR;hospital\n", SMALL.withKeepUnmapped(true)))
                .hasMessageContaining("test.csv:1: the header has column 'HOSPITAL' twice (fields 2 and 4)");
    }

    @Test
    void unmappedColumnsAreKeptOrIgnoredAndLinesEndingsVary() throws IOException {
        String text = "MES;HOSPITAL;VALOR;EXTRA;\r2024-01;H;1;e;\r2024-02;H;2;f;\r";
        CsvReadResult kept = read(text, SMALL);
        assertThat(kept.table().columnNames())
                .containsExactly("competence", "hospital", "glosa_amount", "EXTRA", "column_5");
        assertThat(kept.table().rowCount()).isEqualTo(2);
        CsvReadResult ignored = read(text, SMALL.withKeepUnmapped(false));
        assertThat(ignored.table().columnNames()).containsExactly("competence", "hospital", "glosa_amount");
        assertThat(read("MES;HOSPITAL;VALOR\n2024-01;H;1", SMALL).table().rowCount())
                .isEqualTo(1);
    }

    @Test
    void aForcedDelimiterOverridesDetection() throws IOException {
        CsvReadResult r = read("MES|HOSPITAL|VALOR\n2024-01|H,1|1,5\n", SMALL.withDelimiter('|'));
        assertThat(r.report().delimiter()).isEqualTo('|');
        assertThat(r.table().category(Role.HOSPITAL).get(0)).isEqualTo("H,1");
        assertThat(r.table().doubles(Role.GLOSA_AMOUNT).get(0)).isEqualTo(1.5);
    }
}
