package dev.glosa.io.powerbi;

import java.nio.file.Path;

/** Holds the lock of a folder from another process until its standard input closes; used by the lock tests. */
final class LockHolderMain {
    private LockHolderMain() {}

    @SuppressWarnings("try")
    public static void main(String[] args) throws Exception {
        try (FolderLock lock = FolderLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our input
            }
        }
    }
}
