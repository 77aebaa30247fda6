package dev.glosa.io.datasus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Fetches SIH files from DATASUS, or a mirror of it, into a local cache, and returns where they are.
 *
 * <p>Mirrors are tried in order. A file is downloaded under a temporary name beside its final place and moved there
 * only once whole: its size is the one the server announced and its {@code .dbc} CRC-32 checks. Beside it a
 * {@code .properties} sidecar keeps what the server said (size, modification time or ETag) and the file's SHA-256,
 * so a later fetch downloads again only a file the server changed. A cut transfer resumes (FTP {@code REST}, HTTP
 * {@code Range}); failures are retried with exponential back-off and jitter, then the next mirror is tried. When no
 * mirror answers, cached files are used and a notice says so; offline, no connection is made. Each file is locked
 * while it is checked or fetched, so threads and processes sharing a cache never corrupt it.
 *
 * <pre>{@code
 * var files = SihFileName.expand(List.of(SihSystem.RD, SihSystem.RJ), List.of("MT"),
 *         YearMonth.of(2021, 6), YearMonth.of(2021, 12));
 * FetchResult r = DatasusFiles.fetch(FetchRequest.of(files));
 * List<Path> rd = r.paths(SihSystem.RD);
 * }</pre>
 */
public final class DatasusFiles {

    /** The environment variable naming the cache folder. */
    public static final String CACHE_VARIABLE = "GLOSA_CACHE";

    private DatasusFiles() {}

    /**
     * Fetches the request's files; every file is whole in the cache when this returns.
     *
     * @param request what to fetch, from where, into which cache
     * @return where each file is, and where it came from
     * @throws DatasusException naming each file that could not be fetched, what each mirror said and what to do
     * @throws IOException if the cache folder cannot be written
     */
    public static FetchResult fetch(FetchRequest request) throws IOException {
        return new Fetcher(Objects.requireNonNull(request, "request")).run();
    }

    /** {@return the cache folder: {@value #CACHE_VARIABLE} if set, else {@code ~/.cache/glosa/datasus}} */
    public static Path defaultCache() {
        String env = System.getenv(CACHE_VARIABLE);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "glosa", "datasus");
    }

    /**
     * {@return where {@code name} is kept in {@code cache}: the remote path below the cache folder}
     *
     * @param cache the cache folder
     * @param name the file
     */
    public static Path cached(Path cache, SihFileName name) {
        return cache.resolve(name.remotePath().substring(1));
    }
}
