package dev.glosa.io.datasus;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** One base URL files are fetched from; a session is one connection, used for one file at a time. */
sealed interface Mirror permits FtpMirror, HttpMirror, FileMirror {

    /** The mirror for {@code uri}: FTP, HTTP(S) or a local folder. */
    static Mirror of(URI uri, Duration timeout) {
        return switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "ftp" -> new FtpMirror(uri, timeout);
            case "http", "https" -> new HttpMirror(uri, timeout);
            case "file" -> new FileMirror(uri);
            default -> throw new IllegalArgumentException("unsupported mirror " + uri);
        };
    }

    /** The URL as the user gave it, for messages. */
    String label();

    /** Connects. */
    Session open() throws IOException;

    /** One connection to the mirror. */
    interface Session extends Closeable {
        /**
         * The file's size and version.
         *
         * @throws NotFoundException if the mirror has no such file
         */
        RemoteInfo stat(String path) throws IOException;

        /**
         * Writes the file's bytes from {@code offset} on to {@code out}, reporting each chunk's length to
         * {@code progress}; may end early (a cut transfer), which the caller sees from the size.
         */
        void download(String path, long offset, OutputStream out, Chunks progress) throws IOException;
    }

    /** Receives the length of each chunk written. */
    @FunctionalInterface
    interface Chunks {
        void written(int bytes);
    }
}
