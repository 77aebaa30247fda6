package dev.glosa.cli;

import dev.glosa.io.datasus.FetchResult;
import dev.glosa.io.sih.SihSystem;
import dev.glosa.run.GlosaRunException;
import dev.glosa.run.RunConfig;
import dev.glosa.run.sources.DatasusOptions;
import dev.glosa.run.spi.Options;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/** {@code glosa fetch}: SIH files from DATASUS (or a mirror) into the cache, printing where each file is. */
final class FetchCommand implements Command {

    @Override
    public String name() {
        return "fetch";
    }

    @Override
    public String summary() {
        return "download SIH files (RD, RJ, ER, SP) from DATASUS by state and month into a verified cache";
    }

    @Override
    public String help() {
        return """
                Usage: glosa fetch --uf UF[,UF...] --from YYYY-MM [--to YYYY-MM] [--groups RD,RJ,ER] [--cache DIR]
                                   [--mirror URL]... [--offline] [--connections N] [--config FILE] [--verbose]

                Downloads the SIH files of the states and months from DATASUS (ftp://ftp.datasus.gov.br, unless
                --mirror says otherwise) into the cache, and prints the path of each, one per line. A file is kept
                only whole: its size is the server's and its CRC-32 checks. A cut transfer resumes, failures are
                retried with back-off, then the next mirror is tried; with no mirror answering, cached files are used.
                Progress goes to standard error and to glosa.log in the cache folder. See docs/fetching.md.

                  --groups G[,G...]  SIH groups: RD (paid), RJ (rejected), ER (rejection errors), SP (professional
                                     services); default RD,RJ,ER
                """ + DatasusOptions.HELP + """
                  --config FILE    settings; its datasus.mirrors and datasus.cache are used unless --mirror or
                                   --cache is given
                  --verbose        stack traces on failure""";
    }

    @Override
    public void declare(CommandSpec spec) {
        Set<String> valued = new HashSet<>(DatasusOptions.VALUED);
        valued.add("groups");
        valued.add("config");
        valued.remove("rd-to");
        CommandSpecs.options(spec, valued, DatasusOptions.MULTI_VALUED, DatasusOptions.flags(Set.of("verbose")));
    }

    @Override
    public void run(Options args, Console console) {
        if (!args.has("uf")) {
            throw GlosaRunException.badInput(null, "error.fetchUf");
        }
        List<SihSystem> groups = groups(args);
        RunConfig config =
                args.has("config") ? RunConfig.load(Path.of(args.one("config", null))) : RunConfig.defaults();
        console.logTo(DatasusOptions.cache(args, config));
        FetchResult r = DatasusOptions.fetch(
                DatasusOptions.request(args, config, DatasusOptions.files(args, groups), console),
                console,
                console.language());
        long downloaded = 0;
        int fresh = 0;
        for (FetchResult.File f : r.files()) {
            console.println(f.path().toString());
            if (f.origin() == FetchResult.Origin.DOWNLOADED) {
                fresh++;
                downloaded += f.size();
            }
        }
        console.info(String.format(
                Locale.ROOT,
                "%d file(s): %d downloaded (%,d bytes), %d already in the cache%s",
                r.files().size(),
                fresh,
                downloaded,
                r.files().size() - fresh,
                r.files().stream().anyMatch(f -> f.origin() == FetchResult.Origin.CACHE_UNCHECKED)
                        ? " (some not checked against a server: see above)"
                        : ""));
    }

    private static List<SihSystem> groups(Options args) {
        List<SihSystem> groups = new ArrayList<>();
        for (String v : args.all("groups").isEmpty() ? List.of("RD,RJ,ER") : args.all("groups")) {
            for (String g : v.split(",")) {
                try {
                    SihSystem s = SihSystem.valueOf(g.trim().toUpperCase(Locale.ROOT));
                    if (!groups.contains(s)) {
                        groups.add(s);
                    }
                } catch (IllegalArgumentException e) {
                    throw GlosaRunException.badInput(e, "error.fetchGroups", g.trim());
                }
            }
        }
        return groups;
    }
}
