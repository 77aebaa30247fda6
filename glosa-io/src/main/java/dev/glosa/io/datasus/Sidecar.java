package dev.glosa.io.datasus;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;

/**
 * What the server said about a cached file, and the file's SHA-256: {@code RDMT2111.dbc.properties} beside it.
 *
 * @param size the size the server announced
 * @param version the modification time or ETag the server announced
 * @param sha256 the file's SHA-256 (empty for the record of an unfinished transfer)
 * @param mirror the mirror it came from
 * @param fetched when it was fetched
 */
record Sidecar(long size, String version, String sha256, String mirror, Instant fetched) {

    static Path of(Path file) {
        return file.resolveSibling(file.getFileName() + ".properties");
    }

    /** Whether the server's answer describes the same file. */
    boolean matches(RemoteInfo info) {
        return info.size() == size && info.version().equals(version);
    }

    /** Reads the sidecar of {@code file}, or {@code null} if there is none or it cannot be read. */
    static Sidecar read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(of(file), StandardCharsets.UTF_8)) {
            p.load(r);
            return new Sidecar(
                    Long.parseLong(p.getProperty("size")),
                    p.getProperty("version", ""),
                    p.getProperty("sha256", ""),
                    p.getProperty("mirror", ""),
                    Instant.parse(p.getProperty("fetched")));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            // An unreadable record means the file is not known to be whole: it is fetched again.
            return null;
        }
    }

    /** Writes the sidecar of {@code file} under a temporary name, then moves it into place. */
    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("size", Long.toString(size));
        p.setProperty("version", version);
        p.setProperty("sha256", sha256);
        p.setProperty("mirror", mirror);
        p.setProperty("fetched", fetched.toString());
        Path target = of(file);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "what the server said about " + file.getFileName() + " (glosa DATASUS cache)");
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void delete(Path file) throws IOException {
        Files.deleteIfExists(of(file));
    }
}
