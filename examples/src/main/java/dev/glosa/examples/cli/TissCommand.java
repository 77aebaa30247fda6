package dev.glosa.examples.cli;

import dev.glosa.io.powerbi.RunRecord;
import dev.glosa.io.tiss.RecoveryRate;
import dev.glosa.io.tiss.TissColumns;
import dev.glosa.io.tiss.TissFormatException;
import dev.glosa.io.tiss.TissInput;
import dev.glosa.io.tiss.TissReadResult;
import dev.glosa.io.tiss.TissReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code glosa tiss}: TISS demonstrativos (and appeals) from operators, clustered and written. */
final class TissCommand implements Command {

    @Override
    public String name() {
        return "tiss";
    }

    @Override
    public String summary() {
        return "cluster the glosas of TISS XML demonstrativos de análise de conta (3.05, 4.01) and their appeals";
    }

    @Override
    public String help() {
        return """
                Usage: glosa tiss --in DIR|FILE... --out DIR [--config FILE] [--as-of DATE] [--threads N] [--verbose]

                Reads TISS demonstrativos de análise de conta (and recursos de glosa with the operators' answers) from
                files or folders (read recursively, in path order), one row per item and glosa code, with glosas
                given only at guide or protocol level kept as rows of that level. Reason codes are grouped by TISS
                Tabela 38 and typed (administrativa, técnica, contratual). Totals that do not add up are reported.
                Items with a glosa are clustered per hospital × operator × glosa type; all items and the indicators
                go to the outputs. DTDs and external entities are refused.

                  --in PATH...   demonstrativo / recurso files or folders
                  --out DIR      output folder (history accumulates there week after week)
                """ + RunOptions.HELP;
    }

    @Override
    public void run(String[] argv, Console console) {
        Set<String> valued = new HashSet<>(RunOptions.VALUED);
        valued.add("in");
        Args args = Args.parse(name(), argv, valued, RunOptions.FLAGS);
        List<Path> paths = args.paths("in");
        if (paths.isEmpty()) {
            throw new CliException(CliException.USAGE, "--in is required (glosa tiss --help)");
        }
        RunOptions options = RunOptions.from(args, null, console);
        List<Path> files = files(paths);
        Inputs.requireDistinct(files);
        // Guide numbers lead back to a patient's stay: the identifier choice is checked before anything is read.
        SusCommand.requireIdentifierChoice(options.config(), List.of(TissColumns.GUIDE_NUMBER));
        TissReadResult read;
        try {
            read = TissReader.read(files.toArray(new Path[0]));
        } catch (NoSuchFileException e) {
            throw new CliException(CliException.USAGE, "file not found: " + e.getFile(), e);
        } catch (TissFormatException e) {
            throw new CliException(CliException.USAGE, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(CliException.USAGE, "cannot read TISS input: " + e.getMessage(), e);
        }
        console.info(String.format("TISS: %,d rows from %d file(s); %d total(s) that do not add up", read.table().rowCount(),
                read.report().files().size(), read.report().mismatches().size()));
        for (String w : read.report().warnings()) {
            console.info("warning: " + w);
        }
        for (RecoveryRate r : read.recoveryRates()) {
            console.info("recovery: " + r);
        }
        Prepared prepared = Sources.tiss("tiss", read.table(), inputs(files, read));
        Job.run(prepared, options.config(), options.configSha256(), options.output(), options.asOf(), options.threads(),
                console);
    }

    /** The TISS files under {@code paths}, as the reader would read them; none is an error, not an empty week. */
    private static List<Path> files(List<Path> paths) {
        List<TissInput> inputs;
        try {
            inputs = TissInput.expand(paths.toArray(new Path[0]));
        } catch (NoSuchFileException e) {
            throw new CliException(CliException.USAGE, "file not found: " + e.getFile(), e);
        } catch (IOException e) {
            throw new CliException(CliException.USAGE, "cannot list the TISS input: " + e.getMessage(), e);
        }
        if (inputs.isEmpty()) {
            throw new CliException(CliException.USAGE, "no TISS files (.xml) found in " + paths
                    + ": nothing to analyse, no week written");
        }
        List<Path> out = new ArrayList<>();
        for (TissInput i : inputs) {
            out.add(Path.of(i.name()));
        }
        return out;
    }

    private static List<RunRecord.Input> inputs(List<Path> files, TissReadResult read) {
        List<RunRecord.Input> out = new ArrayList<>();
        for (Path f : files) {
            long rows = read.report().files().stream().filter(s -> s.file().equals(f.toString()))
                    .mapToLong(s -> s.rows()).sum();
            try {
                out.add(RunRecord.Input.of(f, rows));
            } catch (IOException e) {
                throw new CliException(CliException.USAGE, "cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
