package dev.glosa.run;

import dev.glosa.cluster.loop.LoopConfig;
import dev.glosa.cluster.loop.LoopResult;
import dev.glosa.cluster.loop.SegmentExecutor;
import dev.glosa.cluster.loop.SegmentLoop;
import dev.glosa.cluster.loop.SegmentOverride;
import dev.glosa.cluster.spi.StrategyRegistry;
import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.result.SegmentStatus;
import dev.glosa.core.run.GlosaSink;
import dev.glosa.core.run.GlosaSource;
import dev.glosa.core.run.RunContext;
import dev.glosa.core.run.RunLog;
import dev.glosa.core.run.RunOutput;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.run.SideTable;
import dev.glosa.core.run.SourceBatch;
import dev.glosa.core.segment.SegmentKey;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.text.KeyNames;
import dev.glosa.core.text.Messages;
import dev.glosa.io.powerbi.CommitPendingException;
import dev.glosa.io.powerbi.FolderLockedException;
import dev.glosa.io.powerbi.WriterOptions;
import dev.glosa.run.spi.Options;
import dev.glosa.run.spi.Sinks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The weekly job: check everything that can be checked, read the source, reconcile or aggregate, segment, cluster,
 * explain and rank the groups, keep their ids stable against last week's, and write the results to the sink.
 *
 * <p>The order is part of the contract: the configuration, the sink (writable, locked), the source (files exist and
 * differ) and the identifier treatment are checked before any row is read, so a mistake is reported in a second
 * whatever the input's size; the identifier treatment of the columns actually read is checked again before the
 * clustering. The command line and the example mains are thin callers of {@link #run}.
 */
public final class WeeklyJob {
    /** The pseudonym key of generated data: it protects nothing, and says so. */
    public static final String DEMO_KEY = "glosa-demo-key-for-generated-data-only";

    private WeeklyJob() {}

    /**
     * Runs the job.
     *
     * @param request the source, the output, the settings and the date of the run
     * @return what the run did
     * @throws GlosaRunException when the run stops: {@link GlosaRunException.Kind#BAD_INPUT} for what was given,
     *     {@link GlosaRunException.Kind#FAILURE} for anything else, with one sentence saying what to do
     */
    public static RunSummary run(RunRequest request) {
        return runWith(request, null);
    }

    /**
     * Runs the job with the segments run by {@code executor} (glosa-spark's executors) instead of local threads;
     * every other step is the same as {@link #run(RunRequest)}'s.
     *
     * @param request the source, the output, the settings and the date of the run
     * @param executor runs the segments' clustering, e.g. on Spark's executors
     * @return what the run did
     */
    public static RunSummary run(RunRequest request, SegmentExecutor executor) {
        return runWith(request, java.util.Objects.requireNonNull(executor, "executor"));
    }

    private static RunSummary runWith(RunRequest request, SegmentExecutor executor) {
        RunConfig given = request.config();
        given.validate();
        RunLog log = request.log();
        GlosaSource source = request.source();
        log.language(given.language());
        RunConfig config = source.generated() ? withDemoKey(given, log) : given;
        WriterOptions identifiers = config.writerOptions().withPersonalOverrides(source.personalOverrides());
        try (GlosaSink sink = open(request.out(), identifiers, config, request.options())) {
            try {
                source.check();
                sink.checkIdentifiers(source.identifierColumns());
            } catch (IllegalArgumentException e) {
                throw GlosaRunException.badInput(e);
            } catch (IOException | UncheckedIOException e) {
                throw GlosaRunException.badInput(e, "error.read", source.describe(), e.getMessage());
            }
            Instant started = Instant.now();
            SourceBatch batch =
                    read(source, new RunContext(request.asOf(), sink.rejectsFile(), log, config.language()));
            Prepared prepared =
                    Preparation.prepare(source.describe(), batch, config, request.asOf(), source.personalOverrides());
            Messages text = Messages.of(config.language());
            if (prepared.reconciliation() != null) {
                log.result(text.text("reconciliation.title"));
                log.result(prepared.reconciliation().summary(text));
                log.result("");
                log.result(text.text("indicators.title"));
                log.result(IndicatorFormat.header(text));
                prepared.indicators().stream()
                        .filter(r -> r.period().isEmpty())
                        .limit(8)
                        .forEach(r -> log.result(IndicatorFormat.line(r, text)));
                log.result("");
            }
            KeyNames names = Names.of(prepared.analysed(), source.names(), config);
            // The fingerprint is of the configuration as given: a demo key is not part of it.
            return cluster(
                    prepared, batch.sideTables(), config, given.fingerprint(), sink, request, started, names, executor);
        } catch (IOException e) {
            throw GlosaRunException.failure(e, "error.close", request.out(), e.getMessage());
        }
    }

    private static GlosaSink open(String out, WriterOptions identifiers, RunConfig config, Options options) {
        GlosaSink sink;
        try {
            sink = Sinks.create(out, identifiers, config, options);
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e);
        }
        try {
            sink.open();
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e, "error.out", e.getMessage());
        } catch (FolderLockedException e) {
            throw GlosaRunException.failure(e.getMessage(), e);
        } catch (IOException e) {
            throw GlosaRunException.failure(e, "error.write", sink.describe(), e.getMessage());
        }
        return sink;
    }

    private static SourceBatch read(GlosaSource source, RunContext context) {
        try {
            return source.read(context);
        } catch (GlosaRunException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e);
        } catch (IOException | UncheckedIOException e) {
            throw GlosaRunException.badInput(e, "error.read", source.describe(), e.getMessage());
        }
    }

    /** Generated data has no patients: unless told otherwise, pseudonymise with a key that is not secret. */
    private static RunConfig withDemoKey(RunConfig c, RunLog log) {
        if (c.identifiers() != null
                || c.pseudonymKey() != null
                || System.getenv(WriterOptions.KEY_ENVIRONMENT_VARIABLE) != null) {
            return c;
        }
        log.info(Messages.of(c.language()).text("demo.key", WriterOptions.KEY_ENVIRONMENT_VARIABLE));
        return c.withPseudonymKey(DEMO_KEY);
    }

    private static RunSummary cluster(
            Prepared in,
            List<SideTable> sideTables,
            RunConfig config,
            String configSha256,
            GlosaSink sink,
            RunRequest request,
            Instant started,
            KeyNames names,
            SegmentExecutor executor) {
        RunLog log = request.log();
        for (String w : in.warnings()) {
            log.info(Messages.of(config.language()).text("warning", w));
        }
        try {
            // Before the clustering, not at the write: an identifier column found in the data needs a treatment.
            sink.checkIdentifiers(in.analysed());
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e);
        }
        LoopConfig loopConfig =
                config.loopConfig(in.defaultFeatures(), in.profileColumns(), in.personalOverrides(), request.threads());
        List<GroupRecord> previous;
        try {
            previous = sink.previousState(request.asOf());
        } catch (IOException | UncheckedIOException e) {
            throw GlosaRunException.failure(e, "error.previousRun", sink.describe(), e.getMessage());
        }
        GlosaTable clustered =
                in.clusterRows() == null ? in.analysed() : in.analysed().select(in.clusterRows());
        Messages words = Messages.of(config.language());
        log.info(words.text(
                        "progress.clustering",
                        words.number(clustered.rowCount()),
                        loopConfig.strategy(),
                        Integer.toString(loopConfig.kMin()),
                        Integer.toString(loopConfig.kMax()),
                        loopConfig.criterion(),
                        Integer.toString(request.threads()))
                + (previous.isEmpty() ? "" : words.text("progress.matching", words.number(previous.size()))));
        LoopResult loop;
        try {
            SegmentLoop segmentLoop = executor == null
                    ? new SegmentLoop(StrategyRegistry.load())
                    : new SegmentLoop(StrategyRegistry.load(), executor);
            loop = segmentLoop.run(
                    clustered,
                    loopConfig,
                    previous,
                    p -> log.progress(
                            words.text("progress.segments"),
                            p.segmentsDone(),
                            p.segmentsTotal(),
                            p.elapsed().toMillis(),
                            p.remaining() == null ? -1 : p.remaining().toMillis()));
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e);
        }
        warnUnmatchedOverrides(loopConfig, loop, log, words);
        List<SegmentResult> outcomes = remap(loop.segments(), in.clusterRows());
        int failed = loop.count(SegmentStatus.FAILED);
        boolean allFailed = failed > 0 && failed == loop.segments().size();
        RunRecord.Status status =
                allFailed ? RunRecord.Status.FAILED : failed > 0 ? RunRecord.Status.PARTIAL : RunRecord.Status.OK;
        RunRecord run = RunRecord.of(
                request.asOf(),
                configSha256,
                started,
                Instant.now(),
                in.inputs(),
                in.rowsIn(),
                in.rowsRejected(),
                status);
        if (in.reconciliation() != null) {
            run = run.withReconciliation(in.reconciliation());
        }
        List<SideTable> tables = new ArrayList<>(sideTables);
        tables.addAll(request.source()
                .groupSideTables(
                        in.analysed(),
                        outcomes.stream().map(SegmentResult::assignment).toList()));
        List<String> written;
        try {
            written = sink.write(
                    new RunOutput(run, in.analysed(), outcomes, in.indicators(), loop.state(), names, tables));
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e);
        } catch (FolderLockedException | CommitPendingException e) {
            throw GlosaRunException.failure(e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw GlosaRunException.failure(e, "error.writeOutputs", sink.describe(), e.getMessage());
        }
        Map<String, Double> previousGlosa = new HashMap<>();
        for (GroupRecord g : previous) {
            previousGlosa.put(g.groupId(), g.glosaAmount());
        }
        summarise(loop, run, written, log, names, previousGlosa, Messages.of(config.language()));
        dev.glosa.run.sources.TissAppealDrafts.writeIfAsked(
                request.options(), request.out(), request.asOf(), in.analysed(), outcomes, log, config.language());
        if (allFailed) {
            // The money is in the outputs (each failed segment is one group), but a scheduler must see the failure.
            throw GlosaRunException.failure(
                    null,
                    "error.allSegmentsFailed",
                    failed,
                    loop.segments().get(0).reason());
        }
        return new RunSummary(run, loop, outcomes, written, config.language(), names);
    }

    /**
     * An override that matches no segment is kept (segments come and go from week to week) but named, since it is
     * just as often a typo in a segment id or a key value.
     */
    private static void warnUnmatchedOverrides(LoopConfig config, LoopResult loop, RunLog log, Messages words) {
        for (SegmentOverride o : config.overrides()) {
            boolean matched = false;
            for (var s : loop.segments()) {
                if (o.matches(s.key())) {
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                log.info(words.text("warning", words.text("warning.override", o.describe())));
            }
        }
    }

    /** Assignments index the clustered table; the writer wants rows of the analysed table. */
    private static List<SegmentResult> remap(List<SegmentResult> outcomes, int[] clusterRows) {
        if (clusterRows == null) {
            return outcomes;
        }
        List<SegmentResult> out = new ArrayList<>(outcomes.size());
        for (SegmentResult o : outcomes) {
            out.add(o.onRows(clusterRows));
        }
        return out;
    }

    private static void summarise(
            LoopResult loop,
            RunRecord run,
            List<String> written,
            RunLog log,
            KeyNames names,
            Map<String, Double> previousGlosa,
            Messages text) {
        log.result(text.text(
                "run.summary",
                run.runId(),
                run.asOf().toString(),
                Integer.toString(loop.segments().size()),
                Integer.toString(loop.count(SegmentStatus.CLUSTERED)),
                Integer.toString(loop.count(SegmentStatus.TOO_SMALL)),
                Integer.toString(loop.count(SegmentStatus.FAILED)),
                Integer.toString(loop.profiles().size())));
        List<GroupProfile> ranking = loop.ranking();
        if (!ranking.isEmpty()) {
            Map<String, SegmentKey> keys = new HashMap<>();
            for (var s : loop.segments()) {
                keys.put(s.segmentId(), s.key());
            }
            TopList.lines(ranking, keys, previousGlosa, names, text).forEach(log::result);
        }
        for (var s : loop.segments()) {
            if (s.status() == SegmentStatus.FAILED) {
                log.info(text.text("segment.failed", s.key().describe(), s.reason()));
            }
        }
        for (String line : written) {
            log.result(line);
        }
    }
}
