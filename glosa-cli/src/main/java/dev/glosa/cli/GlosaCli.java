package dev.glosa.cli;

import dev.glosa.core.text.HelpText;
import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;
import dev.glosa.run.GlosaRunException;
import dev.glosa.run.spi.Options;
import dev.glosa.run.spi.SourceProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code glosa} command line: {@code glosa COMMAND [OPTIONS]}, launched by {@code bin/glosa} or {@code bin/glosa.cmd}.
 *
 * <p>Exit status 0 on success, 2 on bad usage, input or configuration, 1 on any other failure; a failure prints one
 * line naming what to fix, and its stack trace only with {@code --verbose}. Help and the version go to standard
 * output, usage errors to standard error.
 */
public final class GlosaCli {
    /** The command that prints the shell completion script. */
    static final String COMPLETION = "completion";

    /** {@code glosa help [COMMAND]}: the same text as {@code --help}, for those who type the word. */
    static final String HELP = "help";

    /** {@code glosa version}: the same line as {@code -V}. */
    static final String VERSION = "version";

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Console console;
    /** The language of help and usage: {@code --lang}'s when given, else the system's. */
    private Language language = Language.system();

    GlosaCli(Console console) {
        this.console = console;
        // Every source found on the class path is a command: a new source needs no change here.
        for (SourceProvider p : ServiceLoader.load(SourceProvider.class, GlosaCli.class.getClassLoader())) {
            commands.put(p.id(), new SourceCommand(p));
        }
        // The commands that are not sources: a new one is one more entry here.
        for (Command c : new Command[] {new InspectCommand(), new FetchCommand(), new ReportCommand()}) {
            commands.put(c.name(), c);
        }
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(new GlosaCli(Console.system()).run(args));
    }

    /** The parser: {@code glosa} with one subcommand per command, each declaring its options, and completion. */
    CommandLine parser() {
        CommandLine root = new CommandLine(spec("glosa", this::usage));
        for (Command c : commands.values()) {
            CommandSpec spec = spec(c.name(), () -> c.help(language));
            c.declare(spec);
            root.addSubcommand(c.name(), new CommandLine(spec));
        }
        root.addSubcommand(COMPLETION, new CommandLine(spec(COMPLETION, () -> helpText("completion", language))));
        CommandSpec help = spec(HELP, () -> Messages.of(language).text("usage.helpCommand"));
        help.addPositional(PositionalParamSpec.builder()
                .arity("0..1")
                .paramLabel("COMMAND")
                .completionCandidates(commands.keySet())
                .build());
        root.addSubcommand(HELP, new CommandLine(help));
        root.addSubcommand(
                VERSION,
                new CommandLine(spec(VERSION, () -> Messages.of(language).text("usage.versionCommand"))));
        // An argument starting with @ is a file name here (as on Windows), not a file of arguments.
        root.setExpandAtFiles(false);
        return root;
    }

    private static CommandSpec spec(String name, java.util.function.Supplier<String> help) {
        CommandSpec spec = CommandSpec.create().name(name).version("glosa " + version());
        spec.addOption(OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("show this help")
                .build());
        spec.addOption(OptionSpec.builder("-V", "--version")
                .versionHelp(true)
                .description("show the version")
                .build());
        // The help is the command's own text, not picocli's layout: one place says what an option means.
        spec.usageMessage().sectionKeys(List.of("glosa")).sectionMap().put("glosa", h -> help.get() + "\n");
        return spec;
    }

