package dev.glosa.cli;

import dev.glosa.core.text.Language;
import dev.glosa.run.RunRequest;
import dev.glosa.run.WeeklyJob;
import dev.glosa.run.spi.Options;
import dev.glosa.run.spi.SourceProvider;
import picocli.CommandLine.Model.CommandSpec;

/** A command that runs the weekly job on the source a {@link SourceProvider} makes from its options. */
final class SourceCommand implements Command {
    private final SourceProvider provider;

    SourceCommand(SourceProvider provider) {
        this.provider = provider;
    }

    @Override
    public String name() {
        return provider.id();
    }

    @Override
    public String summary(Language language) {
        return provider.summary(language);
    }

    @Override
    public String help(Language language) {
        return provider.help(language) + RunOptions.help(language);
    }

    @Override
    public void declare(CommandSpec spec) {
        RunOptions.declare(spec);
        CommandSpecs.options(spec, provider.valuedOptions(), provider.multiValuedOptions(), provider.flags());
    }

    @Override
    public void run(Options options, Console console) {
        options.withEnvironment(console::getenv);
        RunOptions run = RunOptions.from(options, provider.defaultOut(), console);
        WeeklyJob.run(new RunRequest(
                provider.create(options, run.config()),
                run.out(),
                run.config(),
                run.asOf(),
                run.threads(),
                console,
                options));
    }
}
