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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvFuzzTests {
    private static final CsvMapping MAPPING = CsvMapping.of("fuzz", List.of(
            ColumnMapping.of("MES", Role.COMPETENCE),
            ColumnMapping.of("HOSPITAL", Role.HOSPITAL),
            ColumnMapping.of("VALOR", Role.GLOSA_AMOUNT),
            ColumnMapping.of("DATA", Role.ADMISSION_DATE).withNullable(true),
            ColumnMapping.of("NOTA", "NOTA", ColumnType.CATEGORY)))
            .withMaxRejectShare(1.0);

    private static final String[] PIECES = {"a", "1", "2024-01", ";", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ",
        "1.234,5", "01/02/2024", "Ç", "\u00e9", "x;y", ""};

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

    @Test
    void randomTablesWithAwkwardTextRoundTripInEveryStyle() throws IOException {
        SplittableRandom rnd = new SplittableRandom(7);
        String[] texts = {"plain", "with;semicolon", "with,comma", "with \"quotes\"", "two\nlines", "cr\r\nlf",
            "MEDICAÇÃO", "DIÁRIA", "a|b", "tab\there"};
        CsvWriteOptions[] styles = {CsvWriteOptions.ptBr(), CsvWriteOptions.plain(),
            CsvWriteOptions.ptBr().withDelimiter(','), CsvWriteOptions.plain().withDelimiter('|'),
            CsvWriteOptions.plain().withDelimiter('\t').withNumbers(NumberStyle.PLAIN, true),
            CsvWriteOptions.ptBr().withCharset(Charset.forName("windows-1252"), false).withFormats("yyyyMM",
                    "yyyyMMdd")};
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
            CsvMapping mapping = MAPPING.withMaxRejectShare(0).withDelimiter(options.delimiter())
                    .withNumberStyle(options.numberStyle());
            // Negative and huge values test the number formats here, not the plausibility limits.
            CsvReadResult r = CsvReader.read(new ByteArrayInputStream(out.toByteArray()), "round-" + round, mapping,
                    CsvLimits.DEFAULT.withMaxAbsAmount(Double.POSITIVE_INFINITY).withRejectNegativeAmounts(false),
                    null);
            assertThat(r.report().rejectedRows()).isZero();
            CsvRoundTripTests.assertSameTable(table, r.table());
        }
    }
}
