package dev.glosa.io.datasus;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What to fetch from DATASUS and how: the files, the mirrors tried in order, the cache folder and the fault policy.
 *
 * <p>Start from {@link #of(List)} (the DATASUS server, the default cache, two connections) and change what differs
 * with the {@code with...} methods.
 *
 * @param files the files wanted, each once
 * @param mirrors base URLs tried in order, each followed by the file's {@link SihFileName#remotePath()}:
 *     {@code ftp://host[:port][/prefix]}, {@code http(s)://host[:port][/prefix]} or {@code file:/folder}
 * @param cache the cache folder, which mirrors the remote paths
 * @param offline never connect: every file must already be in the cache
 * @param connections files fetched at once (each holds one connection)
 * @param timeout the connect, reply and idle-transfer time-out of one connection
 * @param attempts tries per mirror and file before the next mirror (a cut transfer resumes on the next try)
 * @param backoff the pause after the first failed try; it doubles on each further one, with jitter
 * @param maxBackoff the longest pause between two tries
 * @param seed the seed of the jitter of the pauses
 * @param listener where progress and notices go
 */
public record FetchRequest(
        List<SihFileName> files,
        List<URI> mirrors,
        Path cache,
        boolean offline,
        int connections,
        Duration timeout,
        int attempts,
        Duration backoff,
        Duration maxBackoff,
        long seed,
        FetchListener listener) {

    /** The default mirror: the DATASUS FTP server. */
    public static final URI DATASUS = URI.create("ftp://ftp.datasus.gov.br");

    /**
     * Checks the values and copies the lists; duplicate files are kept once, mirrors lose a trailing slash.
     *
     * @param files as {@link #files()}
     * @param mirrors as {@link #mirrors()}
     * @param cache as {@link #cache()}
     * @param offline as {@link #offline()}
     * @param connections as {@link #connections()}
     * @param timeout as {@link #timeout()}
     * @param attempts as {@link #attempts()}
     * @param backoff as {@link #backoff()}
     * @param maxBackoff as {@link #maxBackoff()}
     * @param seed as {@link #seed()}
     * @param listener as {@link #listener()}
     */
    public FetchRequest {
        files = List.copyOf(
                Objects.requireNonNull(files, "files").stream().distinct().toList());
        mirrors = Objects.requireNonNull(mirrors, "mirrors").stream()
                .map(FetchRequest::checkMirror)
                .toList();
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(listener, "listener");
        if (mirrors.isEmpty() && !offline) {
            throw new IllegalArgumentException("at least one mirror is needed unless offline");
        }
        if (connections < 1 || connections > 16) {
            throw new IllegalArgumentException("connections must be between 1 and 16, found " + connections);
        }
        if (attempts < 1 || attempts > 20) {
            throw new IllegalArgumentException("attempts must be between 1 and 20, found " + attempts);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, found " + timeout);
        }
        if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException(
                    "backoff must be >= 0 and maxBackoff >= backoff, found " + backoff + " and " + maxBackoff);
        }
    }

    /**
     * {@code files} from the DATASUS server into the default cache ({@link DatasusFiles#defaultCache()}), two
     * connections at once, a 60 s time-out, 4 tries per mirror with pauses from 1 s doubling up to 30 s.
     *
     * @param files the files to fetch
     * @return the request
     */
    public static FetchRequest of(List<SihFileName> files) {
        return new FetchRequest(
                files,
                List.of(DATASUS),
                DatasusFiles.defaultCache(),
                false,
                2,
                Duration.ofSeconds(60),
                4,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                System.nanoTime(),
                FetchListener.NONE);
    }

    /**
     * {@return the same request for other files}
     *
     * @param newFiles the files to fetch
     */
    public FetchRequest withFiles(List<SihFileName> newFiles) {
        return new FetchRequest(
                newFiles, mirrors, cache, offline, connections, timeout, attempts, backoff, maxBackoff, seed, listener);
    }

    /**
     * {@return the same request with other mirrors, tried in this order}
     *
     * @param newMirrors the servers, tried in order
     */
    public FetchRequest withMirrors(List<URI> newMirrors) {
        return new FetchRequest(
                files, newMirrors, cache, offline, connections, timeout, attempts, backoff, maxBackoff, seed, listener);
    }

    /**
     * {@return the same request with another cache folder}
     *
     * @param newCache the cache folder
     */
    public FetchRequest withCache(Path newCache) {
        return new FetchRequest(
                files, mirrors, newCache, offline, connections, timeout, attempts, backoff, maxBackoff, seed, listener);
    }

    /**
     * {@return the same request, offline (never connecting) or not}
     *
     * @param newOffline whether the fetch never connects
     */
    public FetchRequest withOffline(boolean newOffline) {
        return new FetchRequest(
                files, mirrors, cache, newOffline, connections, timeout, attempts, backoff, maxBackoff, seed, listener);
    }

    /**
     * {@return the same request with another number of files fetched at once}
     *
     * @param newConnections files fetched at once, at least 1
     */
    public FetchRequest withConnections(int newConnections) {
        return new FetchRequest(
                files, mirrors, cache, offline, newConnections, timeout, attempts, backoff, maxBackoff, seed, listener);
    }

    /**
     * {@return the same request with another time-out}
     *
     * @param newTimeout how long a connection or a read may wait
     */
    public FetchRequest withTimeout(Duration newTimeout) {
        return new FetchRequest(
                files, mirrors, cache, offline, connections, newTimeout, attempts, backoff, maxBackoff, seed, listener);
    }

    /**
     * {@return the same request with another retry policy}
     *
     * @param newAttempts tries per mirror, at least 1
     * @param newBackoff the first pause between tries
     * @param newMaxBackoff the longest pause
     * @param newSeed the seed of the pauses' jitter
     */
    public FetchRequest withRetries(int newAttempts, Duration newBackoff, Duration newMaxBackoff, long newSeed) {
        return new FetchRequest(
                files,
                mirrors,
                cache,
                offline,
                connections,
                timeout,
                newAttempts,
                newBackoff,
                newMaxBackoff,
                newSeed,
                listener);
    }

    /**
     * {@return the same request reporting to another listener}
     *
     * @param newListener where notices and progress go
     */
    public FetchRequest withListener(FetchListener newListener) {
        return new FetchRequest(
                files, mirrors, cache, offline, connections, timeout, attempts, backoff, maxBackoff, seed, newListener);
    }

    private static URI checkMirror(URI uri) {
        Objects.requireNonNull(uri, "mirror");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("ftp", "http", "https", "file").contains(scheme)) {
            throw new IllegalArgumentException("a mirror is an ftp://, http(s):// or file: URL, found '" + uri + "'");
        }
        if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isEmpty())) {
            throw new IllegalArgumentException("a mirror URL needs a host, found '" + uri + "'");
        }
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}
