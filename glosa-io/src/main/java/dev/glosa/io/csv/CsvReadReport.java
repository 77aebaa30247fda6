package dev.glosa.io.csv;

import java.util.List;
import java.util.Map;

/**
 * What happened while reading a CSV file: what was detected, how many rows were read, accepted and rejected, why, and
 * how fast.
 *
 * @param source the file or stream name
 * @param charset the charset used (detected or forced)
 * @param delimiter the field delimiter used (detected or forced)
 * @param numberStyles the number style of every measure column, by header name, as decided
 * @param records the data records read (blank lines and the header excluded)
 * @param accepted the rows in the table
 * @param rejectedRows the rows rejected
 * @param rejectedCells the rejected cells (a row can have several) plus the whole-row rejects
 * @param blankLines the blank lines skipped
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
        long records,
        long accepted,
        long rejectedRows,
        long rejectedCells,
        long blankLines,
        List<CsvReject> rejects,
        long bytes,
        long nanos) {

    /** Copies the map and the list. */
    public CsvReadReport {
        numberStyles = Map.copyOf(numberStyles);
        rejects = List.copyOf(rejects);
    }

    /** The share of records rejected, 0 when there were none. */
    public double rejectedShare() {
        return records == 0 ? 0 : rejectedRows / (double) records;
    }

    /** Records read per second. */
    public double rowsPerSecond() {
        return nanos == 0 ? 0 : records * 1e9 / nanos;
    }

    /** One line: source, counts, detections and speed. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%s: %d records, %d accepted, %d rejected (%.3f%%), %d blank lines; %s, delimiter '%s'; %.0f rows/s",
                source, records, accepted, rejectedRows, 100 * rejectedShare(), blankLines, charset,
                delimiter == '\t' ? "\\t" : String.valueOf(delimiter), rowsPerSecond());
    }
}
