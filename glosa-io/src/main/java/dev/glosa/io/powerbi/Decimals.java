package dev.glosa.io.powerbi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How many decimals a number column is written with: money to the cent, rates and shares to six decimals, any other
 * number exactly (the shortest text that reads back to the same double).
 *
 * <p>Sums of amounts carry binary noise ({@code 2260284.4000000027}); a dashboard shows it and a reconciliation
 * against the ERP's own totals trips on it, so money is rounded half-up to the cent and rates to a fixed precision.
 * The text is plain decimal with {@code .}, no exponent and no trailing zeros ({@code 12.5}, not {@code 12.50}), so
 * an amount already in cents is written as before. The JSON columns of {@code dim_group.csv} follow the same rule
 * (reasons' amounts to the cent, shares and lifts to six decimals) except {@code centres}, feature means in their own
 * units. {@code group_state.csv} is the tracker's memory, not a report:
 * its numbers stay exact so that a run's matching does not depend on how the previous run was printed.
 */
final class Decimals {
    /** Money: to the cent. */
    static final int MONEY = 2;
    /** Rates, shares and ratios. */
    static final int RATE = 6;
    /** Written exactly. */
    static final int EXACT = -1;

    private static final Set<String> MONEY_NAMES = Set.of("billed_previous", "glosa_previous", "glosa_jump");
    private static final Pattern RATE_NAME = Pattern.compile("(.*_)?rate(_.*)?");

    private Decimals() {}

    /**
     * The decimals of number column {@code column} of table {@code file}: money is a column named {@code *_amount},
     * {@code *_total}, {@code glosa_mean}, {@code glosa_median}, {@code billed_previous}, {@code glosa_previous} or
     * {@code glosa_jump}; a rate is a column whose name has the word {@code rate} in it ({@code glosa_rate},
     * {@code glosa_rate_ci_low}, not {@code separate}) or ends in {@code _share} or {@code _ratio}.
     */
    static int of(String file, String column) {
        if (StarSchemaWriter.GROUP_STATE.equals(file)) {
            return EXACT;
        }
        if (column.endsWith("_amount")
                || column.endsWith("_total")
                || column.equals("glosa_mean")
                || column.equals("glosa_median")
                || MONEY_NAMES.contains(column)) {
            return MONEY;
        }
        if (RATE_NAME.matcher(column).matches() || column.endsWith("_share") || column.endsWith("_ratio")) {
            return RATE;
        }
        return EXACT;
    }

    /** Money as written: to the cent. */
    static String money(double v) {
        return format(v, MONEY);
    }

    /** A rate as written: to six decimals. */
    static String rate(double v) {
        return format(v, RATE);
    }

    /**
     * {@code v} rounded half-up to {@code decimals} (exactly when {@link #EXACT}), as plain decimal text with no trailing
     * zeros; {@code ""} for {@code NaN} and infinities.
     */
    static String format(double v, int decimals) {
        if (decimals < 0 || !Double.isFinite(v) || v == Math.rint(v)) {
            return Tables.number(v);
        }
        String s = Double.toString(v);
        // the fast path, and the usual case for amounts read from a file: already no more decimals than asked
        if (s.indexOf('E') < 0 && s.length() - s.indexOf('.') - 1 <= decimals) {
            return s;
        }
        BigDecimal r = new BigDecimal(s).setScale(decimals, RoundingMode.HALF_UP);
        return r.signum() == 0 ? "0" : r.stripTrailingZeros().toPlainString();
    }
}
