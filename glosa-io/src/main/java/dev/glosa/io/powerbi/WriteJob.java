package dev.glosa.io.powerbi;

import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.run.SideTable;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.text.KeyNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One write of the star schema: validate, lock, write every table to a temporary file, then put them all in place as
 * one step ({@link Commit}).
 *
 * <p>Nothing visible changes until every temporary file is complete and forced to disk, so a failure or a kill before
 * the commit leaves the earlier outputs as they were; temporary files a killed run left behind are deleted by the
 * next run. The commit's journal makes the renames one step: a run killed between two of them is completed by whoever
 * opens the folder next, before it reads or writes anything. The renames go fact first and {@code runs.csv} last, so
 * a dashboard refreshing during the renames that sees the new run in {@code runs.csv} finds its rows in every other
 * table.
 */
final class WriteJob {
    static final String TEMP_SUFFIX = ".glosa-tmp";

    /** A test seam called after each temporary file is complete and after each step of the commit. */
    interface Hook {
        Hook NONE = file -> {};

        /** Throwing here plays a failed write: the temporary files are deleted. */
        void tempWritten(String file) throws IOException;

        /** After a step of the commit ({@code "journal written"}, {@code "renamed runs.csv"}, ...). */
        default void committed(String step) throws IOException {}
    }

    private WriteJob() {}

    static WriteReport write(
            Path folder,
            RunRecord run,
            GlosaTable analysed,
            List<SegmentResult> outcomes,
            List<IndicatorRow> indicators,
            WriterOptions options,
            Map<String, String> environment,
            Hook hook)
            throws IOException {
        return write(folder, run, analysed, outcomes, indicators, null, options, environment, hook);
    }

    static WriteReport write(
            Path folder,
            RunRecord run,
            GlosaTable analysed,
            List<SegmentResult> outcomes,
            List<IndicatorRow> indicators,
            List<GroupRecord> state,
            WriterOptions options,
            Map<String, String> environment,
            Hook hook)
            throws IOException {
        return write(
                folder,
                run,
                analysed,
                outcomes,
                indicators,
                state,
                List.of(),
                options,
                KeyNames.none(),
                environment,
                hook);
    }

    @SuppressWarnings("try") // the folder is held for the body, never called
    static WriteReport write(
            Path folder,
            RunRecord run,
            GlosaTable analysed,
            List<SegmentResult> outcomes,
            List<IndicatorRow> indicators,
            List<GroupRecord> state,
            List<SideTable> sideTables,
            WriterOptions options,
            KeyNames names,
            Map<String, String> environment,
            Hook hook)
            throws IOException {
        Objects.requireNonNull(folder, "folder");
        RunTables tables = RunTables.of(run, analysed, outcomes, indicators, state, sideTables, options, environment);
        Identifiers ids = tables.ids;
        Manifest.RunCounts counts = tables.counts;
        String asOf = run.asOf().toString();
        List<RunTables.Planned> plan = tables.plan;

        try (OutputFolder open = OutputFolder.borrow(folder)) {
            Manifest.Previous previous = Manifest.read(folder.resolve(StarSchemaWriter.MANIFEST));
            String keyId = ids.keyId();
            if (keyId != null && previous.keyId() != null && !keyId.equals(previous.keyId())) {
                throw new IllegalArgumentException("the pseudonym key differs from the one earlier runs in " + folder
                        + " used (key id " + keyId + ", earlier " + previous.keyId()
                        + "), so the same patient would get "
                        + "two pseudonyms; use the earlier key or write to a new folder");
            }
            Map<String, Path> temps = new LinkedHashMap<>();
            try {
                List<WriteReport.TableReport> reports = new ArrayList<>();
                List<Manifest.Table> described = new ArrayList<>();
                for (RunTables.Planned p : plan) {
                    Path temp = temp(folder, p.file());
                    temps.put(p.file(), temp);
                    // Only the facts are bounded: they repeat every claim each week; the rest is small.
                    int keep = p.file().equals(StarSchemaWriter.FACT_GLOSA) ? options.keepWeeks() : 0;
                    HistoryFile.Result r = HistoryFile.merge(
                            folder.resolve(p.file()),
                            temp,
                            p.built().columns(),
                            p.built().rows(),
                            asOf,
                            previous.of(p.file()),
                            keep,
                            options.bom());
                    reports.add(new WriteReport.TableReport(p.file(), r.written(), r.replaced(), r.total()));
                    described.add(new Manifest.Table(p.file(), p.oneRowPer(), p.key(), r.header(), r.total()));
                    hook.tempWritten(p.file());
                }
                for (DimensionTables.Dimension d : DimensionTables.of(run, analysed, indicators, names)) {
                    Path temp = temp(folder, d.file());
                    temps.put(d.file(), temp);
                    long total = DimensionTables.write(folder.resolve(d.file()), temp, d, options.bom());
                    reports.add(new WriteReport.TableReport(d.file(), d.rows().size(), 0, total));
                    described.add(new Manifest.Table(
                            d.file(), d.oneRowPer(), List.of(d.header().get(0)), d.columns(), total));
                    hook.tempWritten(d.file());
                }
                Path manifestTemp = temp(folder, StarSchemaWriter.MANIFEST);
                temps.put(StarSchemaWriter.MANIFEST, manifestTemp);
                Commit.writeForced(
                        manifestTemp,
                        Manifest.text(
                                run,
                                counts,
                                new Manifest.Identifiers(ids.policyName(), ids.present(), keyId),
                                described));
                hook.tempWritten(StarSchemaWriter.MANIFEST);

                // runs.csv last: it announces the run
                List<String> order = new ArrayList<>(temps.keySet());
                order.remove(StarSchemaWriter.RUNS);
                order.add(StarSchemaWriter.RUNS);
                Commit.apply(folder, run.runId(), order, hook::committed);
                temps.clear();
                reports.add(new WriteReport.TableReport(StarSchemaWriter.MANIFEST, 1, 0, 1));
                return new WriteReport(folder, run.runId(), reports);
            } catch (IOException | RuntimeException e) {
                if (!Commit.pending(folder)) {
                    deleteQuietly(temps.values(), e);
                }
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
}
