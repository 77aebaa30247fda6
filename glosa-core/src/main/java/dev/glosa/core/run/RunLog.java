package dev.glosa.core.run;

import dev.glosa.core.text.Language;

/** Where a run says what it is doing: a console, a log file, a scheduler's output, or nowhere. */
public interface RunLog {

    /** A log that says nothing. */
    RunLog NONE = new RunLog() {
        @Override
        public void info(String line) {}

        @Override
        public void result(String line) {}
    };

    /**
     * A line of progress or a warning, for standard error and the log file.
     *
     * @param line the line, without a line break
     */
    void info(String line);

    /**
     * A line of the run's result (reconciliation, top groups), for standard output.
     *
     * @param line the line, without a line break
     */
    void result(String line);

    /**
     * The language of what follows, known once the run's configuration is: a log that words text of its own (a
     * progress line) words it in this language. Until called, such text is in English.
     *
     * @param language the run's language
     */
    default void language(Language language) {}

    /**
     * Progress of a long step.
     *
     * @param what what is progressing, in the run's language, e.g. {@code "segments"}
     * @param done units done
     * @param total units in all
     * @param elapsedMillis time so far
     * @param remainingMillis estimated time left, or {@code -1} when unknown
     */
    default void progress(String what, long done, long total, long elapsedMillis, long remainingMillis) {}
}
