package dev.glosa.examples;

import dev.glosa.core.run.RunLog;
import dev.glosa.io.csv.CsvMapping;
import dev.glosa.io.generate.ErpFiles;
import dev.glosa.io.generate.ErpGenerator;
import dev.glosa.io.generate.ErpGeneratorConfig;
import dev.glosa.run.RunConfig;
import dev.glosa.run.RunRequest;
import dev.glosa.run.RunSummary;
import dev.glosa.run.WeeklyJob;
import dev.glosa.run.sources.ErpCsvSource;
import dev.glosa.run.spi.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Embeds glosa in a private hospital network's job: an ERP export of glosa lines in, a Power BI star schema out,
 * through the library's weekly job.
 *
 * <p>Usage: {@code ErpCsvToPowerBi [OUT_DIR [CSV_FILE [MONTH]]]}. The export has the reference ERP shape
 * ({@code examples/config/reference-erp.yaml}); {@code ;} or {@code ,} separated, UTF-8 or Windows-1252, pt-BR or
 * plain numbers, all detected. The month analysed ({@code yyyy-MM}) defaults to the last closed month before today;
 * earlier months feed the previous-month features. Without a file, the example generates four months of lines of 3
 * hospitals with planted groups (seed 42), writes them as a pt-BR CSV to a temporary file and analyses its last
 * month, so it runs anywhere. Rows the reader rejects go to {@code rejects.csv} in the output folder (default
 * {@code glosa-out/erp-example}).
 */
public final class ErpCsvToPowerBi {
    /** The generated export: 3 hospitals × 4 payers × 4 glosa types (80% present), October 2024 to January 2025. */
    static final ErpGeneratorConfig SAMPLE =
            ErpGeneratorConfig.defaults(42).withSegments(3, 4, 4, 0.8).withMonths(YearMonth.of(2024, 10), 4);

    private ErpCsvToPowerBi() {}

    /**
     * Runs the example; see the class description for the arguments.
     *
     * @throws IOException if the generated export cannot be written
     */
    public static void main(String[] args) throws IOException {
        String out = args.length > 0 ? args[0] : "glosa-out/erp-example";
        Path csv = args.length > 1 ? Path.of(args[1]) : generatedExport();
        YearMonth month = args.length > 2 ? YearMonth.parse(args[2]) : args.length > 1 ? null : SAMPLE.analysedMonth();

        RunSummary summary = WeeklyJob.run(new RunRequest(
                new ErpCsvSource(csv, CsvMapping.reference(), month),
                out,
                RunConfig.defaults(),
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                RunLog.NONE,
                Options.none()));

        System.out.printf(
                "run %s: %,d rows read, %,d rejected, %d groups; Power BI outputs in %s%n",
                summary.run().runId(),
                summary.run().rowsIn(),
                summary.run().rowsRejected(),
                summary.loop().profiles().size(),
                Path.of(out).toAbsolutePath());
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
