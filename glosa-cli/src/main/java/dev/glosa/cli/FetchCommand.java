package dev.glosa.cli;

import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;
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
    public String summary(Language language) {
        return Messages.of(language).text("command.fetch");
    }

    @Override
    public String help(Language language) {
        return GlosaCli.helpText("fetch", language)
                + DatasusOptions.help(language)
                + GlosaCli.helpText("fetch-end", language);
    }

    @Override
    public void declare(CommandSpec spec) {
        Set<String> valued = new HashSet<>(DatasusOptions.VALUED);
        valued.add("groups");
        valued.add("config");
        valued.add("lang");
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
        Messages text = Messages.of(console.language());
        console.info(text.text(
                        "fetch.done",
                        r.files().size(),
                        fresh,
                        text.number(downloaded),
                        r.files().size() - fresh)
                + (r.files().stream().anyMatch(f -> f.origin() == FetchResult.Origin.CACHE_UNCHECKED)
                        ? " " + text.text("fetch.unchecked")
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
