package dev.glosa.cluster.profile;

import java.util.Locale;

/** Short pt-BR money and percent text for labels, independent of the JVM's default locale. */
final class Money {
    private Money() {}

    /** {@code R$ 820}, {@code R$ 4,5 mil}, {@code R$ 350 mil}, {@code R$ 1,2 M}, {@code R$ 3,4 bi}. */
    static String format(double v) {
        if (!Double.isFinite(v)) {
            return "R$ " + v;
        }
        double a = Math.abs(v);
        String sign = v < 0 ? "-" : "";
        // Thresholds sit where rounding would otherwise print "1000 mil" instead of "1,0 M".
        if (a >= 999_950_000) {
            return "R$ " + sign + oneDecimal(a / 1e9) + " bi";
        }
        if (a >= 999_950) {
            return "R$ " + sign + oneDecimal(a / 1e6) + " M";
        }
        if (a >= 9_999.5) {
            return "R$ " + sign + Math.round(a / 1e3) + " mil";
        }
        if (a >= 999.5) {
            return "R$ " + sign + oneDecimal(a / 1e3) + " mil";
        }
        return "R$ " + sign + Math.round(a);
    }

    /** {@code 41%}, {@code <1%} for a positive share below one percent. */
    static String percent(double share) {
        if (share > 0 && share < 0.005) {
            return "<1%";
        }
        return Math.round(share * 100) + "%";
    }

    private static String oneDecimal(double x) {
        return String.format(Locale.ROOT, "%.1f", x).replace('.', ',');
    }
}