    /** Runs {@code args} and returns the exit status. */
    int run(String[] args) {
        language = helpLanguage(args);
        console.language(language);
        CommandLine root = parser();
        ParseResult parsed;
        try {
            parsed = root.parseArgs(args);
        } catch (ParameterException e) {
            console.info(usageError(root, e));
            console.close();
            return CliException.USAGE;
        }
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.isUsageHelpRequested()) {
                console.println(
                        level.commandSpec().commandLine().getUsageMessage().stripTrailing());
                return 0;
            }
            if (level.isVersionHelpRequested()) {
                console.println("glosa " + version());
                return 0;
            }
        }
        if (!parsed.hasSubcommand()) {
            console.info(usage());
            return CliException.USAGE;
        }
        String name = parsed.subcommand().commandSpec().name();
        if (name.equals(COMPLETION)) {
            console.println(AutoComplete.bash("glosa", root).stripTrailing());
            return 0;
        }
        if (name.equals(VERSION)) {
            console.println("glosa " + version());
            return 0;
        }
        if (name.equals(HELP)) {
            String askedFor = parsed.subcommand().matchedPositionalValue(0, null);
            List<String> asked = askedFor == null ? List.of() : List.of(askedFor);
            if (asked.isEmpty()) {
                console.println(usage());
                return 0;
            }
            CommandLine sub = root.getSubcommands().get(asked.get(0));
            if (sub == null) {
                console.info("glosa help: unknown command '" + Console.printable(asked.get(0)) + "'; commands: "
                        + String.join(", ", root.getSubcommands().keySet()) + " (glosa --help)");
                return CliException.USAGE;
            }
            console.println(sub.getUsageMessage().stripTrailing());
            return 0;
        }
        Command command = commands.get(name);
        Options options = CommandSpecs.toOptions(name, parsed.subcommand());
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        boolean verbose = options.has("verbose");
        try {
            // a URL may carry credentials: the command line is shown with them masked
            console.info("glosa " + version() + " " + command.name() + " "
                    + Console.printable(String.join(
                            " ",
                            Arrays.stream(rest)
                                    .map(dev.glosa.io.jdbc.JdbcUrls::mask)
                                    .toList())));
            command.run(options, console);
            return 0;
        } catch (CliException e) {
            console.info("glosa " + command.name() + ": " + Console.printable(e.getMessage()));
            if (verbose && e.getCause() != null) {
                console.info(stackTrace(e.getCause()));
            }
            return e.status();
        } catch (GlosaRunException e) {
            console.info("glosa " + command.name() + ": " + Console.printable(e.message(console.language())));
            if (verbose && e.getCause() != null) {
                console.info(stackTrace(e.getCause()));
            }
            return e.kind() == GlosaRunException.Kind.BAD_INPUT ? CliException.USAGE : CliException.FAILURE;
        } catch (OutOfMemoryError e) {
            // What an analyst can do about it, not the JVM's words: the heap is the one setting they control.
            Messages words = Messages.of(console.language());
            console.info("glosa " + command.name() + ": " + words.text("error.memory", heap()));
            if (verbose) {
                console.info(stackTrace(e));
            }
            return CliException.FAILURE;
        } catch (RuntimeException e) {
            Messages words = Messages.of(console.language());
            console.info("glosa " + command.name() + ": "
                    + words.text("error.failed", Console.printable(String.valueOf(e)))
                    + (verbose ? "" : " " + words.text("error.verbose")));
            if (verbose) {
                console.info(stackTrace(e));
            }
            return CliException.FAILURE;
        } finally {
            console.close();
        }
    }

    /** A usage error as one line: what is wrong, the closest option or command when one is near, where help is. */
    private String usageError(CommandLine root, ParameterException e) {
        CommandLine where = e.getCommandLine() == null ? root : e.getCommandLine();
        boolean top = where == root;
        String prefix = top ? "glosa: " : "glosa " + where.getCommandName() + ": ";
        String help = top ? " (glosa --help)" : " (glosa " + where.getCommandName() + " --help)";
        String what;
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            if (first.startsWith("-")) {
                what = "unknown option " + first;
            } else if (top) {
                what = "unknown command '" + first + "'; commands: "
                        + String.join(", ", root.getSubcommands().keySet());
            } else {
                what = "unexpected argument '" + first + "'";
            }
            List<String> near = CommandSpecs.nearest(
                    first,
                    first.startsWith("-")
                            ? where.getCommandSpec().optionsMap().keySet()
                            : where.getSubcommands().keySet());
            if (!near.isEmpty()) {
                what += "; did you mean " + String.join(" or ", near.subList(0, Math.min(3, near.size()))) + "?";
            }
        } else {
            String m = e.getMessage() == null ? String.valueOf(e) : e.getMessage();
            what = m.isEmpty() ? m : m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
        }
        return prefix + Console.printable(what) + help;
    }

    String usage() {
        Messages text = Messages.of(language);
        StringBuilder sb = new StringBuilder();
        sb.append(text.text("usage.title", version())).append("\n\n");
        sb.append(text.text("usage.line"))
                .append("\n\n")
                .append(text.text("usage.commands"))
                .append('\n');
        for (Command c : commands.values()) {
            sb.append(String.format("  %-10s %s%n", c.name(), c.summary(language)));
        }
        sb.append(String.format("  %-10s %s%n", COMPLETION, text.text("usage.completion")));
        sb.append(String.format("  %-10s %s%n", HELP, text.text("usage.help")));
        sb.append(String.format("  %-10s %s%n", VERSION, text.text("usage.version")));
        sb.append('\n').append(text.text("usage.everyCommand")).append('\n');
        sb.append(text.text("usage.exit"));
        return sb.toString();
    }

    /**
     * The language of the help and of errors met before a run knows its own: {@code --lang}'s value when the
     * arguments hold a valid one, else the system's.
     */
    static Language helpLanguage(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String given = args[i].startsWith("--lang=")
                    ? args[i].substring("--lang=".length())
                    : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
            if (given != null) {
                try {
                    return Language.parse(given);
                } catch (IllegalArgumentException e) {
                    // a bad --lang is reported when the command reads it
                }
            }
        }
        return Language.system();
    }

    /** {@return the help text {@code name} of the command line, in {@code language}} */
    static String helpText(String name, Language language) {
        return HelpText.read(n -> GlosaCli.class.getResourceAsStream(n), "/dev/glosa/cli/help/", name, language);
    }

    static String version() {
        String v = GlosaCli.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The most memory this JVM may use, as {@code -Xmx} sets it: "16 GB", "512 MB". */
    static String heap() {
        long max = Runtime.getRuntime().maxMemory();
        return max >= 1L << 30
                ? String.format(java.util.Locale.ROOT, "%.0f GB", max / (double) (1L << 30))
                : String.format(java.util.Locale.ROOT, "%d MB", max >> 20);
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
