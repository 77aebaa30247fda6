package dev.glosa.examples.cli;

import dev.glosa.io.generate.ErpGenerator;
import dev.glosa.io.generate.ErpGeneratorConfig;
import dev.glosa.io.generate.ErpSample;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.io.generate.SihSample;
import dev.glosa.io.powerbi.RunRecord;
import dev.glosa.io.powerbi.WriterOptions;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code glosa demo}: the main job end to end on generated data, no input files needed. */
final class DemoCommand implements Command {
    /** The pseudonym key of generated data: it protects nothing, and says so. */
    static final String DEMO_KEY = "glosa-demo-key-for-generated-data-only";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run the whole weekly job on generated data (no input files needed)";
    }

    @Override
    public String help() {
        return """
                Usage: glosa demo [--source sus|erp] [--out DIR] [--rows N] [--seed S] [--config FILE] [--as-of DATE]
                                  [--threads N] [--verbose]

                Generates realistic data and runs the whole job on it: with --source sus (the default), SIH-like RD, RJ
                and ER tables with re-presentations, late and partial payments and long stays are reconciled so every
                claim counts once, the glosa indicators computed, and the claims with a glosa clustered per hospital ×
                payer × glosa type; with --source erp, ERP glosa lines in the reference shape with planted groups are
                aggregated with their previous-month features and clustered. Either way the groups are explained,
                ranked by money and written with the indicators as a Power BI star schema.

                  --source S     sus or erp (default sus)
                  --out DIR      output folder (default glosa-out/demo)
                  --rows N       about how many claims (sus) or lines (erp) to generate (default 30000)
                  --seed S       the generator's seed (default 42); the clustering seed comes from --config
                """ + RunOptions.HELP;
    }

    @Override
    public void run(String[] argv, Console console) {
        Set<String> valued = new HashSet<>(RunOptions.VALUED);
        valued.addAll(Set.of("source", "rows", "seed"));
        Args args = Args.parse(name(), argv, valued, RunOptions.FLAGS);
        String source = args.one("source", "sus");
        int rows = args.integer("rows", 30_000, 100, 50_000_000);
        long seed = args.longValue("seed", 42);
        RunOptions options = RunOptions.from(args, Path.of("glosa-out", "demo"), console);
        JobConfig config = withDemoKey(options.config(), console);
        Prepared prepared = switch (source) {
            case "sus" -> sus(rows, seed, config, console);
            case "erp" -> erp(rows, seed, console);
            default -> throw new CliException(CliException.USAGE, "--source must be sus or erp, found '" + source + "'");
        };
        // The fingerprint is of the configuration as given: the demo key is not part of it.
        Job.run(prepared, config, options.configSha256(), options.output(), options.asOf(), options.threads(), console);
    }

    private static Prepared sus(int rows, long seed, JobConfig config, Console console) {
        SihGeneratorConfig generator = SihGeneratorConfig.defaults(seed).withTotalClaims(rows);
        console.info(String.format("generating about %,d SIH-like claims (seed %d)...", rows, seed));
        SihSample sample = SihGenerator.generate(generator);
        console.info(String.format("RD %,d rows, RJ %,d rows, ER %,d rows", sample.rd().rowCount(),
                sample.rj().rowCount(), sample.er().rowCount()));
        List<RunRecord.Input> inputs = List.of(
                generated("generated:sih-rd", generator, sample.rd().rowCount()),
                generated("generated:sih-rj", generator, sample.rj().rowCount()),
                generated("generated:sih-er", generator, sample.er().rowCount()));
        Prepared p = Sources.sus("demo", sample.rd(), sample.rj(), sample.er(), config, inputs);
        console.println("Reconciliation");
        console.println(p.reconciliation().summary());
        console.println("");
        console.println("Indicators");
        console.println(IndicatorFormat.header());
        p.indicators().stream().filter(r -> r.period().isEmpty()).limit(8)
                .forEach(r -> console.println(IndicatorFormat.line(r)));
        console.println("");
        return p;
    }

    private static Prepared erp(int rows, long seed, Console console) {
        ErpGeneratorConfig defaults = ErpGeneratorConfig.defaults(seed);
        int perHospital = defaults.payers() * defaults.glosaTypes() * defaults.linesPerSegment() * defaults.months();
        int hospitals = (int) Math.max(1, Math.min(500, Math.round(rows / (perHospital * defaults.segmentShare()))));
        ErpGeneratorConfig generator = defaults.withSegments(hospitals, defaults.payers(), defaults.glosaTypes(),
                defaults.segmentShare());
        console.info(String.format("generating ERP glosa lines of %d hospitals over %d months (seed %d)...", hospitals,
                generator.months(), seed));
        ErpSample sample = ErpGenerator.generate(generator);
        console.info(String.format("%,d lines; analysing %s", sample.table().rowCount(), generator.analysedMonth()));
        List<RunRecord.Input> inputs = List.of(generated("generated:erp", generator, sample.table().rowCount()));
        YearMonth month = generator.analysedMonth();
        return Sources.erp("demo", sample.table(), month, month.plusMonths(1), inputs, 0, Map.of());
    }

    private static RunRecord.Input generated(String name, Object generatorConfig, long rows) {
        return new RunRecord.Input(name, RunRecord.sha256(generatorConfig.toString()), rows);
    }

    /** Generated data has no patients: unless told otherwise, pseudonymise with a key that is not secret. */
    private static JobConfig withDemoKey(JobConfig c, Console console) {
        if (c.identifiers() != null || c.pseudonymKey() != null
                || System.getenv(WriterOptions.KEY_ENVIRONMENT_VARIABLE) != null) {
            return c;
        }
        console.info("demo: patient identifiers (claim numbers) pseudonymised with a demo key; real runs take theirs from "
                + WriterOptions.KEY_ENVIRONMENT_VARIABLE);
        return new JobConfig(c.segmentKeys(), c.features(), c.strategy(), c.parameters(), c.criterion(), c.kMin(),
                c.kMax(), c.minSegmentSize(), c.seed(), c.rankBy(), c.overrides(), c.identifiers(), DEMO_KEY,
                c.identifierColumns(), c.dedup(), c.database());
    }
}
