package dev.glosa.run.spi;

import dev.glosa.core.run.GlosaSink;
import dev.glosa.core.text.InputError;
import dev.glosa.io.powerbi.WriterOptions;
import dev.glosa.run.RunConfig;
import dev.glosa.run.sinks.PowerBiFolderSink;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The one place an output given by a user becomes a sink. */
public final class Sinks {
    private Sinks() {}

    /** {@return the sink providers on the class path, in class path order} */
    public static List<SinkProvider> providers() {
        List<SinkProvider> out = new ArrayList<>();
        ServiceLoader.load(SinkProvider.class, Sinks.class.getClassLoader()).forEach(out::add);
        return out;
    }

    /**
     * {@return whether {@code out} names a folder (no {@link SinkProvider} on the class path accepts it)}
     *
     * @param out what the user gave as the output
     */
    public static boolean isFolder(String out) {
        for (SinkProvider p : providers()) {
            if (p.accepts(out)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The sink for {@code out}: the first {@link SinkProvider} on the class path that accepts it, else the Power BI
     * folder {@code out}.
     *
     * @param out what the user gave as the output
     * @param identifiers the identifier treatment every sink applies
     * @param config the run's settings
     * @param options the command's options and the environment
     * @return the sink, not yet opened
     * @throws IllegalArgumentException when {@code out} is neither a provider's nor a valid folder name
     */
    public static GlosaSink create(String out, WriterOptions identifiers, RunConfig config, Options options) {
        for (SinkProvider p : providers()) {
            if (p.accepts(out)) {
                return p.create(out, identifiers, config, options);
            }
        }
        Path folder;
        try {
            folder = Path.of(out);
        } catch (InvalidPathException e) {
            throw new InputError(e, "error.notFolderName", out, e.getReason());
        }
        return new PowerBiFolderSink(folder, identifiers, config.language().locale());
    }
}
