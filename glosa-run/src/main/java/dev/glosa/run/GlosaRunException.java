package dev.glosa.run;

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

    private final Kind kind;

    /** A stop of {@code kind} with {@code message}. */
    public GlosaRunException(Kind kind, String message) {
        this(kind, message, null);
    }

    /** A stop of {@code kind} with {@code message}, caused by {@code cause}. */
    public GlosaRunException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
    }

    /** {@return a stop caused by what was given} */
    public static GlosaRunException badInput(String message, Throwable cause) {
        return new GlosaRunException(Kind.BAD_INPUT, message, cause);
    }

    /** {@return a stop caused by what was given} */
    public static GlosaRunException badInput(String message) {
        return new GlosaRunException(Kind.BAD_INPUT, message, null);
    }

    /** {@return a stop caused by anything else} */
    public static GlosaRunException failure(String message, Throwable cause) {
        return new GlosaRunException(Kind.FAILURE, message, cause);
    }

    /** Whose fault the stop is. */
    public Kind kind() {
        return kind;
    }
}
