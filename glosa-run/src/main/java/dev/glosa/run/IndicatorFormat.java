package dev.glosa.run;

import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.text.Messages;

/** Renders indicator rows as an aligned text table for the terminal, numbers as the run's language writes them. */
final class IndicatorFormat {
    private IndicatorFormat() {}

    static String header(Messages t) {
        return String.format(
                "%-10s %-10s %-8s %9s %9s %8s %17s %16s %16s %8s",
                t.text("indicators.scope"),
                t.text("indicators.key"),
                t.text("indicators.period"),
                t.text("indicators.claims"),
                t.text("indicators.rejected"),
                t.text("indicators.rate"),
                t.text("indicators.ci"),
                t.text("indicators.glosa"),
                t.text("indicators.paid"),
                t.text("indicators.value"));
    }

    /**
     * The scope in the run's language: {@code overall} is a word of glosa's; any other scope is a column of the data
     * (say {@code hospital}) and keeps its name, as in the files.
     */
    static String scope(String scope, Messages t) {
        String overall = "overall";
        if (scope.equals(overall) || scope.startsWith(overall + ":")) {
            return t.text("indicators.overall") + scope.substring(overall.length());
        }
        return scope;
    }

    static String line(IndicatorRow r, Messages t) {
        return String.format(
                "%-10s %-10s %-8s %9s %9s %8s [%7s, %7s] %16s %16s %8s",
                scope(r.scope(), t),
                r.scopeKey(),
                r.period(),
                t.number(r.claims()),
                t.number(r.glosaClaims()),
                t.percent2(r.glosaRate()),
                t.percent2(r.glosaRateCiLow()),
                t.percent2(r.glosaRateCiHigh()),
                t.decimal(r.glosaAmount(), 2),
                t.decimal(r.paidAmount(), 2),
                t.percent2(r.glosaValueRatio()));
    }
}
