package dev.glosa.io.dbf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the shared DATASUS files beside the repository; tests skip when they are absent. */
public final class SharedData {

    private SharedData() {}

    /** {@code ../shared/data/datasus} relative to the repository, found by walking up from the working dir. */
    public static Path datasus() {
        Path found = null;
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null && found == null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("datasus");
            if (Files.isDirectory(candidate)) {
                found = candidate;
            }
        }
        assumeTrue(
                found != null,
                "../shared/data not found: no shared/data/datasus above "
                        + Paths.get("").toAbsolutePath());
        return found;
    }

    /** One DATASUS file by name; skips the test if it is absent. */
    public static Path datasus(String name) {
        Path p = datasus().resolve(name);
        assumeTrue(Files.isRegularFile(p), "../shared/data not found: " + p + " is missing");
        return p;
    }
}
