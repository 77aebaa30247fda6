package dev.glosa.core.text;

/**
 * Something given to glosa is wrong (a file, an option, a setting), said as a {@link Phrase} so the command line can
 * word it in the run's language; its message is the English sentence. An {@link IllegalArgumentException}, so code
 * that catches those keeps working.
 */
public final class InputError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What to say, in any language. */
    private final Phrase phrase;

    /**
     * An error said by the text {@code key} of the messages bundle.
     *
     * @param cause the exception behind it, or {@code null}
     * @param key the key in {@code dev/glosa/core/text/messages*.properties}
     * @param args the values of the text's placeholders
     */
    public InputError(Throwable cause, String key, Object... args) {
        this(Phrase.of(key, args), cause);
    }

    private InputError(Phrase phrase, Throwable cause) {
        super(phrase.in(Language.EN), cause);
        this.phrase = phrase;
    }

    /** {@return what to say, in any language} */
    public Phrase phrase() {
        return phrase;
    }
}
