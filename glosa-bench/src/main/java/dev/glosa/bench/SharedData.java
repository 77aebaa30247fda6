package dev.glosa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the project's shared real data ({@code ../shared/data} beside the repository), which is never copied in.
 *
 * <p>The system property {@code glosa.data} names the data folder directly; otherwise the folders from the working
 * directory up are searched for one holding {@code shared/data}.
 */
final class SharedData {
    private SharedData() {}

    /** The {@code shared/data} folder, if it can be found. */
    static Optional<Path> root() {
        String given = System.getProperty("glosa.data");
        if (given != null && !given.isBlank()) {
            Path p = Paths.get(given);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The {@code .dbc} files of {@code shared/data/datasus}, sorted by name; empty when the folder is absent. */
    static List<Path> dbcFiles() {
        Optional<Path> root = root().map(r -> r.resolve("datasus")).filter(Files::isDirectory);
        if (root.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root.get())) {
            return s.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dbc"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root.get() + ": " + e.getMessage(), e);
        }
    }
}
