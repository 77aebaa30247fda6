package dev.glosa.io.csv;

/**
 * One rejected cell (or row, for {@link RejectReason#FIELD_COUNT}, {@link RejectReason#UNCLOSED_QUOTE} and
 * {@link RejectReason#RUNAWAY_QUOTE}).
 *
 * @param source the file or stream name
 * @param line the 1-based line where the rejected row starts (the header is line 1)
 * @param column the header name of the column, or {@code null} when the whole row is at fault
 * @param reason the reason
 * @param value the cell's text as read (control characters written as <code>&#92;uXXXX</code>, a personal
 *     identifier by its shape only), or {@code null} for a whole-row reject
 * @param detail the rule that was broken, in words (control characters escaped the same way)
 */
public record CsvReject(String source, long line, String column, RejectReason reason, String value, String detail) {

    /** {@return one line: {@code file:line: column 'X': REASON: detail: 'value'}} */
    @Override
    public String toString() {
        StringBuilder sb =
                new StringBuilder().append(source).append(':').append(line).append(": ");
        if (column != null) {
            sb.append("column '").append(column).append("': ");
        }
        sb.append(reason).append(": ").append(detail);
        if (value != null) {
            sb.append(": '").append(value).append('\'');
        }
        return sb.toString();
    }
}
