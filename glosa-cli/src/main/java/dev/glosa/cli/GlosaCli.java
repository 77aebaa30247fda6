package dev.glosa.cli;

import dev.glosa.run.GlosaRunException;
import dev.glosa.run.spi.SourceProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The {@code glosa} command line: {@code glosa COMMAND [OPTIONS]}, launched by {@code bin/glosa} or {@code bin/glosa.cmd}.
 *
 * <p>Exit status 0 on success, 2 on bad usage, input or configuration, 1 on any other failure; a failure prints one
 * line naming what to fix, and its stack trace only with {@code --verbose}.
 */
public final class GlosaCli {
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Console console;

    GlosaCli(Console console) {
        this.console = console;
        // Every source found on the class path is a command: a new source needs no change here.
        for (SourceProvider p : ServiceLoader.load(SourceProvider.class, GlosaCli.class.getClassLoader())) {
            commands.put(p.id(), new SourceCommand(p));
        }
        for (Command c : new Command[] {new InspectCommand(), new FetchCommand(), new ReportCommand()}) {
            commands.put(c.name(), c);
        }
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(new GlosaCli(Console.system()).run(args));
    }

    /** Runs {@code args} and returns the exit status. */
    int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            console.println(usage());
            return args.length == 0 ? CliException.USAGE : 0;
        }
        if (args[0].equals("--version") || args[0].equals("version")) {
            console.println("glosa " + version());
            return 0;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            console.info("glosa: unknown command '" + args[0] + "'; commands: " + String.join(", ", commands.keySet())
                    + " (glosa --help)");
            return CliException.USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
            console.println(command.help());
            return 0;
        }
        boolean verbose = Arrays.asList(rest).contains("--verbose");
        try {
            // a URL may carry credentials: the command line is shown with them masked
            console.info("glosa " + version() + " " + command.name() + " " + Console.printable(
                    String.join(" ", Arrays.stream(rest).map(dev.glosa.io.jdbc.JdbcUrls::mask).toList())));
            command.run(rest, console);
            return 0;
        } catch (CliException e) {
            console.info("glosa " + command.name() + ": " + Console.printable(e.getMessage()));
            if (verbose && e.getCause() != null) {
                console.info(stackTrace(e.getCause()));
            }
            return e.status();
        } catch (GlosaRunException e) {
            console.info("glosa " + command.name() + ": " + Console.printable(e.getMessage()));
            if (verbose && e.getCause() != null) {
                console.info(stackTrace(e.getCause()));
            }
            return e.kind() == GlosaRunException.Kind.BAD_INPUT ? CliException.USAGE : CliException.FAILURE;
        } catch (RuntimeException | OutOfMemoryError e) {
            console.info("glosa " + command.name() + ": failed: " + Console.printable(String.valueOf(e))
                    + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) {
                console.info(stackTrace(e));
            }
            return CliException.FAILURE;
        } finally {
            console.close();
        }
    }

    String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("glosa ").append(version()).append(": finds, explains and ranks the costliest groups of hospital claim denials.\n\n");
        sb.append("Usage: glosa COMMAND [OPTIONS]   (glosa COMMAND --help for its options)\n\nCommands:\n");
        for (Command c : commands.values()) {
            sb.append(String.format("  %-9s %s%n", c.name(), c.summary()));
        }
        sb.append("\nExit status: 0 success, 2 bad usage/input/configuration, 1 other failure.");
        return sb.toString();
    }

    static String version() {
        String v = GlosaCli.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
