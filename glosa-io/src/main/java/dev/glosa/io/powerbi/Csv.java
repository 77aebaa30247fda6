package dev.glosa.io.powerbi;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as the star schema writes it: comma, CRLF, fields quoted only when they hold a comma, a quote or a line
 * break, and text cells guarded against spreadsheet formulas.
 */
final class Csv {
    static final String EOL = "\r\n";

    private Csv() {}

    /**
     * The text as a cell that no spreadsheet evaluates: a leading {@code '} is added when the text, after any leading
     * {@code '}, starts with {@code = + - @}, a tab or a carriage return. Guarding text that already starts with quotes
     * before such a character keeps {@link #unguard(String)} exact.
     */
    static String guard(String text) {
        return needsGuard(text) ? "'" + text : text;
    }

    /** The text {@link #guard(String)} was given. */
    static String unguard(String cell) {
        int i = 0;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        return i > 0 && i < cell.length() && isTrigger(cell.charAt(i)) ? cell.substring(1) : cell;
    }

    private static boolean needsGuard(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        return i < text.length() && isTrigger(text.charAt(i));
    }

    private static boolean isTrigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** Writes one record: the cells, quoted where needed, and CRLF. */
    static void writeRecord(Writer out, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            writeField(out, cells[i]);
        }
        out.write(EOL);
    }

    static void writeField(Writer out, String cell) throws IOException {
        if (cell == null || cell.isEmpty()) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < cell.length() && !quote; i++) {
            char c = cell.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            out.write(cell);
            return;
        }
        out.write('"');
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '"') {
                out.write('"');
            }
            out.write(c);
        }
        out.write('"');
    }

    /** A streaming RFC 4180 reader that names the file and line of any malformed record. */
    static final class RecordReader implements Closeable {
        private final Reader in;
        private final String file;
        private final char[] buf = new char[1 << 16];
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

        private int read() throws IOException {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return -1;
                }
            }
            return buf[pos++];
        }

        private int peek() throws IOException {
            int c = read();
            if (c >= 0) {
                pos--;
            }
            return c;
        }

        /** The next record's cells, or {@code null} at the end of the file. */
        String[] next() throws IOException {
            int c = read();
            if (!started) {
                started = true;
                if (c == '\uFEFF') {
                    c = read();
                }
            }
            if (c < 0) {
                return null;
            }
            recordLine = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            while (true) {
                if (c == '"' && cell.length() == 0) {
                    readQuoted(cell);
                    c = read();
                    if (c != ',' && c != '\n' && c != '\r' && c >= 0) {
                        throw error("text after a closing quote: '" + (char) c + "'", cells.size());
                    }
                }
                if (c < 0 || c == '\n' || c == '\r') {
                    cells.add(cell.toString());
                    if (c == '\r' && peek() == '\n') {
                        read();
                    }
                    if (c >= 0) {
                        line++;
                    }
                    return cells.toArray(new String[0]);
                }
                if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '"') {
                    throw error("a quote inside an unquoted field", cells.size());
                } else {
                    cell.append((char) c);
                }
                c = read();
            }
        }

        private void readQuoted(StringBuilder cell) throws IOException {
            while (true) {
                int c = read();
                if (c < 0) {
                    throw error("the file ends inside a quoted field", -1);
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        cell.append('"');
                        continue;
                    }
                    // a lone quote closes the field; the caller checks what follows
                    return;
                }
                if (c == '\n') {
                    line++;
                } else if (c == '\r' && peek() != '\n') {
                    line++;
                }
                cell.append((char) c);
            }
        }

        private IOException error(String what, int column) {
            return new IOException(file + ":" + recordLine + (column >= 0 ? ":field " + (column + 1) : "") + ": " + what);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
