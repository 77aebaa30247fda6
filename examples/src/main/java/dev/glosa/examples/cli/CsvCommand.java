package dev.glosa.examples.cli;

import dev.glosa.io.csv.CsvMapping;
import dev.glosa.io.csv.CsvReadException;
import dev.glosa.io.csv.CsvReadResult;
import dev.glosa.io.csv.CsvReader;
import dev.glosa.io.powerbi.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code glosa csv}: an ERP export in the reference shape (or any mapped shape), clustered and written. */
final class CsvCommand implements Command {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String summary() {
        return "cluster the glosa lines of an ERP export (CSV, pt-BR formats welcome)";
    }

    @Override
    public String help() {
        return """
                Usage: glosa csv --in FILE [--mapping FILE] --out DIR [--month yyyy-MM] [--config FILE] [--as-of DATE]
                                 [--threads N] [--verbose]

                Reads an ERP export of glosa lines (';' or ',' separated, UTF-8 or Windows-1252, pt-BR or plain
                numbers, detected), aggregates it by every dimension × month with the previous month's amounts, and
                clusters the month analysed per hospital × payer × glosa type on the reference features (glosa this
                month, glosa rate, jump in value, jump in rate). Bad rows go to <out>/rejects.csv with their line,
                column and reason; the run stops when more than the mapping's share (1% by default) is rejected.

                  --in FILE        the export
                  --mapping FILE   which column plays which role (YAML or JSON); default: the reference ERP shape,
                                   examples/config/reference-erp.yaml
                  --out DIR        output folder (history accumulates there week after week)
                  --month M        the month to analyse (default: the last closed month before --as-of); earlier
                                   months only feed the previous-month features
                """ + RunOptions.HELP;
    }

    /** The mapping of {@code --mapping}, or the reference ERP mapping. */
    static CsvMapping mapping(Args args) {
        try {
            return args.has("mapping") ? CsvMapping.load(Path.of(args.one("mapping", null))) : CsvMapping.reference();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, "mapping: " + e.getMessage(), e);
        }
    }

    /** The month of {@code --month}, or {@code null} for the last closed one. */
    static YearMonth month(Args args) {
        if (!args.has("month")) {
            return null;
        }
        try {
            return YearMonth.parse(args.one("month", null));
        } catch (DateTimeParseException e) {
            throw new CliException(CliException.USAGE, "--month must look like 2026-10, found '"
                    + args.one("month", null) + "'");
        }
    }

    @Override
    public void run(String[] argv, Console console) {
        Set<String> valued = new HashSet<>(RunOptions.VALUED);
        valued.addAll(Set.of("in", "mapping", "month"));
        Args args = Args.parse(name(), argv, valued, RunOptions.FLAGS);
        Path in = Path.of(args.required("in"));
        RunOptions options = RunOptions.from(args, null, console);
        CsvMapping mapping = mapping(args);
        YearMonth month = month(args);
        CsvReadResult read;
        Path rejects = options.out().resolve("rejects.csv");
        try {
            java.nio.file.Files.createDirectories(options.out());
            read = CsvReader.read(in, mapping, rejects);
        } catch (NoSuchFileException e) {
            throw new CliException(CliException.USAGE, "file not found: " + e.getFile(), e);
        } catch (CsvReadException e) {
            throw new CliException(CliException.USAGE, e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new CliException(CliException.USAGE, "cannot read " + in + ": " + e.getMessage(), e);
        }
        console.info(read.report().summary());
        for (String warning : read.report().warnings()) {
            console.info("warning: " + warning);
        }
        RunRecord.Input input;
        try {
            input = RunRecord.Input.of(in, read.report().records());
        } catch (IOException e) {
            throw new CliException(CliException.USAGE, "cannot read " + in + ": " + e.getMessage(), e);
        }
        Prepared prepared = Sources.erp("csv", read.table(), month, YearMonth.from(options.asOf()), List.of(input),
                read.report().rejectedRows(), mapping.personalOverrides());
        Job.run(prepared, options.config(), options.configSha256(), options.output(), options.asOf(), options.threads(),
                console);
    }
}
