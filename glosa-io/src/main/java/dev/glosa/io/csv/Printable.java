package dev.glosa.io.csv;

/** Makes text read from a file safe to print: control characters are shown as <code>&#92;uXXXX</code>. */
final class Printable {
    private Printable() {}

    /**
     * {@code text} with every C0 and C1 control character, DEL, and the line/paragraph separators and bidirectional
     * overrides that would move or hide what a terminal shows, written as <code>&#92;uXXXX</code>; {@code null} stays
     * null.
     */
    static String of(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !unsafe(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20
                || (c >= 0x7F && c <= 0x9F)
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
