package dev.glosa.core.text;

import java.util.Locale;

/**
 * The language of everything a person reads from a run: console, labels, descriptions, errors.
 *
 * <p>Files keep machine formats (dot decimals, ISO dates) and their column names in every language, so a report
 * built on one language's output works with the other's. Other modules (the HTML report) take {@link #locale()}.
 */
public enum Language {
    /** English, the fallback. */
    EN(Locale.ENGLISH, "en"),
    /** Brazilian Portuguese. */
    PT_BR(Locale.forLanguageTag("pt-BR"), "pt-BR");

    private final Locale locale;
    private final String tag;

    Language(Locale locale, String tag) {
        this.locale = locale;
        this.tag = tag;
    }

    /** {@return the locale of this language, for resource bundles and number formats} */
    public Locale locale() {
        return locale;
    }

    /** {@return the tag users write: {@code en} or {@code pt-BR}} */
    public String tag() {
        return tag;
    }

    /**
     * The language a user named: {@code en}, {@code pt-BR}, {@code pt_BR} or {@code pt} (case ignored).
     *
     * @param text what the user wrote
     * @return the language
     * @throws IllegalArgumentException naming the choices, for anything else
     */
    public static Language parse(String text) {
        String t = text == null ? "" : text.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        return switch (t) {
            case "en", "en-us", "en-gb", "english" -> EN;
            case "pt", "pt-br", "portugues", "português" -> PT_BR;
            default -> throw new IllegalArgumentException("language must be pt-BR or en, found '" + text + "'");
        };
    }

    /**
     * {@return the language of {@code locale}: Portuguese for any {@code pt} locale, else English}
     *
     * @param locale the locale
     */
    public static Language of(Locale locale) {
        return locale != null && "pt".equals(locale.getLanguage()) ? PT_BR : EN;
    }

    /** {@return the language of the system's default locale, falling back to English} */
    public static Language system() {
        return of(Locale.getDefault());
    }
}
