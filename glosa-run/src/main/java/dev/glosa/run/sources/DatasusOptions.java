package dev.glosa.run.sources;

import dev.glosa.core.run.RunLog;
import dev.glosa.core.text.Language;
import dev.glosa.core.text.Phrase;
import dev.glosa.io.datasus.DatasusException;
import dev.glosa.io.datasus.DatasusFiles;
import dev.glosa.io.datasus.FetchListener;
import dev.glosa.io.datasus.FetchRequest;
import dev.glosa.io.datasus.FetchResult;
import dev.glosa.io.datasus.SihFileName;
import dev.glosa.io.sih.SihSystem;
import dev.glosa.run.GlosaRunException;
import dev.glosa.run.RunConfig;
import dev.glosa.run.spi.Help;
import dev.glosa.run.spi.Options;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The options that fetch SIH files from DATASUS ({@code --uf}, {@code --from}, {@code --to}, {@code --cache},
 * {@code --mirror}, {@code --offline}...), shared by {@code glosa fetch} and {@code glosa sus}.
 */
public final class DatasusOptions {
    /** The options that take a value. */
    public static final Set<String> VALUED = Set.of("uf", "from", "to", "rd-to", "cache", "mirror", "connections");
    /** Those of {@link #VALUED} that take one or more values. */
    public static final Set<String> MULTI_VALUED = Set.of("mirror");
    /** The flags. */
    public static final Set<String> FLAGS = Set.of("offline");

    /**
     * {@return the help lines of the DATASUS options in {@code language}, indented by two spaces, each ending with a
     * line break}
     *
     * @param language the reader's language
     */
    public static String help(Language language) {
        return Help.of("datasus", language);
    }

    /**
     * What {@code glosa sus} fetches: with {@code --uf}, RD from {@code --from} to {@code --rd-to} (default
     * {@code --to}), RJ and ER from {@code --from} to {@code --to}, except a group given as files, which the user's
     * copies replace.
     *
     * @param rd the RD files to fetch (empty when RD is given as files)
     * @param rj the RJ files to fetch
     * @param er the ER files to fetch
     * @param request the fetch settings (cache, mirrors, offline, connections) with no file yet
     */
    public record SusFetch(List<SihFileName> rd, List<SihFileName> rj, List<SihFileName> er, FetchRequest request) {
        /**
         * Copies the lists.
         *
         * @param rd as {@link #rd()}
         * @param rj as {@link #rj()}
         * @param er as {@link #er()}
         * @param request as {@link #request()}
         */
        public SusFetch {
            rd = List.copyOf(rd);
            rj = List.copyOf(rj);
            er = List.copyOf(er);
        }

        /**
         * Fetches every file, reporting to {@code log} in {@code language}; returns the local paths of RD, RJ and ER,
         * in that order.
         */
        List<List<Path>> fetch(RunLog log, Language language) {
            List<SihFileName> all = new ArrayList<>(rd);
            all.addAll(rj);
            all.addAll(er);
            FetchResult fetched =
                    DatasusOptions.fetch(request.withFiles(all).withListener(listener(log)), log, language);
            return List.of(fetched.paths(SihSystem.RD), fetched.paths(SihSystem.RJ), fetched.paths(SihSystem.ER));
        }
    }

    private DatasusOptions() {}

    /**
     * {@return {@code flags} and these options' flags}
     *
     * @param flags the command's own flags
     */
    public static Set<String> flags(Set<String> flags) {
        Set<String> all = new HashSet<>(flags);
        all.addAll(FLAGS);
        return all;
    }

    /**
     * The files {@code glosa sus} fetches, checked but not fetched; {@code null} without {@code --uf} (then none of
     * the fetch options may be given).
     *
     * @param args the command's options
     * @param config the settings: the configured mirrors and cache
     * @param rdGiven whether RD is given as files (and so not fetched)
     * @param rjGiven whether RJ is given as files
     * @param erGiven whether ER is given as files
     * @return the files to fetch and how, or {@code null} without {@code --uf}
     */
    public static SusFetch forSus(Options args, RunConfig config, boolean rdGiven, boolean rjGiven, boolean erGiven) {
        if (!args.has("uf")) {
            for (String option : List.of("from", "to", "rd-to", "mirror", "cache", "offline", "connections")) {
                if (args.has(option)) {
                    throw GlosaRunException.badInput(null, "error.datasus.needsUf", option);
                }
            }
            return null;
        }
        List<String> states = states(args);
        YearMonth from = month(args, "from", null);
        YearMonth to = month(args, "to", from);
        YearMonth rdTo = month(args, "rd-to", to);
        if (rdTo.isBefore(to)) {
            throw GlosaRunException.badInput(null, "error.datasus.rdTo", rdTo, to);
        }
        List<SihFileName> rd = rdGiven ? List.of() : expand(SihSystem.RD, states, from, rdTo);
        List<SihFileName> rj = rjGiven ? List.of() : expand(SihSystem.RJ, states, from, to);
        List<SihFileName> er = erGiven ? List.of() : expand(SihSystem.ER, states, from, to);
        return new SusFetch(rd, rj, er, request(args, config, List.of(), RunLog.NONE));
    }

