package dev.glosa.io.csv;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.io.text.CsvCells;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a {@link GlosaTable} as a CSV export, under the header names a {@link CsvMapping} gives (so the reference
 * ERP mapping writes the reference ERP shape), with pt-BR or plain numbers.
 *
 * <p>Fields are quoted (RFC 4180, by {@link CsvCells}) when they hold the delimiter, a quote or a line break, or start
 * with a byte order mark; missing values are empty. Text is not guarded against spreadsheet formulas: the file must
 * read back to the same table.
 * Numbers are written with the fewest digits that read back to the same {@code double}, so reading the file with the
 * same mapping gives the same table.
 */
public final class CsvWriter {
    private CsvWriter() {}

    /**
     * Writes {@code table} to {@code file} through a temporary file renamed at the end, so a reader never sees half a
     * file; {@code mapping} may be {@code null} (headers are then the column names).
     *
     * @param table the table
     * @param file the file written
     * @param mapping the header of each column, or {@code null}
     * @param options delimiter, charset and formats
     * @throws IOException when the file cannot be written; the previous file is then unchanged
     */
    public static void write(GlosaTable table, Path file, CsvMapping mapping, CsvWriteOptions options)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                write(table, out, mapping, options);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Writes {@code table} to {@code out} (not closed; flushed).
     *
     * @param table the table
     * @param out where the bytes go
     * @param mapping the header of each column, or {@code null}
     * @param options delimiter, charset and formats
     * @throws IOException when the stream fails
     */
    public static void write(GlosaTable table, OutputStream out, CsvMapping mapping, CsvWriteOptions options)
            throws IOException {
        List<Column> columns = table.columns();
        String[] headers = new String[columns.size()];
        CharsetEncoder encoder = options.charset().newEncoder();
        for (int c = 0; c < headers.length; c++) {
            Column col = columns.get(c);
            headers[c] = col.name();
            if (mapping != null) {
                for (ColumnMapping m : mapping.columns()) {
                    if (m.name().equals(col.name())) {
                        headers[c] = m.source();
                    }
                }
            }
            checkEncodable(encoder, headers[c], "header of column '" + col.name() + "'", options);
            if (col instanceof CategoryColumn cat) {
                for (int code = 0; code < cat.cardinality(); code++) {
                    checkEncodable(encoder, cat.value(code), "value of column '" + col.name() + "'", options);
                }
            }
        }
        if (options.bom()) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        CharsetEncoder strict = options.charset()
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, strict), 1 << 16);
        char d = options.delimiter();
        StringBuilder line = new StringBuilder(256);
        for (int c = 0; c < headers.length; c++) {
            line.append(c == 0 ? "" : String.valueOf(d)).append(CsvCells.quote(headers[c], d));
        }
        line.append("\r\n");
        w.append(line);
        boolean ptBr = options.numberStyle() == NumberStyle.PT_BR;
        // Each distinct category value is quoted once, not once per row.
        String[][] quoted = new String[columns.size()][];
        for (int c = 0; c < quoted.length; c++) {
            if (columns.get(c) instanceof CategoryColumn cat) {
                quoted[c] = new String[cat.cardinality()];
                for (int code = 0; code < quoted[c].length; code++) {
                    quoted[c][code] = CsvCells.quote(cat.value(code), d);
                }
            }
        }
        int rows = table.rowCount();
        for (int r = 0; r < rows; r++) {
            line.setLength(0);
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    line.append(d);
                }
                Column col = columns.get(c);
                if (col.isMissing(r)) {
                    continue;
                }
                switch (col.type()) {
                    case CATEGORY -> line.append(quoted[c][((CategoryColumn) col).code(r)]);
                    case DOUBLE -> {
                        String n = number(((DoubleColumn) col).get(r), ptBr, options.grouping());
                        line.append(n.indexOf(d) >= 0 ? CsvCells.quote(n, d) : n);
                    }
                    case LONG -> line.append(((LongColumn) col).get(r));
                    case DATE -> {
                        long ymd = Cells.civil(((DateColumn) col).epochDay(r));
                        date(
                                line,
                                (int) (ymd >>> 16),
                                (int) (ymd >>> 8) & 0xFF,
                                (int) ymd & 0xFF,
                                options.dateFormat());
                    }
                    case MONTH -> {
                        int idx = ((MonthColumn) col).index(r);
                        month(line, Math.floorDiv(idx, 12), Math.floorMod(idx, 12) + 1, options.monthFormat());
                    }
                }
            }
            line.append("\r\n");
            w.append(line);
        }
        w.flush();
    }

    private static void checkEncodable(CharsetEncoder encoder, String text, String what, CsvWriteOptions options) {
        if (!encoder.canEncode(text)) {
            throw new IllegalArgumentException(what + " '" + text + "' cannot be written in " + options.charset());
        }
    }

    /** The shortest text of {@code v} that reads back to it, in the given style. */
    static String number(double v, boolean ptBr, boolean grouping) {
        String s;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            s = Long.toString((long) v);
        } else {
            s = Double.toString(v);
            if (s.indexOf('E') >= 0) {
                s = new BigDecimal(s).stripTrailingZeros().toPlainString();
            }
        }
        if (!ptBr && !grouping) {
            return s;
        }
        int start = s.startsWith("-") ? 1 : 0;
        int dot = s.indexOf('.');
        int intEnd = dot < 0 ? s.length() : dot;
        StringBuilder sb = new StringBuilder(s.length() + 8);
        sb.append(s, 0, start);
        char grp = ptBr ? '.' : ',';
        for (int i = start; i < intEnd; i++) {
            if (grouping && i > start && (intEnd - i) % 3 == 0) {
                sb.append(grp);
            }
            sb.append(s.charAt(i));
        }
        if (dot >= 0) {
            sb.append(ptBr ? ',' : '.').append(s, dot + 1, s.length());
        }
        return sb.toString();
    }

    private static void date(StringBuilder sb, int y, int m, int d, String format) {
        switch (format) {
            case "dd/MM/yyyy" -> {
                two(sb, d).append('/');
                two(sb, m).append('/');
                four(sb, y);
            }
            case "yyyyMMdd" -> {
                four(sb, y);
                two(sb, m);
                two(sb, d);
            }
            default -> {
                four(sb, y).append('-');
                two(sb, m).append('-');
                two(sb, d);
            }
        }
    }

    private static void month(StringBuilder sb, int y, int m, String format) {
        switch (format) {
            case "MM/yyyy" -> {
                two(sb, m).append('/');
                four(sb, y);
            }
            case "yyyyMM" -> {
                four(sb, y);
                two(sb, m);
            }
            default -> {
                four(sb, y).append('-');
                two(sb, m);
            }
        }
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static StringBuilder four(StringBuilder sb, int v) {
        return sb.append((char) ('0' + v / 1000))
                .append((char) ('0' + v / 100 % 10))
                .append((char) ('0' + v / 10 % 10))
                .append((char) ('0' + v % 10));
    }
}
