package dev.glosa.io.csv;

import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What happened while reading a CSV file: what was detected, how many lines and records were read, accepted and
 * rejected, why, what looked wrong without being rejected, and how fast.
 *
 * <p>Lines reconcile: every physical line of the file is the header, a blank line, or a line of exactly one accepted
 * or one rejected record ({@code lines == headerLines + blankLines + acceptedLines + rejectedLines}), and every record
 * is accepted or rejected ({@code records == accepted + rejectedRows}); the constructor refuses counts that do not.
 *
 * @param source the file or stream name
 * @param charset the charset used (detected or forced), or {@code mixed UTF-8/windows-1252} when each line was
 *     decoded by its own bytes
 * @param delimiter the field delimiter used (detected or forced)
 * @param numberStyles the number style of every measure column, by header name, as decided
 * @param lines the physical lines of the file (ended by LF, CRLF or CR; a last line without an ending counts)
 * @param headerLines the lines of the header record (1, more when a quoted header name holds a line break)
 * @param blankLines the blank lines skipped
 * @param records the data records read (blank lines and the header excluded); a record spans several lines when a
 *     quoted field holds line breaks
 * @param accepted the rows in the table
 * @param acceptedLines the lines of the accepted records
 * @param rejectedRows the records rejected
 * @param rejectedLines the lines of the rejected records
 * @param rejectedCells the rejected cells (a row can have several) plus the whole-row rejects
 * @param overBilledRows the accepted rows whose glosa amount is above their billed amount (kept, and warned about)
 * @param warnings what looked wrong without rejecting a row (mixed encodings, over-billed rows), one line each
 * @param rejects the rejects, in file order, at most {@link CsvReader#MAX_REPORTED_REJECTS} (all of them go to the
 *     rejects file when one is given)
 * @param bytes the bytes read
 * @param nanos the time the read took
 */
public record CsvReadReport(
        String source,
        String charset,
        char delimiter,
        Map<String, NumberStyle> numberStyles,
        long lines,
        long headerLines,
        long blankLines,
        long records,
        long accepted,
        long acceptedLines,
        long rejectedRows,
        long rejectedLines,
        long rejectedCells,
        long overBilledRows,
        List<String> warnings,
        List<CsvReject> rejects,
        long bytes,
        long nanos) {

    /**
     * Copies the map and the lists, and checks that lines and records reconcile.
     *
     * @param source as {@link #source()}
     * @param charset as {@link #charset()}
     * @param delimiter as {@link #delimiter()}
     * @param numberStyles as {@link #numberStyles()}
     * @param lines as {@link #lines()}
     * @param headerLines as {@link #headerLines()}
     * @param blankLines as {@link #blankLines()}
     * @param records as {@link #records()}
     * @param accepted as {@link #accepted()}
     * @param acceptedLines as {@link #acceptedLines()}
     * @param rejectedRows as {@link #rejectedRows()}
     * @param rejectedLines as {@link #rejectedLines()}
     * @param rejectedCells as {@link #rejectedCells()}
     * @param overBilledRows as {@link #overBilledRows()}
     * @param warnings as {@link #warnings()}
     * @param rejects as {@link #rejects()}
     * @param bytes as {@link #bytes()}
     * @param nanos as {@link #nanos()}
     */
    public CsvReadReport {
        numberStyles = Map.copyOf(numberStyles);
        warnings = List.copyOf(warnings);
        rejects = List.copyOf(rejects);
        if (lines != headerLines + blankLines + acceptedLines + rejectedLines) {
            throw new IllegalArgumentException(source + ": " + lines + " lines do not reconcile with " + headerLines
                    + " header + " + blankLines + " blank + " + acceptedLines + " accepted + " + rejectedLines
                    + " rejected lines");
        }
        if (records != accepted + rejectedRows) {
            throw new IllegalArgumentException(source + ": " + records + " records do not reconcile with " + accepted
                    + " accepted + " + rejectedRows + " rejected");
        }
    }

    /** {@return the lines of data records: the lines that are neither the header nor blank} */
    public long dataLines() {
        return acceptedLines + rejectedLines;
    }

    /** {@return the share of data lines in rejected records, 0 when there were none} */
    public double rejectedShare() {
        long data = dataLines();
        return data == 0 ? 0 : rejectedLines / (double) data;
    }

    /** {@return records read per second} */
    public double rowsPerSecond() {
        return nanos == 0 ? 0 : records * 1e9 / nanos;
    }

    /** {@return one line: source, line and record counts (which reconcile), warnings, detections and speed} */
    public String summary() {
        return summary(Messages.of(Language.EN));
    }

    /**
     * {@return the read in one line, in {@code text}'s language: the lines by kind, the records, the warnings, the
     * charset and delimiter found, the speed}
     *
     * @param text the language of the line
     */
    public String summary(Messages text) {
        return text.text(
                "read.csv",
                source,
                Long.toString(lines),
                Long.toString(headerLines),
                Long.toString(blankLines),
                Long.toString(acceptedLines),
                Long.toString(rejectedLines),
                String.format(Locale.ROOT, "%.3f%%", 100 * rejectedShare()),
                Long.toString(records),
                Long.toString(accepted),
                Long.toString(rejectedRows),
                Long.toString(overBilledRows),
                Integer.toString(warnings.size()),
                String.valueOf(charset),
                delimiter == '\t' ? "\\t" : String.valueOf(delimiter),
                String.format(Locale.ROOT, "%.0f", rowsPerSecond()));
    }
}
