package dev.glosa.io.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/** Turns a driver's exception into a one-line {@link DatabaseException} that says what to do. */
final class Errors {
    private Errors() {}

    /**
     * The exception for {@code e}, raised while doing {@code what}.
     *
     * @param password removed from the message should a driver ever quote it
     * @param timeoutSeconds the query's time-out, for the message of a cancelled query
     */
    static DatabaseException of(SQLException e, String what, String password, int timeoutSeconds) {
        if (e instanceof java.sql.BatchUpdateException && e.getNextException() != null) {
            // The batch's own message quotes the whole statement with its values; the next one says what failed.
            e = e.getNextException();
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail = oneLine(e.getMessage());
        if (password != null && !password.isEmpty()) {
            detail = detail.replace(password, "***");
        }
        DatabaseException.Kind kind;
        String advice;
        if (e instanceof SQLTimeoutException || state.equals("57014")) {
            kind = DatabaseException.Kind.TIMEOUT;
            advice = "the query ran longer than its time-out"
                    + (timeoutSeconds > 0 ? " of " + timeoutSeconds + " s" : "")
                    + " and was cancelled; raise the time-out (--query-timeout or database.queryTimeoutSeconds) or"
                    + " make the query cheaper";
        } else if (state.startsWith("28")) {
            kind = DatabaseException.Kind.AUTHENTICATION;
            advice = "check --user and the password in GLOSA_DB_PASSWORD (or the variable database.passwordEnv names)";
        } else if (state.startsWith("08")
                || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLTransientConnectionException) {
            kind = DatabaseException.Kind.CONNECTION;
            advice = "check the host, port and database in the URL, and that the server is up and reachable";
        } else if (state.equals("25006")) {
            kind = DatabaseException.Kind.BAD_QUERY;
            advice = "the query tried to write, and glosa reads only: remove what writes";
        } else if (state.startsWith("42") || state.startsWith("22")) {
            kind = DatabaseException.Kind.BAD_QUERY;
            advice = "fix the query, or the table it names";
        } else {
            kind = DatabaseException.Kind.FAILED;
            advice = "see the database's log" + (state.isEmpty() ? "" : " (SQL state " + state + ")");
        }
        return new DatabaseException(kind, what + ": " + detail + "; " + advice, e);
    }

    /** The first line of a driver's message, trimmed ({@code PostgreSQL} adds hints and positions below it). */
    static String oneLine(String message) {
        if (message == null) {
            return "no message";
        }
        int nl = message.indexOf('\n');
        String line = (nl < 0 ? message : message.substring(0, nl)).trim();
        // the advice follows after a ';', so a driver's closing full stop would read ".;"
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
