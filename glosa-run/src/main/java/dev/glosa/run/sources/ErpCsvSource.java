package dev.glosa.run.sources;

import dev.glosa.core.run.GlosaSource;
import dev.glosa.core.run.RunContext;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.run.SourceBatch;
import dev.glosa.core.run.SourceRows;
import dev.glosa.core.text.InputError;
import dev.glosa.core.text.Messages;
import dev.glosa.io.csv.CsvLimits;
import dev.glosa.io.csv.CsvMapping;
import dev.glosa.io.csv.CsvReadException;
import dev.glosa.io.csv.CsvReadResult;
import dev.glosa.io.csv.CsvReader;
import dev.glosa.run.GlosaRunException;
import dev.glosa.run.spi.Options;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An ERP export of glosa lines (CSV, {@code ;} or {@code ,}, UTF-8 or Windows-1252, pt-BR or plain numbers) read
 * through a {@link CsvMapping}; bad rows go to the sink's {@code rejects.csv}.
 */
public final class ErpCsvSource implements GlosaSource {
    private final Path file;
    private final CsvMapping mapping;
    private final YearMonth month;

    /**
     * The export {@code file}, read with {@code mapping}.
     *
     * @param file the CSV export
     * @param mapping which column plays which role ({@link CsvMapping#reference()} for the reference ERP shape)
     * @param month the month to analyse, or {@code null} for the last closed month before the run's date
     */
    public ErpCsvSource(Path file, CsvMapping mapping, YearMonth month) {
        this.file = Objects.requireNonNull(file, "file");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.month = month;
    }

    /** {@return the mapping's {@code personal:} entries} */
    @Override
    public java.util.Map<String, Boolean> personalOverrides() {
        return mapping.personalOverrides();
    }

    @Override
    public String describe() {
        return "ERP export " + file;
    }

    @Override
    public void check() {
        if (Files.isDirectory(file)) {
            throw new InputError(null, "error.folderGivenExport", file);
        }
        if (!Files.isRegularFile(file)) {
            throw new InputError(null, "error.fileNotFound", file);
        }
    }

    @Override
    public SourceBatch read(RunContext context) {
        CsvReadResult read;
        try {
            read = CsvReader.read(file, mapping, CsvLimits.DEFAULT, context.rejectsFile(), context.language());
        } catch (NoSuchFileException e) {
            throw GlosaRunException.badInput(e, "error.fileNotFound", e.getFile());
        } catch (CsvReadException e) {
            throw GlosaRunException.badInput(e);
        } catch (IOException | UncheckedIOException e) {
            throw GlosaRunException.badInput(e, "error.read", file, e.getMessage());
        }
        context.log().info(read.report().summary(Messages.of(context.language())));
        for (String warning : read.report().warnings()) {
            context.log().info(Messages.of(context.language()).text("warning", warning));
        }
        RunRecord.Input input;
        try {
            input = RunRecord.Input.of(file, read.report().records());
        } catch (IOException e) {
            throw GlosaRunException.badInput(e, "error.read", file, e.getMessage());
        }
        long rejected = read.report().rejectedRows();
        return new SourceBatch(
                new SourceRows.ErpLines(read.table(), month),
                List.of(input),
                read.table().rowCount() + rejected,
                rejected,
                List.of());
    }

    /** {@code glosa csv}. */
    public static final class Provider extends ShippedProvider {
        /** Found by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String id() {
            return "csv";
        }

        @Override
        public Set<String> valuedOptions() {
            return Set.of("in", "mapping", "month");
        }

        /** {@code --in} is parsed as everywhere (one or more paths); an export is one file, so a second is refused. */
        @Override
        public Set<String> multiValuedOptions() {
            return Set.of("in");
        }

        @Override
        public GlosaSource create(Options options, dev.glosa.run.RunConfig config) {
            if (options.all("in").size() > 1) {
                throw GlosaRunException.badInput(
                        null, "error.csvOneExport", options.all("in").size());
            }
            Path in = Path.of(options.required("in"));
            return new ErpCsvSource(in, mapping(options), options.month("month"));
        }

        /** The mapping of {@code --mapping}, else the reference ERP shape. */
        static CsvMapping mapping(Options options) {
            try {
                return options.has("mapping")
                        ? CsvMapping.load(Path.of(options.one("mapping", null)))
                        : CsvMapping.reference();
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                throw GlosaRunException.badInput(e, "error.mapping", e.getMessage());
            }
        }
    }
}
