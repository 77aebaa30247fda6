package dev.glosa.cli;

import dev.glosa.core.text.Language;
import dev.glosa.report.HtmlReport;
import dev.glosa.run.spi.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/** {@code glosa report}: redraws {@code report.html} of an output folder from the folder's history. */
final class ReportCommand implements Command {

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "redraw report.html of an output folder, for its latest week or --as-of DATE";
    }

    @Override
    public String help() {
        return """
                Usage: glosa report --out DIR [--as-of DATE] [--lang en|pt-BR]

                Draws DIR/report.html again from the tables in DIR (runs.csv, dim_segment.csv, dim_group.csv,
                indicators.csv, fact_glosa.csv): one self-contained page (no script, nothing loaded from the network)
                with the run, the SUS reconciliation, the indicators with their 95% intervals, the costliest groups
                and the change since the week before. Every run writes it too; this redraws an earlier week.

                  --out DIR      the output folder of a glosa run
                  --as-of DATE   the week to draw (yyyy-MM-dd); default: the latest week in DIR
                  --lang LANG    en or pt-BR (default: the system's language, else en)
                  --verbose      stack traces on failure""";
    }

    @Override
    public void declare(CommandSpec spec) {
        CommandSpecs.options(spec, Set.of("out", "as-of", "lang"), Set.of(), Set.of("verbose"));
    }

    @Override
    public void run(Options args, Console console) {
        Path folder = Path.of(args.required("out"));
        if (!Files.isDirectory(folder)) {
            throw new CliException(
                    CliException.USAGE, folder + ": no such folder; give the --out folder of a glosa run");
        }
        LocalDate asOf = args.date("as-of", null);
        Language lang;
        try {
            lang = args.has("lang") ? Language.parse(args.one("lang", null)) : Language.system();
        } catch (IllegalArgumentException e) {
            throw new CliException(
                    CliException.USAGE,
                    "--lang must be en or pt-BR, found '" + Options.printable(args.one("lang", "")) + "'");
        }
        try {
            Path written = HtmlReport.write(folder, asOf, lang.locale());
            console.println("report in " + written.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new CliException(CliException.USAGE, e.getMessage());
        }
    }
}
