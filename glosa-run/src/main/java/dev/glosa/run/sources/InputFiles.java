package dev.glosa.run.sources;

import dev.glosa.core.run.RunRecord;
import dev.glosa.core.text.InputError;
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
                throw new InputError(null, "error.folderGiven", f);
            }
            String sha;
            try {
                sha = RunRecord.Input.of(f, 0).sha256();
            } catch (NoSuchFileException e) {
                throw new InputError(e, "error.fileNotFound", f);
            } catch (IOException e) {
                throw new InputError(e, "error.read", f, e.getMessage());
            }
            Path first = seen.putIfAbsent(sha, f);
            if (first != null) {
                throw first.equals(f)
                        ? new InputError(null, "error.givenTwice", f)
                        : new InputError(null, "error.sameContent", f, first, sha.substring(0, 16));
            }
        }
    }
}
