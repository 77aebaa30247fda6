package dev.glosa.report;

import dev.glosa.core.text.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The report's words and numbers in one language: strings from {@code messages*.properties}, numbers by locale. */
final class Text {
    private final Map<String, String> bundle;
    private final Locale locale;
    private final DecimalFormat money;
    private final DecimalFormat count;
    private final DecimalFormat percent;

    Text(Locale locale) {
        this.locale = locale;
        // English is the base; another language's file overrides it key by key. No fallback to the JVM's default
        // locale: the run's language decides, not the machine's. Read here rather than by ResourceBundle.getBundle,
        // whose no-fallback Control a named module refuses.
        Map<String, String> texts = new HashMap<>(load("messages.properties", true));
        if (!locale.getLanguage().equals("en")) {
            texts.putAll(load("messages_" + locale + ".properties", false));
        }
        this.bundle = Map.copyOf(texts);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.money = new DecimalFormat("#,##0.00", symbols);
        this.count = new DecimalFormat("#,##0", symbols);
        this.percent = new DecimalFormat("0.0", symbols);
    }

    /** The texts of {@code file}; none when it is absent and not {@code required} (a language without a file). */
    private static Map<String, String> load(String file, boolean required) {
        try (InputStream in = Text.class.getResourceAsStream(file)) {
            if (in == null && !required) {
                return Map.of();
            }
            if (in == null) {
                throw new IllegalStateException("no " + file + " beside " + Text.class.getName());
            }
            return Messages.properties(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " of the report", e);
        }
    }

    Locale locale() {
        return locale;
    }

    /** The string {@code key}, with {@code {0}}, {@code {1}}... replaced by {@code args} as given. */
    String get(String key, Object... args) {
        String s = bundle.get(key);
        if (s == null) {
            throw new IllegalStateException("messages.properties has no key '" + key + "'; add it in both languages");
        }
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    /** {@code R$ 1,234.56} or {@code R$ 1.234,56}. */
    String money(double v) {
        return "R$ " + money.format(v);
    }

    /** {@code 1,234} or {@code 1.234}. */
    String count(double v) {
        return count.format(v);
    }

    /** A fraction as a percentage with one decimal: {@code 12.9%} or {@code 12,9%}. */
    String percent(double fraction) {
        return percent.format(fraction * 100) + "%";
    }
}
