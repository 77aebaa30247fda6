package dev.glosa.examples.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/**
 * The options every analysing command shares: {@code --out}, {@code --config}, {@code --as-of}, {@code --threads}.
 *
 * @param out the folder for the outputs, the log and {@code rejects.csv} (a database output's work folder)
 * @param output where the star schema goes: {@code out}, or a database
 * @param config the configuration
 * @param configSha256 the configuration's fingerprint ({@link JobConfig#fingerprint()})
 * @param asOf the date the run analyses the data as of
 * @param threads worker threads
 */
record RunOptions(Path out, Output output, JobConfig config, String configSha256, LocalDate asOf, int threads) {
    /** The options that take a value. */
    static final Set<String> VALUED = Set.of("out", "config", "as-of", "threads", "out-user", "work");
    /** The flags. */
    static final Set<String> FLAGS = Set.of("verbose");

    /** The shared lines of a command's help. */
    static final String HELP = """
              --out-user NAME
                             with --out jdbc:postgresql://...: the database user (default: --user); the password
                             comes from GLOSA_DB_PASSWORD (or the variable database.passwordEnv names), never from
                             the command line
              --work DIR     with --out jdbc:...: the folder for the log and rejects.csv (default: the current one)
              --config FILE  settings in YAML or JSON (segment keys, features, strategy, k range, seed, identifiers...);
                             see examples/config/glosa.yaml
              --as-of DATE   the date the run analyses the data as of, yyyy-MM-dd (default today); a re-run for the
                             same date replaces that week's rows in the outputs
              --threads N    worker threads (default: all cores)
              --verbose      stack traces on failure""".indent(2).stripTrailing();

    /**
     * Reads the shared options and opens the output folder (checked, created and locked until the console closes)
     * before the command reads any data; from then on the console also logs to the output folder.
     */
    static RunOptions from(Args args, Path defaultOut, Console console) {
        String outText = args.has("out") ? args.one("out", null) : defaultOut == null ? null : defaultOut.toString();
        if (outText != null && outText.isBlank()) {
            // Path.of("") is the current folder: an empty variable in a scheduled script must not write there.
            throw new CliException(CliException.USAGE, "--out is empty: give the output folder");
        }
        if (outText == null) {
            throw new CliException(CliException.USAGE, "--out is required");
        }
        // Everything that can be checked without the data is checked before any input is read.
        JobConfig config = args.has("config") ? JobConfig.load(Path.of(args.one("config", null))) : JobConfig.defaults();
        config.validate();
        Output output = Output.of(outText, args.one("out-user", args.has("user") ? args.one("user", null) : null),
                config.database().outPasswordEnv(), args.has("work") ? Path.of(args.one("work", null)) : null);
        Path out = output.folder();
        if (output instanceof Output.Folder) {
            console.hold(Job.openOutput(out));
        }
        console.logTo(out);
        String sha = config.fingerprint();
        LocalDate asOf = args.date("as-of", LocalDate.now());
        int threads = args.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
        return new RunOptions(out, output, config, sha, asOf, threads);
    }
}
