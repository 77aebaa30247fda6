package dev.glosa.core.text;

import java.util.List;
import java.util.Objects;

/**
 * A sentence not yet put in a language: a key of the messages bundle and its arguments, worded by {@link #in} when the
 * reader's language is known. Errors carry one, so the command line can say them in the run's language.
 *
 * @param key the key in {@code dev/glosa/core/text/messages*.properties}
 * @param args the values put in the text's {@code {0}}, {@code {1}}..., already as text (numbers formatted by the
 *     caller, so a language's grouping cannot change an id or a count)
 */
public record Phrase(String key, List<String> args) {
    /**
     * Checks the key and copies the arguments.
     *
     * @param key as {@link #key()}
     * @param args as {@link #args()}
     */
    public Phrase {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /**
     * A phrase of {@code key} with {@code args} written with {@link String#valueOf(Object)} ({@code null} as
     * {@code null}).
     *
     * @param key the key in the messages bundle
     * @param args the values of the text's placeholders
     * @return the phrase
     */
    public static Phrase of(String key, Object... args) {
        String[] text = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        return new Phrase(key, List.of(text));
    }

    /**
     * {@return the sentence in {@code language}}
     *
     * @param language the reader's language
     */
    public String in(Language language) {
        return Messages.of(language).text(key, args.toArray());
    }
}
