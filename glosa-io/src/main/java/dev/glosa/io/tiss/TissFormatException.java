package dev.glosa.io.tiss;

import java.io.IOException;

/**
 * A TISS file (or a Tabela 38 file) that cannot be read: malformed, hostile or against a rule of the format.
 *
 * <p>The message is one line, {@code file:line:column: rule, value}, and the cause (a parser error) is chained.
 */
public final class TissFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file's name. */
    private final String file;
    /** The line, or {@code -1} when unknown. */
    private final long line;
    /** The column, or {@code -1} when unknown. */
    private final long column;

    /**
     * An error at {@code line} and {@code column} of {@code file} (use {@code -1} when unknown).
     *
     * @param file the file's name
     * @param line the line, or {@code -1}
     * @param column the column, or {@code -1}
     * @param message what is wrong
     * @param cause the parser's error, or {@code null}
     */
    public TissFormatException(String file, long line, long column, String message, Throwable cause) {
        super(format(file, line, column, message), cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /**
     * An error at {@code line} and {@code column} of {@code file}, with no cause.
     *
     * @param file the file's name
     * @param line the line, or {@code -1}
     * @param column the column, or {@code -1}
     * @param message what is wrong
     */
    public TissFormatException(String file, long line, long column, String message) {
        this(file, line, column, message, null);
    }

    private static String format(String file, long line, long column, String message) {
        StringBuilder sb = new StringBuilder(file);
        if (line >= 0) {
            sb.append(':').append(line);
            if (column >= 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ")
                .append(message.replace('\n', ' ').replace('\r', ' '))
                .toString();
    }

    /** {@return the name of the file} */
    public String file() {
        return file;
    }

    /** {@return the line of the error, {@code -1} when unknown} */
    public long line() {
        return line;
    }

    /** {@return the column of the error, {@code -1} when unknown} */
    public long column() {
        return column;
    }
}
