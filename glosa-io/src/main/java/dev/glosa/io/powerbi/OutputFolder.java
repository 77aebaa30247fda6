package dev.glosa.io.powerbi;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An output folder checked and locked for one run, from before any data is read until the run ends.
 *
 * <p>{@link #open(Path)} does at once what a run would otherwise find out only when it writes, minutes later: it
 * refuses an empty path or a path that is a file, creates the folder, checks that it can write there (a probe file is
 * written and deleted), takes the folder's lock, finishes a commit a killed run left half done, and deletes the
 * temporary files such a run left. The lock is held until {@link #close()}; the writer and the readers of this class
 * used on the same folder in this process while it is open work under it instead of refusing.
 *
 * <pre>{@code
 * try (OutputFolder out = OutputFolder.open(Path.of("out"))) {
 *     // read, cluster ...
 *     StarSchemaWriter.write(out.path(), run, analysed, outcomes, indicators, state, options);
 * }
 * }</pre>
 */
public final class OutputFolder implements AutoCloseable {
    private static final Map<Path, OutputFolder> OPEN = new ConcurrentHashMap<>();

    private final Path path;
    private final Path key;
    private final FolderLock lock;
    /** One write or read at a time through the open folder: a second would delete the first one's temporary files. */
    private final ReentrantLock busy;

    private OutputFolder(Path path, Path key, FolderLock lock, ReentrantLock busy) {
        this.path = path;
        this.key = key;
        this.lock = lock;
        this.busy = busy;
    }

    /**
     * Checks, creates and locks {@code folder} for a run.
     *
     * @param folder the output folder
     * @return the folder, locked until closed
     * @throws IllegalArgumentException if the path is empty or names an existing file
     * @throws FolderLockedException if another run (in this or another process) holds the folder
     * @throws IOException if the folder cannot be created or written, or a half-done commit cannot be finished; the
     *     message says which and what to do
     */
    public static OutputFolder open(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        if (folder.toString().isEmpty()) {
            throw new IllegalArgumentException("the output folder is an empty path; name the folder to write the Power "
                    + "BI tables into (it is created if missing)");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                    "the output folder " + folder + " is an existing file, not a folder; name "
                            + "a folder (it is created if missing) or move the file away");
        }
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(
                    "cannot create the output folder " + folder + ": " + e.getFile() + " is a file; name "
                            + "another folder",
                    e);
        } catch (IOException e) {
            throw new IOException(
                    "cannot create the output folder " + folder + " (" + reason(e) + "); name a folder this "
                            + "user can create, or create it first",
                    e);
        }
        probe(folder);
        Path key = folder.toRealPath();
        FolderLock lock = FolderLock.acquire(folder);
        OutputFolder out = new OutputFolder(folder, key, lock, new ReentrantLock());
        try {
            out.prepare();
        } catch (IOException | RuntimeException e) {
            try {
                lock.close();
            } catch (IOException c) {
                e.addSuppressed(c);
            }
            throw e;
        }
        OPEN.put(key, out);
        return out;
    }

    /**
     * The folder open in this process, as a handle whose {@link #close()} keeps it open; otherwise the folder opened
     * (and closed by the caller) for one write or read.
     */
    static OutputFolder borrow(Path folder) throws IOException {
        OutputFolder held = held(folder);
        if (held == null) {
            return open(folder);
        }
        held.busy.lock();
        try {
            held.prepare();
        } catch (IOException | RuntimeException e) {
            held.busy.unlock();
            throw e;
        }
        return new OutputFolder(held.path, null, null, held.busy);
    }

    /** The folder's open handle in this process, or {@code null}. */
    private static OutputFolder held(Path folder) {
        if (OPEN.isEmpty() || !Files.isDirectory(folder)) {
            return null;
        }
        try {
            return OPEN.get(folder.toRealPath());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Finishes a commit a killed run left in {@code folder}, if there is one, under the folder's lock; a reader calls
     * this before reading so that it never sees half a commit.
     */
    @SuppressWarnings("try") // borrowing the folder is the work; the resource is never called
    static void finishPendingCommit(Path folder) throws IOException {
        if (Commit.pending(folder)) {
            try (OutputFolder f = borrow(folder)) {
                // borrowing finishes the commit
            }
        }
    }

    private void prepare() throws IOException {
        Commit.recover(path);
        LegacyNames.upgrade(path);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(path, ".*" + WriteJob.TEMP_SUFFIX)) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void probe(Path folder) throws IOException {
        Path probe = folder.resolve(".glosa-probe-" + ProcessHandle.current().pid());
        try {
            Files.writeString(probe, "glosa checks it can write here\n");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IOException(
                    "cannot write in the output folder " + folder + " (" + reason(e) + "); choose a folder "
                            + "this user can write, or fix its permissions",
                    e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder, and it cannot be created there";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** {@return the folder} */
    public Path path() {
        return path;
    }

    /** Releases the lock (a borrowed handle only lets the next write or read through). */
    @Override
    public void close() throws IOException {
        if (lock != null) {
            OPEN.remove(key, this);
            lock.close();
        } else {
            busy.unlock();
        }
    }
}
