package dev.glosa.io.datasus;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The lock of one cached file, held while it is checked or fetched: an OS lock on {@code NAME.lock} beside it, so two
 * processes filling one cache take turns, and a lock in this JVM, because the OS lock is per process.
 *
 * <p>The lock file is never deleted: deleting it while another process holds it would let a third lock a new one.
 */
final class CacheLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 50;

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private CacheLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code file}, waiting for another thread or process that holds it (said once to {@code waiting}). */
    static CacheLock acquire(Path file, Consumer<String> waiting) throws IOException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock")
                .toAbsolutePath()
                .normalize();
        ReentrantLock local = LOCAL.computeIfAbsent(lockFile, k -> new ReentrantLock());
        if (!local.tryLock()) {
            waiting.accept("waiting for another fetch of " + file.getFileName() + " into the cache");
            local.lock();
        }
        FileChannel ch = null;
        try {
            Files.createDirectories(lockFile.getParent());
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fl = ch.tryLock();
            if (fl == null) {
                waiting.accept("waiting for another process fetching " + file.getFileName() + " into the cache");
            }
            // Polling, not a blocking lock: the kernel tracks POSIX locks per process, so two processes each
            // holding one file for one thread and waiting for another would look like a deadlock (EDEADLK).
            while (fl == null) {
                Thread.sleep(POLL_MILLIS);
                fl = ch.tryLock();
            }
            return new CacheLock(local, ch, fl);
        } catch (InterruptedException e) {
            ch.close();
            local.unlock();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the lock of " + file);
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                ch.close();
            }
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            local.unlock();
        }
    }
}
