package dev.glosa.cli;

/** One command of the {@code glosa} command line. */
interface Command {
    /** The word that selects it. */
    String name();

    /** One line for the command list. */
    String summary();

    /** The full help text: usage and options. */
    String help();

    /**
     * Runs the command.
     *
     * @throws CliException for a failure to report as one line
     */
    void run(String[] args, Console console);
}
