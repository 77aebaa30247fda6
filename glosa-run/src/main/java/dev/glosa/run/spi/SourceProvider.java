package dev.glosa.run.spi;

import dev.glosa.core.run.GlosaSource;
import dev.glosa.core.text.Language;
import dev.glosa.run.RunConfig;
import java.util.Set;

/**
 * Makes the sources of one kind of input from a command's options: each provider registered in
 * {@code META-INF/services/dev.glosa.run.spi.SourceProvider} is one command of the {@code glosa} command line
 * ({@code glosa sus}, {@code glosa csv}, ...), so a new input needs no change to the command line's code.
 *
 * <p>The options every command shares ({@code --out}, {@code --config}, {@code --as-of}, {@code --threads},
 * {@code --verbose}) are the command line's; a provider declares only its own.
 */
public interface SourceProvider {

    /** {@return the command's name, e.g. {@code sus}} */
    String id();

    /** {@return one line for the command list} */
    String summary();

    /**
     * {@return one line for the command list, in {@code language}; {@link #summary()} unless the provider has it in
     * that language}
     *
     * @param language the reader's language
     */
    default String summary(Language language) {
        return summary();
    }

    /**
     * {@return the command's help without the shared options: a usage line, what it does, and one line per option of
     * its own}
     */
    String help();

    /**
     * {@return the command's help in {@code language}; {@link #help()} unless the provider has it in that language}
     *
     * @param language the reader's language
     */
    default String help(Language language) {
        return help();
    }

    /** {@return the provider's options that take values, without {@code --}} */
    Set<String> valuedOptions();

    /**
     * {@return those of {@link #valuedOptions()} that take one or more values ({@code --rd a.dbc b.dbc}, or repeated);
     * the others take exactly one, once}
     */
    default Set<String> multiValuedOptions() {
        return Set.of();
    }

    /** {@return the provider's flags, without {@code --}} */
    default Set<String> flags() {
        return Set.of();
    }

    /**
     * {@return the output folder used when {@code --out} is not given, or {@code null} when {@code --out} is required}
     */
    default String defaultOut() {
        return null;
    }

    /**
     * The source the options describe, not yet read.
     *
     * @param options the command's options, parsed
     * @param config the run's settings (a database source reads its time-outs there)
     * @return the source
     * @throws dev.glosa.run.GlosaRunException when an option is missing or wrong, naming it
     */
    GlosaSource create(Options options, RunConfig config);
}
