package dev.glosa.run.spi;

import dev.glosa.core.run.GlosaSink;
import dev.glosa.core.text.Language;
import dev.glosa.io.powerbi.WriterOptions;
import dev.glosa.run.RunConfig;
import java.util.Set;

/**
 * Makes the sinks of one kind of output from what a user gives as the output ({@code --out}): a provider registered
 * in {@code META-INF/services/dev.glosa.run.spi.SinkProvider} is found on the class path, so a new kind of output
 * (a database, a report server) needs no change to the pipeline or the command line.
 */
public interface SinkProvider {

    /**
     * {@return whether this provider writes to {@code out}, e.g. a {@code jdbc:} URL}
     *
     * @param out what the user gave as the output
     */
    boolean accepts(String out);

    /** {@return the options of its own this kind of output takes on every analysing command, without {@code --}} */
    default Set<String> valuedOptions() {
        return Set.of();
    }

    /**
     * {@return those of {@link #valuedOptions()} that take one or more values ({@code --rd a.dbc b.dbc}, or repeated);
     * the others take exactly one, once}
     */
    default Set<String> multiValuedOptions() {
        return Set.of();
    }

    /** {@return the lines of the commands' help that describe {@link #valuedOptions()}, indented by two spaces} */
    default String help() {
        return "";
    }

    /**
     * {@return the lines of {@link #help()} in {@code language}; {@link #help()} unless the provider has them in that
     * language}
     *
     * @param language the reader's language
     */
    default String help(Language language) {
        return help();
    }

    /**
     * A sink writing to {@code out}, not yet opened.
     *
     * @param out what the user gave as the output, one this provider {@link #accepts}
     * @param identifiers the identifier treatment every sink applies (the configuration's, with the source's
     *     decisions on which columns are personal)
     * @param config the run's settings, for the sink's own section if any
     * @param options the command's options (its own, such as a database user), and the environment
     * @return the sink
     * @throws IllegalArgumentException when {@code out} or an option is malformed, naming what to fix
     */
    GlosaSink create(String out, WriterOptions identifiers, RunConfig config, Options options);
}
