package dev.glosa.io.powerbi;

import dev.glosa.core.run.RunRecord;
import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.SegmentOutcome;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One write of the star schema: validate, lock, write every table to a temporary file, then rename them all.
 *
 * <p>Nothing visible changes until every temporary file is complete and forced to disk, so a failure or a kill before
 * the renames leaves the earlier outputs as they were; temporary files a killed run left behind are deleted by the
 * next run. The renames go fact first and {@code runs.csv} last, so a dashboard that sees the new run in
 * {@code runs.csv} finds its rows in every other table. Renames are atomic one file at a time, not as a set: if one
 * fails half-way (a full disk cannot cause it, a file held open on Windows can) each table is complete but some hold
 * the new run and {@code runs.csv} still the old; writing the same {@code as_of} again repairs the folder.
 */
final class WriteJob {
    static final String TEMP_SUFFIX = ".glosa-tmp";

    /** A test seam called after each temporary file is complete; throwing from it simulates a crash. */
    interface Hook {
        Hook NONE = file -> {};

        void tempWritten(String file) throws IOException;
    }

    private WriteJob() {}

    private record Planned(String file, String oneRowPer, List<String> key, Tables.Built built) {}

    @SuppressWarnings("try") // the lock is held for the body, never called
    static WriteReport write(Path folder, RunRecord run, GlosaTable analysed, List<SegmentOutcome> outcomes,
            List<IndicatorRow> indicators, WriterOptions options, Map<String, String> environment, Hook hook)
            throws IOException {
        return write(folder, run, analysed, outcomes, indicators, null, options, environment, hook);
    }

    static WriteReport write(Path folder, RunRecord run, GlosaTable analysed, List<SegmentOutcome> outcomes,
            List<IndicatorRow> indicators, List<GroupRecord> state, WriterOptions options,
            Map<String, String> environment, Hook hook) throws IOException {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(analysed, "analysed");
        Objects.requireNonNull(options, "options");
        outcomes = List.copyOf(outcomes);
        indicators = List.copyOf(indicators);

        Identifiers ids = Identifiers.resolve(options, environment,
                Tables.identifierColumns(analysed, outcomes, options));
        int clusters = 0;
        for (SegmentOutcome o : outcomes) {
            clusters += o.profiles().size();
        }
        double glosaTotal = analysed.has(Role.GLOSA_AMOUNT) ? analysed.doubles(Role.GLOSA_AMOUNT).sum() : Double.NaN;
        Manifest.RunCounts counts = new Manifest.RunCounts(outcomes.size(), clusters, analysed.rowCount(), glosaTotal);
        String asOf = run.asOf().toString();
        List<Planned> plan = new ArrayList<>(List.of(
                new Planned(StarSchemaWriter.FACT_GLOSA, "analysed row", List.of("as_of", "row order"),
                        Tables.fact(run, analysed, outcomes, ids)),
                new Planned(StarSchemaWriter.DIM_SEGMENT, "segment", List.of("as_of", "segment_id"),
                        Tables.segments(run, outcomes, ids)),
                new Planned(StarSchemaWriter.DIM_CLUSTER, "group", List.of("as_of", "segment_id", "cluster_id"),
                        Tables.clusters(run, outcomes)),
                new Planned(StarSchemaWriter.INDICATORS, "scope x period", List.of("as_of", "scope", "scope_key",
                        "period"), Tables.indicators(run, indicators)),
                new Planned(StarSchemaWriter.RUNS, "run", List.of("as_of"), Tables.runs(run, counts, ids))));
        if (state != null) {
            plan.add(plan.size() - 1, new Planned(StarSchemaWriter.GROUP_STATE, "tracked group",
                    List.of("as_of", "segment_id", "cluster_id"), Tables.groupState(run, state)));
        }

        try (FolderLock lock = FolderLock.acquire(folder)) {
            deleteStaleTemps(folder);
            Manifest.Previous previous = Manifest.read(folder.resolve(StarSchemaWriter.MANIFEST));
            String keyId = ids.keyId();
            if (keyId != null && previous.keyId() != null && !keyId.equals(previous.keyId())) {
                throw new IllegalArgumentException("the pseudonym key differs from the one earlier runs in " + folder
                        + " used (key id " + keyId + ", earlier " + previous.keyId() + "), so the same patient would get "
                        + "two pseudonyms; use the earlier key or write to a new folder");
            }
            Map<String, Path> temps = new LinkedHashMap<>();
            try {
                List<WriteReport.TableReport> reports = new ArrayList<>();
                List<Manifest.Table> described = new ArrayList<>();
                for (Planned p : plan) {
                    Path temp = temp(folder, p.file());
                    temps.put(p.file(), temp);
                    HistoryFile.Result r = HistoryFile.merge(folder.resolve(p.file()), temp, p.built().columns(),
                            p.built().rows(), asOf, previous.of(p.file()));
                    reports.add(new WriteReport.TableReport(p.file(), r.written(), r.replaced(), r.total()));
                    described.add(new Manifest.Table(p.file(), p.oneRowPer(), p.key(), r.header(), r.total()));
                    hook.tempWritten(p.file());
                }
                Path manifestTemp = temp(folder, StarSchemaWriter.MANIFEST);
                temps.put(StarSchemaWriter.MANIFEST, manifestTemp);
                writeText(manifestTemp, Manifest.text(run, counts,
                        new Manifest.Identifiers(ids.policyName(), ids.present(), keyId), described));
                hook.tempWritten(StarSchemaWriter.MANIFEST);

                // runs.csv last: it announces the run
                List<String> order = new ArrayList<>(temps.keySet());
                order.remove(StarSchemaWriter.RUNS);
                order.add(StarSchemaWriter.RUNS);
                for (String file : order) {
                    move(temps.get(file), folder.resolve(file));
                    temps.remove(file);
                }
                reports.add(new WriteReport.TableReport(StarSchemaWriter.MANIFEST, 1, 0, 1));
                return new WriteReport(folder, run.runId(), reports);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(temps.values(), e);
                throw e;
            }
        }
    }

    /** Removes the temporary files of a failed write; a failure to remove one must not hide why the write failed. */
    private static void deleteQuietly(Iterable<Path> temps, Exception cause) {
        for (Path t : temps) {
            try {
                Files.deleteIfExists(t);
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }

    static Path temp(Path folder, String file) {
        return folder.resolve("." + file + TEMP_SUFFIX);
    }

    private static void writeText(Path file, String text) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /**
     * Renames {@code from} over {@code to}, atomically where the file system can. On Windows a dashboard that is reading
     * the old file blocks the rename for a moment, so a refused rename is retried for about three seconds.
     */
    private static void move(Path from, Path to) throws IOException {
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
                    throw new IOException("cannot replace " + to + " (is a program holding it open?): " + e.getMessage(), e);
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

    private static void deleteStaleTemps(Path folder) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "." + "*" + TEMP_SUFFIX)) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        }
    }
}
