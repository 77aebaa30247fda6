package dev.glosa.io.powerbi;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The lock that keeps two runs from writing one folder: an OS lock ({@link FileChannel#tryLock}) on
 * {@value #FILE} in the folder, released by the OS if the process dies.
 *
 * <p>The lock covers one byte far past the file's end, not its text, because Windows locks are mandatory: a second run
 * must still be able to read who holds the lock. The file is never deleted: deleting it while another run has it open
 * would let a third run lock a fresh file beside the held one.
 */
final class FolderLock implements AutoCloseable {
    static final String FILE = ".glosa.lock";
    private static final long REGION = 1L << 30;

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code folder}, creating it if needed.
     *
     * @throws FolderLockedException if another run (in this or another process) holds the lock
     */
    static FolderLock acquire(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE);
        FileChannel ch =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock(REGION, 1, false);
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            String holder = holder(ch);
            ch.close();
            throw new FolderLockedException(folder, holder);
        }
        try {
            ch.truncate(0);
            String info = "since " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " by pid "
                    + ProcessHandle.current().pid() + " on " + hostName() + "\n";
            ch.write(ByteBuffer.wrap(info.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
        } catch (IOException e) {
            lock.release();
            ch.close();
            throw e;
        }
        return new FolderLock(ch, lock);
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(512);
            int n = ch.read(buf, 0);
            String text = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "by an unknown run" : text;
        } catch (IOException e) {
            return "by an unknown run";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "an unknown host";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
