package dev.glosa.examples.cli;

import dev.glosa.cluster.loop.LoopConfig;
import dev.glosa.cluster.loop.LoopResult;
import dev.glosa.cluster.loop.SegmentLoop;
import dev.glosa.core.result.ClusterProfile;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.SegmentOutcome;
import dev.glosa.core.result.SegmentStatus;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.io.powerbi.CommitPendingException;
import dev.glosa.io.powerbi.FolderLockedException;
import dev.glosa.io.powerbi.OutputFolder;
import dev.glosa.io.powerbi.RunRecord;
import dev.glosa.io.powerbi.StarSchemaWriter;
import dev.glosa.io.powerbi.WriteReport;
import dev.glosa.io.powerbi.WriterOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part of every run after the source: segment and cluster the rows, explain and rank the groups, keep their ids
 * stable against the previous run in the output folder, and write the star schema.
 */
final class Job {
    private Job() {}

    /**
     * What a run did, for the command's summary and for tests.
     *
     * @param written what the folder writer wrote, or {@code null} when the outputs went to a database
     * @param loop the loop's result; its assignments index the clustered rows
     * @param outcomes the outcomes as written; their assignments index the analysed table
     * @param run the run's record
     */
    record Outcome(WriteReport written, LoopResult loop, List<SegmentOutcome> outcomes, RunRecord run) {}

    /**
     * Opens the output folder for the run: refuses an empty path or a file, creates the folder, checks it can be written,
     * finishes a commit a killed run left and takes the lock, so that none of this fails after minutes of work.
     */
    static OutputFolder openOutput(Path out) {
        try {
            return OutputFolder.open(out);
        } catch (FolderLockedException e) {
            throw new CliException(CliException.FAILURE, e.getMessage(), e);
        } catch (IllegalArgumentException | IOException e) {
            throw new CliException(CliException.USAGE, "--out: " + e.getMessage(), e);
        }
    }

    static Outcome run(Prepared in, JobConfig config, String configSha256, Output output, LocalDate asOf,
            int threads, Console console) {
        Path out = output.folder();
        Instant started = Instant.now();
        for (String w : in.warnings()) {
            console.info("warning: " + w);
        }
        // Before the clustering, not at the write: an identifier column found in the data needs a treatment.
        SusCommand.requireIdentifierChoice(config, in.analysed(), in.personalOverrides());
        LoopConfig loopConfig = config.loopConfig(in.defaultFeatures(), in.profileColumns(),
                in.personalOverrides(), threads);
        List<GroupRecord> previous;
        try {
            Files.createDirectories(out);
            previous = output instanceof Output.Database db ? Databases.previousState(db, config, asOf, console)
                    : StarSchemaWriter.previousState(out, asOf);
        } catch (IOException e) {
            throw new CliException(CliException.FAILURE, "cannot read the previous run in " + output.describe() + ": "
                    + e.getMessage(), e);
        }
        GlosaTable clustered = in.clusterRows() == null ? in.analysed() : in.analysed().select(in.clusterRows());
        console.info(String.format("clustering %,d rows (%s, k %d..%d by %s, %d threads)%s", clustered.rowCount(),
                loopConfig.strategy(), loopConfig.kMin(), loopConfig.kMax(), loopConfig.criterion(), threads,
                previous.isEmpty() ? "" : String.format(Locale.ROOT, ", matching %d groups of the previous run",
                        previous.size())));
        LoopResult loop;
        try {
            loop = new SegmentLoop(dev.glosa.cluster.spi.StrategyRegistry.load()).run(clustered, loopConfig, previous,
                    p -> console.progress("segments", p.segmentsDone(), p.segmentsTotal(), p.elapsed().toMillis(),
                            p.remaining() == null ? -1 : p.remaining().toMillis()));
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage(), e);
        }
        warnUnmatchedOverrides(loopConfig, loop, console);
        List<SegmentOutcome> outcomes = remap(loop.outcomes(), in.clusterRows());
        int failed = loop.count(SegmentStatus.FAILED);
        boolean allFailed = failed > 0 && failed == loop.segments().size();
        RunRecord.Status status = allFailed ? RunRecord.Status.FAILED
                : failed > 0 ? RunRecord.Status.PARTIAL : RunRecord.Status.OK;
        RunRecord run = RunRecord.of(asOf, configSha256, started, Instant.now(), in.inputs(), in.rowsIn(),
                in.rowsRejected(), status);
        if (in.reconciliation() != null) {
            run = run.withReconciliation(in.reconciliation());
        }
        WriteReport written = null;
        try {
            WriterOptions writerOptions = config.writerOptions().withPersonalOverrides(in.personalOverrides());
            if (output instanceof Output.Database db) {
                Databases.write(db, config, writerOptions, run, in.analysed(), outcomes, in.indicators(), loop.state(),
                        console);
            } else {
                written = StarSchemaWriter.write(out, run, in.analysed(), outcomes, in.indicators(), loop.state(),
                        writerOptions);
            }
        } catch (FolderLockedException | CommitPendingException e) {
            throw new CliException(CliException.FAILURE, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(CliException.FAILURE, "cannot write the outputs in " + out + ": " + e.getMessage()
                    + "; the previous outputs are unchanged", e);
        }
        summarise(loop, run, output, console);
        if (allFailed) {
            // The money is in the outputs (each failed segment is one group), but a scheduler must see the failure.
            throw new CliException(CliException.FAILURE, "every one of the " + failed + " segments failed; first: "
                    + loop.segments().get(0).reason() + " (outputs written with status failed)");
        }
        return new Outcome(written, loop, outcomes, run);
    }

