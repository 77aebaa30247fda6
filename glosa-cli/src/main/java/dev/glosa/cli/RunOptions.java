package dev.glosa.cli;

import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;
import dev.glosa.run.GlosaRunException;
import dev.glosa.run.RunConfig;
import dev.glosa.run.spi.Options;
import dev.glosa.run.spi.SinkProvider;
import dev.glosa.run.spi.Sinks;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The options every analysing command shares: {@code --out}, {@code --config}, {@code --as-of}, {@code --threads},
 * and those of the sink providers on the class path ({@code --out-user}, {@code --work} for a database).
 *
 * @param out the output: a folder, or what a sink provider accepts (a {@code jdbc:} URL)
 * @param config the configuration
 * @param asOf the date the run analyses the data as of
 * @param threads worker threads
 */
record RunOptions(String out, RunConfig config, LocalDate asOf, int threads) {
    /**
     * The options every analysing command shares that take one value. A new shared option is added here, with its
     * line in {@link #help()} and its reading in {@link #from}; the parser of every source command then accepts it.
     */
    static final Set<String> VALUED = Set.of("out", "config", "as-of", "threads", "lang");
    /** The flags every analysing command shares. */
    static final Set<String> FLAGS = Set.of("verbose");

    /** Declares the shared options and every sink provider's on a source command. */
    static void declare(CommandSpec spec) {
        CommandSpecs.options(spec, VALUED, Set.of(), FLAGS);
        for (SinkProvider p : Sinks.providers()) {
            CommandSpecs.options(spec, p.valuedOptions(), p.multiValuedOptions(), Set.of());
        }
    }

    /** The shared lines of a command's help, with every sink provider's, in {@code language}. */
    static String help(Language language) {
        StringBuilder sb = new StringBuilder(GlosaCli.helpText("run-options-out", language));
        for (SinkProvider p : Sinks.providers()) {
            sb.append(p.help(language));
        }
        sb.append(GlosaCli.helpText("run-options", language));
        return sb.toString();
    }

    /**
     * Reads the shared options and checks the configuration whole, before any input is read; from then on the
     * console also logs to the output folder (for a database, to the work folder).
     */
    static RunOptions from(Options args, String defaultOut, Console console) {
        // Errors before the configuration is read speak --lang's language, else the system's.
        Messages text = Messages.of(args.has("lang") ? language(args.one("lang", null)) : Language.system());
        console.language(text.language());
        String out = args.one("out", defaultOut);
        if (out != null && out.isBlank()) {
            // Path.of("") is the current folder: an empty variable in a scheduled script must not write there.
            throw GlosaRunException.badInput(null, "error.outEmpty");
        }
        if (out == null) {
            throw GlosaRunException.badInput(null, "error.outRequired");
        }
        RunConfig config =
                args.has("config") ? RunConfig.load(Path.of(args.one("config", null))) : RunConfig.defaults();
        if (args.has("lang")) {
            config = config.withLang(language(args.one("lang", null)).tag());
        }
        console.language(config.language());
        config.validate();
        Path logFolder = Sinks.isFolder(out) ? Path.of(out) : Path.of(args.one("work", "."));
        // A file in the folder's place is refused by the sink when it opens, in one line; no log goes there.
        if (!java.nio.file.Files.exists(logFolder) || java.nio.file.Files.isDirectory(logFolder)) {
            console.logTo(logFolder);
        }
        LocalDate asOf = args.date("as-of", LocalDate.now());
        int threads = args.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
        return new RunOptions(out, config, asOf, threads);
    }

    private static Language language(String given) {
        try {
            return Language.parse(given);
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(Messages.of(Language.system()).text("error.language", given), e);
        }
    }
}
