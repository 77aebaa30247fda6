package dev.glosa.io.datasus;

import java.io.IOException;

/** A whole transfer whose bytes are not the file: its CRC-32 or its DBC structure does not check. */
final class CorruptException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptException(String message, Throwable cause) {
        super(message, cause);
    }
}
