package dev.glosa.io.jdbc;

import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;
import dev.glosa.io.csv.CsvReject;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What happened while reading a query's result.
 *
 * @param source the query's name in messages (its file and the URL with credentials masked)
 * @param columnTypes each result column's SQL type as the driver names it, by column label, in result order
 * @param records the rows of the result
 * @param accepted the rows in the table
 * @param rejectedRows the rows rejected
 * @param rejectedCells the rejected cells (a row can have several)
 * @param rejects the rejects, in row order, at most {@link dev.glosa.io.csv.CsvReader#MAX_REPORTED_REJECTS}; their
 *     {@code line} is the 1-based row number of the result
 * @param nanos the time the read took, query included
 */
public record JdbcReadReport(
        String source,
        Map<String, String> columnTypes,
        long records,
        long accepted,
        long rejectedRows,
        long rejectedCells,
        List<CsvReject> rejects,
        long nanos) {

    /**
     * Copies the map and the list.
     *
     * @param source as {@link #source()}
     * @param columnTypes as {@link #columnTypes()}
     * @param records as {@link #records()}
     * @param accepted as {@link #accepted()}
     * @param rejectedRows as {@link #rejectedRows()}
     * @param rejectedCells as {@link #rejectedCells()}
     * @param rejects as {@link #rejects()}
     * @param nanos as {@link #nanos()}
     */
    public JdbcReadReport {
        columnTypes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columnTypes));
        rejects = List.copyOf(rejects);
    }

    /** {@return the share of rows rejected, 0 when there were none} */
    public double rejectedShare() {
        return records == 0 ? 0 : rejectedRows / (double) records;
    }

    /** {@return one line: source, counts and speed} */
    public String summary() {
        return summary(Messages.of(Language.EN));
    }

    /**
     * {@return the read in one line, in {@code text}'s language: the rows read, accepted and rejected, the speed}
     *
     * @param text the language of the line
     */
    public String summary(Messages text) {
        return text.text(
                "read.database",
                source,
                Long.toString(records),
                Long.toString(accepted),
                Long.toString(rejectedRows),
                String.format(Locale.ROOT, "%.3f%%", 100 * rejectedShare()),
                String.format(Locale.ROOT, "%.0f", nanos == 0 ? 0.0 : records * 1e9 / nanos));
    }
}
