package dev.glosa.io.csv;

/**
 * The bounds a CSV read holds an export to: how far one quoted field may run, and which amounts are plausible.
 *
 * <p>A quoted field that runs past {@code maxQuotedLineBreaks} line breaks or {@code maxQuotedFieldBytes} bytes, or
 * is still open at the end of the file, is taken for a stray quote: the lines from its record's start to the line
 * where it opened are rejected ({@link RejectReason#RUNAWAY_QUOTE} or {@link RejectReason#UNCLOSED_QUOTE}) and the
 * read resumes on the next line. Every measure value must be finite with {@code |value| < maxAbsAmount}
 * ({@link RejectReason#OUT_OF_RANGE}), and a negative billed, glosa or paid amount rejects its row
 * ({@link RejectReason#NEGATIVE_AMOUNT}) when {@code rejectNegativeAmounts}.
 *
 * @param maxQuotedLineBreaks the most line breaks one quoted field may hold, at least 0
 * @param maxQuotedFieldBytes the most bytes one quoted field may hold, at least 1
 * @param maxAbsAmount the bound on the magnitude of every measure value, positive (may be infinite to allow every
 *     finite value)
 * @param rejectNegativeAmounts whether a negative value in a billed, glosa or paid amount column rejects its row
 */
public record CsvLimits(
        int maxQuotedLineBreaks, int maxQuotedFieldBytes, double maxAbsAmount, boolean rejectNegativeAmounts) {

    /** The defaults: 10 line breaks or 64 KiB in one quoted field, {@code |amount| < 10^12}, no negative amounts. */
    public static final CsvLimits DEFAULT = new CsvLimits(10, 65_536, 1e12, true);

    /**
     * Checks the values.
     *
     * @param maxQuotedLineBreaks as {@link #maxQuotedLineBreaks()}
     * @param maxQuotedFieldBytes as {@link #maxQuotedFieldBytes()}
     * @param maxAbsAmount as {@link #maxAbsAmount()}
     * @param rejectNegativeAmounts as {@link #rejectNegativeAmounts()}
     */
    public CsvLimits {
        if (maxQuotedLineBreaks < 0) {
            throw new IllegalArgumentException("maxQuotedLineBreaks must be at least 0, found " + maxQuotedLineBreaks);
        }
        if (maxQuotedFieldBytes < 1) {
            throw new IllegalArgumentException("maxQuotedFieldBytes must be at least 1, found " + maxQuotedFieldBytes);
        }
        if (!(maxAbsAmount > 0)) {
            throw new IllegalArgumentException("maxAbsAmount must be positive, found " + maxAbsAmount);
        }
    }

    /**
     * {@return the same limits with another bound on line breaks in one quoted field}
     *
     * @param newMax the most line breaks in one quoted field
     */
    public CsvLimits withMaxQuotedLineBreaks(int newMax) {
        return new CsvLimits(newMax, maxQuotedFieldBytes, maxAbsAmount, rejectNegativeAmounts);
    }

    /**
     * {@return the same limits with another bound on the bytes of one quoted field}
     *
     * @param newMax the most bytes in one quoted field
     */
    public CsvLimits withMaxQuotedFieldBytes(int newMax) {
        return new CsvLimits(maxQuotedLineBreaks, newMax, maxAbsAmount, rejectNegativeAmounts);
    }

    /**
     * {@return the same limits with another bound on the magnitude of measure values}
     *
     * @param newMax the bound on the magnitude of a measure, positive
     */
    public CsvLimits withMaxAbsAmount(double newMax) {
        return new CsvLimits(maxQuotedLineBreaks, maxQuotedFieldBytes, newMax, rejectNegativeAmounts);
    }

    /**
     * {@return the same limits, rejecting negative billed, glosa and paid amounts or not}
     *
     * @param reject whether negative amounts are rejected
     */
    public CsvLimits withRejectNegativeAmounts(boolean reject) {
        return new CsvLimits(maxQuotedLineBreaks, maxQuotedFieldBytes, maxAbsAmount, reject);
    }
}
