package dev.glosa.examples;

import dev.glosa.cluster.features.Feature;
import dev.glosa.cluster.features.FeatureSpec;
import dev.glosa.cluster.features.MissingValues;
import dev.glosa.cluster.features.Transform;
import dev.glosa.cluster.loop.LoopConfig;
import dev.glosa.cluster.loop.LoopResult;
import dev.glosa.cluster.loop.ProgressListener;
import dev.glosa.cluster.loop.SegmentLoop;
import dev.glosa.cluster.profile.ProfileOptions;
import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.indicator.Indicators;
import dev.glosa.core.reconcile.Reconciler;
import dev.glosa.core.reconcile.Reconciliation;
import dev.glosa.core.sus.SusColumns;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.core.run.RunRecord;
import dev.glosa.io.powerbi.StarSchemaWriter;
import dev.glosa.io.powerbi.WriteReport;
import dev.glosa.io.powerbi.WriterOptions;
import dev.glosa.io.sih.SihBatch;
import dev.glosa.io.sih.SihFileReport;
import dev.glosa.io.sih.SihReadOptions;
import dev.glosa.io.sih.SihReader;
import dev.glosa.io.sih.SihSystem;
import dev.glosa.io.sih.SihTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeds glosa in a SUS job: DATASUS SIH files in, a Power BI star schema out.
 *
 * <p>Usage: {@code SusToPowerBi [OUT_DIR [SIH_FILE...]]}. The SIH files ({@code .dbc} or {@code .dbf}, any layout
 * era) are RD (paid AIHs), RJ (rejected AIHs) and, optionally, ER (one row per rejection error), in any order: the
 * reader tells them apart by name and fields. Give RD a wider window of months than RJ so late payments are found.
 * Without files, the example generates SIH-like data (about 21,000 AIHs of 20 hospitals over 7 months, seed 42),
 * writes it as DATASUS files to a temporary folder and reads those, so it runs anywhere. The output folder defaults
 * to {@code glosa-out/sus-example}; history accumulates there run after run, and a re-run on the same day replaces
 * that day's rows.
 *
 * <p>Patient identifiers (the AIH number, and any CPF, CNS or birth date columns kept) are pseudonymised with the
 * HMAC key in the environment variable {@code GLOSA_PSEUDONYM_KEY}; without it the writer refuses to write real files
 * and says why. Generated data has no patients, so it falls back to a key that is not secret.
 *
 * <p>The steps of {@link #main}, each a call or two into the library:
 * <ol>
 *   <li><b>Read</b> every file with {@link SihReader#readAll}: one table per system, rows in the order the files
 *       were given (the order "first occurrence" deduplication follows), canonical column names ({@code claim_id},
 *       {@code hospital}, {@code competence}, {@code billed_amount}, ...). Fields with no role and no use are
 *       dropped ({@link SihReadOptions#withoutOtherColumns()}) to save memory and keep identifiers out.
 *   <li><b>Attach the ER errors</b> to the rejected AIHs ({@link SihBatch#rejectionsWithErrors()}): each RJ row
 *       gets its first error code as {@code reason_code} and the code's two-digit group as {@code glosa_type}.
 *   <li><b>Reconcile</b> RJ against RD ({@link Reconciler#sih()}) so every AIH counts once: a re-presented AIH is
 *       deduplicated, a long stay's RD rows are summed, and each AIH lands in situation A (rejected, never paid),
 *       B (rejected, later paid; glosa is what was not paid) or C (paid).
 *   <li><b>Derive the SUS columns</b> ({@link SusColumns#derive}): SIGTAP procedure group, ICD-10 chapter and bed
 *       specialty as words, which explain the groups.
 *   <li><b>Indicators</b> over every reconciled AIH ({@link Indicators#standard}): the glosa rate by count with its
 *       Wilson interval and the glosa value ratio, overall, per hospital and per month.
 *   <li><b>Loop</b> over the AIHs with a glosa ({@link SegmentLoop}): split by hospital × payer × glosa type,
 *       cluster each segment with k-means, k from 2 to 15 by the simplified silhouette, explain and rank the groups by money, and
 *       match them to the previous run's groups in the output folder so their ids stay stable.
 *   <li><b>Write</b> the star schema ({@link StarSchemaWriter#write}): every AIH in {@code fact_glosa.csv} (those
 *       without glosa with an empty group), the segments, groups, indicators and the run's record, under a folder
 *       lock, all or nothing.
 * </ol>
 */
public final class SusToPowerBi {
    /** What each AIH with a glosa is clustered on; amounts and stays are skewed, so they enter as logarithms. */
    static final FeatureSpec FEATURES = FeatureSpec.of(
            new Feature.Numeric(Role.GLOSA_AMOUNT.column(), Transform.LOG1P, 1.0, MissingValues.MEDIAN),
            new Feature.Numeric("DIAS_PERM", Transform.LOG1P, 1.0, MissingValues.MEDIAN),
            new Feature.Numeric(SihReader.AGE_YEARS, Transform.Z_SCORE, 1.0, MissingValues.MEDIAN),
            Feature.oneHot(SusColumns.PROCEDURE_GROUP, 6).withWeight(0.5),
            Feature.oneHot(SusColumns.ICD_CHAPTER, 6).withWeight(0.5));

    /** The generated sample: the reference analysis's shape, 20 hospitals × 7 months × 150 AIHs, seed 42. */
    static final SihGeneratorConfig SAMPLE = SihGeneratorConfig.defaults(42);

    /** The pseudonym key of generated data: it protects nothing, and says so. */
    static final String DEMO_KEY = "glosa-demo-key-for-generated-data-only";

    private SusToPowerBi() {}

    /**
     * Runs the example; see the class description for the arguments and the steps.
     *
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "glosa-out/sus-example");
        boolean generated = args.length < 2;
        List<Path> files = generated ? generatedFiles() : paths(args);
        LocalDate asOf = LocalDate.now();
        Instant started = Instant.now();

        SihBatch sih = SihReader.readAll(files, SihReadOptions.defaults().withoutOtherColumns());
        GlosaTable rejected = sih.has(SihSystem.ER) ? sih.rejectionsWithErrors() : sih.table(SihSystem.RJ).table();
        Reconciliation reconciled = Reconciler.sih().reconcile(rejected, sih.table(SihSystem.RD).table());
        GlosaTable claims = SusColumns.derive(reconciled.claims());
        List<IndicatorRow> indicators = Indicators.standard(claims);

        DoubleColumn glosa = claims.doubles(Role.GLOSA_AMOUNT);
        int[] withGlosa = ExampleSupport.rowsWhere(claims.rowCount(), row -> glosa.get(row) > 0);
        LoopConfig config = LoopConfig.builder().features(FEATURES).seed(42).profile(ProfileOptions.defaults()
                .withCategoryColumns(List.of(SusColumns.PROCEDURE_GROUP, SusColumns.ICD_CHAPTER, SusColumns.SPECIALTY)))
                .build();
        LoopResult loop = SegmentLoop.withDefaultStrategies().run(claims.select(withGlosa), config,
                StarSchemaWriter.previousState(out, asOf), ProgressListener.NONE);

        RunRecord run = RunRecord.of(asOf, ExampleSupport.configSha256(config), started, Instant.now(), inputs(sih),
                rowsRead(sih), 0, ExampleSupport.status(loop)).withReconciliation(reconciled.report());
        WriterOptions identifiers = generated && System.getenv(WriterOptions.KEY_ENVIRONMENT_VARIABLE) == null
                ? WriterOptions.pseudonymise(DEMO_KEY) : WriterOptions.defaults();
        WriteReport written = StarSchemaWriter.write(out, run, claims, ExampleSupport.onRows(loop.outcomes(), withGlosa),
                indicators, loop.state(), identifiers);

        System.out.println(reconciled.report().summary());
        ExampleSupport.printSummary(System.out, loop, written);
    }

    private static List<Path> paths(String[] args) {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        return files;
    }

    /**
     * Generates the SIH sample and writes it as DATASUS {@code .dbc} files ({@link SihFiles}) to a temporary folder
     * removed when the JVM exits.
     */
    static List<Path> generatedFiles() throws IOException {
        Path folder = Files.createTempDirectory("glosa-sih-sample-");
        folder.toFile().deleteOnExit();
        List<Path> files = SihFiles.write(SihGenerator.generate(SAMPLE), folder).all();
        for (Path f : files) {
            // Registered after the folder, so deleted before it.
            f.toFile().deleteOnExit();
        }
        return files;
    }

    /** Every file read, with its SHA-256 and row count, for {@code runs.csv}. */
    private static List<RunRecord.Input> inputs(SihBatch sih) throws IOException {
        List<RunRecord.Input> inputs = new ArrayList<>();
        for (SihTable t : sih.tables()) {
            for (SihFileReport f : t.files()) {
                inputs.add(RunRecord.Input.of(Path.of(f.file()), f.read().recordsRead()));
            }
        }
        return inputs;
    }

    private static long rowsRead(SihBatch sih) {
        long rows = 0;
        for (SihTable t : sih.tables()) {
            rows += t.table().rowCount();
        }
        return rows;
    }
}
