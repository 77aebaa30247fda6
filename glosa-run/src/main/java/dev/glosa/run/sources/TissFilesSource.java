package dev.glosa.run.sources;

import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.run.GlosaSource;
import dev.glosa.core.run.RunContext;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.run.SideTable;
import dev.glosa.core.run.SourceBatch;
import dev.glosa.core.run.SourceRows;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.text.InputError;
import dev.glosa.core.text.Messages;
import dev.glosa.io.tiss.AppealCycle;
import dev.glosa.io.tiss.RecoveryRate;
import dev.glosa.io.tiss.TissColumns;
import dev.glosa.io.tiss.TissFormatException;
import dev.glosa.io.tiss.TissInput;
import dev.glosa.io.tiss.TissReadResult;
import dev.glosa.io.tiss.TissReader;
import dev.glosa.run.GlosaRunException;
import dev.glosa.run.RunConfig;
import dev.glosa.run.spi.Options;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TISS XML demonstrativos de análise de conta (and recursos de glosa with the operators' answers), from files or
 * folders read recursively in path order. DTDs and external entities are refused.
 */
public final class TissFilesSource implements GlosaSource {
    private final List<Path> paths;
    private final AppealCycle.Deadlines deadlines;
    private List<Path> files;

    /**
     * The files and folders to read, with the default appeal deadlines.
     *
     * @param paths demonstrativo and appeal files, or folders read recursively
     */
    public TissFilesSource(List<Path> paths) {
        this(paths, RunConfig.defaults().appeals().deadlines());
    }

    /**
     * The files and folders to read, and the days each operator allows for an appeal ({@code appeal_pending}'s
     * deadlines).
     *
     * @param paths demonstrativo and appeal files, or folders read recursively
     * @param deadlines the days after the demonstrativo each operator allows for an appeal
     */
    public TissFilesSource(List<Path> paths, AppealCycle.Deadlines deadlines) {
        this.paths = List.copyOf(paths);
        this.deadlines = java.util.Objects.requireNonNull(deadlines, "deadlines");
    }

    @Override
    public String describe() {
        return "TISS files in " + paths;
    }

    /** Lists the files; none is an error, not an empty week; two with the same content are refused. */
    @Override
    public void check() throws IOException {
        if (paths.isEmpty()) {
            throw new InputError(null, "error.inRequired", "tiss");
        }
        List<TissInput> inputs;
        try {
            inputs = TissInput.expand(paths.toArray(new Path[0]));
        } catch (NoSuchFileException e) {
            throw new InputError(e, "error.fileNotFound", e.getFile());
        }
        if (inputs.isEmpty()) {
            throw new InputError(null, "error.noTissFiles", paths);
        }
        List<Path> out = new ArrayList<>();
        for (TissInput i : inputs) {
            out.add(Path.of(i.name()));
        }
        InputFiles.requireDistinct(out);
        files = out;
    }

    /** Guide numbers lead back to a patient's stay. */
    @Override
    public List<String> identifierColumns() {
        return List.of(TissColumns.GUIDE_NUMBER);
    }

    /**
     * {@return the 4.03 observacao columns are free text that may name a patient: personal, whatever their names say}
     */
    @Override
    public java.util.Map<String, Boolean> personalOverrides() {
        return java.util.Map.of(TissColumns.GUIDE_OBSERVATION, true, TissColumns.STATEMENT_OBSERVATION, true);
    }

    @Override
    public SourceBatch read(RunContext context) throws IOException {
        if (files == null) {
            check();
        }
        TissReadResult read;
        try {
            read = TissReader.read(files.toArray(new Path[0]));
        } catch (NoSuchFileException e) {
            throw GlosaRunException.badInput(e, "error.fileNotFound", e.getFile());
        } catch (TissFormatException e) {
            throw GlosaRunException.badInput(e, "error.tissFormat", e.getMessage());
        }
        Messages text = Messages.of(context.language());
        context.log()
                .info(text.text(
                        "read.tiss",
                        text.number(read.table().rowCount()),
                        Integer.toString(read.report().files().size()),
                        Integer.toString(read.report().mismatches().size())));
        for (String w : read.report().warnings()) {
            context.log().info(Messages.of(context.language()).text("warning", w));
        }
        logCodes(context, text.text("read.tiss.unknown"), read.report().unknownReasonCodes());
        logCodes(context, text.text("read.tiss.expired"), read.report().expiredReasonCodes());
        logCodes(context, text.text("read.tiss.retired"), read.report().retiredReasonCodes());
        for (RecoveryRate r : read.recoveryRates()) {
            context.log()
                    .info(text.text(
                            "read.tiss.recovery",
                            String.join(" · ", r.key()),
                            text.money(r.glosaAmount()),
                            Integer.toString(r.glosaRows()),
                            text.money(r.appealedAmount()),
                            Integer.toString(r.appealedRows()),
                            text.money(r.recoveredAmount()),
                            Integer.toString(r.recoveredRows())));
        }
        List<RunRecord.Input> inputs = new ArrayList<>();
        for (Path f : files) {
            long rows = read.report().files().stream()
                    .filter(s -> s.file().equals(f.toString()))
                    .mapToLong(s -> s.rows())
                    .sum();
            inputs.add(RunRecord.Input.of(f, rows));
        }
        // The appeal cycle, beside the star schema: what was appealed and recovered per week, what must still go out.
        List<SideTable> sides = List.of(
                new SideTable(
                        "fact_appeal",
                        "operator x hospital x reason code x week of the demonstrativo",
                        AppealCycle.facts(read.table())),
                new SideTable(
                        "appeal_pending",
                        "demonstrativo x protocol x reason code with glosa not appealed yet",
                        AppealCycle.pending(read.table(), deadlines, context.asOf())));
        return new SourceBatch(
                new SourceRows.TissItems(read.table()), inputs, read.table().rowCount(), 0, List.of(), sides);
    }

    /** The appeal cycle per group ({@code fact_appeal_group}): what appeals got back for each group of the run. */
    @Override
    public List<SideTable> groupSideTables(GlosaTable analysed, List<SegmentAssignment> groups) {
        return List.of(new SideTable("fact_appeal_group", "group of the run", AppealCycle.byGroup(analysed, groups)));
    }

    /** {@code glosa tiss}. */
    public static final class Provider extends ShippedProvider {
        /** Found by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String id() {
            return "tiss";
        }

        @Override
        public Set<String> valuedOptions() {
            return Set.of("in", TissAppealDrafts.OPTION, "justifications", "provider-code", "draft-out");
        }

        @Override
        public Set<String> multiValuedOptions() {
            return Set.of("in");
        }

        @Override
        public GlosaSource create(Options options, dev.glosa.run.RunConfig config) {
            return new TissFilesSource(options.paths("in"), config.appeals().deadlines());
        }
    }

    private static void logCodes(RunContext context, String what, java.util.Map<String, Integer> codes) {
        if (!codes.isEmpty()) {
            context.log().info(Messages.of(context.language()).text("read.tiss.codes", what, codes));
        }
    }
}
