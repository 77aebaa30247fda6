package dev.glosa.core.run;

import dev.glosa.core.text.Language;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a source may use while it reads.
 *
 * @param asOf the date the run analyses the data as of
 * @param rejectsFile where a reader quarantines the rows it rejects ({@code rejects.csv}), or {@code null} to keep
 *     them only counted
 * @param log where progress and warnings go
 * @param language the run's language, for what a source says in the log
 */
public record RunContext(LocalDate asOf, Path rejectsFile, RunLog log, Language language) {

    /**
     * Checks the date, the log and the language.
     *
     * @param asOf as {@link #asOf()}
     * @param rejectsFile as {@link #rejectsFile()}
     * @param log as {@link #log()}
     * @param language as {@link #language()}
     */
    public RunContext {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(language, "language");
    }

    /**
     * A context whose source speaks English.
     *
     * @param asOf the date the run analyses the data as of
     * @param rejectsFile where a reader quarantines the rows it rejects, or {@code null}
     * @param log where progress and warnings go
     */
    public RunContext(LocalDate asOf, Path rejectsFile, RunLog log) {
        this(asOf, rejectsFile, log, Language.EN);
    }
}
