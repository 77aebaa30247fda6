package dev.glosa.io.csv;

/**
 * A CSV file could not be read: a structural error (no header, a mapped column missing) or more rejected rows than
 * the mapping allows.
 */
public final class CsvReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient CsvReadReport report;

    CsvReadException(String message, CsvReadReport report, Throwable cause) {
        super(message, cause);
        this.report = report;
    }

    /** {@return the report of the read so far, or {@code null} when the file failed before any row was read} */
    public CsvReadReport report() {
        return report;
    }
}
