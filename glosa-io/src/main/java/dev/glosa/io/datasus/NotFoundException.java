package dev.glosa.io.datasus;

import java.io.IOException;

/** The mirror answered that it has no such file (FTP 550, HTTP 404): trying again will not help. */
final class NotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    NotFoundException(String message) {
        super(message);
    }
}
