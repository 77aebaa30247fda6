package dev.glosa.io.csv;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.PersonalFields;
import dev.glosa.core.table.Role;
import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;
import dev.glosa.io.text.ByteDictionary;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CSV export into a {@link GlosaTable} as a {@link CsvMapping} says, sending bad rows to a rejects list.
 *
 * <p>Detection, each overridable in the mapping: the delimiter is the most frequent of {@code ;}, {@code ,},
 * {@code |} and tab outside quotes in the header line ({@code ;} on a tie, {@code ,} when there is none); the charset
 * is UTF-8 when the file starts with a UTF-8 byte order mark or is valid UTF-8 throughout, else windows-1252; the
 * number style of each measure column is decided from its first {@value #SAMPLE_ROWS} rows: {@code 1.234,56},
 * {@code 12,5} or {@code 1.234.567} show pt-BR, {@code 1,234.56}, {@code 12.5} or {@code 1,234,567} show plain, and a
 * column with no evidence either way (integers, or one separator followed by exactly three digits) follows the
 * delimiter: pt-BR with {@code ;}, plain otherwise. Cells are trimmed of spaces and tabs; an empty cell is a missing
 * value, or a reject in a role column. Dates are {@code dd/MM/yyyy}, {@code yyyy-MM-dd} or {@code yyyyMMdd} (a time
 * after them is ignored); months {@code yyyy-MM}, {@code MM/yyyy}, {@code yyyyMM} or a date.
 *
 * <p>A row is rejected, never dropped silently, when it has another number of fields than the header, has a quoted
 * field that is not closed or runs past the {@link CsvLimits} (then the lines up to the one where that quote opened
 * are rejected and the read resumes on the next line), has an empty role cell, has a cell that does not parse, has a
 * measure that is not finite or not below {@link CsvLimits#maxAbsAmount()}, or has a negative billed, glosa or paid
 * amount; every broken cell becomes a {@link CsvReject} with its line and column. A row whose glosa is above its
 * billed amount is kept, counted and warned about. Lines reconcile: every physical line is the header, blank, or in
 * exactly one accepted or rejected record (see {@link CsvReadReport}). The read fails with a {@link CsvReadException}
 * naming the file, the counts and the first reasons when the share of data lines in rejected records passes
 * {@link CsvMapping#maxRejectShare()}.
 *
 * <p>Encodings: with {@code charset: auto}, each record is classed as ASCII, UTF-8 or not UTF-8 by its bytes. A file
 * with both UTF-8 and non-UTF-8 lines is decoded value by value (valid UTF-8 as UTF-8, the rest as windows-1252) and
 * the report warns, naming the lines of each. A forced charset that the bytes contradict is warned about too. Text
 * quoted from the file in messages, rejects and warnings has its control characters escaped (<code>&#92;u0000</code>).
 *
 * <p>Fast: the file is split into records on bytes, numbers and dates are parsed from those bytes, and category
 * values are interned by their bytes and decoded once per distinct value, so nothing is allocated per cell.
 */
public final class CsvReader {
    /** The most rejects a report keeps; the rejects file gets them all. */
    public static final int MAX_REPORTED_REJECTS = 10_000;

    /** The rows the number style detection looks at. */
    public static final int SAMPLE_ROWS = 10_000;

    static final int HEAD_BYTES = 1 << 20;
    private static final int BUFFER_BYTES = 1 << 20;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvReader() {}

    /**
     * Reads {@code file}; see the class description.
     *
     * @param file the export
     * @param mapping how its columns map to the table
     * @throws IOException when the file cannot be read; {@link CsvReadException} for a file that breaks the mapping
     * @return the table and the report of the read
     */
    public static CsvReadResult read(Path file, CsvMapping mapping) throws IOException {
        return read(file, mapping, null);
    }

    /**
     * Reads {@code file}, writing every reject to {@code rejectsFile} (UTF-8, {@code ;}-separated, with a header), even
     * when the read fails; {@code null} writes none.
     *
     * @param file the export
     * @param mapping how its columns map to the table
     * @param rejectsFile where the rejects go, or {@code null}
     * @return the table and the report of the read
     * @throws IOException when the file or the rejects file fails
     */
    public static CsvReadResult read(Path file, CsvMapping mapping, Path rejectsFile) throws IOException {
        return read(file, mapping, CsvLimits.DEFAULT, rejectsFile);
    }

    /**
     * Reads {@code file} within {@code limits}, writing every reject to {@code rejectsFile} ({@code null}: none).
     *
     * @param file the export
     * @param mapping how its columns map to the table
     * @param limits the limits that protect the read
     * @param rejectsFile where the rejects go, or {@code null}
     * @throws IOException when the file or the rejects file fails
     * @return the table and the report of the read
     */
    public static CsvReadResult read(Path file, CsvMapping mapping, CsvLimits limits, Path rejectsFile)
            throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), mapping, limits, rejectsFile);
        }
    }

    /**
     * Reads a stream named {@code source} in messages; the stream is not closed.
     *
     * @param in the file's bytes
     * @param source the file's name, for messages
     * @param mapping how its columns map to the table
     * @param rejectsFile where the rejects go, or {@code null}
     * @throws IOException when the stream or the rejects file fails
     * @return the table and the report of the read
     */
    public static CsvReadResult read(InputStream in, String source, CsvMapping mapping, Path rejectsFile)
            throws IOException {
        return read(in, source, mapping, CsvLimits.DEFAULT, rejectsFile);
    }

    /**
     * Reads a stream named {@code source} in messages within {@code limits}; the stream is not closed.
     *
     * @param in the file's bytes
     * @param source the file's name, for messages
     * @param mapping how its columns map to the table
     * @param limits the limits that protect the read
     * @param rejectsFile where the rejects go, or {@code null}
     * @throws IOException when the stream or the rejects file fails
     * @return the table and the report of the read
     */
    public static CsvReadResult read(
            InputStream in, String source, CsvMapping mapping, CsvLimits limits, Path rejectsFile) throws IOException {
        return read(in, source, mapping, limits, rejectsFile, Language.EN);
    }

    /**
     * Reads a stream named {@code source} in messages within {@code limits}, writing the rejects' {@code detail} and
     * the read's errors in {@code language}; the stream is not closed.
     *
     * @param in the file's bytes
     * @param source the file's name, for messages and the rejects file
     * @param mapping how the columns map to the table
     * @param limits the limits that protect the read
     * @param rejectsFile where every reject goes, or {@code null} for none
     * @param language the language of the rejects' detail and of errors ({@code reason} stays a stable code)
     * @return the table and the read's report
     * @throws IOException if the stream or the rejects file fails
     */
    public static CsvReadResult read(
            InputStream in, String source, CsvMapping mapping, CsvLimits limits, Path rejectsFile, Language language)
            throws IOException {
        return new Run(source, mapping, limits, rejectsFile, language).read(in);
    }

    /**
     * Reads {@code file} within {@code limits}, writing the rejects' {@code detail} and the read's errors in
     * {@code language}.
     *
     * @param file the CSV export
     * @param mapping how the columns map to the table
     * @param limits the limits that protect the read
     * @param rejectsFile where every reject goes, or {@code null} for none
     * @param language the language of the rejects' detail and of errors ({@code reason} stays a stable code)
     * @return the table and the read's report
     * @throws IOException if the file or the rejects file cannot be read or written
     */
    public static CsvReadResult read(
            Path file, CsvMapping mapping, CsvLimits limits, Path rejectsFile, Language language) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), mapping, limits, rejectsFile, language);
        }
    }

    /** One column of the table: where it comes from, how it parses, and its values so far. */
    private static final class Plan {
        final int field;
        final String header;
        final String name;
        final Role role;
        final ColumnType type;
        final boolean nullable;
        final boolean kept;
        NumberStyle style;
        boolean ptBr;
        int shapes;

        ByteDictionary dict;
        int[] codes;
        int size;
        DoubleColumn.Builder doubles;
        LongColumn.Builder longs;
        DateColumn.Builder dates;
        MonthColumn.Builder months;

        boolean missing;
        int code;
        double dv;
        long lv;
        int iv;
        int cs;
        int ce;

        Plan(
                int field,
                String header,
                String name,
                Role role,
                ColumnType type,
                boolean nullable,
                boolean kept,
                String format,
                NumberStyle defaultStyle) {
            this.field = field;
            this.header = header;
            this.name = name;
            this.role = role;
            this.type = type;
            this.nullable = nullable;
            this.kept = kept;
            switch (type) {
                case CATEGORY -> {
                    dict = ByteDictionary.undecoded();
                    codes = new int[1024];
                }
                case DOUBLE -> {
                    doubles = new DoubleColumn.Builder(name, 1024);
                    style = format == null ? defaultStyle : NumberStyle.parse(format);
                    ptBr = style == NumberStyle.PT_BR;
                }
                case LONG -> longs = new LongColumn.Builder(name, 1024);
                case DATE -> {
                    dates = new DateColumn.Builder(name, 1024);
                    shapes = Cells.dateShapes(format);
                }
                case MONTH -> {
                    months = new MonthColumn.Builder(name, 1024);
                    shapes = Cells.monthShapes(format);
                }
            }
        }

        void commit() {
            switch (type) {
                case CATEGORY -> {
                    if (size == codes.length) {
                        codes = Arrays.copyOf(codes, size + (size >> 1) + 16);
                    }
                    codes[size++] = missing ? CategoryColumn.MISSING : code;
                }
                case DOUBLE -> doubles.add(missing ? Double.NaN : dv);
                case LONG -> longs.add(missing ? LongColumn.MISSING : lv);
                case DATE -> dates.addEpochDay(missing ? DateColumn.MISSING : iv);
                case MONTH -> months.addIndex(missing ? MonthColumn.MISSING : iv);
            }
        }
    }

    /** The state of one read. */
    private static final class Run {
        /** The lines an over-billed warning names. */
        private static final int NAMED_LINES = 5;

        private final String source;
        private final CsvMapping mapping;
        private final CsvLimits limits;
        private final Path rejectsFile;
        private final Cells cells;
        private final Messages text;
        private final List<CsvReject> stored = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private Path rejectsTemp;
        private Writer rejectsOut;
        private boolean bom;
        private Utf8Check utf8;
        private int bufferBytes = BUFFER_BYTES;
        private long rejectedCells;
        private Plan billed;
        private Plan glosa;
        private long overBilled;
        private final List<Long> overBilledLines = new ArrayList<>();
        /** Records with UTF-8 text and with bytes that are not UTF-8: how many, first and last line of each. */
        private long utf8Records;

        private long utf8First;
        private long utf8Last;
        private long otherRecords;
        private long otherFirst;
        private long otherLast;

        Run(String source, CsvMapping mapping, CsvLimits limits, Path rejectsFile, Language language) {
            this.cells = new Cells(language);
            this.text = cells.text;
            this.source = Printable.of(source);
            this.mapping = mapping;
            this.limits = limits;
            this.rejectsFile = rejectsFile;
        }

        CsvReadResult read(InputStream in) throws IOException {
            long t0 = System.nanoTime();
            byte[] head = in.readNBytes(HEAD_BYTES);
            boolean headIsAll = head.length < HEAD_BYTES;
            bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
            int off = bom ? 3 : 0;
            if (headIsAll) {
                // A small file needs no megabyte buffers (the tokenizer grows its buffer if it ever must).
                bufferBytes = Math.max(4096, head.length - off + 1);
            }
            char delimiter =
                    mapping.delimiter() != CsvMapping.AUTO_DELIMITER ? mapping.delimiter() : detectDelimiter(head, off);
            Charset forced = mapping.charset();
            Utf8Check headCheck = new Utf8Check();
            headCheck.update(head, off, head.length - off);
            Charset headerCharset =
                    forced != null ? forced : bom || headCheck.validSoFar() ? StandardCharsets.UTF_8 : WINDOWS_1252;

            utf8 = new Utf8Check();
            InputStream all = new SequenceInputStream(new ByteArrayInputStream(head, off, head.length - off), in);
            Tokenizer tok = tokenizer(all, delimiter, utf8);
            if (!tok.next() || tok.blank()) {
                throw new CsvReadException(text.text("csv.noHeader", source), null, null);
            }
            if (tok.quoteFault != null) {
                throw new CsvReadException(
                        text.text("csv.headerQuote", source, Long.toString(tok.lastLine), faultRule(tok.quoteFault)),
                        null,
                        null);
            }
            classify(tok);
            long headerLines = tok.lastLine - tok.recordLine + 1;
            int headerCount = tok.fields;
            byte[][] headerBytes = new byte[headerCount][];
            String[] header = new String[headerCount];
            for (int i = 0; i < headerCount; i++) {
                int s = Cells.trimStart(tok.rec, tok.starts[i], tok.ends[i]);
                int e = Cells.trimEnd(tok.rec, s, tok.ends[i]);
                headerBytes[i] = Arrays.copyOfRange(tok.rec, s, e);
                header[i] = new String(headerBytes[i], headerCharset);
            }
            Plan[] plans = plan(header);
            for (Plan p : plans) {
                if (p.role == Role.BILLED_AMOUNT) {
                    billed = p;
                } else if (p.role == Role.GLOSA_AMOUNT) {
                    glosa = p;
                }
            }
            Map<String, NumberStyle> styles = detectStyles(plans, head, off, headIsAll, delimiter, headerCount);

            if (rejectsFile != null) {
                Path dir = rejectsFile.toAbsolutePath().getParent();
                rejectsTemp =
                        Files.createTempFile(dir, rejectsFile.getFileName().toString(), ".tmp");
                rejectsOut = new BufferedWriter(
                        new OutputStreamWriter(Files.newOutputStream(rejectsTemp), StandardCharsets.UTF_8));
                rejectsOut.write("source;line;column;reason;detail;value\n");
            }
            long lines = tok.lastLine;
            long records = 0;
            long accepted = 0;
            long acceptedLines = 0;
            long rejectedRows = 0;
            long rejectedLines = 0;
            long blank = 0;
            try {
                while (tok.next()) {
                    if (tok.recordLine != lines + 1) {
                        throw new IllegalStateException(source + ":" + tok.recordLine + ": the tokenizer skipped from"
                                + " line " + lines + " to line " + tok.recordLine + " (a bug: please report it)");
                    }
                    lines = tok.lastLine;
                    long span = tok.lastLine - tok.recordLine + 1;
                    if (tok.blank()) {
                        blank += span;
                        continue;
                    }
                    records++;
                    classify(tok);
                    if (tok.quoteFault != null) {
                        reject(
                                tok.recordLine,
                                null,
                                tok.quoteFault == Tokenizer.QuoteFault.UNCLOSED
                                        ? RejectReason.UNCLOSED_QUOTE
                                        : RejectReason.RUNAWAY_QUOTE,
                                null,
                                0,
                                0,
                                text.text(
                                        "reject.quote",
                                        Long.toString(tok.lastLine),
                                        faultRule(tok.quoteFault),
                                        lineRange(tok.recordLine, tok.lastLine),
                                        Long.toString(tok.lastLine + 1)));
                        rejectedRows++;
                        rejectedLines += span;
                        continue;
                    }
                    if (tok.fields != headerCount) {
                        reject(
                                tok.recordLine,
                                null,
                                RejectReason.FIELD_COUNT,
                                null,
                                0,
                                0,
                                span > 1
                                        ? text.text(
                                                "reject.fieldCountSpan",
                                                Integer.toString(headerCount),
                                                Integer.toString(tok.fields),
                                                lineRange(tok.recordLine, tok.lastLine))
                                        : text.text(
                                                "reject.fieldCount",
                                                Integer.toString(headerCount),
                                                Integer.toString(tok.fields)));
                        rejectedRows++;
                        rejectedLines += span;
                        continue;
                    }
                    if (parseRow(tok, plans) > 0) {
                        rejectedRows++;
                        rejectedLines += span;
                        continue;
                    }
                    for (Plan p : plans) {
                        if (p.type == ColumnType.CATEGORY && !p.missing) {
                            p.code = p.dict.id(tok.rec, p.cs, p.ce - p.cs);
                        }
                        p.commit();
                    }
                    if (billed != null && glosa != null && !billed.missing && !glosa.missing && glosa.dv > billed.dv) {
                        if (overBilled++ < NAMED_LINES) {
                            overBilledLines.add(tok.recordLine);
                        }
                    }
                    accepted++;
                    acceptedLines += span;
                }
                Decoding decoding = decoding(forced);
                if (overBilled > 0) {
                    warnings.add(String.format(
                            Locale.ROOT,
                            "%s: %,d row%s %s a glosa above the billed amount of"
                                    + " the same row (first at line%s %s); kept as read: check the export",
                            source,
                            overBilled,
                            overBilled == 1 ? "" : "s",
                            overBilled == 1 ? "has" : "have",
                            overBilledLines.size() == 1 ? "" : "s",
                            joinLines(overBilledLines)));
                }
                List<Column> columns = new ArrayList<>(plans.length);
                for (Plan p : plans) {
                    String name = p.kept ? keptName(decoding.decode(headerBytes[p.field]), p.field) : p.name;
                    columns.add(build(p, name, decoding));
                }
                GlosaTable table = GlosaTable.of(columns);
                CsvReadReport report = new CsvReadReport(
                        source,
                        decoding.label(),
                        delimiter,
                        styles,
                        lines,
                        headerLines,
                        blank,
                        records,
                        accepted,
                        acceptedLines,
                        rejectedRows,
                        rejectedLines,
                        rejectedCells,
                        overBilled,
                        warnings,
                        stored,
                        tok.bytes() + off,
                        System.nanoTime() - t0);
                finishRejects();
                if (rejectedLines > mapping.maxRejectShare() * report.dataLines()) {
                    throw new CsvReadException(tooManyRejects(report), report, null);
                }
                return new CsvReadResult(table, report);
            } finally {
                abortRejects();
            }
        }

        private Tokenizer tokenizer(InputStream in, char delimiter, Utf8Check check) {
            return new Tokenizer(
                    in,
                    (byte) delimiter,
                    check,
                    bufferBytes,
                    limits.maxQuotedLineBreaks(),
                    limits.maxQuotedFieldBytes());
        }

        private String faultRule(Tokenizer.QuoteFault fault) {
            return switch (fault) {
                case UNCLOSED -> text.text("reject.quote.unclosed");
                case TOO_MANY_LINE_BREAKS ->
                    text.text("reject.quote.lineBreaks", Integer.toString(limits.maxQuotedLineBreaks()));
                case TOO_LONG -> text.text("reject.quote.bytes", Integer.toString(limits.maxQuotedFieldBytes()));
            };
        }

        private String lineRange(long first, long last) {
            return first == last
                    ? text.text("reject.line", Long.toString(first))
                    : text.text("reject.lines", Long.toString(first), Long.toString(last));
        }

        private static String joinLines(List<Long> lines) {
            StringBuilder sb = new StringBuilder();
            for (Long l : lines) {
                sb.append(sb.length() == 0 ? "" : ", ").append(l);
            }
            return sb.toString();
        }

        /** Counts the record as UTF-8 text or as bytes that are not UTF-8, by its lines. */
        private void classify(Tokenizer tok) {
            if (tok.encoding == Tokenizer.UTF8) {
                if (utf8Records++ == 0) {
                    utf8First = tok.recordLine;
                }
                utf8Last = tok.lastLine;
            } else if (tok.encoding == Tokenizer.NOT_UTF8) {
                if (otherRecords++ == 0) {
                    otherFirst = tok.recordLine;
                }
                otherLast = tok.lastLine;
            }
        }

        /** How the table's text is decoded, from what the records showed; adds a warning when the bytes disagree. */
        private Decoding decoding(Charset forced) {
            boolean utf8Text = utf8Records > 0 || bom;
            String utf8Lines = utf8Records > 0
                    ? String.format(
                            Locale.ROOT,
                            "UTF-8 text in %,d record%s (lines %s)",
                            utf8Records,
                            utf8Records == 1 ? "" : "s",
                            range(utf8First, utf8Last))
                    : "a UTF-8 byte order mark";
            String otherLines = String.format(
                    Locale.ROOT,
                    "bytes that are not UTF-8 in %,d record%s (lines %s," + " first at line %,d)",
                    otherRecords,
                    otherRecords == 1 ? "" : "s",
                    range(otherFirst, otherLast),
                    otherFirst);
            if (forced != null) {
                if (forced.equals(StandardCharsets.UTF_8) && otherRecords > 0) {
                    warnings.add(source + ": the mapping says UTF-8 but the file has " + otherLines
                            + ": they read with replacement characters (set charset: auto to decode each line by its"
                            + " bytes)");
                } else if (!forced.equals(StandardCharsets.UTF_8) && utf8Records > 0) {
                    warnings.add(source + ": the mapping says " + forced.name() + " but the file has " + utf8Lines
                            + ": they read as mojibake such as 'Ã§' for 'ç' (set charset: auto to decode each line"
                            + " by its bytes)");
                }
                return new Decoding(forced, false);
            }
            if (otherRecords == 0) {
                return new Decoding(StandardCharsets.UTF_8, false);
            }
            if (!utf8Text) {
                return new Decoding(WINDOWS_1252, false);
            }
            warnings.add(source + ": mixed encodings: " + utf8Lines + ", and windows-1252 " + otherLines
                    + "; each value decoded by its own bytes (valid UTF-8 as UTF-8, the rest as windows-1252)");
            return new Decoding(null, true);
        }

        private static String range(long first, long last) {
            return first == last
                    ? String.format(Locale.ROOT, "%,d", first)
                    : String.format(Locale.ROOT, "%,d-%,d", first, last);
        }

        private String tooManyRejects(CsvReadReport report) {
            return text.text(
                            "reject.tooManyLines",
                            source,
                            Long.toString(report.rejectedLines()),
                            Long.toString(report.dataLines()),
                            String.format(Locale.ROOT, "%.3f%%", 100 * report.rejectedShare()),
                            Long.toString(report.rejectedRows()),
                            Long.toString(report.records()),
                            String.format(Locale.ROOT, "%s%%", DoubleColumn.format(100 * mapping.maxRejectShare())),
                            mapping.name())
                    + Rejects.first(text, stored, "reject.unit.line", rejectsFile);
        }

        /** Parses the cells of one record into the plans' scratch fields; returns the number of broken cells. */
        private int parseRow(Tokenizer tok, Plan[] plans) throws IOException {
            byte[] r = tok.rec;
            int bad = 0;
            for (Plan p : plans) {
                int s = Cells.trimStart(r, tok.starts[p.field], tok.ends[p.field]);
                int e = Cells.trimEnd(r, s, tok.ends[p.field]);
                if (s == e) {
                    p.missing = true;
                    if (!p.nullable) {
                        bad++;
                        reject(
                                tok.recordLine,
                                p,
                                RejectReason.MISSING_VALUE,
                                r,
                                s,
                                e,
                                text.text("reject.missing", p.name));
                    }
                    continue;
                }
                p.missing = false;
                RejectReason reason = null;
                switch (p.type) {
                    case CATEGORY -> {
                        p.cs = s;
                        p.ce = e;
                    }
                    case DOUBLE -> {
                        p.dv = cells.number(r, s, e, p.ptBr);
                        reason = RejectReason.NOT_A_NUMBER;
                        if (cells.error == null) {
                            reason = checkAmount(p);
                        }
                    }
                    case LONG -> {
                        p.lv = cells.integer(r, s, e);
                        reason = RejectReason.NOT_AN_INTEGER;
                    }
                    case DATE -> {
                        p.iv = cells.date(r, s, e, p.shapes);
                        reason = RejectReason.NOT_A_DATE;
                    }
                    case MONTH -> {
                        p.iv = cells.month(r, s, e, p.shapes);
                        reason = RejectReason.NOT_A_MONTH;
                    }
                }
                if (reason != null && cells.error != null) {
                    bad++;
                    reject(tok.recordLine, p, reason, r, s, e, cells.error);
                }
            }
            return bad;
        }

        /** Sets {@link Cells#error} and returns the reason when the measure just parsed breaks a limit. */
        private RejectReason checkAmount(Plan p) {
            double v = p.dv;
            if (!(Math.abs(v) < limits.maxAbsAmount())) {
                cells.error = Double.isFinite(v)
                        ? text.text("reject.range", DoubleColumn.format(limits.maxAbsAmount()))
                        : text.text("reject.notFinite");
                return RejectReason.OUT_OF_RANGE;
            }
            if (v < 0
                    && limits.rejectNegativeAmounts()
                    && (p.role == Role.GLOSA_AMOUNT || p.role == Role.BILLED_AMOUNT || p.role == Role.PAID_AMOUNT)) {
                cells.error = text.text("reject.negative", p.role.column());
                return RejectReason.NEGATIVE_AMOUNT;
            }
            return RejectReason.NOT_A_NUMBER;
        }

        private void reject(long line, Plan p, RejectReason reason, byte[] b, int s, int e, String detail)
                throws IOException {
            String column = p == null ? null : Printable.of(p.header);
            boolean personal = p != null && (PersonalFields.isPersonal(p.header) || PersonalFields.isPersonal(p.name));
            rejectedCells++;
            if (stored.size() >= MAX_REPORTED_REJECTS && rejectsOut == null) {
                return;
            }
            String value = b == null ? null : decode(b, s, e);
            if (value != null && personal) {
                // Rejects reach rejects.csv and the log: a personal identifier is shown by its shape only, and the
                // parser's detail (which can quote a digit or the day of a birth date) by its shape too.
                value = PersonalFields.masked(value);
                detail = detail == null ? null : Rejects.maskDetail(detail);
            }
            // Rejects are printed: a control byte of the file must not reach a terminal or a log as itself.
            CsvReject r = new CsvReject(source, line, column, reason, Printable.of(value), Printable.of(detail));
            if (stored.size() < MAX_REPORTED_REJECTS) {
                stored.add(r);
            }
            if (rejectsOut != null) {
                rejectsOut.write(Rejects.line(source, line, column, reason, r.detail(), r.value()));
            }
        }

        private String decode(byte[] b, int s, int e) {
            Charset cs = mapping.charset() != null
                    ? mapping.charset()
                    : (bom || utf8Records > 0 || utf8.validSoFar()) && Utf8Check.isValid(b, s, e)
                            ? StandardCharsets.UTF_8
                            : WINDOWS_1252;
            return new String(b, s, e - s, cs);
        }

        private void finishRejects() throws IOException {
            if (rejectsOut != null) {
                rejectsOut.close();
                rejectsOut = null;
                Files.move(
                        rejectsTemp, rejectsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                rejectsTemp = null;
            }
        }

        private void abortRejects() {
            try {
                if (rejectsOut != null) {
                    rejectsOut.close();
                }
                if (rejectsTemp != null) {
                    Files.deleteIfExists(rejectsTemp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clean up " + rejectsTemp + ": " + e.getMessage(), e);
            }
        }

        private Plan[] plan(String[] header) {
            List<Plan> plans = new ArrayList<>();
            Map<ColumnMapping, Integer> found = new HashMap<>();
            Map<String, Integer> names = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                ColumnMapping c = header[i].isEmpty() ? null : mapping.column(header[i]);
                Plan p;
                if (c != null) {
                    Integer before = found.put(c, i);
                    if (before != null) {
                        throw new CsvReadException(
                                text.text(
                                        "csv.headerTwice",
                                        source,
                                        Printable.of(c.source()),
                                        Integer.toString(before + 1),
                                        Integer.toString(i + 1)),
                                null,
                                null);
                    }
                    p = new Plan(
                            i,
                            header[i],
                            c.name(),
                            c.role(),
                            c.type(),
                            c.nullable(),
                            false,
                            c.format(),
                            mapping.numberStyle());
                } else if (mapping.keepUnmapped()) {
                    p = new Plan(
                            i,
                            header[i],
                            keptName(header[i], i),
                            null,
                            ColumnType.CATEGORY,
                            true,
                            true,
                            null,
                            mapping.numberStyle());
                } else {
                    continue;
                }
                Integer clash = names.put(p.name, i);
                if (clash != null) {
                    throw new CsvReadException(
                            text.text(
                                    "csv.columnClash",
                                    source,
                                    Integer.toString(clash + 1),
                                    Integer.toString(i + 1),
                                    Printable.of(p.name)),
                            null,
                            null);
                }
                plans.add(p);
            }
            List<String> missing = mapping.missingRequired(found.keySet());
            if (!missing.isEmpty()) {
                throw new CsvReadException(
                        text.text(
                                "csv.missingColumns",
                                source,
                                missing,
                                Printable.of(Arrays.toString(header)),
                                mapping.name()),
                        null,
                        null);
            }
            return plans.toArray(new Plan[0]);
        }

        private static String keptName(String header, int field) {
            return header.isEmpty() ? "column_" + (field + 1) : header;
        }

        private Map<String, NumberStyle> detectStyles(
                Plan[] plans, byte[] head, int off, boolean headIsAll, char delimiter, int headerCount)
                throws IOException {
            Map<String, NumberStyle> styles = new LinkedHashMap<>();
            List<Plan> auto = new ArrayList<>();
            for (Plan p : plans) {
                if (p.type == ColumnType.DOUBLE && p.style == NumberStyle.AUTO) {
                    auto.add(p);
                }
            }
            if (!auto.isEmpty()) {
                Tokenizer t = tokenizer(new ByteArrayInputStream(head, off, head.length - off), delimiter, null);
                t.next();
                int[] ptBr = new int[auto.size()];
                int[] plain = new int[auto.size()];
                int[] last = new int[auto.size()];
                boolean pending = false;
                int rows = 0;
                while (rows < SAMPLE_ROWS && t.next()) {
                    // The last record of a partial head may be cut short: count each record once the next is read.
                    if (pending) {
                        count(last, ptBr, plain);
                        pending = false;
                    }
                    if (t.blank() || t.fields != headerCount) {
                        continue;
                    }
                    rows++;
                    for (int i = 0; i < auto.size(); i++) {
                        int f = auto.get(i).field;
                        int s = Cells.trimStart(t.rec, t.starts[f], t.ends[f]);
                        last[i] = Cells.styleEvidence(t.rec, s, Cells.trimEnd(t.rec, s, t.ends[f]));
                    }
                    pending = true;
                }
                if (pending && (headIsAll || rows == SAMPLE_ROWS)) {
                    count(last, ptBr, plain);
                }
                NumberStyle fallback = delimiter == ';' ? NumberStyle.PT_BR : NumberStyle.PLAIN;
                for (int i = 0; i < auto.size(); i++) {
                    Plan p = auto.get(i);
                    p.style =
                            ptBr[i] > plain[i] ? NumberStyle.PT_BR : plain[i] > ptBr[i] ? NumberStyle.PLAIN : fallback;
                    p.ptBr = p.style == NumberStyle.PT_BR;
                }
            }
            for (Plan p : plans) {
                if (p.type == ColumnType.DOUBLE) {
                    styles.put(p.header, p.style);
                }
            }
            return styles;
        }

        private static void count(int[] evidence, int[] ptBr, int[] plain) {
            for (int i = 0; i < evidence.length; i++) {
                if (evidence[i] == 1) {
                    ptBr[i]++;
                } else if (evidence[i] == 2) {
                    plain[i]++;
                }
            }
        }

        private static Column build(Plan p, String name, Decoding decoding) {
            return switch (p.type) {
                case CATEGORY -> category(p, name, decoding);
                case DOUBLE -> p.doubles.build();
                case LONG -> p.longs.build();
                case DATE -> p.dates.build();
                case MONTH -> p.months.build();
            };
        }

        private static CategoryColumn category(Plan p, String name, Decoding decoding) {
            int n = p.dict.size();
            String[] values = new String[n];
            int[] remap = new int[n];
            Map<String, Integer> seen = new HashMap<>();
            int distinct = 0;
            boolean merged = false;
            for (int c = 0; c < n; c++) {
                String v = decoding.decode(p.dict.key(c));
                Integer first = seen.putIfAbsent(v, distinct);
                if (first != null) {
                    // Two byte strings decoded to one value (undefined windows-1252 bytes, or one value written in
                    // UTF-8 and in windows-1252 in a mixed file): merge their codes.
                    remap[c] = first;
                    merged = true;
                } else {
                    remap[c] = distinct;
                    values[distinct++] = v;
                }
            }
            int[] codes = Arrays.copyOf(p.codes, p.size);
            if (merged) {
                for (int i = 0; i < codes.length; i++) {
                    if (codes[i] >= 0) {
                        codes[i] = remap[codes[i]];
                    }
                }
            }
            return CategoryColumn.ofCodes(name, codes, Arrays.copyOf(values, distinct));
        }
    }

    /**
     * How a read decodes text: one charset, or, in a file that mixes them, each value by its own bytes (valid UTF-8
     * as UTF-8, the rest as windows-1252).
     */
    private record Decoding(Charset charset, boolean mixed) {
        String decode(byte[] bytes) {
            Charset cs = !mixed
                    ? charset
                    : Utf8Check.isValid(bytes, 0, bytes.length) ? StandardCharsets.UTF_8 : WINDOWS_1252;
            return new String(bytes, cs);
        }

        String label() {
            return mixed ? "mixed UTF-8/windows-1252" : charset.name();
        }
    }

    /** The delimiter the header line shows most often outside quotes. */
    static char detectDelimiter(byte[] head, int off) {
        char[] candidates = {';', ',', '\t', '|'};
        int[] counts = new int[candidates.length];
        boolean inQuotes = false;
        for (int i = off; i < head.length; i++) {
            byte c = head[i];
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && (c == '\n' || c == '\r')) {
                break;
            } else if (!inQuotes) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < candidates.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return counts[best] == 0 ? ',' : candidates[best];
    }
}
