package dev.glosa.io.jdbc;

import java.io.IOException;

/** A database read or write that failed, in one line that never holds the password; {@link #kind()} says why. */
public final class DatabaseException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why it failed, and whether the user's input or configuration is at fault. */
    public enum Kind {
        /** The query is not one {@code SELECT}/{@code WITH} statement; it was not sent. */
        REFUSED_QUERY(true),
        /** The query file or the mapping does not fit the query's result (a mapped column missing, a wrong type). */
        MAPPING(true),
        /** More rows than the mapping tolerates were rejected. */
        TOO_MANY_REJECTS(true),
        /** No driver accepts the URL. */
        NO_DRIVER(true),
        /** The server refused the user name or password. */
        AUTHENTICATION(true),
        /** The database refused the query itself (a syntax error, an unknown table or column, a write). */
        BAD_QUERY(true),
        /** The server could not be reached. */
        CONNECTION(false),
        /** The query ran past its time-out and was cancelled. */
        TIMEOUT(false),
        /** Anything else the database reported. */
        FAILED(false);

        private final boolean userInput;

        Kind(boolean userInput) {
            this.userInput = userInput;
        }

        /** {@return whether the user's input or configuration is at fault (exit status 2), rather than the run (1)} */
        public boolean userInput() {
            return userInput;
        }
    }

    /** Why it failed. */
    private final Kind kind;

    DatabaseException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** {@return why it failed} */
    public Kind kind() {
        return kind;
    }
}