    /**
     * {@return the months of {@code --from}..{@code --to} of {@code groups} for the {@code --uf} states}
     *
     * @param args the command's options
     * @param groups the SIH groups to fetch (RD, RJ, ER, SP)
     */
    public static List<SihFileName> files(Options args, List<SihSystem> groups) {
        List<String> states = states(args);
        YearMonth from = month(args, "from", null);
        YearMonth to = month(args, "to", from);
        List<SihFileName> files = new ArrayList<>();
        for (SihSystem g : groups) {
            files.addAll(expand(g, states, from, to));
        }
        return files;
    }

    /**
     * {@return the cache folder: {@code --cache}, else the configuration's {@code datasus.cache}, else the library's
     * default}
     *
     * @param args the command's options
     * @param config the settings
     */
    public static Path cache(Options args, RunConfig config) {
        String c = args.one("cache", config.datasus().cache());
        return c == null ? DatasusFiles.defaultCache() : Path.of(c);
    }

    /**
     * The fetch request of these options, reporting to {@code console}: the mirrors of {@code --mirror}, else the
     * configuration's {@code datasus.mirrors}, else the DATASUS FTP server.
     *
     * @param args the command's options
     * @param config the settings
     * @param files the files to fetch
     * @param console where the progress of each file goes
     * @return the request
     */
    public static FetchRequest request(Options args, RunConfig config, List<SihFileName> files, RunLog console) {
        FetchRequest r = FetchRequest.of(files)
                .withCache(cache(args, config))
                .withOffline(args.has("offline"))
                .withConnections(args.integer("connections", 2, 1, 16))
                .withListener(listener(console));
        List<String> given =
                args.has("mirror") ? args.all("mirror") : config.datasus().mirrors();
        if (!given.isEmpty()) {
            List<URI> mirrors = new ArrayList<>();
            for (String m : given) {
                mirrors.add(mirror(m));
            }
            try {
                r = r.withMirrors(mirrors);
            } catch (IllegalArgumentException e) {
                throw GlosaRunException.badInput(e, "error.datasus.mirror", e.getMessage());
            }
        }
        return r;
    }

    /**
     * Fetches, turning a failure into one line in {@code language}: bad months or offline misses are usage errors, the
     * rest failures.
     *
     * @param request what to fetch, from where, into which cache
     * @param console where the start and the progress go
     * @param language the language of the lines and of a failure
     * @return where each file is, and where it came from
     */
    public static FetchResult fetch(FetchRequest request, RunLog console, Language language) {
        console.info(Phrase.of(
                        request.offline() ? "fetch.offline" : "fetch.start",
                        request.files().size(),
                        request.cache(),
                        request.mirrors())
                .in(language));
        try {
            return DatasusFiles.fetch(request);
        } catch (DatasusException e) {
            boolean given = e.kind() == DatasusException.Kind.NOT_FOUND || e.kind() == DatasusException.Kind.NOT_CACHED;
            throw new GlosaRunException(
                    given ? GlosaRunException.Kind.BAD_INPUT : GlosaRunException.Kind.FAILURE,
                    Phrase.of("error.datasus." + e.kind().name().toLowerCase(Locale.ROOT), e.getMessage()),
                    e);
        } catch (IOException e) {
            throw GlosaRunException.failure(e, "error.datasus.cache", request.cache(), e.getMessage());
        }
    }

    static FetchListener listener(RunLog console) {
        return new FetchListener() {
            @Override
            public void notice(String line) {
                synchronized (console) {
                    console.info(line);
                }
            }

            @Override
            public void progress(Progress p) {
                synchronized (console) {
                    console.info(p.describe());
                }
            }
        };
    }

    private static List<SihFileName> expand(SihSystem group, List<String> states, YearMonth from, YearMonth to) {
        try {
            return SihFileName.expand(List.of(group), states, from, to);
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e, "error.datasus.fromTo", e.getMessage());
        }
    }

    /**
     * {@return the states of {@code --uf}, upper-cased, each once, in the order given}
     *
     * @param args the command's options
     * @throws GlosaRunException naming the states, for a value that is not one
     */
    public static List<String> states(Options args) {
        Set<String> states = new LinkedHashSet<>();
        for (String v : args.all("uf")) {
            for (String s : v.split(",")) {
                String uf = s.trim().toUpperCase(Locale.ROOT);
                if (!SihFileName.STATES.contains(uf)) {
                    throw GlosaRunException.badInput(
                            null, "error.datasus.state", s.trim(), String.join(",", SihFileName.STATES));
                }
                states.add(uf);
            }
        }
        if (states.isEmpty()) {
            throw GlosaRunException.badInput(null, "error.datasus.ufEmpty");
        }
        return List.copyOf(states);
    }

    private static YearMonth month(Options args, String name, YearMonth fallback) {
        String v = args.one(name, null);
        if (v == null) {
            if (fallback == null) {
                throw GlosaRunException.badInput(null, "error.datasus.monthRequired", name);
            }
            return fallback;
        }
        try {
            YearMonth m = YearMonth.parse(v.trim());
            if (m.isBefore(SihFileName.FIRST_MONTH)) {
                throw GlosaRunException.badInput(null, "error.datasus.firstMonth", name, SihFileName.FIRST_MONTH, m);
            }
            return m;
        } catch (DateTimeParseException e) {
            throw GlosaRunException.badInput(e, "error.datasus.month", name, v);
        }
    }

    private static URI mirror(String m) {
        String s = m.trim();
        try {
            // A bare folder is a file: mirror.
            if (!s.contains("://") && !s.startsWith("file:")) {
                return Path.of(s).toAbsolutePath().toUri();
            }
            return URI.create(s);
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e, "error.datasus.mirrorUrl", m);
        }
    }
}
