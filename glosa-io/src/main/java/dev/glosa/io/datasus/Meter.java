package dev.glosa.io.datasus;

import java.time.Duration;

/** Counts the bytes of a fetch, for every file at once, and sends progress to the listener. */
final class Meter {
    private static final long EVERY_NANOS = 1_000_000_000L;

    private final FetchListener listener;
    private final long start = System.nanoTime();
    private long totalBytes;
    private long totalSize;

    Meter(FetchListener listener) {
        this.listener = listener;
    }

    /** One file's transfer, starting at {@code offset} of {@code size} bytes. */
    File file(String name, long offset, long size) {
        synchronized (this) {
            totalSize += size - offset;
        }
        return new File(name, offset, size);
    }

    private synchronized FetchListener.Progress snapshot(File f, boolean done) {
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = seconds > 0 ? totalBytes / seconds : 0;
        Duration left = rate > 0 ? Duration.ofMillis((long) ((totalSize - totalBytes) / rate * 1000)) : null;
        return new FetchListener.Progress(f.name, f.bytes, f.size, totalBytes, totalSize, rate, left, done);
    }

    /** The transfer of one file. */
    final class File {
        private final String name;
        private final long size;
        private final long offset;
        private long bytes;
        private long lastSent;

        private File(String name, long offset, long size) {
            this.name = name;
            this.offset = offset;
            this.size = size;
            this.bytes = offset;
            this.lastSent = System.nanoTime();
        }

        void written(int n) {
            bytes += n;
            synchronized (Meter.this) {
                totalBytes += n;
            }
            long now = System.nanoTime();
            if (now - lastSent >= EVERY_NANOS && bytes < size) {
                lastSent = now;
                listener.progress(snapshot(this, false));
            }
        }

        /** The transfer ended (whole or not); bytes announced but not received leave the total. */
        void end(boolean whole) {
            synchronized (Meter.this) {
                totalSize -= size - bytes;
            }
            if (whole) {
                listener.progress(snapshot(this, true));
            }
        }

        long offset() {
            return offset;
        }
    }
}
