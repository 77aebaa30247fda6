package dev.glosa.io.generate;

import dev.glosa.io.sih.SihErrorCodes;

/**
 * The SIH rejection codes ({@code CO_ERRO}) the generator draws from, in the order of the official table the SIH
 * reader ships, read through the reader's own {@link SihErrorCodes} (the table is a resource of the
 * {@code dev.glosa.io} module, which other code reaches through its API).
 */
final class ErrorCodes {
    private ErrorCodes() {}

    /** The codes, in table order (a copy). */
    static String[] codes() {
        return SihErrorCodes.standard().codes().toArray(new String[0]);
    }
}
