package dev.glosa.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code ../shared/data} beside the repository, walking up from the working directory. */
final class SharedData {
    private SharedData() {}

    /** The {@code datasus} folder, or {@code null} when the shared data is not there. */
    static Path datasus() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("data").resolve("datasus");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
