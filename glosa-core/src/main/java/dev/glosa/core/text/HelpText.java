package dev.glosa.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.MissingResourceException;
import java.util.function.Function;

/**
 * A command's help in a {@link Language}, from UTF-8 text files kept beside the module's classes: {@code NAME.txt} in
 * English and {@code NAME_pt_BR.txt} in Portuguese (English when a language has no file of its own).
 *
 * <p>The module opens its own files ({@code n -> MyCommand.class.getResourceAsStream(n)}): a named module's resources
 * are its own.
 */
public final class HelpText {
    private HelpText() {}

    /**
     * {@return the text of {@code folder/name} in {@code language}, exactly as the file holds it}
     *
     * @param open opens a resource by its absolute name, {@code null} when there is none
     * @param folder the resources' folder, e.g. {@code /dev/glosa/run/help/}
     * @param name the text's name, e.g. {@code sus}
     * @param language the reader's language
     * @throws MissingResourceException when not even the English file exists
     */
    public static String read(Function<String, InputStream> open, String folder, String name, Language language) {
        if (language != Language.EN) {
            String own = text(open, folder + name + "_" + language.locale() + ".txt");
            if (own != null) {
                return own;
            }
        }
        String english = text(open, folder + name + ".txt");
        if (english == null) {
            throw new MissingResourceException(
                    "no help text " + folder + name + ".txt", HelpText.class.getName(), name);
        }
        return english;
    }

    private static String text(Function<String, InputStream> open, String resource) {
        try (InputStream in = open.apply(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
