package dev.glosa.spark;

import dev.glosa.core.run.GlosaSource;
import dev.glosa.core.run.RunLog;
import dev.glosa.core.text.Language;
import dev.glosa.run.GlosaRunException;
import dev.glosa.run.RunConfig;
import dev.glosa.run.RunRequest;
import dev.glosa.run.RunSummary;
import dev.glosa.run.WeeklyJob;
import dev.glosa.run.spi.Options;
import dev.glosa.run.spi.SourceProvider;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The weekly job on Spark, for {@code spark-submit --class dev.glosa.spark.GlosaSpark glosa-spark.jar sus ...}: the
 * options of {@code glosa sus} and {@code glosa csv} (every source command of the command line), plus
 * {@code --format parquet|csv} and {@code --max-segment-rows N}.
 *
 * <p>{@code sus} reads its files on the executors, one task per file, from any Hadoop-compatible path, and reconciles
 * them there, partitioned by AIH number, with the core's own code ({@link SparkSihSource}); the driver receives the
 * reconciled claims and the indicators. The other sources read on the driver. The per-segment loop runs on the
 * executors, segments batched into tasks ({@link SparkSegmentExecutor}). The writing of the tables runs on the driver
 * with the library's own code, so the results are those of {@code glosa} on one machine.
 */
public final class GlosaSpark {
    /** The most rows of one segment by default: what a 4 GB executor clusters comfortably. */
    static final long DEFAULT_MAX_SEGMENT_ROWS = 2_000_000;

    private GlosaSpark() {}

