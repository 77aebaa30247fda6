package dev.glosa.io.dbf;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * How to read a DBF or DBC file.
 *
 * @param charset the encoding of text fields; DATASUS files use CP850 (IBM850)
 * @param failOnCrcMismatch whether a {@code .dbc} whose CRC-32 does not match fails (the default), or is
 *     only reported in the read report (for inspection tools)
 */
public record DbfReadOptions(Charset charset, boolean failOnCrcMismatch) {

    /** The DOS Latin-1 code page DATASUS writes text in. */
    public static final Charset CP850 = Charset.forName("IBM850");

    private static final DbfReadOptions DEFAULTS = new DbfReadOptions(CP850, true);

    /**
     * Checks the options.
     *
     * @param charset as {@link #charset()}
     * @param failOnCrcMismatch as {@link #failOnCrcMismatch()}
     */
    public DbfReadOptions {
        Objects.requireNonNull(charset, "charset");
    }

    /**
     * CP850 text, and a CRC mismatch is an error.
     *
     * @return the options
     */
    public static DbfReadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * {@return these options with another text encoding}
     *
     * @param other the text encoding
     */
    public DbfReadOptions withCharset(Charset other) {
        return new DbfReadOptions(other, failOnCrcMismatch);
    }

    /** {@return these options, but a CRC mismatch is only reported ({@link CrcStatus#MISMATCH}), not thrown} */
    public DbfReadOptions reportingCrcMismatch() {
        return new DbfReadOptions(charset, false);
    }
}
