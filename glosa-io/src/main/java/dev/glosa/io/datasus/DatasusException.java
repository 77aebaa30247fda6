package dev.glosa.io.datasus;

import java.io.IOException;
import java.util.Objects;

/**
 * A file that could not be fetched, with a one-line message naming the file, what each mirror tried said, and what
 * to do.
 */
public final class DatasusException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why the fetch failed. */
    public enum Kind {
        /** No mirror has the file: the month does not exist (yet) for that group and state. */
        NOT_FOUND,
        /** No mirror could be reached, or every one failed. */
        UNREACHABLE,
        /** Every copy received failed its CRC-32 check or its announced size. */
        CORRUPT,
        /** Offline, and the file is not in the cache. */
        NOT_CACHED
    }

    /** Why the fetch failed. */
    private final Kind kind;

    DatasusException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** {@return why the fetch failed} */
    public Kind kind() {
        return kind;
    }
}