    /**
     * An override that matches no segment is kept (segments come and go from week to week) but named, since it is
     * just as often a typo in a segment id or a key value.
     */
    private static void warnUnmatchedOverrides(LoopConfig config, LoopResult loop, Console console) {
        for (var o : config.overrides()) {
            boolean matched = false;
            for (var s : loop.segments()) {
                if (o.matches(s.key())) {
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                console.info("warning: the configuration's override of " + o.describe() + " matches no segment of this"
                        + " run; check its segment id or key values against dim_segment.csv");
            }
        }
    }

    /** Assignments index the clustered table; the writer wants rows of the analysed table. */
    private static List<SegmentOutcome> remap(List<SegmentOutcome> outcomes, int[] clusterRows) {
        if (clusterRows == null) {
            return outcomes;
        }
        List<SegmentOutcome> out = new ArrayList<>(outcomes.size());
        for (SegmentOutcome o : outcomes) {
            out.add(o.onRows(clusterRows));
        }
        return out;
    }

    private static void summarise(LoopResult loop, RunRecord run, Output output, Console console) {
        console.println(String.format("run %s (as of %s): %d segments (%d clustered, %d too small, %d failed), %d groups",
                run.runId(), run.asOf(), loop.segments().size(), loop.count(SegmentStatus.CLUSTERED),
                loop.count(SegmentStatus.TOO_SMALL), loop.count(SegmentStatus.FAILED), loop.profiles().size()));
        List<ClusterProfile> ranking = loop.ranking();
        if (!ranking.isEmpty()) {
            console.println("Top groups by money at stake:");
            for (int i = 0; i < Math.min(5, ranking.size()); i++) {
                ClusterProfile p = ranking.get(i);
                console.println(String.format(Locale.ROOT, "  %d. %-18s R$ %,14.2f  %s", p.rankOverall(), p.clusterId(),
                        p.glosaTotal(), p.description()));
            }
        }
        for (var s : loop.segments()) {
            if (s.status() == SegmentStatus.FAILED) {
                console.info("segment " + s.key().describe() + " failed: " + s.reason());
            }
        }
        console.println(output instanceof Output.Database
                ? "Power BI tables in " + output.describe() + " (fact_glosa, dim_segment, dim_cluster, indicators, runs)"
                : "Power BI outputs in " + output.describe()
                + " (fact_glosa.csv, dim_segment.csv, dim_cluster.csv, indicators.csv, runs.csv, manifest.json)");
    }
}
