package dev.glosa.examples;

import dev.glosa.core.run.RunLog;
import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.run.RunConfig;
import dev.glosa.run.RunRequest;
import dev.glosa.run.RunSummary;
import dev.glosa.run.WeeklyJob;
import dev.glosa.run.sources.SihFilesSource;
import dev.glosa.run.spi.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Embeds glosa in a SUS job: DATASUS SIH files in, a Power BI star schema out, through the library's weekly job.
 *
 * <p>Usage: {@code SusToPowerBi [OUT_DIR [SIH_FILE...]]}. The SIH files ({@code .dbc} or {@code .dbf}, any layout
 * era) are RD (paid AIHs), RJ (rejected AIHs) and, optionally, ER (one row per rejection error), named as DATASUS
 * names them ({@code RDMT2111.dbc}), in any order. Give RD a wider window of months than RJ so late payments are
 * found. Without files, the example generates SIH-like data (about 21,000 AIHs of 20 hospitals over 7 months, seed
 * 42) and writes it as DATASUS files to a temporary folder, so it runs anywhere. The output folder defaults to
 * {@code glosa-out/sus-example}; history accumulates there run after run, and group ids stay stable from one run to
 * the next.
 *
 * <p>What {@link WeeklyJob#run} does with the files: reconciles RJ against RD so every AIH counts once (situations A,
 * B and C), computes the indicators, clusters the AIHs with a glosa per hospital × payer × glosa type, explains and
 * ranks the groups, matches them to last week's, and writes the star schema under a lock, all or nothing. Patient
 * identifiers are pseudonymised with the HMAC key in {@code GLOSA_PSEUDONYM_KEY}; without it the job refuses real
 * files before reading them.
 */
public final class SusToPowerBi {
    /** The generated sample: the reference analysis's shape, 20 hospitals × 7 months × 150 AIHs, seed 42. */
    static final SihGeneratorConfig SAMPLE = SihGeneratorConfig.defaults(42);

    private SusToPowerBi() {}

    /**
     * Runs the example; see the class description for the arguments.
     *
     * @throws IOException if the generated files cannot be written
     */
    public static void main(String[] args) throws IOException {
        String out = args.length > 0 ? args[0] : "glosa-out/sus-example";
        boolean generated = args.length < 2;
        List<Path> files = generated
                ? generatedFiles()
                : Arrays.stream(args).skip(1).map(Path::of).toList();
        RunConfig config = generated ? RunConfig.defaults().withPseudonymKey(WeeklyJob.DEMO_KEY) : RunConfig.defaults();

        RunSummary summary = WeeklyJob.run(new RunRequest(
                bySystem(files),
                out,
                config,
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                RunLog.NONE,
                Options.none()));

        System.out.println(summary.run().reconciliation().summary());
        System.out.printf(
                "run %s: %d groups; Power BI outputs in %s%n",
                summary.run().runId(),
                summary.loop().profiles().size(),
                Path.of(out).toAbsolutePath());
    }

    /** The files as RD, RJ and ER by their DATASUS names ({@code RDMT2111.dbc}). */
    static SihFilesSource bySystem(List<Path> files) {
        List<Path> rd = new ArrayList<>();
        List<Path> rj = new ArrayList<>();
        List<Path> er = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString().toUpperCase(java.util.Locale.ROOT);
            List<Path> to = name.startsWith("RD") ? rd : name.startsWith("RJ") ? rj : name.startsWith("ER") ? er : null;
            if (to == null) {
                throw new IllegalArgumentException(f + " is not named like a DATASUS RD, RJ or ER file (RDMT2111.dbc)");
            }
            to.add(f);
        }
        return new SihFilesSource(rd, rj, er);
    }

    /** Generates the SIH sample as DATASUS {@code .dbc} files in a temporary folder removed when the JVM exits. */
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
}
