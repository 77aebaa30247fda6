package dev.glosa.run.spi;

import dev.glosa.core.text.HelpText;
import dev.glosa.core.text.Language;

/** The help texts of glosa-run's own commands and options, from {@code /dev/glosa/run/help/} (English and pt-BR). */
public final class Help {
    private Help() {}

    /**
     * {@return the help text {@code name} in {@code language}}
     *
     * @param name the text's name: {@code sus}, {@code csv}, {@code tiss}, {@code sql}, {@code datasus} or
     *     {@code jdbc-sink}
     * @param language the reader's language
     */
    public static String of(String name, Language language) {
        return HelpText.read(n -> Help.class.getResourceAsStream(n), "/dev/glosa/run/help/", name, language);
    }
}
