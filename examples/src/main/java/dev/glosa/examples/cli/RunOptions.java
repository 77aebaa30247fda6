package dev.glosa.examples.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/**
 * The options every analysing command shares: {@code --out}, {@code --config}, {@code --as-of}, {@code --threads}.
 *
 * @param out the output folder
 * @param config the configuration
 * @param configSha256 the configuration's fingerprint ({@link JobConfig#fingerprint()})
 * @param asOf the date the run analyses the data as of
 * @param threads worker threads
 */
record RunOptions(Path out, JobConfig config, String configSha256, LocalDate asOf, int threads) {
    /** The options that take a value. */
    static final Set<String> VALUED = Set.of("out", "config", "as-of", "threads");
    /** The flags. */
    static final Set<String> FLAGS = Set.of("verbose");

    /** The shared lines of a command's help. */
    static final String HELP = """
              --config FILE  settings in YAML or JSON (segment keys, features, strategy, k range, seed, identifiers...);
                             see examples/config/glosa.yaml
              --as-of DATE   the date the run analyses the data as of, yyyy-MM-dd (default today); a re-run for the
                             same date replaces that week's rows in the outputs
              --threads N    worker threads (default: all cores)
              --verbose      stack traces on failure""";

    /**
     * Reads the shared options and opens the output folder (checked, created and locked until the console closes)
     * before the command reads any data; from then on the console also logs to the output folder.
     */
    static RunOptions from(Args args, Path defaultOut, Console console) {
        String outText = args.one("out", null);
        if (outText != null && outText.isBlank()) {
            // Path.of("") is the current folder: an empty variable in a scheduled script must not write there.
            throw new CliException(CliException.USAGE, "--out is empty: give the output folder");
        }
        Path out = outText != null ? Path.of(outText) : defaultOut;
        if (out == null) {
            throw new CliException(CliException.USAGE, "--out is required");
        }
        // Everything that can be checked without the data is checked before any input is read.
        JobConfig config = args.has("config") ? JobConfig.load(Path.of(args.one("config", null))) : JobConfig.defaults();
        config.validate();
        console.hold(Job.openOutput(out));
        console.logTo(out);
        String sha = config.fingerprint();
        LocalDate asOf = args.date("as-of", LocalDate.now());
        int threads = args.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
        return new RunOptions(out, config, sha, asOf, threads);
    }
}
