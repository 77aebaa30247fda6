package dev.glosa.cli;

import dev.glosa.core.text.Language;
import dev.glosa.run.spi.Options;
import picocli.CommandLine.Model.CommandSpec;

/** One command of the {@code glosa} command line. */
interface Command {
    /** The word that selects it. */
    String name();

    /** One line for the command list, in {@code language}. */
    String summary(Language language);

    /** The full help text, usage and options, in {@code language}. */
    String help(Language language);

    /**
     * Declares the command's options and parameters on {@code spec} (which already has {@code -h/--help} and
     * {@code -V/--version}), so that the parser refuses anything else.
     */
    void declare(CommandSpec spec);

    /**
     * Runs the command with its parsed options.
     *
     * @throws CliException for a failure to report as one line
     */
    void run(Options args, Console console);
}
