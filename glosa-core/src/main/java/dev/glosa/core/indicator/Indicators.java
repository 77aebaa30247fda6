package dev.glosa.core.indicator;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Grouping;
import dev.glosa.core.table.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the glosa indicators of reconciled claims, overall and split by any column and period.
 *
 * <p>Indicator 1, the glosa rate by count, is the share of claims in situation A ({@code situation} column), with its
 * 95% Wilson score interval; a table without a {@code situation} column (an ERP export, say) counts the rows with a
 * positive {@code glosa_amount} instead. Indicator 2, the glosa value ratio, is {@code sum(glosa) / sum(paid)}.
 * Missing amounts count as 0.
 */
public final class Indicators {
    private Indicators() {}

    /**
     * {@return the indicators over the whole table}
     *
     * @param claims the reconciled claims (or analysed rows)
     */
    public static IndicatorRow overall(GlosaTable claims) {
        return compute(claims, null, null).get(0);
    }

    /**
     * The indicators split by the values of {@code scopeColumn} (null for overall) and, when {@code periodColumn} is not
     * null, by the month of that month or date column; rows ordered by scope value, then period.
     *
     * @param claims the reconciled claims (or analysed rows)
     * @param scopeColumn the column whose values split the rows, or {@code null} for overall
     * @param periodColumn a month or date column whose month splits them too, or {@code null}
     * @return one row per scope value and period
     */
    public static List<IndicatorRow> compute(GlosaTable claims, String scopeColumn, String periodColumn) {
        int n = claims.rowCount();
        boolean[] isGlosa = glosaFlags(claims);
        DoubleColumn paid = claims.has(Role.PAID_AMOUNT) ? claims.doubles(Role.PAID_AMOUNT) : null;
        DoubleColumn glosa = claims.doubles(Role.GLOSA_AMOUNT);
        CategoryColumn situation = claims.has("situation") ? claims.category("situation") : null;
        int recoveredCode = situation == null ? -2 : situation.codeOf("B");

        GlosaTable keyed = claims;
        List<String> keys = new ArrayList<>();
        if (scopeColumn != null) {
            keys.add(scopeColumn);
        }
        if (periodColumn != null) {
            Column c = claims.column(periodColumn);
            if (c.type() == ColumnType.DATE) {
                keyed = keyed.with(((DateColumn) c).toMonths("__period"));
                keys.add("__period");
            } else if (c.type() == ColumnType.MONTH) {
                keys.add(periodColumn);
            } else {
                throw new IllegalArgumentException(
                        "period column '" + periodColumn + "' must be a DATE or MONTH column, found " + c.type());
            }
        }
        List<IndicatorRow> out = new ArrayList<>();
        if (keys.isEmpty()) {
            out.add(row(IndicatorRow.OVERALL, "", "", allRows(n), isGlosa, paid, glosa, situation, recoveredCode));
            return out;
        }
        Grouping g = keyed.groupBy(keys);
        for (int i = 0; i < g.groupCount(); i++) {
            List<String> key = g.key(i);
            String scope = scopeColumn == null ? IndicatorRow.OVERALL : scopeColumn;
            String scopeKey = scopeColumn == null ? "" : key.get(0);
            String period = periodColumn == null ? "" : key.get(key.size() - 1);
            out.add(row(scope, scopeKey, period, g.rows(i), isGlosa, paid, glosa, situation, recoveredCode));
        }
        return out;
    }

    /**
     * The usual set: overall, per hospital, per competence month (when present), per hospital and competence month.
     *
     * @param claims the reconciled claims (or analysed rows)
     * @return the rows of every split, overall first
     */
    public static List<IndicatorRow> standard(GlosaTable claims) {
        List<IndicatorRow> out = new ArrayList<>();
        out.add(overall(claims));
        if (claims.has(Role.HOSPITAL)) {
            out.addAll(compute(claims, Role.HOSPITAL.column(), null));
        }
        for (Role month : List.of(Role.COMPETENCE, Role.ADMISSION_DATE, Role.DISCHARGE_DATE)) {
            if (claims.has(month)) {
                // A per-month overall row is labelled by the month column it was split on, so the three kinds differ.
                String scope = IndicatorRow.OVERALL + ":" + month.column();
                out.addAll(compute(claims, null, month.column()).stream()
                        .map(r -> r.withScope(scope))
                        .toList());
            }
        }
        if (claims.has(Role.HOSPITAL) && claims.has(Role.COMPETENCE)) {
            out.addAll(compute(claims, Role.HOSPITAL.column(), Role.COMPETENCE.column()));
        }
        return out;
    }

    private static int[] allRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private static boolean[] glosaFlags(GlosaTable claims) {
        int n = claims.rowCount();
        boolean[] flags = new boolean[n];
        if (claims.has("situation")) {
            CategoryColumn s = claims.category("situation");
            int a = s.codeOf("A");
            for (int r = 0; r < n; r++) {
                flags[r] = a >= 0 && s.code(r) == a;
            }
        } else {
            DoubleColumn g = claims.doubles(Role.GLOSA_AMOUNT);
            for (int r = 0; r < n; r++) {
                flags[r] = g.get(r) > 0;
            }
        }
        return flags;
    }

    private static IndicatorRow row(
            String scope,
            String key,
            String period,
            int[] rows,
            boolean[] isGlosa,
            DoubleColumn paid,
            DoubleColumn glosa,
            CategoryColumn situation,
            int recoveredCode) {
        long glosaClaims = 0;
        double paidSum = 0;
        double glosaSum = 0;
        double recovered = 0;
        for (int r : rows) {
            if (isGlosa[r]) {
                glosaClaims++;
            }
            double p = paid == null ? 0 : zeroIfMissing(paid.get(r));
            paidSum += p;
            glosaSum += zeroIfMissing(glosa.get(r));
            if (situation != null && situation.code(r) == recoveredCode) {
                recovered += p;
            }
        }
        long claims = rows.length;
        WilsonInterval ci = WilsonInterval.of95(glosaClaims, claims);
        double rate = claims == 0 ? Double.NaN : (double) glosaClaims / claims;
        double ratio = paidSum == 0 ? Double.NaN : glosaSum / paidSum;
        return new IndicatorRow(
                scope,
                key,
                period,
                claims,
                glosaClaims,
                rate,
                ci.low(),
                ci.high(),
                paidSum,
                glosaSum,
                ratio,
                recovered);
    }

    private static double zeroIfMissing(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
