package dev.glosa.io.powerbi;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Puts a run's complete temporary files in place as one step, through a journal.
 *
 * <p>Each rename is atomic, a set of renames is not: a run killed between two of them would leave some tables of the
 * new week beside others of the old. So before the first rename the list of renames is written to
 * {@value #JOURNAL}, forced to disk and published with one atomic rename; then the tables are renamed and the journal
 * is deleted. Whoever opens the folder next (a writer, or a reader of the previous run) and finds the journal
 * finishes the renames it lists, whose temporary files are complete and on disk, before doing anything else. A crash
 * before the journal is published leaves the old week, since the stale temporary files are then deleted; a crash
 * after it leaves the new week. The caller must hold the folder's lock.
 */
final class Commit {
    /** The journal of a commit under way. */
    static final String JOURNAL = ".glosa-commit";

    private static final String HEADER = "glosa commit journal 1";
    private static final String END = "end";
    private static final Set<String> TABLES = Set.of(
            StarSchemaWriter.FACT_GLOSA,
            StarSchemaWriter.DIM_SEGMENT,
            StarSchemaWriter.DIM_GROUP,
            LegacyNames.DIM_CLUSTER,
            StarSchemaWriter.INDICATORS,
            StarSchemaWriter.GROUP_STATE,
            StarSchemaWriter.RUNS,
            StarSchemaWriter.MANIFEST,
            DimensionTables.HOSPITAL,
            DimensionTables.PAYER,
            DimensionTables.GLOSA_TYPE,
            DimensionTables.DATE,
            DimensionTables.RUN);

    /** A source's side table ({@code fact_appeal.csv}, ...), named as {@code SideTable} allows. */
    private static final java.util.regex.Pattern SIDE_TABLE =
            java.util.regex.Pattern.compile("[a-z][a-z0-9_]{0,62}\\.csv");

    /** Told after each step of a commit; a test throws or blocks there to play a crash. */
    interface Steps {
        void after(String step) throws IOException;
    }

    private Commit() {}

    /** Whether {@code file} is one a commit may rename into place: a table of the star schema or a side table. */
    private static boolean isTable(String file) {
        return TABLES.contains(file) || SIDE_TABLE.matcher(file).matches();
    }

    /** Whether {@code folder} holds the journal of an unfinished commit. */
    static boolean pending(Path folder) {
        return Files.exists(folder.resolve(JOURNAL));
    }

    /**
     * Renames every {@code files} temporary file ({@link WriteJob#temp}) over its table, in the order given, as one
     * step. When a rename fails after the journal is published the renames are retried once; if that fails too the
     * journal stays for the next opener and an {@link IOException} says so.
     */
    static void apply(Path folder, String runId, List<String> files, Steps steps) throws IOException {
        Path journalTemp = folder.resolve(JOURNAL + WriteJob.TEMP_SUFFIX);
        StringBuilder text = new StringBuilder(HEADER)
                .append('\n')
                .append("run_id\t")
                .append(runId)
                .append('\n');
        for (String f : files) {
            if (!isTable(f)) {
                throw new IllegalStateException("not a table of the star schema: " + f);
            }
            text.append("rename\t")
                    .append(WriteJob.temp(folder, f).getFileName())
                    .append('\t')
                    .append(f)
                    .append('\n');
        }
        text.append(END).append('\n');
        try {
            writeForced(journalTemp, text.toString());
            steps.after("journal written");
            move(journalTemp, folder.resolve(JOURNAL));
            syncFolder(folder);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(journalTemp);
            } catch (IOException d) {
                e.addSuppressed(d);
            }
            throw e;
        }
        try {
            steps.after("journal published");
            for (String f : files) {
                move(WriteJob.temp(folder, f), folder.resolve(f));
                steps.after("renamed " + f);
            }
            finish(folder);
            steps.after("journal removed");
        } catch (IOException | RuntimeException e) {
            try {
                recover(folder);
            } catch (IOException again) {
                e.addSuppressed(again);
                throw new CommitPendingException(
                        "the tables of run " + runId + " are complete but not all in place in " + folder
                                + " (" + e.getMessage() + "); the next run or reader of the folder puts them in place ("
                                + JOURNAL + " lists them)",
                        e);
            }
        }
    }

    /**
     * Finishes the commit a crashed run left in {@code folder}, if any: renames every listed temporary file that is
     * still there, then deletes the journal.
     *
     * @throws IOException if a rename fails or the journal is not one glosa wrote, naming the journal's line
     */
    static void recover(Path folder) throws IOException {
        Path journal = folder.resolve(JOURNAL);
        if (!Files.exists(journal)) {
            return;
        }
        List<String[]> renames = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            int n = 1;
            if (!HEADER.equals(line)) {
                throw bad(journal, n, "not a glosa commit journal");
            }
            boolean ended = false;
            while ((line = r.readLine()) != null) {
                n++;
                String[] parts = line.split("\t", -1);
                if (line.equals(END)) {
                    ended = true;
                } else if (ended) {
                    throw bad(journal, n, "text after the end line");
                } else if (parts.length == 3 && parts[0].equals("rename")) {
                    if (!(TABLES.contains(parts[2])
                                    || SIDE_TABLE.matcher(parts[2]).matches())
                            || !parts[1].equals(WriteJob.temp(folder, parts[2])
                                    .getFileName()
                                    .toString())) {
                        throw bad(journal, n, "not a rename of a star-schema table: '" + line + "'");
                    }
                    renames.add(parts);
                } else if (!(parts.length == 2 && parts[0].equals("run_id"))) {
                    throw bad(journal, n, "unreadable line '" + line + "'");
                }
            }
            if (!ended) {
                throw bad(journal, n, "the journal is cut short (was the disk full or damaged?)");
            }
        }
        for (String[] rename : renames) {
            Path temp = folder.resolve(rename[1]);
            // a temp already gone was renamed before the crash
            if (Files.exists(temp)) {
                move(temp, folder.resolve(rename[2]));
            }
        }
        finish(folder);
    }

    private static IOException bad(Path journal, int line, String what) {
        return new IOException(journal + ":" + line + ": " + what + "; the tables may hold two runs: move the journal "
                + "away and re-run the latest week");
    }

    private static void finish(Path folder) throws IOException {
        syncFolder(folder);
        Files.deleteIfExists(folder.resolve(JOURNAL));
        syncFolder(folder);
    }

    static void writeForced(Path file, String text) throws IOException {
        try (FileChannel ch = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** Forces the folder's entries (the renames) to disk where the platform can open a folder; Windows cannot. */
    static void syncFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // NTFS journals its own renames; there is nothing more to force
        }
    }

    /**
     * Renames {@code from} over {@code to}, atomically where the file system can. On Windows a dashboard that is reading
     * the old file blocks the rename for a moment, so a refused rename is retried for about three seconds.
     */
    static void move(Path from, Path to) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                try {
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
                return;
            } catch (AccessDeniedException e) {
                if (attempt == 6) {
                    throw new IOException(
                            "cannot replace " + to + " (is a program holding it open?): " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(50L << attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while replacing " + to, ie);
                }
            }
        }
    }
}
