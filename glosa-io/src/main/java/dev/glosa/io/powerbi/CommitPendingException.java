package dev.glosa.io.powerbi;

import java.io.IOException;

/**
 * Thrown when a run's tables are complete but could not all be renamed into place (on Windows, a program held one
 * open); the next run or reader of the folder puts them in place before anything else.
 */
public final class CommitPendingException extends IOException {
    private static final long serialVersionUID = 1L;

    CommitPendingException(String message, Throwable cause) {
        super(message, cause);
    }
}
