package dev.glosa.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into CSV records (RFC 4180): fields separated by a one-byte delimiter, records by LF, CRLF or
 * CR, fields optionally quoted with {@code "} (a doubled quote inside is one quote; quoted fields may hold delimiters
 * and line breaks).
 *
 * <p>Works on bytes, not chars: the delimiter, quote and line breaks are ASCII, and in both UTF-8 and windows-1252
 * an ASCII byte always stands for itself, so the charset can be decided after the fact. Fields are ranges of the
 * read buffer itself: an unquoted field is never copied, a quoted one is unquoted in place once its record is
 * complete. A record cut by the end of the buffer is moved to the front and parsed again after the refill, which
 * happens once per buffer, so nothing is allocated per record or per field.
 *
 * <p>A quoted field may not run on without bound: one that is not closed before the end of the input, or that runs
 * past {@code maxQuotedLineBreaks} line breaks or {@code maxQuotedFieldBytes} bytes, makes a faulty record (see
 * {@link #quoteFault}) that covers the lines from the record's start to the line where that quote opened, and reading
 * resumes on the next line. One stray quote so costs its own line, not the rest of the file.
 */
final class Tokenizer {
    private static final int OK = 0;
    private static final int END = 1;
    private static final int MORE = 2;

    /** {@link #encoding} of a record that is all ASCII. */
    static final int ASCII = 0;
    /** {@link #encoding} of a record with non-ASCII bytes that are valid UTF-8. */
    static final int UTF8 = 1;
    /** {@link #encoding} of a record with bytes that are not valid UTF-8 (windows-1252, say). */
    static final int NOT_UTF8 = 2;

    /** Why a quoted field made its record faulty. */
    enum QuoteFault {
        /** The input ended inside the quoted field. */
        UNCLOSED,
        /** The quoted field held more line breaks than allowed. */
        TOO_MANY_LINE_BREAKS,
        /** The quoted field held more bytes than allowed. */
        TOO_LONG
    }

    private final InputStream in;
    private final byte delimiter;
    private final Utf8Check utf8;
    private final int maxQuotedLineBreaks;
    private final int maxQuotedFieldBytes;
    private byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;
    private long bytes;
    private long line = 1;
    private boolean[] needsUnquote = new boolean[32];

    /** The bytes the current record's fields point into. */
    byte[] rec;
    /** Start offsets in {@link #rec} of the current record's fields. */
    int[] starts = new int[32];
    /** End offsets (exclusive) in {@link #rec} of the current record's fields. */
    int[] ends = new int[32];
    /** The number of fields of the current record. */
    int fields;
    /** The 1-based line where the current record starts. */
    long recordLine;
    /** The 1-based line where the current record ends (its last physical line). */
    long lastLine;
    /**
     * Why the current record is faulty, or {@code null}: then it has no fields and covers the lines from
     * {@link #recordLine} to {@link #lastLine}, the line where the faulty quote opened.
     */
    QuoteFault quoteFault;
    /** {@link #ASCII}, {@link #UTF8} or {@link #NOT_UTF8}: what the current record's bytes are. */
    int encoding;

    private boolean sawQuote;

    Tokenizer(
            InputStream in,
            byte delimiter,
            Utf8Check utf8,
            int bufferSize,
            int maxQuotedLineBreaks,
            int maxQuotedFieldBytes) {
        this.in = in;
        this.delimiter = delimiter;
        this.utf8 = utf8;
        this.maxQuotedLineBreaks = maxQuotedLineBreaks;
        this.maxQuotedFieldBytes = maxQuotedFieldBytes;
        this.buf = new byte[bufferSize];
        this.rec = buf;
    }

    /** The bytes read from the input so far. */
    long bytes() {
        return bytes;
    }

    /** Whether the current record is an empty line. */
    boolean blank() {
        return fields == 1 && ends[0] == starts[0] && !sawQuote;
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException {
        while (true) {
            int r = record();
            if (r == OK) {
                return true;
            }
            if (r == END) {
                return false;
            }
            refill();
        }
    }

    /** Moves the unparsed tail to the front and reads more; sets {@link #eof} at the end of the input. */
    private void refill() throws IOException {
        int keep = lim - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, keep);
        } else if (keep == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        pos = 0;
        lim = keep;
        int n = in.read(buf, lim, buf.length - lim);
        while (n == 0) {
            n = in.read(buf, lim, buf.length - lim);
        }
        if (n < 0) {
            eof = true;
            return;
        }
        if (utf8 != null) {
            utf8.update(buf, lim, n);
        }
        bytes += n;
        lim += n;
    }

    /** Parses one record from {@link #pos}: OK, END of input, or MORE bytes needed first. */
    private int record() {
        byte[] b = buf;
        int l = lim;
        int p = pos;
        boolean atEnd = eof;
        if (p >= l) {
            return atEnd ? END : MORE;
        }
        byte d = delimiter;
        int nf = 0;
        long lines = 0;
        boolean quotes = false;
        boolean terminated = false;
        int start = p;
        while (true) {
            int fs = p;
            boolean quoted = false;
            if (p < l && b[p] == '"') {
                quoted = true;
                quotes = true;
                p++;
                boolean inQuotes = true;
                long linesBefore = lines;
                while (true) {
                    if (p >= l) {
                        if (!atEnd) {
                            return MORE;
                        }
                        if (inQuotes) {
                            return fault(start, fs, linesBefore, QuoteFault.UNCLOSED);
                        }
                        break;
                    }
                    if (p - fs > maxQuotedFieldBytes) {
                        return fault(start, fs, linesBefore, QuoteFault.TOO_LONG);
                    }
                    byte c = b[p];
                    if (inQuotes) {
                        if (c == '"') {
                            if (p + 1 >= l && !atEnd) {
                                return MORE;
                            }
                            if (p + 1 < l && b[p + 1] == '"') {
                                p += 2;
                                continue;
                            }
                            inQuotes = false;
                        } else if (c == '\n') {
                            if (++lines - linesBefore > maxQuotedLineBreaks) {
                                return fault(start, fs, linesBefore, QuoteFault.TOO_MANY_LINE_BREAKS);
                            }
                        } else if (c == '\r') {
                            if (p + 1 >= l && !atEnd) {
                                return MORE;
                            }
                            if (!(p + 1 < l && b[p + 1] == '\n') && ++lines - linesBefore > maxQuotedLineBreaks) {
                                return fault(start, fs, linesBefore, QuoteFault.TOO_MANY_LINE_BREAKS);
                            }
                        }
                    } else if (c == d || c == '\n' || c == '\r') {
                        break;
                    } else if (c == '"') {
                        inQuotes = true;
                    }
                    p++;
                }
            } else {
                while (p < l) {
                    byte c = b[p];
                    if (c == d || c == '\n' || c == '\r') {
                        break;
                    }
                    p++;
                }
                if (p >= l && !atEnd) {
                    return MORE;
                }
            }
            nf = addField(nf, fs, p, quoted);
            if (p >= l) {
                break;
            }
            byte c = b[p];
            if (c == d) {
                p++;
                continue;
            }
            if (c == '\r') {
                if (p + 1 >= l && !atEnd) {
                    return MORE;
                }
                p++;
                if (p < l && b[p] == '\n') {
                    p++;
                }
            } else {
                p++;
            }
            lines++;
            terminated = true;
            break;
        }
        pos = p;
        rec = b;
        fields = nf;
        recordLine = line;
        lastLine = line + lines - (terminated ? 1 : 0);
        line += lines;
        sawQuote = quotes;
        quoteFault = null;
        encoding = encoding(b, start, p);
        if (quotes) {
            for (int f = 0; f < nf; f++) {
                if (needsUnquote[f]) {
                    unquote(f);
                }
            }
        }
        return OK;
    }

    /**
     * Ends the current record as faulty: it covers the lines from its start to the end of the line where the quote
     * at {@code quote} opened ({@code linesBefore} line breaks after the record's start), and the next record starts
     * on the line after.
     */
    private int fault(int start, int quote, long linesBefore, QuoteFault why) {
        byte[] b = buf;
        int l = lim;
        int next = l;
        boolean terminated = false;
        for (int i = quote + 1; i < l; i++) {
            byte c = b[i];
            if (c == '\n') {
                next = i + 1;
                terminated = true;
                break;
            }
            if (c == '\r') {
                if (i + 1 >= l && !eof) {
                    return MORE;
                }
                next = i + 1 < l && b[i + 1] == '\n' ? i + 2 : i + 1;
                terminated = true;
                break;
            }
        }
        if (!terminated && !eof) {
            return MORE;
        }
        pos = next;
        rec = b;
        fields = 0;
        recordLine = line;
        lastLine = line + linesBefore;
        line = lastLine + 1;
        sawQuote = true;
        quoteFault = why;
        encoding = encoding(b, start, next);
        return OK;
    }

    /** What the bytes {@code b[s, e)} are: {@link #ASCII}, {@link #UTF8} or {@link #NOT_UTF8}. */
    private static int encoding(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] < 0) {
                return Utf8Check.isValid(b, i, e) ? UTF8 : NOT_UTF8;
            }
        }
        return ASCII;
    }

    private int addField(int nf, int start, int end, boolean quoted) {
        if (nf == starts.length) {
            starts = Arrays.copyOf(starts, nf * 2);
            ends = Arrays.copyOf(ends, nf * 2);
            needsUnquote = Arrays.copyOf(needsUnquote, nf * 2);
        }
        starts[nf] = start;
        ends[nf] = end;
        needsUnquote[nf] = quoted;
        return nf + 1;
    }

    /** Removes the quotes of field {@code f} in place: {@code "a""b"} becomes {@code a"b}. */
    private void unquote(int f) {
        byte[] b = buf;
        int s = starts[f];
        int e = ends[f];
        int inner = -1;
        for (int i = s + 1; i < e - 1; i++) {
            if (b[i] == '"') {
                inner = i;
                break;
            }
        }
        if (inner < 0 && e - s >= 2 && b[e - 1] == '"') {
            starts[f] = s + 1;
            ends[f] = e - 1;
            return;
        }
        // Escaped quotes, text after the closing quote, or no closing quote: the RFC 4180 state machine.
        int w = s;
        boolean inQuotes = false;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == '"') {
                if (inQuotes && i + 1 < e && b[i + 1] == '"') {
                    b[w++] = '"';
                    i++;
                } else {
                    inQuotes = !inQuotes;
                }
            } else {
                b[w++] = c;
            }
        }
        ends[f] = w;
    }
}
