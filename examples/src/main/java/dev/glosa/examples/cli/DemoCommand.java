package dev.glosa.examples.cli;

import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.indicator.Indicators;
import dev.glosa.core.reconcile.Reconciler;
import dev.glosa.core.reconcile.Reconciliation;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.io.generate.SihSample;
import java.util.List;
import java.util.Set;

/** {@code glosa demo}: the main job end to end on generated data, no files needed. */
final class DemoCommand implements Command {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run the whole job on generated SUS-like data (no input files needed)";
    }

    @Override
    public String help() {
        return """
                Usage: glosa demo [--rows N] [--seed S] [--verbose]

                Generates SIH-like RD (paid), RJ (rejected) and ER (error) tables with re-presentations, late and
                partial payments and long stays, reconciles them so every claim counts once, and prints the
                reconciliation report and the glosa indicators.

                  --rows N    about how many claims to generate (default 30000)
                  --seed S    the seed; the same seed gives the same output (default 42)
                  --verbose   stack traces on failure""";
    }

    @Override
    public void run(String[] argv, Console console) {
        Args args = Args.parse(name(), argv, Set.of("rows", "seed"), Set.of("verbose"));
        int rows = args.integer("rows", 30_000, 100, 50_000_000);
        long seed = args.longValue("seed", 42);
        SihGeneratorConfig config = SihGeneratorConfig.defaults(seed).withTotalClaims(rows);
        console.info(String.format("generating about %,d SIH-like claims (seed %d)...", rows, seed));
        SihSample sample = SihGenerator.generate(config);
        console.info(String.format("RD %,d rows, RJ %,d rows, ER %,d rows", sample.rd().rowCount(), sample.rj().rowCount(),
                sample.er().rowCount()));
        Reconciliation r = Reconciler.sih().reconcile(sample.rj(), sample.rd());
        console.println("Reconciliation");
        console.println(r.report().summary());
        console.println("");
        console.println("Indicators");
        List<IndicatorRow> indicators = Indicators.standard(r.claims());
        console.println(IndicatorFormat.header());
        for (IndicatorRow row : indicators) {
            if (row.period().isEmpty()) {
                console.println(IndicatorFormat.line(row));
            }
        }
    }
}
