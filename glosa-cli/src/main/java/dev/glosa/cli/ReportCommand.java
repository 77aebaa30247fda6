package dev.glosa.cli;

import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;
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
    public String summary(Language language) {
        return Messages.of(language).text("command.report");
    }

    @Override
    public String help(Language language) {
        return GlosaCli.helpText("report", language);
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
                    CliException.USAGE, Messages.of(console.language()).text("report.noFolder", folder));
        }
        LocalDate asOf = args.date("as-of", null);
        Language lang;
        try {
            lang = args.has("lang") ? Language.parse(args.one("lang", null)) : Language.system();
        } catch (IllegalArgumentException e) {
            throw new CliException(
                    CliException.USAGE,
                    Messages.of(console.language()).text("error.language", Options.printable(args.one("lang", ""))));
        }
        try {
            Path written = HtmlReport.write(folder, asOf, lang.locale());
            console.println(Messages.of(lang)
                    .text("report.written", written.toAbsolutePath().normalize()));
        } catch (IOException e) {
            throw new CliException(CliException.USAGE, e.getMessage());
        }
    }
}