    /**
     * Runs a command and exits: 0 done, 1 failed, 2 wrong input or usage.
     *
     * @param args the command ({@code sus}, {@code csv}, ...) and its options, as {@code glosa-spark --help} lists
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs a command with the active or a new Spark session; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.println(usage());
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        boolean verbose = List.of(rest).contains("--verbose");
        try {
            SourceProvider provider = provider(command);
            if (List.of(rest).contains("--help")) {
                out.println(provider.help() + HELP);
                return 0;
            }
            Set<String> valued = new HashSet<>(provider.valuedOptions());
            valued.addAll(Set.of(
                    "out",
                    "config",
                    "as-of",
                    "threads",
                    "format",
                    "master",
                    "max-segment-rows",
                    "input-format",
                    "lang"));
            Set<String> flags = new HashSet<>(provider.flags());
            flags.add("verbose");
            Options options = Options.parse(command, rest, valued, flags).withEnvironment(System::getenv);
            RunSummary summary = run(command, provider, options, log(out, err));
            return summary.run().status() == dev.glosa.core.run.RunRecord.Status.FAILED ? 1 : 0;
        } catch (GlosaRunException e) {
            err.println("glosa-spark: " + e.message(language(rest)));
            if (verbose) {
                e.printStackTrace(err);
            }
            return e.kind() == GlosaRunException.Kind.BAD_INPUT ? 2 : 1;
        }
    }

    static RunSummary run(String command, SourceProvider provider, Options options, RunLog log) {
        if (options.has("input-format") && !command.equals("sus")) {
            throw GlosaRunException.badInput("--input-format applies to glosa-spark sus only (SIH rows from .dbc files,"
                    + " Parquet or a table); glosa-spark " + command + " reads its inputs as glosa " + command
                    + " does");
        }
        String out = options.one("out", null);
        if (out == null || out.isBlank()) {
            throw GlosaRunException.badInput("--out is required: the output folder (any Hadoop path for parquet)");
        }
        String format = options.one("format", "csv");
        if (format.equals("parquet,csv")) {
            format = "csv,parquet";
        }
        if (!format.equals("csv") && !format.equals("parquet") && !format.equals("csv,parquet")) {
            throw GlosaRunException.badInput("--format must be csv, parquet or csv,parquet, found '" + format + "'");
        }
        RunConfig config =
                options.has("config") ? RunConfig.load(Path.of(options.one("config", null))) : RunConfig.defaults();
        if (options.has("lang")) {
            config = config.withLang(options.one("lang", null));
        }
        LocalDate asOf = options.date("as-of", LocalDate.now());
        int threads = options.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
        long maxRows = options.longValue("max-segment-rows", DEFAULT_MAX_SEGMENT_ROWS);
        SparkSession.Builder builder = SparkSession.builder().appName("glosa " + command);
        if (options.has("master")) {
            builder = builder.master(options.one("master", null));
        }
        SparkSession session = builder.getOrCreate();
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
        GlosaSource source = command.equals("sus")
                ? new SparkSihSource(
                        spark,
                        options.all("rd"),
                        options.all("rj"),
                        options.all("er"),
                        options.one("input-format", "dbc"),
                        config.dedupPolicy())
                : provider.create(options, config);
        String sink = switch (format) {
            case "parquet" -> ParquetSink.SCHEME + out;
            case "csv,parquet" -> ParquetSink.BOTH + out;
            default -> out;
        };
        SparkSegmentExecutor executor;
        try {
            executor = new SparkSegmentExecutor(spark, maxRows);
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e.getMessage(), e);
        }
        return WeeklyJob.run(new RunRequest(source, sink, config, asOf, threads, log, options), executor);
    }

    private static SourceProvider provider(String command) {
        StringBuilder known = new StringBuilder();
        for (SourceProvider p : ServiceLoader.load(SourceProvider.class)) {
            if (p.id().equals(command)) {
                return p;
            }
            known.append(known.length() == 0 ? "" : ", ").append(p.id());
        }
        throw GlosaRunException.badInput(
                "unknown command '" + command + "'; commands: " + known + " (glosa-spark --help)");
    }

    private static String usage() {
        StringBuilder sb = new StringBuilder("""
                Usage: glosa-spark COMMAND [OPTIONS]   (or spark-submit --class dev.glosa.spark.GlosaSpark glosa-spark.jar
                       COMMAND [OPTIONS])

                The weekly job of glosa on Apache Spark: the same options and outputs as the glosa command line.
                Commands:
                """);
        for (SourceProvider p : ServiceLoader.load(SourceProvider.class)) {
            sb.append(String.format("  %-6s %s%n", p.id(), p.summary()));
        }
        sb.append("\nglosa-spark COMMAND --help for a command's options.").append(HELP);
        return sb.toString();
    }

    private static final String HELP = """

              --out DIR        output: the CSV folder (--format csv), or any Hadoop path (--format parquet)
              --format F       csv (default: the folder glosa writes) or parquet (one folder per table, partitioned by
                               as_of; a rerun of a week replaces its partition), or csv,parquet: both from one run,
                               the Parquet tables in the CSV folder's subfolder parquet
              --config FILE    settings in YAML or JSON, as for glosa
              --as-of DATE     the date the run analyses the data as of, yyyy-MM-dd (default today)
              --threads N      threads of the driver's own steps
              --master URL     Spark master when not given by spark-submit (bin/glosa-spark gives local[*])
              --max-segment-rows N  the most rows one segment may have: one executor holds a segment whole
                               (default 2,000,000); a larger segment stops the run naming it and its size
              --lang L         language of the console, labels and errors: pt-BR or en (default: lang: in the
                               configuration, else the system's)
              --input-format F sus only: dbc (default: .dbc/.dbf files), parquet (--rd/--rj/--er are Parquet paths) or
                               table (Spark table names), with DATASUS's field names (N_AIH, CNES, VAL_TOT...)
              --verbose        stack traces on failure""";

    /** The language of an error: {@code --lang}'s when the arguments hold a valid one, else the system's. */
    private static Language language(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--lang")) {
                try {
                    return Language.parse(args[i + 1]);
                } catch (IllegalArgumentException e) {
                    return Language.system();
                }
            }
        }
        return Language.system();
    }

    private static RunLog log(PrintStream out, PrintStream err) {
        return new RunLog() {
            @Override
            public void info(String line) {
                err.println(line);
            }

            @Override
            public void result(String line) {
                out.println(line);
            }
        };
    }
}
