package dev.glosa.io.csv;

/** Why a CSV row was rejected. */
public enum RejectReason {
    /** The row has another number of fields than the header. */
    FIELD_COUNT,
    /** A quoted field is not closed before the end of the file; the lines up to the one it opened on are rejected. */
    UNCLOSED_QUOTE,
    /**
     * A quoted field runs past {@link CsvLimits#maxQuotedLineBreaks()} line breaks or
     * {@link CsvLimits#maxQuotedFieldBytes()} bytes; the lines up to the one it opened on are rejected.
     */
    RUNAWAY_QUOTE,
    /** A column that plays a role (or is marked not nullable) is empty. */
    MISSING_VALUE,
    /** A measure is not a number in the column's format. */
    NOT_A_NUMBER,
    /** A measure is not finite or not below {@link CsvLimits#maxAbsAmount()} in magnitude. */
    OUT_OF_RANGE,
    /** A billed, glosa or paid amount is negative (see {@link CsvLimits#rejectNegativeAmounts()}). */
    NEGATIVE_AMOUNT,
    /** An integer column holds something else than an integer. */
    NOT_AN_INTEGER,
    /** A date column holds something else than a date in the column's format. */
    NOT_A_DATE,
    /** A month column holds something else than a month in the column's format. */
    NOT_A_MONTH
}
