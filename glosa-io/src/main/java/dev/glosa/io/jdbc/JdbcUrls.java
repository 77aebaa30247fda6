package dev.glosa.io.jdbc;

import java.util.regex.Pattern;

/** JDBC URLs as they may be shown: with any password or credentials in them masked. */
public final class JdbcUrls {
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?;]*):[^@/]*@");
    private static final Pattern PASSWORD = Pattern.compile("(?i)((?:password|pwd|passwd)\\s*=)[^&;]*");

    private JdbcUrls() {}

    /**
     * {@code url} with {@code user:password@} and {@code password=...} (also {@code pwd=}) values shown as {@code ***}.
     *
     * @param url the URL
     * @return the URL with its secrets masked
     */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String s = USER_INFO.matcher(url).replaceAll("$1:***@");
        return PASSWORD.matcher(s).replaceAll("$1***");
    }

    /**
     * {@return whether {@code text} names a JDBC URL rather than a folder}
     *
     * @param text what the user gave
     */
    public static boolean isJdbc(String text) {
        return text != null && text.regionMatches(true, 0, "jdbc:", 0, 5);
    }
}
