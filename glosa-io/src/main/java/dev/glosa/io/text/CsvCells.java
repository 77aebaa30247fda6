package dev.glosa.io.text;

/**
 * The one CSV cell codec of every file glosa writes: RFC 4180 quoting and the spreadsheet-formula guard.
 *
 * <p>The guard is for files people open in a spreadsheet (the Power BI tables, {@code rejects.csv}); the CSV export
 * writer quotes without guarding, because its files must read back to the same table.
 */
public final class CsvCells {

    private CsvCells() {}

    /**
     * The text as a cell that no spreadsheet evaluates: a leading {@code '} is added when the text, after any leading
     * {@code '}, starts with {@code = + - @}, a tab or a carriage return. Guarding text that already starts with quotes
     * before such a character keeps {@link #unguard(String)} exact.
     *
     * @param text the text, may be {@code null}
     * @return the guarded text
     */
    public static String guard(String text) {
        return needsGuard(text) ? "'" + text : text;
    }

    /**
     * {@return the text {@link #guard(String)} was given}
     *
     * @param cell the cell as written
     */
    public static String unguard(String cell) {
        int i = 0;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        return i > 0 && i < cell.length() && isTrigger(cell.charAt(i)) ? cell.substring(1) : cell;
    }

    private static boolean needsGuard(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        return i < text.length() && isTrigger(text.charAt(i));
    }

    private static boolean isTrigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /**
     * {@return whether {@code text} must be quoted in a file separated by {@code delimiter}}
     *
     * @param text the text
     * @param delimiter the file's delimiter
     */
    public static boolean needsQuotes(String text, char delimiter) {
        // A leading byte order mark would be taken for the file's own by a reader: quote it to keep it a value.
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == delimiter || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    /**
     * Appends {@code text} as a field of a file separated by {@code delimiter}: quoted, with its quotes doubled, when
     * it holds the delimiter, a quote or a line break, or starts with a byte order mark; {@code null} appends nothing.
     *
     * @param sb where the field goes
     * @param text the text, may be {@code null}
     * @param delimiter the file's delimiter
     */
    public static void append(StringBuilder sb, String text, char delimiter) {
        if (text == null || text.isEmpty()) {
            return;
        }
        if (!needsQuotes(text, delimiter)) {
            sb.append(text);
            return;
        }
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /**
     * {@return {@code text} as a field of a file separated by {@code delimiter}; see {@link #append}}
     *
     * @param text the text
     * @param delimiter the file's delimiter
     */
    public static String quote(String text, char delimiter) {
        if (text == null || !needsQuotes(text, delimiter)) {
            return text == null ? "" : text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        append(sb, text, delimiter);
        return sb.toString();
    }

    /**
     * {@code text} guarded against formulas and quoted: a cell of a file meant for a spreadsheet; {@code null} is
     * empty.
     *
     * @param text the text, may be {@code null}
     * @param delimiter the file's delimiter
     * @return the cell
     */
    public static String guarded(String text, char delimiter) {
        return text == null ? "" : quote(guard(text), delimiter);
    }
}
