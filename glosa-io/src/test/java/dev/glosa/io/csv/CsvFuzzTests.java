package dev.glosa.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.Role;
import dev.glosa.core.table.TableBuilder;
import dev.glosa.io.generate.ErpGenerator;
import dev.glosa.io.generate.ErpGeneratorConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvFuzzTests {
    private static final CsvMapping MAPPING = CsvMapping.of(
                    "fuzz",
                    List.of(
                            ColumnMapping.of("MES", Role.COMPETENCE),
                            ColumnMapping.of("HOSPITAL", Role.HOSPITAL),
                            ColumnMapping.of("VALOR", Role.GLOSA_AMOUNT),
                            ColumnMapping.of("DATA", Role.ADMISSION_DATE).withNullable(true),
                            ColumnMapping.of("NOTA", "NOTA", ColumnType.CATEGORY)))
            .withMaxRejectShare(1.0);

    private static final String[] PIECES = {
        "a",
        "1",
        "2024-01",
        ";",
        ",",
        "\"",
        "\"\"",
        "\n",
        "\r\n",
        "\r",
        " ",
        "1.234,5",
        "01/02/2024",
        "Ç",
        "\u00e9",
        "x;y",
        ""
    };

    @Test
    void randomBytesEndInATableOrRejectsNeverAnUnexpectedException() throws IOException {
        SplittableRandom rnd = new SplittableRandom(2024);
        for (int round = 0; round < 400; round++) {
            StringBuilder sb = new StringBuilder("MES;HOSPITAL;VALOR;DATA;NOTA\n");
            int n = rnd.nextInt(200);
            for (int i = 0; i < n; i++) {
                sb.append(PIECES[rnd.nextInt(PIECES.length)]);
            }
            Charset cs = rnd.nextBoolean() ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
            byte[] bytes = sb.toString().getBytes(cs);
            if (rnd.nextInt(10) == 0 && bytes.length > 40) {
                bytes[30 + rnd.nextInt(bytes.length - 30)] = (byte) rnd.nextInt(256);
            }
            CsvReadResult r = CsvReader.read(new ByteArrayInputStream(bytes), "fuzz-" + round, MAPPING, null);
            CsvReadReport report = r.report();
            assertThat(report.accepted() + report.rejectedRows()).isEqualTo(report.records());
            assertThat(r.table().rowCount()).isEqualTo((int) report.accepted());
        }
    }

    /** Physical lines as the reader's contract defines them: ended by LF, CRLF or CR, a last unended one counts. */
    private static long physicalLines(byte[] b) {
        long lines = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' || (b[i] == '\r' && (i + 1 == b.length || b[i + 1] != '\n'))) {
                lines++;
            }
        }
        return b.length > 0 && b[b.length - 1] != '\n' && b[b.length - 1] != '\r' ? lines + 1 : lines;
    }

    @Test
    void mutatedExportsReconcileEveryLineToExactlyOneRecord() throws IOException {
        GlosaTable generated = ErpGenerator.generate(ErpGeneratorConfig.defaults(3)
                        .withSegments(2, 3, 3, 0.9)
                        .withGroups(8, 2, 3, 2)
                        .withMonths(YearMonth.of(2024, 6), 2))
                .table();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter.write(
                generated,
                out,
                CsvMapping.reference(),
                CsvWriteOptions.ptBr().withCharset(Charset.forName("windows-1252"), false));
        byte[] clean = out.toByteArray();
        int headerEnd = 0;
        while (clean[headerEnd] != '\n') {
            headerEnd++;
        }
        CsvMapping mapping = CsvMapping.reference().withMaxRejectShare(1.0);
        CsvLimits limits = CsvLimits.DEFAULT.withMaxQuotedLineBreaks(4);
        byte[] bad = {'"', '"', ';', ';', '\n', '\r', 0, (byte) 0x81, (byte) 0xC3, (byte) 0xFF};
        SplittableRandom rnd = new SplittableRandom(14);
        for (int round = 0; round < 400; round++) {
            byte[] b = clean;
            int mutations = 1 + rnd.nextInt(4);
            boolean oneQuote = mutations == 1;
            for (int m = 0; m < mutations; m++) {
                int at = headerEnd + 1 + rnd.nextInt(b.length - headerEnd - 1);
                switch (rnd.nextInt(5)) {
                    case 0 -> b = insert(b, at, (byte) '"');
                    case 1 -> {
                        // Cut: a range of bytes goes, across line ends, or the file ends early.
                        int end = rnd.nextBoolean() ? b.length : Math.min(b.length, at + rnd.nextInt(400));
                        byte[] cut = new byte[b.length - (end - at)];
                        System.arraycopy(b, 0, cut, 0, at);
                        System.arraycopy(b, end, cut, at, b.length - end);
                        b = cut;
                    }
                    case 2 -> b = insert(b, at, (byte) ';');
                    case 3 -> {
                        b = b.clone();
                        b[at] = bad[rnd.nextInt(bad.length)];
                    }
                    default -> {
                        // A line ending changes kind: LF, CR or CRLF.
                        b = insert(b, at, rnd.nextBoolean() ? (byte) '\r' : (byte) '\n');
                    }
                }
                oneQuote &= b.length == clean.length + 1 && b[at] == '"';
            }
            CsvReadResult r = CsvReader.read(new ByteArrayInputStream(b), "mutated-" + round, mapping, limits, null);
            CsvReadReport report = r.report();
            String what = "round " + round + ": " + report.summary();
            assertThat(report.lines()).as(what).isEqualTo(physicalLines(b));
            assertThat(report.headerLines() + report.blankLines() + report.acceptedLines() + report.rejectedLines())
                    .as(what)
                    .isEqualTo(report.lines());
            assertThat(report.accepted() + report.rejectedRows()).as(what).isEqualTo(report.records());
            assertThat(report.acceptedLines()).as(what).isGreaterThanOrEqualTo(report.accepted());
            assertThat(report.rejectedLines()).as(what).isGreaterThanOrEqualTo(report.rejectedRows());
            assertThat(r.table().rowCount()).as(what).isEqualTo((int) report.accepted());
            // Each rejected record is reported, at its own first line, inside the file.
            assertThat(report.rejects().stream()
                            .mapToLong(CsvReject::line)
                            .distinct()
                            .count())
                    .as(what)
                    .isEqualTo(report.rejectedRows());
            assertThat(report.rejects()).allSatisfy(j -> assertThat(j.line()).isBetween(2L, report.lines()));
            if (oneQuote) {
                // One stray quote costs at most the lines one quoted field may hold, never the rest of the file.
                assertThat(report.rejectedLines()).as(what).isLessThanOrEqualTo(limits.maxQuotedLineBreaks() + 1);
            }
        }
    }

    private static byte[] insert(byte[] b, int at, byte c) {
        byte[] out = Arrays.copyOf(b, b.length + 1);
        System.arraycopy(b, at, out, at + 1, b.length - at);
        out[at] = c;
        return out;
    }

    @Test
    void randomTablesWithAwkwardTextRoundTripInEveryStyle() throws IOException {
        SplittableRandom rnd = new SplittableRandom(7);
        String[] texts = {
            "plain",
            "with;semicolon",
            "with,comma",
            "with \"quotes\"",
            "two\nlines",
            "cr\r\nlf",
            "MEDICAÇÃO",
            "DIÁRIA",
            "a|b",
            "tab\there"
        };
        CsvWriteOptions[] styles = {
            CsvWriteOptions.ptBr(),
            CsvWriteOptions.plain(),
            CsvWriteOptions.ptBr().withDelimiter(','),
            CsvWriteOptions.plain().withDelimiter('|'),
            CsvWriteOptions.plain().withDelimiter('\t').withNumbers(NumberStyle.PLAIN, true),
            CsvWriteOptions.ptBr()
                    .withCharset(Charset.forName("windows-1252"), false)
                    .withFormats("yyyyMM", "yyyyMMdd")
        };
        for (int round = 0; round < 60; round++) {
            int rows = 1 + rnd.nextInt(50);
            TableBuilder b = GlosaTable.builder(rows);
            MonthColumn.Builder month = b.months(Role.COMPETENCE.column());
            CategoryColumn.Builder hospital = b.category(Role.HOSPITAL.column());
            DoubleColumn.Builder value = b.doubles(Role.GLOSA_AMOUNT.column());
            DateColumn.Builder date = b.dates(Role.ADMISSION_DATE.column());
            CategoryColumn.Builder note = b.category("NOTA");
            for (int i = 0; i < rows; i++) {
                month.addIndex(MonthColumn.toIndex(2000 + rnd.nextInt(40), 1 + rnd.nextInt(12)));
                hospital.add(texts[rnd.nextInt(texts.length)]);
                double v = switch (rnd.nextInt(4)) {
                    case 0 -> rnd.nextInt(1_000_000) / 100.0;
                    case 1 -> -rnd.nextDouble() * 1e7;
                    case 2 -> rnd.nextDouble() * 1e-5;
                    default -> (double) rnd.nextLong(1L << 52);
                };
                value.add(v);
                if (rnd.nextInt(5) == 0) {
                    date.addMissing();
                } else {
                    date.addEpochDay(rnd.nextInt(30_000));
                }
                note.add(rnd.nextInt(4) == 0 ? null : texts[rnd.nextInt(texts.length)]);
            }
            GlosaTable table = b.build();
            CsvWriteOptions options = styles[round % styles.length];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CsvWriter.write(table, out, MAPPING, options);
            CsvMapping mapping = MAPPING.withMaxRejectShare(0)
                    .withDelimiter(options.delimiter())
                    .withNumberStyle(options.numberStyle());
            // Negative and huge values test the number formats here, not the plausibility limits.
            CsvReadResult r = CsvReader.read(
                    new ByteArrayInputStream(out.toByteArray()),
                    "round-" + round,
                    mapping,
                    CsvLimits.DEFAULT.withMaxAbsAmount(Double.POSITIVE_INFINITY).withRejectNegativeAmounts(false),
                    null);
            assertThat(r.report().rejectedRows()).isZero();
            CsvRoundTripTests.assertSameTable(table, r.table());
        }
    }
}
