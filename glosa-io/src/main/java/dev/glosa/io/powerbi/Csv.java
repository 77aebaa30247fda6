package dev.glosa.io.powerbi;

import dev.glosa.io.text.CsvCells;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV records as the star schema writes and reads them: comma, CRLF, cells quoted by {@link CsvCells} (text
 * cells are guarded against spreadsheet formulas with {@link CsvCells#guard} before they get here).
 */
final class Csv {
    static final String EOL = "\r\n";

    private Csv() {}

    /** Writes one record: the cells, quoted where needed, and CRLF. */
    static void writeRecord(Writer out, String[] cells) throws IOException {
        new Out(out).record(cells);
    }

    /** Writes whole records with one call to the underlying writer each. */
    static final class Out {
        private final Writer w;
        private final StringBuilder sb = new StringBuilder(1024);
        private char[] chars = new char[1024];

        Out(Writer w) {
            this.w = w;
        }

        /** One record of cells. */
        void record(String[] cells) throws IOException {
            sb.setLength(0);
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                CsvCells.append(sb, cells[i], ',');
            }
            flushRecord();
        }

        /** A record as it was read ({@link RecordReader#raw()}) with {@code extra} empty cells added at its end. */
        void raw(CharSequence record, int extra) throws IOException {
            sb.setLength(0);
            sb.append(record);
            for (int i = 0; i < extra; i++) {
                sb.append(',');
            }
            flushRecord();
        }

        private void flushRecord() throws IOException {
            sb.append(EOL);
            int n = sb.length();
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            sb.getChars(0, n, chars, 0);
            w.write(chars, 0, n);
        }
    }

    /**
     * A streaming RFC 4180 reader that names the file and line of any malformed record. It accepts CRLF, LF or CR line
     * ends and a UTF-8 byte-order mark, and keeps each record's raw text so that a record can be copied unchanged.
     */
    static final class RecordReader implements Closeable {
        private final Reader in;
        private final String file;
        private final char[] buf = new char[1 << 16];
        private final StringBuilder cell = new StringBuilder();
        private final StringBuilder raw = new StringBuilder();
        private final List<String> cells = new ArrayList<>();
        private int pos;
        private int len;
        private long line = 1;
        private long recordLine;
        private boolean started;

        RecordReader(Reader in, String file) {
            this.in = in;
            this.file = file;
        }

        /** The line the last record returned starts on (1 = the first line of the file). */
        long recordLine() {
            return recordLine;
        }

        /** The last record's text as it stands in the file, without its line end. */
        CharSequence raw() {
            return raw;
        }

        private boolean available() throws IOException {
            while (pos == len) {
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    return false;
                }
                pos = 0;
                len = n;
            }
            return true;
        }

        /** The next record's cells, or {@code null} at the end of the file. */
        String[] next() throws IOException {
            if (!available()) {
                return null;
            }
            if (!started) {
                started = true;
                if (buf[pos] == '\uFEFF') {
                    pos++;
                    if (!available()) {
                        return null;
                    }
                }
            }
            recordLine = line;
            raw.setLength(0);
            cells.clear();
            while (true) {
                cell.setLength(0);
                boolean quoted = available() && buf[pos] == '"';
                if (quoted) {
                    pos++;
                    raw.append('"');
                    readQuoted();
                } else {
                    scanUnquoted();
                }
                cells.add(cell.toString());
                if (!available()) {
                    return record();
                }
                char c = buf[pos];
                if (c == ',') {
                    pos++;
                    raw.append(',');
                } else if (c == '\n') {
                    pos++;
                    line++;
                    return record();
                } else if (c == '\r') {
                    pos++;
                    if (available() && buf[pos] == '\n') {
                        pos++;
                    }
                    line++;
                    return record();
                } else if (quoted) {
                    throw error("text after a closing quote: '" + c + "'", cells.size() - 1);
                } else {
                    throw error("a quote inside an unquoted field", cells.size() - 1);
                }
            }
        }

        private String[] record() {
            return cells.toArray(new String[0]);
        }

        private void scanUnquoted() throws IOException {
            while (available()) {
                int start = pos;
                while (pos < len) {
                    char c = buf[pos];
                    if (c == ',' || c == '\n' || c == '\r' || c == '"') {
                        break;
                    }
                    pos++;
                }
                cell.append(buf, start, pos - start);
                raw.append(buf, start, pos - start);
                if (pos < len) {
                    return;
                }
            }
        }

        private void readQuoted() throws IOException {
            while (true) {
                if (!available()) {
                    throw error("the file ends inside a quoted field", -1);
                }
                int start = pos;
                while (pos < len && buf[pos] != '"') {
                    if (buf[pos] == '\n') {
                        line++;
                    }
                    pos++;
                }
                cell.append(buf, start, pos - start);
                raw.append(buf, start, pos - start);
                if (pos < len) {
                    pos++;
                    raw.append('"');
                    if (available() && buf[pos] == '"') {
                        pos++;
                        raw.append('"');
                        cell.append('"');
                        continue;
                    }
                    return;
                }
            }
        }

        private IOException error(String what, int column) {
            return new IOException(
                    file + ":" + recordLine + (column >= 0 ? ":field " + (column + 1) : "") + ": " + what);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
