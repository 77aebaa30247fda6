package dev.glosa.run.sources;

import dev.glosa.core.run.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks on a run's input files made before any of them is read. */
final class InputFiles {
    private InputFiles() {}

    /**
     * Refuses the run when two of {@code files} have the same content: the same month given twice (or a copy of it
     * under another name) would count every claim in it twice, and nothing downstream could tell. Each file must
     * exist and be a regular file.
     *
     * @param files every input of the run, across all its options, as given
     * @throws IllegalArgumentException naming both files and their common SHA-256
     */
    static void requireDistinct(List<Path> files) {
        Map<String, Path> seen = new LinkedHashMap<>();
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                throw new IllegalArgumentException(f + " is a folder; give its files");
            }
            String sha;
            try {
                sha = RunRecord.Input.of(f, 0).sha256();
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("file not found: " + f, e);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + f + ": " + e.getMessage(), e);
            }
            Path first = seen.putIfAbsent(sha, f);
            if (first != null) {
                throw new IllegalArgumentException((first.equals(f)
                                ? f + " is given twice"
                                : f + " has the same content as " + first + " (SHA-256 " + sha.substring(0, 16)
                                        + "...)")
                        + ": its rows would be counted twice; give each file once");
            }
        }
    }
}
