package dev.glosa.core.run;

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
 */
public record RunContext(LocalDate asOf, Path rejectsFile, RunLog log) {

    /** Checks the date and the log. */
    public RunContext {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(log, "log");
    }
}
