package dev.glosa.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CSV reader promises in docs/trust.md: lines reconcile, amounts are plausible, encodings are named. */
class CsvReaderTrustTests {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    /** A month, a hospital, a glosa amount, a billed amount and a free-text note. */
    private static final CsvMapping MAPPING = CsvMapping.of(
                    "trust",
                    List.of(
                            ColumnMapping.of("MES", Role.COMPETENCE),
                            ColumnMapping.of("HOSPITAL", Role.HOSPITAL),
                            ColumnMapping.of("VALOR", Role.GLOSA_AMOUNT),
                            ColumnMapping.of("COBRADO", Role.BILLED_AMOUNT)
                                    .withOptional(true)
                                    .withNullable(true),
                            ColumnMapping.of("NOTA", "NOTA", ColumnType.CATEGORY)
                                    .withOptional(true)))
            .withMaxRejectShare(1.0);

    @TempDir
    Path dir;

    private static CsvReadResult read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), MAPPING, CsvLimits.DEFAULT);
    }

    private static CsvReadResult read(String text, CsvLimits limits) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), MAPPING, limits);
    }

    private static CsvReadResult read(byte[] bytes, CsvMapping mapping, CsvLimits limits) throws IOException {
        return CsvReader.read(new ByteArrayInputStream(bytes), "erp.csv", mapping, limits, null);
    }

    /** A header and {@code rows} good data lines; line {@code n} of the file is data row {@code n - 1}. */
    private static StringBuilder export(int rows) {
        StringBuilder sb = new StringBuilder("MES;HOSPITAL;VALOR;COBRADO;NOTA\n");
        for (int i = 1; i <= rows; i++) {
            sb.append("2024-")
                    .append(String.format("%02d", 1 + i % 12))
                    .append(";HOSPITAL ")
                    .append(i % 7)
                    .append(';')
                    .append(i % 1000)
                    .append(",5;")
                    .append(2000 + i % 1000)
                    .append(",25;nota ")
                    .append(i)
                    .append('\n');
        }
        return sb;
    }

    /** The offset of the start of 1-based line {@code line} in {@code text}. */
    private static int lineStart(CharSequence text, int line) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            while (text.charAt(at) != '\n') {
                at++;
            }
            at++;
        }
        return at;
    }

    @Test
    void aStrayQuoteCostsItsOwnLineNotTheRestOfTheFile() throws IOException {
        StringBuilder sb = export(11_999);
        int at = lineStart(sb, 202);
        sb.insert(sb.indexOf(";", at) + 1, '"');
        CsvReadReport r = read(sb.toString()).report();
        assertThat(r.lines()).isEqualTo(12_000);
        assertThat(r.records()).isEqualTo(11_999);
        assertThat(r.accepted()).isEqualTo(11_998);
        assertThat(r.acceptedLines()).isEqualTo(11_998);
        assertThat(r.rejectedRows()).isEqualTo(1);
        assertThat(r.rejectedLines()).isEqualTo(1);
        assertThat(r.rejects()).singleElement().satisfies(j -> {
            assertThat(j.line()).isEqualTo(202);
            assertThat(j.reason()).isEqualTo(RejectReason.RUNAWAY_QUOTE);
            assertThat(j.detail())
                    .isEqualTo(
                            "a quoted field opened on line 202 runs past 10 line breaks without"
                                    + " closing (CsvLimits.maxQuotedLineBreaks); line 202 rejected, reading resumed on line 203");
        });
        assertThat(r.rejectedShare()).isEqualTo(1 / 11_999.0);
        assertThat(r.summary())
                .startsWith("erp.csv: 12000 lines = 1 header + 0 blank + 11998 accepted + 1 rejected"
                        + " (0.008% of data lines); 11999 records: 11998 accepted, 1 rejected;");
    }

    @Test
    void anUnclosedQuoteNearTheEndRejectsOnlyItsLine() throws IOException {
        StringBuilder sb = export(20);
        sb.insert(lineStart(sb, 17), '"');
        CsvReadResult r = read(sb.toString());
        assertThat(r.report().rejects())
                .extracting(CsvReject::line, CsvReject::reason)
                .containsExactly(Tuple.tuple(17L, RejectReason.UNCLOSED_QUOTE));
        assertThat(r.report().rejects().get(0).detail()).contains("opened on line 17 is not closed before the end");
        // The four lines after the stray quote are read, not swallowed.
        assertThat(r.report().accepted()).isEqualTo(19);
        assertThat(r.table().category("NOTA").get(18)).isEqualTo("nota 20");
        assertThat(r.report().lines()).isEqualTo(21);
    }

    @Test
    void quotedLineBreaksWithinTheBoundMakeOneRecordAndCountAllItsLines() throws IOException {
        String text = "MES;HOSPITAL;VALOR;NOTA\n"
                + "2024-01;H;1;\"one\ntwo\nthree\"\n" // lines 2-4: one record, two breaks
                + "2024-01;H;1;\"a\nb\nc\nd\"\n" // lines 5-8: three breaks, one too many
                + "2024-01;H;2;ok\n"; // line 9
        CsvReadReport r =
                read(text, CsvLimits.DEFAULT.withMaxQuotedLineBreaks(2)).report();
        assertThat(r.lines()).isEqualTo(9);
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(r.acceptedLines()).isEqualTo(4);
        // Line 5 is rejected for its quote; lines 6-8 are read as the records they look like, and rejected.
        assertThat(r.rejects())
                .extracting(CsvReject::line, CsvReject::reason)
                .containsExactly(
                        Tuple.tuple(5L, RejectReason.RUNAWAY_QUOTE),
                        Tuple.tuple(6L, RejectReason.FIELD_COUNT),
                        Tuple.tuple(7L, RejectReason.FIELD_COUNT),
                        Tuple.tuple(8L, RejectReason.FIELD_COUNT));
        assertThat(r.rejectedLines()).isEqualTo(4);
        assertThat(r.headerLines() + r.blankLines() + r.acceptedLines() + r.rejectedLines())
                .isEqualTo(r.lines());
    }

    @Test
    void aQuotedFieldPastTheByteBoundIsRejectedAndReadingResumes() throws IOException {
        String text = "MES;HOSPITAL;VALOR;NOTA\n"
                + "2024-01;H;1;\"" + "x".repeat(200) + "\"\n"
                + "2024-01;H;2;ok\r\n"
                + "2024-01;H;3;\"short\"\n";
        CsvReadReport r =
                read(text, CsvLimits.DEFAULT.withMaxQuotedFieldBytes(100)).report();
        assertThat(r.rejects()).singleElement().satisfies(j -> {
            assertThat(j.line()).isEqualTo(2);
            assertThat(j.reason()).isEqualTo(RejectReason.RUNAWAY_QUOTE);
            assertThat(j.detail()).contains("runs past 100 bytes without closing");
        });
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(r.lines()).isEqualTo(4);
    }

    @Test
    void theRejectShareCountsLinesNotRecords() throws IOException {
        StringBuilder sb = export(96);
        // One record of five lines with a field too many: 5 of 101 data lines, though 1 of 97 records.
        sb.append("2024-01;H;1;2;\"a\nb\nc\nd\ne\";extra\n");
        CsvMapping strict = MAPPING.withMaxRejectShare(0.02);
        assertThatThrownBy(() -> read(sb.toString().getBytes(StandardCharsets.UTF_8), strict, CsvLimits.DEFAULT))
                .isInstanceOf(CsvReadException.class)
                .hasMessageStartingWith("erp.csv: 5 of 101 data lines rejected (4.950%, in 1 of 97 records), more"
                        + " than the 2% allowed")
                .hasMessageContaining("line 98 FIELD_COUNT expected 5 fields as in the header, found 6 (the record"
                        + " spans lines 98-102)");
    }

    @Test
    void aStrayQuoteInTheHeaderFailsTheReadNamingTheLine() {
        String text = "MES;\"HOSPITAL;VALOR\n" + "2024-01;H;1\n".repeat(20);
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(CsvReadException.class)
                .hasMessage("erp.csv:1: the header line has a quote that runs past 10 line breaks without closing"
                        + " (CsvLimits.maxQuotedLineBreaks) (fix or remove the stray quote in the header)");
    }

    @Test
    void anAmountBeyondThePlausibleBoundIsRejectedWithTheReason() throws IOException {
        CsvReadResult r = read("MES;HOSPITAL;VALOR\n"
                + "2024-01;H;1e308\n"
                + "2024-01;H;1.000.000.000.000,00\n"
                + "2024-01;H;999.999.999.999,99\n"
                + "2024-01;H;12,5\n");
        assertThat(r.report().rejects())
                .extracting(CsvReject::line, CsvReject::reason)
                .containsExactly(
                        Tuple.tuple(2L, RejectReason.OUT_OF_RANGE), Tuple.tuple(3L, RejectReason.OUT_OF_RANGE));
        assertThat(r.report().rejects().get(0).toString())
                .isEqualTo("erp.csv:2: column 'VALOR': OUT_OF_RANGE: out"
                        + " of the plausible range |value| < 1000000000000 (CsvLimits.maxAbsAmount): '1e308'");
        assertThat(r.table().doubles(Role.GLOSA_AMOUNT).values()).containsExactly(999_999_999_999.99, 12.5);
        // The bound is the caller's to set.
        CsvReadResult tight = read(
                "MES;HOSPITAL;VALOR\n2024-01;H;2.000.000,00\n2024-01;H;999,00\n",
                CsvLimits.DEFAULT.withMaxAbsAmount(1e6));
        assertThat(tight.report().rejects()).extracting(CsvReject::line).containsExactly(2L);
        assertThat(tight.report().rejects().get(0).detail()).contains("|value| < 1000000");
    }

    @Test
    void aNegativeGlosaIsRejectedAndAGlosaAboveTheBilledAmountIsKeptCountedAndWarned() throws IOException {
        CsvReadResult r = read("MES;HOSPITAL;VALOR;COBRADO\n"
                + "2024-01;H;-10,00;100,00\n" // 2 negative glosa
                + "2024-01;H;10,00;-100,00\n" // 3 negative billed amount
                + "2024-01;H;150,00;100,00\n" // 4 glosa above billed: kept
                + "2024-01;H;100,00;100,00\n" // 5 all of it denied: fine
                + "2024-01;H;7,00;;\n" // 6 a field too many
                + "2024-01;H;7,00;\n" // 7 no billed amount: nothing to compare
                + "2024-01;H;300,00;200,00\n"); // 8 glosa above billed: kept
        assertThat(r.report().rejects())
                .extracting(CsvReject::line, CsvReject::column, CsvReject::reason)
                .containsExactly(
                        Tuple.tuple(2L, "VALOR", RejectReason.NEGATIVE_AMOUNT),
                        Tuple.tuple(3L, "COBRADO", RejectReason.NEGATIVE_AMOUNT),
                        Tuple.tuple(6L, null, RejectReason.FIELD_COUNT));
        assertThat(r.report().rejects().get(0).detail()).startsWith("a negative glosa_amount");
        assertThat(r.report().accepted()).isEqualTo(4);
        assertThat(r.report().overBilledRows()).isEqualTo(2);
        assertThat(r.report().warnings())
                .containsExactly("erp.csv: 2 rows have a glosa above the billed amount of"
                        + " the same row (first at lines 4, 8); kept as read: check the export");
        assertThat(r.report().summary()).contains("; 2 over-billed kept; 1 warnings;");
        assertThat(r.table().doubles(Role.GLOSA_AMOUNT).values()).containsExactly(150.0, 100.0, 7.0, 300.0);
        // Negative amounts can be let through where an export writes reversals as negative glosas.
        CsvReadResult lenient =
                read("MES;HOSPITAL;VALOR\n2024-01;H;-10,00\n", CsvLimits.DEFAULT.withRejectNegativeAmounts(false));
        assertThat(lenient.table().doubles(Role.GLOSA_AMOUNT).values()).containsExactly(-10.0);
    }

    @Test
    void aFileHalfUtf8HalfWindows1252IsDecodedLineByLineAndNamed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("MES;HOSPITAL;VALOR\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 6; i++) {
            out.write("2024-01;SÃO LUCAS;1\n2024-01;H;2\n".getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 5; i++) {
            out.write("2024-01;SÃO LUCAS;1\n2024-01;AÇÃO;2\n".getBytes(CP1252));
        }
        CsvReadResult r = read(out.toByteArray(), MAPPING, CsvLimits.DEFAULT);
        assertThat(r.report().charset()).isEqualTo("mixed UTF-8/windows-1252");
        assertThat(r.table().category(Role.HOSPITAL).dictionary()).containsExactly("SÃO LUCAS", "H", "AÇÃO");
        assertThat(r.report().warnings())
                .containsExactly("erp.csv: mixed encodings: UTF-8 text in 6 records"
                        + " (lines 2-12), and windows-1252 bytes that are not UTF-8 in 10 records (lines 14-23, first at line"
                        + " 14); each value decoded by its own bytes (valid UTF-8 as UTF-8, the rest as windows-1252)");
    }

    @Test
    void aForcedCharsetTheBytesContradictIsWarned() throws IOException {
        byte[] utf8 = "MES;HOSPITAL;VALOR\n2024-01;SÃO LUCAS;1\n".getBytes(StandardCharsets.UTF_8);
        CsvReadResult asCp1252 = read(utf8, MAPPING.withCharset(CP1252), CsvLimits.DEFAULT);
        assertThat(asCp1252.report().warnings())
                .singleElement()
                .asString()
                .startsWith("erp.csv: the mapping says windows-1252 but the file has UTF-8 text in 1 record (lines 2)");
        byte[] cp = "MES;HOSPITAL;VALOR\n2024-01;SÃO LUCAS;1\n".getBytes(CP1252);
        CsvReadResult asUtf8 = read(cp, MAPPING.withCharset(StandardCharsets.UTF_8), CsvLimits.DEFAULT);
        assertThat(asUtf8.report().warnings())
                .singleElement()
                .asString()
                .startsWith("erp.csv: the mapping says UTF-8 but the file has bytes that are not UTF-8 in 1 record");
        // A file in one encoding throughout is not warned about.
        assertThat(read(cp, MAPPING, CsvLimits.DEFAULT).report().warnings()).isEmpty();
        assertThat(read(utf8, MAPPING, CsvLimits.DEFAULT).report().warnings()).isEmpty();
    }

    @Test
    void controlBytesFromTheFileAreEscapedInMessagesRejectsAndTheRejectsFile() throws IOException {
        assertThatThrownBy(() -> read("ME\0\u0001S;HOSPITAL;VALOR\n2024-01;H;1\n"))
                .isInstanceOf(CsvReadException.class)
                .hasMessageContaining("not in the header [ME\\u0000\\u0001S, HOSPITAL, VALOR]")
                .satisfies(e -> assertThat(e.getMessage().chars().noneMatch(c -> c < 0x20))
                        .isTrue());

        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "MES;HOSPITAL;VALOR\n2024-01;H;1\u00002\n2024-01;H;\u001b[2J\n2024-01;H\u0007X;3\n");
        Path rejects = dir.resolve("rejects.csv");
        CsvReadResult r = CsvReader.read(csv, MAPPING, rejects);
        assertThat(r.report().rejects())
                .extracting(CsvReject::toString)
                .containsExactly(
                        csv + ":2: column 'VALOR': NOT_A_NUMBER: not a number in pt-BR format (unexpected character"
                                + " '\\u0000'): '1\\u00002'",
                        csv + ":3: column 'VALOR': NOT_A_NUMBER: not a number in pt-BR format (unexpected character"
                                + " '\\u001B'): '\\u001B[2J'");
        String written = Files.readString(rejects);
        assertThat(written)
                .contains("1\\u00002")
                .contains("\\u001B[2J")
                .doesNotContain("\0")
                .doesNotContain("\u001b");
        // The table keeps the value as read: escaping is for what is printed.
        assertThat(r.table().category(Role.HOSPITAL).get(0)).isEqualTo("H\u0007X");
    }
}
