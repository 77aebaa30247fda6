package dev.glosa.run;

import dev.glosa.core.run.GlosaSource;
import dev.glosa.core.run.RunLog;
import dev.glosa.run.spi.Options;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One run of the weekly job: where the rows come from, where the results go, with which settings, as of which date.
 *
 * @param source where the rows come from
 * @param out where the results go: a folder, or anything a {@link dev.glosa.run.spi.SinkProvider} on the class path
 *     accepts (e.g. a {@code jdbc:} URL)
 * @param config the settings
 * @param asOf the date the run analyses the data as of; a second run for the same date replaces the first one's rows
 * @param threads worker threads for the clustering
 * @param log where progress, warnings and results go
 * @param options the command's options a sink provider reads (a database user), with the environment;
 *     {@link Options#none()} when there are none
 */
public record RunRequest(
        GlosaSource source, String out, RunConfig config, LocalDate asOf, int threads, RunLog log, Options options) {

    /**
     * Checks the request.
     *
     * @param source where the rows come from
     * @param out the output folder or sink address, not blank
     * @param config the settings
     * @param asOf the date the run analyses the data as of
     * @param threads worker threads, at least 1
     * @param log where progress, warnings and results go
     * @param options the command's options and environment
     */
    public RunRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(options, "options");
        if (out == null || out.isBlank()) {
            // Path.of("") is the current folder: an empty variable in a scheduled script must not write there.
            throw GlosaRunException.badInput(null, "error.outputEmpty");
        }
        if (threads < 1) {
            throw GlosaRunException.badInput(null, "error.threads", threads);
        }
    }

    /**
     * {@return a request with the defaults: every core, no log, no options}
     *
     * @param source where the rows come from
     * @param out the output folder or sink address
     * @param config the settings
     * @param asOf the date the run analyses the data as of
     */
    public static RunRequest of(GlosaSource source, String out, RunConfig config, LocalDate asOf) {
        return new RunRequest(
                source, out, config, asOf, Runtime.getRuntime().availableProcessors(), RunLog.NONE, Options.none());
    }
}
