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
 */
final class Tokenizer {
    private static final int OK = 0;
    private static final int END = 1;
    private static final int MORE = 2;

    private final InputStream in;
    private final byte delimiter;
    private final Utf8Check utf8;
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
    /** Whether the current record ends inside a quoted field (at the end of the input). */
    boolean unclosedQuote;
    private boolean sawQuote;

    Tokenizer(InputStream in, byte delimiter, Utf8Check utf8, int bufferSize) {
        this.in = in;
        this.delimiter = delimiter;
        this.utf8 = utf8;
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
        boolean unclosed = false;
        while (true) {
            int fs = p;
            boolean quoted = false;
            if (p < l && b[p] == '"') {
                quoted = true;
                quotes = true;
                p++;
                boolean inQuotes = true;
                while (true) {
                    if (p >= l) {
                        if (!atEnd) {
                            return MORE;
                        }
                        unclosed = inQuotes;
                        break;
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
                            lines++;
                        } else if (c == '\r') {
                            if (p + 1 >= l && !atEnd) {
                                return MORE;
                            }
                            if (!(p + 1 < l && b[p + 1] == '\n')) {
                                lines++;
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
            break;
        }
        pos = p;
        rec = b;
        fields = nf;
        recordLine = line;
        line += lines;
        sawQuote = quotes;
        unclosedQuote = unclosed;
        if (quotes) {
            for (int f = 0; f < nf; f++) {
                if (needsUnquote[f]) {
                    unquote(f);
                }
            }
        }
        return OK;
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
