package dev.glosa.run;

import dev.glosa.core.indicator.IndicatorRow;

/** Renders indicator rows as an aligned text table for the terminal. */
final class IndicatorFormat {
    private IndicatorFormat() {}

    static String header() {
        return String.format("%-10s %-10s %-8s %9s %9s %8s %17s %16s %16s %8s", "scope", "key", "period", "claims",
                "rejected", "rate", "95% CI", "glosa R$", "paid R$", "value %");
    }

    static String line(IndicatorRow r) {
        return String.format("%-10s %-10s %-8s %,9d %,9d %7.2f%% [%6.2f%%, %6.2f%%] %,16.2f %,16.2f %7.2f%%",
                r.scope(), r.scopeKey(), r.period(), r.claims(), r.glosaClaims(), 100 * r.glosaRate(),
                100 * r.glosaRateCiLow(), 100 * r.glosaRateCiHigh(), r.glosaAmount(), r.paidAmount(),
                100 * r.glosaValueRatio());
    }
}
