package dev.glosa.run;

import dev.glosa.core.text.InputError;
import dev.glosa.core.text.Language;
import dev.glosa.core.text.Phrase;

/**
 * Why a run stopped, as one sentence a hospital analyst can act on, and whose fault it is: the input or
 * configuration ({@link Kind#BAD_INPUT}, the command line's exit status 2) or anything else ({@link Kind#FAILURE},
 * exit status 1).
 */
public final class GlosaRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whose fault a stop is. */
    public enum Kind {
        /** Bad usage, input or configuration: fixing what was given fixes the run. */
        BAD_INPUT,
        /** Anything else: a disk, a lock, a server, a bug. */
        FAILURE
    }

    /** Whose fault the stop is. */
    private final Kind kind;
    /** What to say in any language, or {@code null} for a message given as it is. */
    private final Phrase phrase;

    /**
     * A stop of {@code kind} with {@code message}.
     *
     * @param kind whose fault the stop is
     * @param message the one line the user reads, naming what to fix
     */
    public GlosaRunException(Kind kind, String message) {
        this(kind, message, null);
    }

    /**
     * A stop of {@code kind} with {@code message}, caused by {@code cause}.
     *
     * @param kind whose fault the stop is
     * @param message the one line the user reads, naming what to fix
     * @param cause the exception that stopped the run, or {@code null}
     */
    public GlosaRunException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
        this.phrase = null;
    }

    /**
     * A stop of {@code kind} said by {@code phrase}: its message is the English sentence, {@link #message(Language)}
     * says it in another language.
     *
     * @param kind whose fault the stop is
     * @param phrase what to say
     * @param cause the exception that stopped the run, or {@code null}
     */
    public GlosaRunException(Kind kind, Phrase phrase, Throwable cause) {
        super(phrase.in(Language.EN), cause);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
        this.phrase = phrase;
    }

    /**
     * {@return a stop caused by what was given, with {@code cause}'s message: its phrase when it is an
     * {@link InputError}, so the stop can be said in the run's language}
     *
     * @param cause the exception that names what is wrong
     */
    public static GlosaRunException badInput(Throwable cause) {
        return cause instanceof InputError e
                ? new GlosaRunException(Kind.BAD_INPUT, e.phrase(), cause)
                : new GlosaRunException(Kind.BAD_INPUT, cause.getMessage(), cause);
    }

    /**
     * {@return a stop caused by what was given, said by the text {@code key} of the messages bundle}
     *
     * @param cause the exception that stopped the run, or {@code null}
     * @param key the key in the messages bundle
     * @param args the values of the text's placeholders, as text
     */
    public static GlosaRunException badInput(Throwable cause, String key, Object... args) {
        return new GlosaRunException(Kind.BAD_INPUT, Phrase.of(key, args), cause);
    }

    /**
     * {@return a stop caused by anything else, said by the text {@code key} of the messages bundle}
     *
     * @param cause the exception that stopped the run, or {@code null}
     * @param key the key in the messages bundle
     * @param args the values of the text's placeholders, as text
     */
    public static GlosaRunException failure(Throwable cause, String key, Object... args) {
        return new GlosaRunException(Kind.FAILURE, Phrase.of(key, args), cause);
    }

    /**
     * {@return the message in {@code language}: the phrase's sentence in it, or the message as given (a message from a
     * library below glosa-run, in English)}
     *
     * @param language the reader's language
     */
    public String message(Language language) {
        return phrase == null ? getMessage() : phrase.in(language);
    }

    /**
     * {@return a stop caused by what was given}
     *
     * @param message the one line the user reads, naming what to fix
     * @param cause the exception behind it, or {@code null}
     */
    public static GlosaRunException badInput(String message, Throwable cause) {
        return new GlosaRunException(Kind.BAD_INPUT, message, cause);
    }

    /**
     * {@return a stop caused by what was given}
     *
     * @param message the one line the user reads, naming what to fix
     */
    public static GlosaRunException badInput(String message) {
        return new GlosaRunException(Kind.BAD_INPUT, message, null);
    }

    /**
     * {@return a stop caused by anything else}
     *
     * @param message the one line the user reads: what failed and where
     * @param cause the exception behind it, or {@code null}
     */
    public static GlosaRunException failure(String message, Throwable cause) {
        return new GlosaRunException(Kind.FAILURE, message, cause);
    }

    /** {@return whose fault the stop is} */
    public Kind kind() {
        return kind;
    }
}
