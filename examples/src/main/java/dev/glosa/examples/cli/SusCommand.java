package dev.glosa.examples.cli;

import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import dev.glosa.io.dbf.MalformedFileException;
import dev.glosa.io.powerbi.RunRecord;
import dev.glosa.io.sih.SihBatch;
import dev.glosa.io.sih.SihReadOptions;
import dev.glosa.io.sih.SihReader;
import dev.glosa.io.sih.SihSystem;
import dev.glosa.io.sih.SihTable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code glosa sus}: DATASUS SIH files reconciled, indicators, groups, Power BI outputs. */
final class SusCommand implements Command {

    @Override
    public String name() {
        return "sus";
    }

    @Override
    public String summary() {
        return "reconcile DATASUS SIH files (RD paid, RJ rejected, ER errors) and cluster their glosas";
    }

    @Override
    public String help() {
        return """
                Usage: glosa sus --rd FILE... --rj FILE... [--er FILE...] --out DIR [--config FILE] [--as-of DATE]
                                 [--threads N] [--verbose]
                       glosa sus --uf UF --from YYYY-MM --to YYYY-MM [--rd-to YYYY-MM] --out DIR [--cache DIR]
                                 [--mirror URL]... [--offline] [...]

                Reads SIH files (.dbc or .dbf, any layout era), reconciles the rejected AIHs (RJ) with the paid ones
                (RD) so that every AIH counts once (a re-presented AIH is deduplicated, first occurrence by default, in
                the order the RJ files are given; a long stay's rows in RD are summed), computes the glosa indicators
                over all reconciled AIHs, and clusters the AIHs that carry a glosa per hospital × payer × glosa type
                (the glosa type is the CO_ERRO group from ER when given). AIHs without glosa stay in the fact table
                with an empty cluster_id.

                  --rd FILE...   RD files (paid AIHs); give a wider window of months than RJ to find late payments
                  --rj FILE...   RJ files (rejected AIHs), in the order "first occurrence" follows
                  --er FILE...   ER files (one row per rejection error), joined to RJ by AIH and CNES
                  --out DIR      output folder (history accumulates there week after week)

                With --uf, RD, RJ and ER of the states and months are fetched from DATASUS (see glosa fetch and
                docs/fetching.md), except a group given as files, which those files replace:
                  --rd-to YYYY-MM  last RD month (default --to): a wider RD window finds later payments
                """ + DatasusOptions.HELP + RunOptions.HELP;
    }

    @Override
    public void run(String[] argv, Console console) {
        Set<String> valued = new HashSet<>(RunOptions.VALUED);
        valued.addAll(Set.of("rd", "rj", "er"));
        valued.addAll(DatasusOptions.VALUED);
        Args args = Args.parse(name(), argv, valued, DatasusOptions.flags(RunOptions.FLAGS));
        if ((args.paths("rd").isEmpty() || args.paths("rj").isEmpty()) && !args.has("uf")) {
            throw new CliException(CliException.USAGE, "--rd and --rj (or --uf to fetch them) are required "
                    + "(glosa sus --help)");
        }
        RunOptions options = RunOptions.from(args, null, console);
        DatasusOptions.SusFiles files = DatasusOptions.forSus(args, args.paths("rd"), args.paths("rj"),
                args.paths("er"), console);
        // SIH files always carry AIH numbers: the identifier choice is checked before any is read.
        requireIdentifierChoice(options.config(), List.of(Role.CLAIM_ID.column()));
        List<Path> rdFiles = files.rd();
        List<Path> rjFiles = files.rj();
        List<Path> erFiles = files.er();
        List<Path> all = new ArrayList<>(rdFiles);
        all.addAll(rjFiles);
        all.addAll(erFiles);
        Inputs.requireDistinct(all);
        List<RunRecord.Input> inputs = new ArrayList<>();
        GlosaTable rd = read(rdFiles, SihSystem.RD, "--rd", inputs, console);
        GlosaTable rj = read(rjFiles, SihSystem.RJ, "--rj", inputs, console);
        GlosaTable er = erFiles.isEmpty() ? null : read(erFiles, SihSystem.ER, "--er", inputs, console);
        Prepared prepared = Sources.sus("sus", rd, rj, er, options.config(), inputs);
        console.println(prepared.reconciliation().summary());
        Job.run(prepared, options.config(), options.configSha256(), options.output(), options.asOf(), options.threads(),
                console);
    }

    /**
     * Stops the run when {@code table} holds identifiers (by name, by content or by the mapping's override) and the
     * configuration chose no way to treat them.
     */
    static void requireIdentifierChoice(JobConfig config, dev.glosa.core.table.GlosaTable table,
            java.util.Map<String, Boolean> overrides) {
        try {
            config.writerOptions().withPersonalOverrides(overrides).checkIdentifiers(table);
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage(), e);
        }
    }

    /** Stops the run when {@code columns} hold identifiers and the configuration chose no way to treat them. */
    static void requireIdentifierChoice(JobConfig config, List<String> columns) {
        try {
            config.writerOptions().checkIdentifiers(columns);
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage(), e);
        }
    }

    /** Reads the files of one system; a file of another system under this option is a usage error. */
    static GlosaTable read(List<Path> files, SihSystem expected, String option, List<RunRecord.Input> inputs,
            Console console) {
        SihBatch batch;
        try {
            batch = SihReader.readAll(files, SihReadOptions.defaults());
        } catch (NoSuchFileException e) {
            throw new CliException(CliException.USAGE, "file not found: " + e.getFile(), e);
        } catch (MalformedFileException e) {
            throw new CliException(CliException.USAGE, e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, "cannot read " + option + " files: " + e.getMessage(), e);
        }
        for (SihTable t : batch.tables()) {
            if (t.system() != expected) {
                throw new CliException(CliException.USAGE, option + " expects " + expected + " files, but "
                        + t.files().get(0).read().file() + " is " + t.system() + " (" + t.files().get(0).layout().label()
                        + ")");
            }
        }
        SihTable table = batch.table(expected);
        // readAll keeps the order of the files given, so reports and files pair up one to one.
        for (int i = 0; i < files.size(); i++) {
            var report = table.files().get(i);
            for (String w : report.warnings()) {
                console.info("warning: " + report.read().file() + ": " + w);
            }
            try {
                inputs.add(RunRecord.Input.of(files.get(i), report.read().recordsRead()));
            } catch (IOException e) {
                throw new CliException(CliException.USAGE, "cannot read " + files.get(i) + ": " + e.getMessage(), e);
            }
        }
        console.info(String.format("%s: %,d rows from %d file(s)", expected, table.table().rowCount(), files.size()));
        return table.table();
    }
}
