package dev.glosa.run.sources;

import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;
import dev.glosa.run.spi.Help;
import dev.glosa.run.spi.SourceProvider;

/**
 * What the providers shipped in glosa-run share: their command's help is {@code help/ID.txt} (and its pt-BR file), and
 * their one-line summary the bundle's {@code command.ID}.
 */
abstract class ShippedProvider implements SourceProvider {
    @Override
    public String summary() {
        return summary(Language.EN);
    }

    @Override
    public String summary(Language language) {
        return Messages.of(language).text("command." + id());
    }

    @Override
    public String help() {
        return help(Language.EN);
    }

    @Override
    public String help(Language language) {
        return Help.of(id(), language);
    }
}
