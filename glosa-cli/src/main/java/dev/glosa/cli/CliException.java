package dev.glosa.cli;

/**
 * A failure the command line reports as one line, without a stack trace, with an exit status.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit status for bad usage, bad input or bad configuration. */
    public static final int USAGE = 2;
    /** Exit status for a failure while running. */
    public static final int FAILURE = 1;

    private final int status;

    /** A failure with {@code message} and exit status {@code status}. */
    public CliException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** A failure with {@code message}, exit status {@code status} and its cause (shown with {@code --verbose}). */
    public CliException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The exit status. */
    public int status() {
        return status;
    }
}
