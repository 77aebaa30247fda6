package dev.glosa.io.csv;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>A row is rejected, never dropped silently, when it has another number of fields than the header, ends inside an
 * open quote, has an empty role cell, or has a cell that does not parse; every broken cell becomes a {@link CsvReject}
 * with its line and column. The read fails with a {@link CsvReadException} naming the file, the counts and the first
 * reasons when the rejected share passes {@link CsvMapping#maxRejectShare()}.
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

    private CsvReader() {
    }

    /** Reads {@code file}; see the class description. */
    public static CsvReadResult read(Path file, CsvMapping mapping) throws IOException {
        return read(file, mapping, null);
    }

    /**
     * Reads {@code file}, writing every reject to {@code rejectsFile} (UTF-8, {@code ;}-separated, with a header), even
     * when the read fails; {@code null} writes none.
     */
    public static CsvReadResult read(Path file, CsvMapping mapping, Path rejectsFile) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), mapping, rejectsFile);
        }
    }

    /** Reads a stream named {@code source} in messages; the stream is not closed. */
    public static CsvReadResult read(InputStream in, String source, CsvMapping mapping, Path rejectsFile)
            throws IOException {
        return new Run(source, mapping, rejectsFile).read(in);
    }

    /** One column of the table: where it comes from, how it parses, and its values so far. */
    private static final class Plan {
        final int field;
        final String header;
        final String name;
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

        Plan(int field, String header, String name, ColumnType type, boolean nullable, boolean kept, String format,
                NumberStyle defaultStyle) {
            this.field = field;
            this.header = header;
            this.name = name;
            this.type = type;
            this.nullable = nullable;
            this.kept = kept;
            switch (type) {
                case CATEGORY -> {
                    dict = new ByteDictionary();
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
        private final String source;
        private final CsvMapping mapping;
        private final Path rejectsFile;
        private final Cells cells = new Cells();
        private Rejects rejects;
        private boolean bom;
        private Utf8Check utf8;

        Run(String source, CsvMapping mapping, Path rejectsFile) {
            this.source = source;
            this.mapping = mapping;
            this.rejectsFile = rejectsFile;
        }

        CsvReadResult read(InputStream in) throws IOException {
            long t0 = System.nanoTime();
            byte[] head = in.readNBytes(HEAD_BYTES);
            boolean headIsAll = head.length < HEAD_BYTES;
            bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                    && (head[2] & 0xFF) == 0xBF;
            int off = bom ? 3 : 0;
            char delimiter = mapping.delimiter() != CsvMapping.AUTO_DELIMITER ? mapping.delimiter()
                    : detectDelimiter(head, off);
            Charset forced = mapping.charset();
            Utf8Check headCheck = new Utf8Check();
            headCheck.update(head, off, head.length - off);
            Charset headerCharset = forced != null ? forced
                    : bom || headCheck.validSoFar() ? StandardCharsets.UTF_8 : WINDOWS_1252;

            utf8 = new Utf8Check();
            InputStream all = new SequenceInputStream(new ByteArrayInputStream(head, off, head.length - off), in);
            Tokenizer tok = new Tokenizer(all, (byte) delimiter, utf8, BUFFER_BYTES);
            if (!tok.next() || tok.blank()) {
                throw new CsvReadException(source + ":1: no header line (the file is empty or starts with a blank"
                        + " line)", null, null);
            }
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
            Map<String, NumberStyle> styles = detectStyles(plans, head, off, headIsAll, delimiter, headerCount);

            rejects = Rejects.open(source, rejectsFile);
            long records = 0;
            long accepted = 0;
            long rejectedRows = 0;
            long blank = 0;
            try {
                while (tok.next()) {
                    if (tok.blank()) {
                        blank++;
                        continue;
                    }
                    records++;
                    if (tok.unclosedQuote) {
                        reject(tok.recordLine, null, RejectReason.UNCLOSED_QUOTE, null, 0, 0,
                                "a quoted field is not closed before the end of the file");
                        rejectedRows++;
                        continue;
                    }
                    if (tok.fields != headerCount) {
                        reject(tok.recordLine, null, RejectReason.FIELD_COUNT, null, 0, 0,
                                "expected " + headerCount + " fields as in the header, found " + tok.fields);
                        rejectedRows++;
                        continue;
                    }
                    if (parseRow(tok, plans) > 0) {
                        rejectedRows++;
                        continue;
                    }
                    for (Plan p : plans) {
                        if (p.type == ColumnType.CATEGORY && !p.missing) {
                            p.code = p.dict.intern(tok.rec, p.cs, p.ce);
                        }
                        p.commit();
                    }
                    accepted++;
                }
                Charset charset = forced != null ? forced
                        : bom || utf8.validAtEnd() ? StandardCharsets.UTF_8 : WINDOWS_1252;
                List<Column> columns = new ArrayList<>(plans.length);
                for (Plan p : plans) {
                    String name = p.kept && !charset.equals(headerCharset)
                            ? keptName(new String(headerBytes[p.field], charset), p.field) : p.name;
                    columns.add(build(p, name, charset));
                }
                GlosaTable table = GlosaTable.of(columns);
                CsvReadReport report = new CsvReadReport(source, charset.name(), delimiter, styles, records,
                        accepted, rejectedRows, rejects.rejectedCells(), blank, rejects.stored(), tok.bytes() + off,
                        System.nanoTime() - t0);
                rejects.finish();
                if (rejectedRows > mapping.maxRejectShare() * records) {
                    throw new CsvReadException(rejects.tooMany(mapping, rejectedRows, records, "line"), report, null);
                }
                return new CsvReadResult(table, report);
            } finally {
                rejects.abort();
            }
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
                        reject(tok.recordLine, p, RejectReason.MISSING_VALUE, r, s, e,
                                "empty value in a column that must have one (" + p.name + ")");
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

        private void reject(long line, Plan p, RejectReason reason, byte[] b, int s, int e, String detail)
                throws IOException {
            String value = b == null || !rejects.wantsValue() ? null : decode(b, s, e);
            rejects.add(line, p == null ? null : p.header, p == null ? null : p.name, reason, value, detail);
        }

        private String decode(byte[] b, int s, int e) {
            Charset cs = mapping.charset() != null ? mapping.charset()
                    : bom || (utf8.validSoFar() && Utf8Check.isValid(b, s, e)) ? StandardCharsets.UTF_8
                    : WINDOWS_1252;
            return new String(b, s, e - s, cs);
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
                        throw new CsvReadException(source + ":1: the header has column '" + c.source()
                                + "' twice (fields " + (before + 1) + " and " + (i + 1) + ")", null, null);
                    }
                    p = new Plan(i, header[i], c.name(), c.type(), c.nullable(), false, c.format(),
                            mapping.numberStyle());
                } else if (mapping.keepUnmapped()) {
                    p = new Plan(i, header[i], keptName(header[i], i), ColumnType.CATEGORY, true, true, null,
                            mapping.numberStyle());
                } else {
                    continue;
                }
                Integer clash = names.put(p.name, i);
                if (clash != null) {
                    throw new CsvReadException(source + ":1: fields " + (clash + 1) + " and " + (i + 1)
                            + " would both be column '" + p.name + "' (map one of them, or set unmapped: ignore)",
                            null, null);
                }
                plans.add(p);
            }
            List<String> missing = new ArrayList<>();
            for (ColumnMapping c : mapping.columns()) {
                if (!c.optional() && !found.containsKey(c)) {
                    missing.add(c.source() + (c.role() != null ? " (" + c.role().column() + ")" : ""));
                }
            }
            if (!missing.isEmpty()) {
                throw new CsvReadException(source + ":1: mapped column(s) " + missing + " not in the header "
                        + Arrays.toString(header) + " (mapping '" + mapping.name()
                        + "'; mark a column optional: true if files may lack it)", null, null);
            }
            return plans.toArray(new Plan[0]);
        }

        private static String keptName(String header, int field) {
            return header.isEmpty() ? "column_" + (field + 1) : header;
        }

        private Map<String, NumberStyle> detectStyles(Plan[] plans, byte[] head, int off, boolean headIsAll,
                char delimiter, int headerCount) throws IOException {
            Map<String, NumberStyle> styles = new LinkedHashMap<>();
            List<Plan> auto = new ArrayList<>();
            for (Plan p : plans) {
                if (p.type == ColumnType.DOUBLE && p.style == NumberStyle.AUTO) {
                    auto.add(p);
                }
            }
            if (!auto.isEmpty()) {
                Tokenizer t = new Tokenizer(new ByteArrayInputStream(head, off, head.length - off),
                        (byte) delimiter, null, BUFFER_BYTES);
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
                    p.style = ptBr[i] > plain[i] ? NumberStyle.PT_BR : plain[i] > ptBr[i] ? NumberStyle.PLAIN
                            : fallback;
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

        private static Column build(Plan p, String name, Charset charset) {
            return switch (p.type) {
                case CATEGORY -> category(p, name, charset);
                case DOUBLE -> p.doubles.build();
                case LONG -> p.longs.build();
                case DATE -> p.dates.build();
                case MONTH -> p.months.build();
            };
        }

        private static CategoryColumn category(Plan p, String name, Charset charset) {
            int n = p.dict.size();
            String[] values = new String[n];
            int[] remap = new int[n];
            Map<String, Integer> seen = new HashMap<>();
            int distinct = 0;
            boolean merged = false;
            for (int c = 0; c < n; c++) {
                String v = new String(p.dict.key(c), charset);
                Integer first = seen.putIfAbsent(v, distinct);
                if (first != null) {
                    // Two byte strings decoded to one value (undefined windows-1252 bytes): merge their codes.
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
