package dev.glosa.io.tiss;

import dev.glosa.core.table.GlosaTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads TISS demonstrativos de análise de conta (3.05 and 4.01), recursos de glosa and their answers into one glosa
 * table, streaming, with a report of what did not add up.
 *
 * <p>Typical use, as {@code glosa tiss --in DIR|FILE... --out DIR} does:
 * <pre>{@code
 * TissReadResult result = TissReader.read(Path.of("demonstrativos"));          // defaults
 * TissReadResult tuned = TissReader.create(TissOptions.defaults()
 *         .withTabela38(Tabela38.defaultTable().updatedWith(Tabela38.load(newerTable)))
 *         .withValidation(TissOptions.Validation.REPORT, Path.of("schemas")))
 *     .read(TissInput.expand(inputs));
 * }</pre>
 * Inputs are read in the order given (folders in path order), so the same inputs give the same table. A file that is
 * not well-formed, is hostile (DOCTYPE, entities) or breaks a rule of the format stops the read with a
 * {@link TissFormatException} naming the file, line and column; totals that do not add up, glosas without a code,
 * unknown codes and appeals that match nothing only go to the {@link TissReadReport}. See the package documentation
 * for the row model.
 */
public final class TissReader {
    private final TissOptions options;

    private TissReader(TissOptions options) {
        this.options = options;
    }

    /**
     * {@return a reader with {@code options}}
     *
     * @param options the options
     */
    public static TissReader create(TissOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("TISS options must not be null");
        }
        return new TissReader(options);
    }

    /**
     * Reads files and folders (their {@code .xml} files, recursively) with the default options.
     *
     * @param paths files and folders
     * @throws IOException when a file cannot be read; {@link TissFormatException} when it is not TISS
     * @return the rows and the report of the read
     */
    public static TissReadResult read(Path... paths) throws IOException {
        return create(TissOptions.defaults()).read(TissInput.expand(paths));
    }

    /** {@return the options of this reader} */
    public TissOptions options() {
        return options;
    }

    /**
     * Reads files and folders (their {@code .xml} files, recursively).
     *
     * @param paths files and folders
     * @throws IOException when a file cannot be read; {@link TissFormatException} when it is not TISS
     * @return the rows and the report of the read
     */
    public TissReadResult readPaths(Path... paths) throws IOException {
        return read(TissInput.expand(paths));
    }

    /**
     * Reads the inputs, in order.
     *
     * @param inputs the inputs, in order
     * @throws IOException when an input cannot be read; {@link TissFormatException} when it is not TISS
     * @return the rows and the report of the read
     */
    public TissReadResult read(List<TissInput> inputs) throws IOException {
        RowWriter rows = new RowWriter(1024);
        ReportCollector report = new ReportCollector(options.maxWarnings(), options.toleranceCents());
        List<AppealRecord> appeals = new ArrayList<>();
        TissSchemaValidator validator = options.validation() == TissOptions.Validation.NONE
                ? null
                : TissSchemaValidator.fromDirectory(options.schemaDirectory());
        for (TissInput input : inputs) {
            int schemaErrors = 0;
            if (validator != null) {
                List<String> errors = validator.validate(input);
                schemaErrors = errors.size();
                if (!errors.isEmpty() && options.validation() == TissOptions.Validation.STRICT) {
                    throw new TissFormatException(
                            input.name(),
                            -1,
                            -1,
                            "not valid against the TISS schema ("
                                    + errors.size() + (errors.size() == TissSchemaValidator.MAX_ERRORS ? "+" : "")
                                    + " errors); first: " + errors.get(0));
                }
                for (String e : errors) {
                    report.warn(input.name(), -1, "schema: " + e);
                }
            }
            TissReadReport.FileSummary summary;
            try (InputStream in = input.opener().open()) {
                summary = new TissFileParser(options, rows, report, appeals, input).parse(in);
            }
            if (schemaErrors > 0) {
                summary = summary.withSchemaErrors(schemaErrors);
            }
            report.files.add(summary);
        }
        GlosaTable table = new AppealJoin(rows.build(), report, options.toleranceCents()).apply(appeals);
        return new TissReadResult(table, report.build(), RecoveryRates.compute(table));
    }
}
