package dev.glosa.io.datasus;

import java.time.Duration;
import java.util.Locale;

/** Receives the progress and the notices of a fetch; called from the fetching threads, so it must be thread-safe. */
public interface FetchListener {

    /** A listener that ignores everything. */
    FetchListener NONE = new FetchListener() {
        @Override
        public void notice(String line) {}

        @Override
        public void progress(Progress progress) {}
    };

    /**
     * A one-line notice: a retry, the next mirror, a file taken from the cache and why.
     *
     * @param line the notice, one line
     */
    void notice(String line);

    /**
     * Progress of one file and of the whole fetch; sent at most about once a second per file, and when it ends.
     *
     * @param progress the bytes of the file and of the whole fetch so far
     */
    void progress(Progress progress);

    /**
     * Bytes transferred so far, of one file and of every file being downloaded.
     *
     * @param file the file's name
     * @param fileBytes bytes of the file now in the cache's temporary copy (resumed bytes included)
     * @param fileSize the file's size on the server
     * @param totalBytes bytes transferred in this fetch, all files
     * @param totalSize bytes this fetch has to transfer, as far as known (files not yet asked for are not counted)
     * @param bytesPerSecond the transfer rate of this fetch so far
     * @param left the time left at that rate, or {@code null} if not known yet
     * @param done whether the file is complete
     */
    record Progress(
            String file,
            long fileBytes,
            long fileSize,
            long totalBytes,
            long totalSize,
            double bytesPerSecond,
            Duration left,
            boolean done) {

        /** {@return one line: {@code RDMT2111.dbc 1.2/3.4 MB (35%), all 5.0/12.0 MB, 850 kB/s, ~9s left}} */
        public String describe() {
            return String.format(
                    Locale.ROOT,
                    "%s %s/%s (%d%%), all %s/%s, %s/s, %s",
                    file,
                    bytes(fileBytes),
                    bytes(fileSize),
                    fileSize == 0 ? 100 : fileBytes * 100 / fileSize,
                    bytes(totalBytes),
                    bytes(totalSize),
                    bytes((long) bytesPerSecond),
                    left == null ? "time left unknown" : "~" + seconds(left) + " left");
        }

        private static String bytes(long b) {
            if (b < 1_000) {
                return b + " B";
            }
            if (b < 1_000_000) {
                return String.format(Locale.ROOT, "%.1f kB", b / 1e3);
            }
            return String.format(Locale.ROOT, "%.1f MB", b / 1e6);
        }

        private static String seconds(Duration d) {
            long s = d.toSeconds();
            return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
        }
    }
}
