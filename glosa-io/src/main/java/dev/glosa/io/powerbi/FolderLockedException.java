package dev.glosa.io.powerbi;

import java.io.IOException;
import java.nio.file.Path;

/** Thrown when another run holds the lock of the output folder. */
public final class FolderLockedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path folder;

    FolderLockedException(Path folder, String holder) {
        super("another run is writing " + folder + " (lock held " + holder + "); wait for it to finish or write to "
                + "another folder");
        this.folder = folder;
    }

    /** {@return the folder that is locked} */
    public Path folder() {
        return folder;
    }
}
