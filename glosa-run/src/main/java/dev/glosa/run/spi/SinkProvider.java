package dev.glosa.run.spi;

import dev.glosa.core.run.GlosaSink;
import dev.glosa.io.powerbi.WriterOptions;

/**
 * Makes the sinks of one kind of output from what a user gives as the output ({@code --out}): a provider registered
 * in {@code META-INF/services/dev.glosa.run.spi.SinkProvider} is found on the class path, so a new kind of output
 * (a database, a report server) needs no change to the pipeline or the command line.
 */
public interface SinkProvider {

    /** Whether this provider writes to {@code out}, e.g. a {@code jdbc:} URL. */
    boolean accepts(String out);

    /**
     * A sink writing to {@code out}, not yet opened.
     *
     * @param options the identifier treatment every sink applies
     * @throws IllegalArgumentException when {@code out} is malformed, naming what to fix
     */
    GlosaSink create(String out, WriterOptions options);
}
