package dev.glosa.io.csv;

import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.PersonalFields;
import dev.glosa.core.text.Messages;
import dev.glosa.io.text.CsvCells;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rejects of one read: kept in memory up to {@link CsvReader#MAX_REPORTED_REJECTS}, all of them written to a
 * rejects file ({@code source;line;column;reason;detail;value}, UTF-8, {@code ;}-separated) that appears only when the
 * read is over, and the one-line message when too many rows were rejected.
 *
 * <p>Shared by every reader that maps columns with a {@link CsvMapping} (the CSV reader, the database reader), so
 * their rejects read the same and personal identifiers are masked the same way.
 */
public final class Rejects {
    private final String source;
    private final Path file;
    private final List<CsvReject> stored = new ArrayList<>();
    private Path temp;
    private Writer out;
    private long cells;

    private Rejects(String source, Path file) {
        this.source = source;
        this.file = file;
    }

    /**
     * Starts the rejects of a read of {@code source}; with a {@code file}, every reject goes to a temporary file beside
     * it, renamed to {@code file} by {@link #finish()}.
     *
     * @param source the input's name, for messages
     * @param file the rejects file, or {@code null} to keep them in memory only
     * @return the rejects
     * @throws IOException when the temporary file cannot be created
     */
    public static Rejects open(String source, Path file) throws IOException {
        Rejects r = new Rejects(source, file);
        if (file != null) {
            Path dir = file.toAbsolutePath().getParent();
            r.temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            r.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(r.temp), StandardCharsets.UTF_8));
            r.out.write("source;line;column;reason;detail;value\n");
        }
        return r;
    }

    /** Whether a reject's value is still wanted (kept in memory or written); when not, it need not be decoded. */
    boolean wantsValue() {
        return stored.size() < CsvReader.MAX_REPORTED_REJECTS || out != null;
    }

    /**
     * Records one rejected cell, or a whole row when {@code column} is {@code null}.
     *
     * @param reason why
     * @throws IOException when the rejects file cannot be written
     * @param line the line (CSV) or row number (database) where the row starts
     * @param column the column's name in the source, or {@code null}
     * @param name the column's name in the table, or {@code null}
     * @param value the cell's text, or {@code null}
     * @param detail the rule broken, in words
     */
    public void add(long line, String column, String name, RejectReason reason, String value, String detail)
            throws IOException {
        cells++;
        if (!wantsValue()) {
            return;
        }
        boolean personal = column != null
                && (PersonalFields.isPersonal(column) || (name != null && PersonalFields.isPersonal(name)));
        if (value != null && personal) {
            // Rejects reach rejects.csv and the log: a personal identifier is shown by its shape only, and the
            // parser's detail (which can quote a digit or the day of a birth date) by its shape too.
            value = PersonalFields.masked(value);
            detail = detail == null ? null : maskDetail(detail);
        }
        CsvReject r = new CsvReject(source, line, column, reason, value, detail);
        if (stored.size() < CsvReader.MAX_REPORTED_REJECTS) {
            stored.add(r);
        }
        if (out != null) {
            out.write(line(source, line, column, reason, detail, value));
        }
    }

    /** {@return the rejected cells (a row can have several) plus the whole-row rejects} */
    public long rejectedCells() {
        return cells;
    }

    /** {@return the rejects kept in memory, in order} */
    public List<CsvReject> stored() {
        return List.copyOf(stored);
    }

    /**
     * Closes the rejects file and renames it into place.
     *
     * @throws IOException when the file cannot be closed or renamed
     */
    public void finish() throws IOException {
        if (out != null) {
            out.close();
            out = null;
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
        }
    }

    /** Deletes the temporary rejects file of a read that failed before {@link #finish()}; harmless after it. */
    public void abort() {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
            if (temp != null) {
                Files.deleteIfExists(temp);
                temp = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + temp + ": " + e.getMessage(), e);
        }
    }

    /**
     * The message of a read that rejected more than {@code mapping}'s share, in {@code text}'s language.
     *
     * @param mapping the mapping whose share was passed
     * @param rejectedRows the rows rejected
     * @param records the rows read
     * @param unit {@code line} (a file) or {@code row} (a query's result)
     * @param text the language of the message
     * @return one line: the counts, the share allowed and the first rejects
     */
    public String tooMany(CsvMapping mapping, long rejectedRows, long records, String unit, Messages text) {
        return text.text(
                        "reject.tooMany",
                        source,
                        Long.toString(rejectedRows),
                        Long.toString(records),
                        String.format(Locale.ROOT, "%.3f%%", records == 0 ? 0.0 : 100.0 * rejectedRows / records),
                        String.format(Locale.ROOT, "%s%%", DoubleColumn.format(100 * mapping.maxRejectShare())),
                        mapping.name())
                + first(text, stored, "row".equals(unit) ? "reject.unit.row" : "reject.unit.line", file);
    }

    /** The first three rejects and where all of them are, as the end of a too-many-rejects message. */
    static String first(Messages text, List<CsvReject> stored, String unitKey, Path file) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(3, stored.size()); i++) {
            CsvReject r = stored.get(i);
            sb.append(i == 0 ? " " : "; ")
                    .append(text.text(unitKey))
                    .append(' ')
                    .append(r.line());
            if (r.column() != null) {
                sb.append(' ').append(text.text("reject.tooMany.column", r.column()));
            }
            sb.append(' ').append(r.reason()).append(' ').append(r.detail());
            if (r.value() != null) {
                sb.append(" '").append(r.value()).append('\'');
            }
        }
        if (file != null) {
            sb.append(' ').append(text.text("reject.tooMany.file", file.toString()));
        }
        return sb.toString();
    }

    /** The parser's detail with every digit shown as 9 and every quoted character by its shape. */
    static String maskDetail(String detail) {
        StringBuilder sb = new StringBuilder(detail.length());
        boolean quoted = false;
        for (int i = 0; i < detail.length(); i++) {
            char c = detail.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                sb.append(c);
            } else if (Character.isDigit(c)) {
                sb.append('9');
            } else {
                sb.append(quoted && Character.isLetter(c) ? 'A' : c);
            }
        }
        return sb.toString();
    }

    /**
     * One line of a rejects file, LF-ended. Every cell goes through {@link CsvCells#guarded}, since rejected cells are
     * exactly the untrusted ones and analysts open this file in a spreadsheet.
     */
    static String line(String source, long line, String column, RejectReason reason, String detail, String value) {
        return CsvCells.guarded(source, ';') + ";" + line + ";" + CsvCells.guarded(column, ';') + ";" + reason + ";"
                + CsvCells.guarded(detail, ';') + ";" + CsvCells.guarded(value, ';') + "\n";
    }
}
