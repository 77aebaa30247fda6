package dev.glosa.cli;

import dev.glosa.core.run.RunLog;
import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;
import dev.glosa.run.spi.Options;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where the command line writes: results to standard output, progress and errors to standard error, with a progress
 * bar redrawn in place on a terminal and plain lines otherwise (a scheduler's log); once a run knows its output
 * folder, every line also goes, time-stamped, to {@value #LOG_FILE} there.
 */
final class Console implements RunLog {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private long lastPlainLine;
    private Writer log;
    private final java.util.function.Function<String, String> environment;
    private Messages words = Messages.of(Language.system());

    /** The log file a run appends to in its output folder. */
    static final String LOG_FILE = "glosa.log";

    Console(PrintStream out, PrintStream err, boolean terminal) {
        this(out, err, terminal, System::getenv);
    }

    /** A console whose environment variables are read from {@code environment} (tests give their own). */
    Console(
            PrintStream out,
            PrintStream err,
            boolean terminal,
            java.util.function.Function<String, String> environment) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.environment = environment;
    }

    /** The environment variable {@code name}, or {@code null}: secrets (database passwords) come from there. */
    String getenv(String name) {
        return environment.apply(name);
    }

    static Console system() {
        return new Console(System.out, System.err, System.console() != null);
    }

    @Override
    public void language(Language language) {
        words = Messages.of(language);
    }

    /** {@return the language lines and errors are said in: the run's once known, else the system's} */
    Language language() {
        return words.language();
    }

    @Override
    public void result(String line) {
        println(line);
    }

    void println(String line) {
        out.println(line);
        log(line);
    }

    @Override
    public void info(String line) {
        err.println(line);
        log(line);
    }

    /** Appends every further line to {@value #LOG_FILE} in {@code folder}; a log that cannot be opened is said once. */
    void logTo(Path folder) {
        try {
            Files.createDirectories(folder);
            log = Files.newBufferedWriter(
                    folder.resolve(LOG_FILE),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            err.println("glosa: cannot open the log in " + folder + ": " + e.getMessage() + " (going on without it)");
        }
    }

    /** Closes the log, if any. */
    void close() {
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                err.println("glosa: cannot close the log: " + e.getMessage());
            }
            log = null;
        }
    }

    private void log(String line) {
        if (log != null) {
            try {
                log.write(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + line + System.lineSeparator());
                log.flush();
            } catch (IOException e) {
                err.println("glosa: cannot write the log: " + e.getMessage());
                log = null;
            }
        }
    }

    /** A progress bar on a terminal; otherwise a plain line at most every 5 seconds, and at the end. */
    @Override
    public void progress(String what, long done, long total, long elapsedMillis, long etaMillis) {
        String text = words.text(
                "progress.line",
                what,
                words.number(done),
                words.number(total),
                Long.toString(total == 0 ? 100 : done * 100 / total),
                duration(elapsedMillis),
                duration(etaMillis));
        if (done >= total) {
            log(text);
        }
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : (int) (width * done / total);
            err.print("\r[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + text + "   ");
            if (done >= total) {
                err.println();
            }
            err.flush();
        } else {
            long now = System.nanoTime();
            if (done >= total || now - lastPlainLine > 5_000_000_000L) {
                lastPlainLine = now;
                err.println(text);
            }
        }
    }

    static String duration(long millis) {
        if (millis < 0) {
            return "?";
        }
        long s = millis / 1000;
        return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : String.format("%.1fs", millis / 1000.0);
    }

    /** {@code text} with its control characters escaped ({@link Options#printable}). */
    static String printable(String text) {
        return Options.printable(text);
    }
}
