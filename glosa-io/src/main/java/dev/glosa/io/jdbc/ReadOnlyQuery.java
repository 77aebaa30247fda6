package dev.glosa.io.jdbc;

import java.util.Locale;
import java.util.Set;

/**
 * Refuses, before it is sent, any query that is not one {@code SELECT} or {@code WITH} statement.
 *
 * <p>Comments ({@code --}, nested {@code /* *}{@code /}), string literals ({@code '...'} with {@code ''}, {@code E'...'}
 * with backslash escapes, PostgreSQL's {@code $tag$...$tag$}) and quoted names ({@code "..."}, {@code [...]},
 * {@code `...`}) are skipped; trailing semicolons are dropped; a second statement, or a word that writes or locks
 * ({@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE}, {@code INTO}, {@code CREATE}, ...) anywhere outside
 * them, refuses the query. The read-only connection and transaction are the second guard: this check only makes the
 * refusal early and clear.
 */
final class ReadOnlyQuery {
    private static final Set<String> WRITES = Set.of(
            "INSERT",
            "UPDATE",
            "DELETE",
            "MERGE",
            "UPSERT",
            "TRUNCATE",
            "DROP",
            "ALTER",
            "CREATE",
            "GRANT",
            "REVOKE",
            "INTO",
            "COPY",
            "CALL",
            "EXEC",
            "EXECUTE",
            "LOCK",
            "VACUUM",
            "COMMIT",
            "ROLLBACK",
            "BEGIN",
            "DO",
            "PREPARE",
            "REFRESH",
            "REINDEX");

    private ReadOnlyQuery() {}

    /**
     * The statement to send: {@code sql} without its trailing semicolons and blanks.
     *
     * @param source names the query in the message
     * @throws DatabaseException of kind {@link DatabaseException.Kind#REFUSED_QUERY} naming the line and the word
     */
    static String check(String sql, String source) throws DatabaseException {
        int n = sql.length();
        int i = 0;
        int line = 1;
        String first = null;
        int end = -1; // where the first ';' outside literals is
        int lastCode = 0; // one past the last character of the statement proper
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 0;
                int start = line;
                do {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        line += sql.charAt(i) == '\n' ? 1 : 0;
                        i++;
                    }
                } while (depth > 0 && i < n);
                if (depth > 0) {
                    throw refused(source, start, "a /* comment is not closed");
                }
            } else if (c == ';') {
                if (end < 0) {
                    end = i;
                }
                i++;
            } else {
                if (end >= 0) {
                    throw refused(source, line, "it holds more than one statement (text after the ';')");
                }
                int start = i;
                int startLine = line;
                if (c == '\'' || c == '"' || c == '`' || c == '[') {
                    char close = c == '[' ? ']' : c;
                    boolean backslash = c == '\'' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char d = sql.charAt(i);
                        line += d == '\n' ? 1 : 0;
                        if (backslash && d == '\\') {
                            i += 2;
                        } else if (d == close) {
                            if (i + 1 < n && sql.charAt(i + 1) == close && close != ']') {
                                i += 2;
                            } else {
                                i++;
                                closed = true;
                                break;
                            }
                        } else {
                            i++;
                        }
                    }
                    if (!closed) {
                        throw refused(source, startLine, "a quoted text or name (" + c + ") is not closed");
                    }
                } else if (c == '$' && dollarTag(sql, i) != null) {
                    String tag = dollarTag(sql, i);
                    int close = sql.indexOf(tag, i + tag.length());
                    if (close < 0) {
                        throw refused(source, startLine, "a " + tag + " quoted text is not closed");
                    }
                    for (int k = i; k < close; k++) {
                        line += sql.charAt(k) == '\n' ? 1 : 0;
                    }
                    i = close + tag.length();
                } else if (Character.isLetter(c) || c == '_') {
                    while (i < n
                            && (Character.isLetterOrDigit(sql.charAt(i))
                                    || sql.charAt(i) == '_'
                                    || sql.charAt(i) == '$')) {
                        i++;
                    }
                    String word = sql.substring(start, i).toUpperCase(Locale.ROOT);
                    if (first == null) {
                        first = word;
                        if (!first.equals("SELECT") && !first.equals("WITH")) {
                            throw refused(source, startLine, "it starts with '" + sql.substring(start, i) + "'");
                        }
                    } else if (WRITES.contains(word)) {
                        throw refused(
                                source,
                                startLine,
                                "it has the word '" + sql.substring(start, i) + "', which writes, locks or runs code");
                    }
                } else {
                    i++;
                }
                lastCode = i;
            }
        }
        if (first == null) {
            throw refused(source, 1, "it is empty");
        }
        return sql.substring(0, lastCode);
    }

    /** The {@code $tag$} opening a dollar-quoted text at {@code i}, or {@code null}. */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, j + 1);
        }
        return null;
    }

    private static DatabaseException refused(String source, int line, String why) {
        return new DatabaseException(
                DatabaseException.Kind.REFUSED_QUERY,
                source + ":" + line
                        + ": refused before sending it: the query must be one SELECT or WITH statement, and " + why
                        + " (glosa only reads from the database)",
                null);
    }
}
