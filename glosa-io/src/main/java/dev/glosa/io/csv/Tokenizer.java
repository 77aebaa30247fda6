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
 * an ASCII byte always stands for itself, so the charset can be decided after the fact. The fields of the current
 * record are copied, unquoted, into one reusable byte array; nothing is allocated per record or per field.
 */
final class Tokenizer {
    private final InputStream in;
    private final byte[] buf;
    private final byte delimiter;
    private final Utf8Check utf8;
    private int pos;
    private int lim;
    private boolean eof;
    private long bytes;
    private long line = 1;

    /** The current record's unquoted field bytes. */
    byte[] rec = new byte[512];
    /** Start offsets in {@link #rec} of the current record's fields. */
    int[] starts = new int[32];
    /** End offsets (exclusive) in {@link #rec} of the current record's fields. */
    int[] ends = new int[32];
    /** The number of fields of the current record. */
    int fields;
    /** The 1-based line where the current record starts. */
    long recordLine;
    /** Whether the current record ends inside a quoted field (at the end of the input). */
    boolean unclosedQuote;
    private boolean sawQuote;

    Tokenizer(InputStream in, byte delimiter, Utf8Check utf8, int bufferSize) {
        this.in = in;
        this.delimiter = delimiter;
        this.utf8 = utf8;
        this.buf = new byte[bufferSize];
    }

    /** The bytes read from the input so far. */
    long bytes() {
        return bytes;
    }

    /** Whether the current record is an empty line. */
    boolean blank() {
        return fields == 1 && ends[0] == 0 && !sawQuote;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        while (n == 0) {
            n = in.read(buf, 0, buf.length);
        }
        if (n < 0) {
            eof = true;
            pos = 0;
            lim = 0;
            return false;
        }
        if (utf8 != null) {
            utf8.update(buf, 0, n);
        }
        bytes += n;
        pos = 0;
        lim = n;
        return true;
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException {
        byte[] r = rec;
        byte[] b = buf;
        byte d = delimiter;
        int p = pos;
        int l = lim;
        int len = 0;
        int nf = 0;
        int fieldStart = 0;
        boolean inQuotes = false;
        boolean started = false;
        sawQuote = false;
        unclosedQuote = false;
        recordLine = line;
        while (true) {
            if (p >= l) {
                pos = p;
                if (!fill()) {
                    if (!started) {
                        return false;
                    }
                    unclosedQuote = inQuotes;
                    break;
                }
                p = pos;
                l = lim;
            }
            byte c = b[p++];
            started = true;
            if (inQuotes) {
                if (c == '"') {
                    if (p >= l) {
                        pos = p;
                        if (!fill()) {
                            inQuotes = false;
                            p = pos;
                            l = lim;
                            continue;
                        }
                        p = pos;
                        l = lim;
                    }
                    if (b[p] == '"') {
                        p++;
                    } else {
                        inQuotes = false;
                        continue;
                    }
                } else if (c == '\n') {
                    line++;
                } else if (c == '\r') {
                    if (p >= l) {
                        pos = p;
                        fill();
                        p = pos;
                        l = lim;
                    }
                    if (!(p < l && b[p] == '\n')) {
                        line++;
                    }
                }
            } else if (c == d) {
                nf = endField(nf, fieldStart, len);
                fieldStart = len;
                continue;
            } else if (c == '\n') {
                line++;
                break;
            } else if (c == '\r') {
                line++;
                if (p >= l) {
                    pos = p;
                    fill();
                    p = pos;
                    l = lim;
                }
                if (p < l && b[p] == '\n') {
                    p++;
                }
                break;
            } else if (c == '"' && len == fieldStart) {
                inQuotes = true;
                sawQuote = true;
                continue;
            }
            if (len == r.length) {
                r = Arrays.copyOf(r, len * 2);
                rec = r;
            }
            r[len++] = c;
        }
        pos = p;
        fields = endField(nf, fieldStart, len);
        return true;
    }

    private int endField(int nf, int start, int end) {
        if (nf == starts.length) {
            starts = Arrays.copyOf(starts, nf * 2);
            ends = Arrays.copyOf(ends, nf * 2);
        }
        starts[nf] = start;
        ends[nf] = end;
        return nf + 1;
    }
}
