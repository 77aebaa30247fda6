package dev.glosa.io.datasus;

import dev.glosa.io.sih.SihSystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The files of a fetch, in the order asked for, each a whole file in the cache whose CRC-32 checked.
 *
 * @param files one entry per file asked for
 * @param notices what the reader should know (retries, mirrors skipped, files taken from the cache unchecked)
 */
public record FetchResult(List<File> files, List<String> notices) {

    /**
     * Copies the lists.
     *
     * @param files as {@link #files()}
     * @param notices as {@link #notices()}
     */
    public FetchResult {
        files = List.copyOf(Objects.requireNonNull(files, "files"));
        notices = List.copyOf(Objects.requireNonNull(notices, "notices"));
    }

    /** {@return the local paths, in the order asked for} */
    public List<Path> paths() {
        return files.stream().map(File::path).toList();
    }

    /**
     * {@return the local paths of one group, in the order asked for}
     *
     * @param group RD, RJ, ER or SP
     */
    public List<Path> paths(SihSystem group) {
        return files.stream()
                .filter(f -> f.name().group() == group)
                .map(File::path)
                .toList();
    }

    /** Where a file in the cache came from in this fetch. */
    public enum Origin {
        /** Downloaded (or resumed) in this fetch. */
        DOWNLOADED,
        /** Already in the cache, and the mirror said it has not changed since. */
        CACHE_CURRENT,
        /** Taken from the cache without asking a mirror: offline, or no mirror answered. */
        CACHE_UNCHECKED
    }

    /**
     * One fetched file.
     *
     * @param name the file
     * @param path where it is in the cache
     * @param origin where it came from in this fetch
     * @param mirror the mirror it was downloaded from (now or earlier)
     * @param size its size in bytes
     * @param sha256 its SHA-256, hex
     */
    public record File(SihFileName name, Path path, Origin origin, String mirror, long size, String sha256) {
        /**
         * Checks the values.
         *
         * @param name as {@link #name()}
         * @param path as {@link #path()}
         * @param origin as {@link #origin()}
         * @param mirror as {@link #mirror()}
         * @param size as {@link #size()}
         * @param sha256 as {@link #sha256()}
         */
        public File {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(origin, "origin");
        }
    }
}
