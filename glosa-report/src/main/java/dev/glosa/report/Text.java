package dev.glosa.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The report's words and numbers in one language: strings from {@code messages*.properties}, numbers by locale. */
final class Text {
    private final ResourceBundle bundle;
    private final Locale locale;
    private final DecimalFormat money;
    private final DecimalFormat count;
    private final DecimalFormat percent;

    Text(Locale locale) {
        this.locale = locale;
        // The root bundle is English; pt-BR has its own. No fallback to the JVM's default locale: the run's language
        // decides, not the machine's.
        this.bundle = ResourceBundle.getBundle(
                "dev.glosa.report.messages",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.money = new DecimalFormat("#,##0.00", symbols);
        this.count = new DecimalFormat("#,##0", symbols);
        this.percent = new DecimalFormat("0.0", symbols);
    }

    Locale locale() {
        return locale;
    }

    /** The string {@code key}, with {@code {0}}, {@code {1}}... replaced by {@code args} as given. */
    String get(String key, Object... args) {
        String s;
        try {
            s = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException(
                    "messages.properties has no key '" + key + "'; add it in both languages", e);
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
