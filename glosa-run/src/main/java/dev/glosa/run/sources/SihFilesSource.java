package dev.glosa.run.sources;

import dev.glosa.core.run.GlosaSource;
import dev.glosa.core.run.RunContext;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.run.SourceBatch;
import dev.glosa.core.run.SourceRows;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import dev.glosa.core.text.InputError;
import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;
import dev.glosa.io.dbf.MalformedFileException;
import dev.glosa.io.sih.SihBatch;
import dev.glosa.io.sih.SihReadOptions;
import dev.glosa.io.sih.SihReader;
import dev.glosa.io.sih.SihSystem;
import dev.glosa.io.sih.SihTable;
import dev.glosa.run.GlosaRunException;
import dev.glosa.run.spi.Options;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DATASUS SIH files ({@code .dbc} or {@code .dbf}, any layout era): RD (paid AIHs), RJ (rejected AIHs) and, when
 * given, ER (one row per rejection error). Each file must be of the system it is given as; every file must have its
 * own content.
 */
public final class SihFilesSource implements GlosaSource {
    private final List<Path> rd;
    private final List<Path> rj;
    private final List<Path> er;
    private final DatasusOptions.SusFetch fetch;

    /**
     * The files of one run, each list in the order the rows should be read (RJ's order is the one "first
     * occurrence" deduplication follows).
     *
     * @param rd the RD files (paid AIHs)
     * @param rj the RJ files (rejected AIHs)
     * @param er the ER files; empty when none (the rejected AIHs then have the glosa type "without error code")
     */
    public SihFilesSource(List<Path> rd, List<Path> rj, List<Path> er) {
        this(rd, rj, er, null);
    }

    /**
     * The files given, plus those {@code fetch} downloads from DATASUS (or a mirror) into the cache when the run
     * reads, after every check.
     *
     * @param rd the RD files given (paid AIHs)
     * @param rj the RJ files given (rejected AIHs)
     * @param er the ER files given; empty when none
     * @param fetch what to fetch, or {@code null} for the files given only
     */
    public SihFilesSource(List<Path> rd, List<Path> rj, List<Path> er, DatasusOptions.SusFetch fetch) {
        this.rd = List.copyOf(rd);
        this.rj = List.copyOf(rj);
        this.er = List.copyOf(er);
        this.fetch = fetch;
    }

    @Override
    public String describe() {
        return "SIH files (" + (rd.size() + (fetch == null ? 0 : fetch.rd().size())) + " RD, "
                + (rj.size() + (fetch == null ? 0 : fetch.rj().size())) + " RJ, "
                + (er.size() + (fetch == null ? 0 : fetch.er().size())) + " ER)";
    }

    @Override
    public void check() {
        if (fetch == null && (rd.isEmpty() || rj.isEmpty())) {
            throw new InputError(null, "error.sihRequired");
        }
        List<Path> all = new ArrayList<>(rd);
        all.addAll(rj);
        all.addAll(er);
        InputFiles.requireDistinct(all);
    }

    /** SIH files always carry AIH numbers. */
    @Override
    public List<String> identifierColumns() {
        return List.of(Role.CLAIM_ID.column());
    }

    @Override
    public SourceBatch read(RunContext context) {
        List<Path> rdFiles = rd;
        List<Path> rjFiles = rj;
        List<Path> erFiles = er;
        if (fetch != null) {
            List<List<Path>> fetched = fetch.fetch(context.log(), context.language());
            rdFiles = rd.isEmpty() ? fetched.get(0) : rd;
            rjFiles = rj.isEmpty() ? fetched.get(1) : rj;
            erFiles = er.isEmpty() ? fetched.get(2) : er;
        }
        List<RunRecord.Input> inputs = new ArrayList<>();
        GlosaTable rdTable = read(rdFiles, SihSystem.RD, "--rd", inputs, context);
        GlosaTable rjTable = read(rjFiles, SihSystem.RJ, "--rj", inputs, context);
        GlosaTable erTable = erFiles.isEmpty() ? null : read(erFiles, SihSystem.ER, "--er", inputs, context);
        long rows = (long) rdTable.rowCount() + rjTable.rowCount() + (erTable == null ? 0 : erTable.rowCount());
        return new SourceBatch(new SourceRows.Sih(rdTable, rjTable, erTable), inputs, rows, 0, List.of());
    }

    /** Reads the files of one system; a file of another system under this option is a usage error. */
    private static GlosaTable read(
            List<Path> files, SihSystem expected, String option, List<RunRecord.Input> inputs, RunContext context) {
        SihBatch batch;
        try {
            batch = SihReader.readAll(files, SihReadOptions.defaults());
        } catch (NoSuchFileException e) {
            throw GlosaRunException.badInput(e, "error.fileNotFound", e.getFile());
        } catch (MalformedFileException e) {
            throw GlosaRunException.badInput(e, "error.damagedSih", e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw GlosaRunException.badInput(e, "error.readSih", option, e.getMessage());
        }
        for (SihTable t : batch.tables()) {
            if (t.system() != expected) {
                throw GlosaRunException.badInput(
                        null,
                        "error.sihSystem",
                        option,
                        expected,
                        t.files().get(0).read().file(),
                        t.system(),
                        t.files().get(0).layout().label());
            }
        }
        SihTable table = batch.table(expected);
        // readAll keeps the order of the files given, so reports and files pair up one to one.
        for (int i = 0; i < files.size(); i++) {
            var report = table.files().get(i);
            for (String w : report.warnings()) {
                context.log()
                        .info(Messages.of(context.language())
                                .text("warning", report.read().file() + ": " + w));
            }
            try {
                inputs.add(RunRecord.Input.of(files.get(i), report.read().recordsRead()));
            } catch (IOException e) {
                throw GlosaRunException.badInput(e, "error.read", files.get(i), e.getMessage());
            }
        }
        context.log()
                .info(String.format(
                        "%s: %,d rows from %d file(s)", expected, table.table().rowCount(), files.size()));
        return table.table();
    }

    /** {@code glosa sus}. */
    public static final class Provider extends ShippedProvider {
        /** Found by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String id() {
            return "sus";
        }

        @Override
        public String help(Language language) {
            return super.help(language) + DatasusOptions.help(language);
        }

        @Override
        public Set<String> valuedOptions() {
            Set<String> valued = new java.util.HashSet<>(DatasusOptions.VALUED);
            valued.addAll(Set.of("rd", "rj", "er"));
            return valued;
        }

        @Override
        public Set<String> multiValuedOptions() {
            Set<String> multi = new java.util.HashSet<>(DatasusOptions.MULTI_VALUED);
            multi.addAll(Set.of("rd", "rj", "er"));
            return multi;
        }

        @Override
        public Set<String> flags() {
            return DatasusOptions.FLAGS;
        }

        @Override
        public GlosaSource create(Options options, dev.glosa.run.RunConfig config) {
            List<Path> rd = options.paths("rd");
            List<Path> rj = options.paths("rj");
            List<Path> er = options.paths("er");
            return new SihFilesSource(
                    rd, rj, er, DatasusOptions.forSus(options, config, !rd.isEmpty(), !rj.isEmpty(), !er.isEmpty()));
        }
    }
}
