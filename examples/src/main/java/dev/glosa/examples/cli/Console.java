package dev.glosa.examples.cli;

import java.io.PrintStream;

/**
 * Where the command line writes: results to standard output, progress and errors to standard error, with a progress
 * bar redrawn in place on a terminal and plain lines otherwise (a scheduler's log).
 */
final class Console {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private long lastPlainLine;

    Console(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    static Console system() {
        return new Console(System.out, System.err, System.console() != null);
    }

    void println(String line) {
        out.println(line);
    }

    void info(String line) {
        err.println(line);
    }

    /** A progress bar on a terminal; otherwise a plain line at most every 5 seconds, and at the end. */
    void progress(String what, long done, long total, long elapsedMillis, long etaMillis) {
        String text = String.format("%s %,d/%,d (%d%%) elapsed %s, left ~%s", what, done, total,
                total == 0 ? 100 : done * 100 / total, duration(elapsedMillis), duration(etaMillis));
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
}
