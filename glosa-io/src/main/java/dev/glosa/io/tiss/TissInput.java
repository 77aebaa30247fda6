package dev.glosa.io.tiss;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One TISS file to read: a name for messages and a way to open its bytes (possibly more than once, e.g. to validate
 * and then read it).
 *
 * @param name the name used in errors and reports, usually the path
 * @param opener opens a fresh stream of the file's bytes each time it is called
 */
public record TissInput(String name, Opener opener) {
    /** Opens the bytes of a TISS file. */
    @FunctionalInterface
    public interface Opener {
        /**
         * {@return a new stream positioned at the first byte; the caller closes it}
         *
         * @throws IOException when the input cannot be opened
         */
        InputStream open() throws IOException;
    }

    /**
     * Checks that name and opener are given.
     *
     * @param name as {@link #name()}; {@code null} for its default
     * @param opener as {@link #opener()}; {@code null} for its default
     */
    public TissInput {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a TISS input needs a name, found '" + name + "'");
        }
        if (opener == null) {
            throw new IllegalArgumentException("TISS input '" + name + "' needs an opener, found null");
        }
    }

    /**
     * {@return the file at {@code path}}
     *
     * @param path the file
     */
    public static TissInput of(Path path) {
        return new TissInput(path.toString(), () -> Files.newInputStream(path));
    }

    /**
     * {@return a stream source, e.g. a generated demonstrativo}
     *
     * @param name the input's name, for messages
     * @param opener opens a new stream on each call
     */
    public static TissInput of(String name, Opener opener) {
        return new TissInput(name, opener);
    }

    /**
     * The inputs for {@code paths}: a file as given, a directory as its {@code .xml} files (any case, at any depth) in
     * path order, so that the same folder always reads in the same order.
     *
     * @param paths files and folders
     * @return the inputs, in order
     * @throws IOException when a folder cannot be listed
     */
    public static List<TissInput> expand(Path... paths) throws IOException {
        List<TissInput> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> files = new ArrayList<>();
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile)
                            .filter(f -> f.getFileName()
                                    .toString()
                                    .toLowerCase(Locale.ROOT)
                                    .endsWith(".xml"))
                            .forEach(files::add);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                files.sort(null);
                for (Path f : files) {
                    out.add(of(f));
                }
            } else if (Files.isRegularFile(p)) {
                out.add(of(p));
            } else {
                throw new java.nio.file.NoSuchFileException(
                        p.toString(), null, "a TISS input must be a file or a directory");
            }
        }
        return out;
    }

    /** {@return the last segment of the name (the file name without its folders)} */
    public String fileName() {
        int i = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return i < 0 ? name : name.substring(i + 1);
    }
}
