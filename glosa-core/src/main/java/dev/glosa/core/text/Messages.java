package dev.glosa.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;

/**
 * The texts of one {@link Language}, from the resource bundles {@code dev/glosa/core/text/messages*.properties}
 * (UTF-8), and numbers and money written as that language writes them ({@code R$ 6.665.862,12} in pt-BR,
 * {@code R$ 6,665,862.12} in English), whatever the JVM's default locale.
 *
 * <p>A module with texts of its own can keep them in this bundle: one place to translate.
 */
public final class Messages {
    private static final String BUNDLE = "dev.glosa.core.text.messages";
    private static final Map<Language, Messages> CACHE = new EnumMap<>(Language.class);

    private final Language language;
    private final Map<String, String> bundle;

    private Messages(Language language) {
        this.language = language;
        // The files are read here rather than through ResourceBundle.getBundle: its no-fallback Control (English
        // asked is English given, on a Portuguese machine too) is refused inside a named module, and glosa-core is
        // one on the module path. The language's file overrides the English one key by key, as a bundle's parent.
        Map<String, String> texts = new HashMap<>(load("messages.properties"));
        if (language != Language.EN) {
            texts.putAll(load("messages_" + language.locale().toString() + ".properties"));
        }
        this.bundle = Map.copyOf(texts);
    }

    private static Map<String, String> load(String file) {
        try (InputStream in = Messages.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new MissingResourceException("no " + file + " beside " + Messages.class.getName(), BUNDLE, "");
            }
            return properties(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " of " + BUNDLE, e);
        }
    }

    /**
     * The keys and texts of a {@code .properties} file in UTF-8, for another module's texts: it opens its own file
     * (a named module's resources are its own) and reads it here, as glosa-core reads its own.
     *
     * @param in the file's bytes; not closed
     * @return each key's text
     * @throws IOException when the stream cannot be read
     */
    public static Map<String, String> properties(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> out = new HashMap<>();
        for (String k : p.stringPropertyNames()) {
            out.put(k, p.getProperty(k));
        }
        return out;
    }

    /**
     * {@return the texts of {@code language}}
     *
     * @param language the language
     */
    public static Messages of(Language language) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(language, Messages::new);
        }
    }

    /** {@return the language of these texts} */
    public Language language() {
        return language;
    }

    /**
     * The text of {@code key} with {@code args} put in its {@code {0}}, {@code {1}}... (as {@link MessageFormat} does,
     * in this language's locale; give numbers already formatted to control their form).
     *
     * @param key the text's key
     * @param args the values of its placeholders
     * @return the text
     * @throws MissingResourceException when the bundle has no such key (a test renders every key in both languages)
     */
    public String text(String key, Object... args) {
        String pattern = bundle.get(key);
        if (pattern == null) {
            throw new MissingResourceException(
                    "no text '" + key + "' in " + BUNDLE + " (" + language + ")", BUNDLE, key);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }

    /**
     * {@return whether the bundle has {@code key}}
     *
     * @param key the text's key
     */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /**
     * Money with cents: {@code R$ 6.665.862,12} (pt-BR), {@code R$ 6,665,862.12} (en).
     *
     * @param amount the amount, in reais
     * @return the amount as text, with {@code R$} and two decimals
     */
    public String money(double amount) {
        if (!Double.isFinite(amount)) {
            return "R$ " + amount;
        }
        return (amount < 0 ? "-R$ " : "R$ ") + format("#,##0.00", Math.abs(amount));
    }

    /**
     * {@return a signed change of money: {@code +R$ 1.234,50}, {@code -R$ 80,00}}
     *
     * @param amount the change, in reais
     */
    public String moneyChange(double amount) {
        return (amount >= 0 ? "+" : "") + money(amount);
    }

    /**
     * {@return a whole number with this language's grouping: {@code 1.234.567} (pt-BR), {@code 1,234,567} (en)}
     *
     * @param n the number
     */
    public String number(long n) {
        return format("#,##0", n);
    }

    /**
     * {@return a number with {@code decimals} places and grouping}
     *
     * @param x the number
     * @param decimals the places after the decimal mark
     */
    public String decimal(double x, int decimals) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        return format(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), x);
    }

    /**
     * {@return a share as a percentage with one decimal: {@code 41,3%} (pt-BR), {@code 41.3%} (en)}
     *
     * @param share the share, 1 for 100%
     */
    public String percent(double share) {
        return Double.isFinite(share) ? decimal(100 * share, 1) + "%" : "";
    }

    /**
     * {@return a share as a percentage with two decimals: {@code 12,34%} (pt-BR), {@code 12.34%} (en)}
     *
     * @param share the share, 1 for 100%
     */
    public String percent2(double share) {
        return Double.isFinite(share) ? decimal(100 * share, 2) + "%" : "";
    }

    /**
     * Money in short form for labels: {@code R$ 820}, {@code R$ 4,5 mil}, {@code R$ 350 mil}, {@code R$ 1,2 mi},
     * {@code R$ 3,4 bi} in pt-BR; {@code R$ 4.5k}, {@code R$ 350k}, {@code R$ 1.2M}, {@code R$ 3.4bn} in English.
     *
     * @param v the amount, in reais
     * @return the amount in a few characters
     */
    public String moneyShort(double v) {
        if (!Double.isFinite(v)) {
            return "R$ " + v;
        }
        double a = Math.abs(v);
        String sign = v < 0 ? "-" : "";
        // Thresholds sit where rounding would otherwise print "1000 mil" instead of "1,0 mi".
        if (a >= 999_950_000) {
            return "R$ " + sign + decimal(a / 1e9, 1) + text("money.billion");
        }
        if (a >= 999_950) {
            return "R$ " + sign + decimal(a / 1e6, 1) + text("money.million");
        }
        if (a >= 9_999.5) {
            return "R$ " + sign + Math.round(a / 1e3) + text("money.thousand");
        }
        if (a >= 999.5) {
            return "R$ " + sign + decimal(a / 1e3, 1) + text("money.thousand");
        }
        return "R$ " + sign + Math.round(a);
    }

    /**
     * {@return a share in whole percent for labels: {@code 41%}, {@code <1%} for a positive share below one percent}
     *
     * @param share the share, 1 for 100%
     */
    public String percentShort(double share) {
        if (share > 0 && share < 0.005) {
            return "<1%";
        }
        return Math.round(share * 100) + "%";
    }

    private String format(String pattern, double x) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(language.locale())).format(x);
    }

    private String format(String pattern, long x) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(language.locale())).format(x);
    }
}
