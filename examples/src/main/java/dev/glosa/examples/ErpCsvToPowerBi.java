package dev.glosa.examples;

import dev.glosa.cluster.loop.LoopConfig;
import dev.glosa.cluster.loop.LoopResult;
import dev.glosa.cluster.loop.ProgressListener;
import dev.glosa.cluster.loop.SegmentLoop;
import dev.glosa.core.aggregate.AggregationSpec;
import dev.glosa.core.aggregate.MonthlyAggregator;
import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.indicator.Indicators;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.Role;
import dev.glosa.io.csv.CsvMapping;
import dev.glosa.io.csv.CsvReadResult;
import dev.glosa.io.csv.CsvReader;
import dev.glosa.io.generate.ErpFiles;
import dev.glosa.io.generate.ErpGenerator;
import dev.glosa.io.generate.ErpGeneratorConfig;
import dev.glosa.core.run.RunRecord;
import dev.glosa.io.powerbi.StarSchemaWriter;
import dev.glosa.io.powerbi.WriteReport;
import dev.glosa.io.powerbi.WriterOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeds glosa in a private hospital network's job: an ERP export of glosa lines in, a Power BI star schema out.
 *
 * <p>Usage: {@code ErpCsvToPowerBi [OUT_DIR [CSV_FILE]]}. The export has the reference ERP shape
 * ({@code examples/config/reference-erp.yaml}: month of receipt, hospital, regional, expense type, sectors, procedure
 * group, attendance type, payer, glosa type, billed and denied amounts, and optionally the previous month's amounts
 * and the count of denied lines); {@code ;} or {@code ,} separated, UTF-8 or Windows-1252, pt-BR or plain numbers,
 * all detected. Without a file, the example generates four months of lines of 3 hospitals with planted groups (seed
 * 42) and writes them as a pt-BR CSV to a temporary file, so it runs anywhere. The output folder defaults to
 * {@code glosa-out/erp-example}; rows the reader rejects go to {@code rejects.csv} there, with their line, column and
 * reason.
 *
 * <p>The steps of {@link #main}:
 * <ol>
 *   <li><b>Read</b> the export with {@link CsvReader} and {@link CsvMapping#reference()}: typed columns under their
 *       canonical names; the read stops if more than 1% of the rows are rejected.
 *   <li><b>Aggregate</b> by every dimension × month with {@link MonthlyAggregator}, which adds the previous-month
 *       features of the reference model: glosa rate, jump in value and jump in rate. When the export carries the
 *       previous month's amounts, those are used; otherwise they come from the export's own earlier months.
 *   <li><b>Keep the analysed month</b>, here the latest month in the export; earlier months only fed the
 *       previous-month features. Paid is billed minus denied, for the glosa value ratio.
 *   <li><b>Indicators</b> ({@link Indicators#standard}): share of lines with a glosa and value ratio, overall and per
 *       hospital.
 *   <li><b>Loop</b> ({@link SegmentLoop}) with the defaults, which are the reference model done right: per hospital
 *       × payer × glosa type, the four reference features z-scored, seeded k-means, k from 2 to 15 chosen by the
 *       simplified silhouette, and the scored partition is the one written; groups explained, ranked by money, their ids kept
 *       stable against the previous run in the output folder.
 *   <li><b>Write</b> the star schema ({@link StarSchemaWriter#write}). The export has no patient identifiers, so the
 *       writer's defaults need no key.
 * </ol>
 */
public final class ErpCsvToPowerBi {
    /** The export's count of denied lines per row, summed into {@code glosa_lines} when present. */
    static final String DENIED_LINES = "QTD_LINHAS_GLOSA";

    /** The generated export: 3 hospitals × 4 payers × 4 glosa types (80% present), October 2024 to January 2025. */
    static final ErpGeneratorConfig SAMPLE = ErpGeneratorConfig.defaults(42).withSegments(3, 4, 4, 0.8)
            .withMonths(YearMonth.of(2024, 10), 4);

    private ErpCsvToPowerBi() {}

    /**
     * Runs the example; see the class description for the arguments and the steps.
     *
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "glosa-out/erp-example"));
        Path csv = args.length > 1 ? Path.of(args[1]) : generatedExport();
        LocalDate asOf = LocalDate.now();
        Instant started = Instant.now();

        CsvReadResult read = CsvReader.read(csv, CsvMapping.reference(), out.resolve("rejects.csv"));
        GlosaTable lines = read.table();
        AggregationSpec spec = AggregationSpec.of(categoryColumns(lines));
        if (lines.has(MonthlyAggregator.BILLED_PREVIOUS) && lines.has(MonthlyAggregator.GLOSA_PREVIOUS)) {
            spec = spec.withPreviousColumns(MonthlyAggregator.BILLED_PREVIOUS, MonthlyAggregator.GLOSA_PREVIOUS);
        }
        if (lines.has(DENIED_LINES)) {
            spec = spec.withLines(DENIED_LINES);
        }
        GlosaTable monthly = MonthlyAggregator.aggregate(lines, spec);
        GlosaTable analysed = withPaid(MonthlyAggregator.month(monthly, Role.COMPETENCE.column(), latestMonth(monthly)));
        List<IndicatorRow> indicators = Indicators.standard(analysed);

        LoopConfig config = LoopConfig.builder().seed(42).build();
        LoopResult loop = SegmentLoop.withDefaultStrategies().run(analysed, config,
                StarSchemaWriter.previousState(out, asOf), ProgressListener.NONE);

        RunRecord run = RunRecord.of(asOf, ExampleSupport.configSha256(config), started, Instant.now(),
                List.of(RunRecord.Input.of(csv, read.report().records())), read.report().records(),
                read.report().rejectedRows(), ExampleSupport.status(loop));
        WriteReport written = StarSchemaWriter.write(out, run, analysed, loop.outcomes(), indicators, loop.state(),
                WriterOptions.defaults());

        System.out.println(read.report().summary());
        System.out.println("analysed month " + analysed.months(Role.COMPETENCE).text(0) + ": "
                + analysed.rowCount() + " aggregated lines");
        ExampleSupport.printSummary(System.out, loop, written);
    }

    /** The dimensions: every category column (hospital, payer, glosa type, regional, sectors, ...). */
    private static List<String> categoryColumns(GlosaTable table) {
        List<String> dims = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c.type() == ColumnType.CATEGORY) {
                dims.add(c.name());
            }
        }
        return dims;
    }

    /** The index ({@code year * 12 + month - 1}) of the latest month in the table. */
    private static int latestMonth(GlosaTable table) {
        MonthColumn m = table.months(Role.COMPETENCE);
        int latest = MonthColumn.MISSING;
        for (int r = 0; r < m.size(); r++) {
            latest = Math.max(latest, m.index(r));
        }
        if (latest == MonthColumn.MISSING) {
            throw new IllegalArgumentException("the export has no row with a month of receipt");
        }
        return latest;
    }

    /** The table with {@code paid_amount = billed_amount - glosa_amount}: the export has no payment column. */
    private static GlosaTable withPaid(GlosaTable table) {
        DoubleColumn billed = table.doubles(Role.BILLED_AMOUNT);
        DoubleColumn glosa = table.doubles(Role.GLOSA_AMOUNT);
        double[] paid = new double[table.rowCount()];
        for (int r = 0; r < paid.length; r++) {
            paid[r] = billed.get(r) - glosa.get(r);
        }
        return table.with(DoubleColumn.of(Role.PAID_AMOUNT.column(), paid));
    }

    /** Generates an export (pt-BR numbers, {@code ;}) in a temporary file removed when the JVM exits. */
    static Path generatedExport() throws IOException {
        Path file = Files.createTempFile("glosa-erp-export-", ".csv");
        file.toFile().deleteOnExit();
        return writeSample(file);
    }

    /** Writes the generated sample as the reference ERP export, pt-BR formatted, to {@code file}. */
    static Path writeSample(Path file) throws IOException {
        return ErpFiles.write(ErpGenerator.generate(SAMPLE), file);
    }
}
