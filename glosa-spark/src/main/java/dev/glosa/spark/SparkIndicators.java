package dev.glosa.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.indicator.Indicators;
import dev.glosa.core.indicator.WilsonInterval;
import dev.glosa.core.reconcile.Situation;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.Role;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@link Indicators#standard} as Spark aggregations over reconciled claims: overall, per hospital, per month of
 * competence, admission and discharge, per hospital and competence month, in the core's order and with its Wilson
 * intervals. Only the aggregated rows reach the driver.
 *
 * <p>Money is summed as decimals, exactly and in any order; the core adds doubles in claim order. The two agree to the
 * cent.
 */
final class SparkIndicators {
    private static final org.apache.spark.sql.types.DecimalType MONEY = DataTypes.createDecimalType(38, 4);

    private SparkIndicators() {}

    /**
     * The indicators of {@code claims}.
     *
     * @param claims the reconciled claims ({@code situation}, {@code paid_amount}, {@code glosa_amount} and the
     *     split columns)
     * @param types the glosa type of each column of {@code claims}
     * @return the rows of every split, overall first, as {@link Indicators#standard} orders them
     */
    static List<IndicatorRow> standard(Dataset<Row> claims, Map<String, ColumnType> types) {
        String hospital = Role.HOSPITAL.column();
        boolean hasHospital = types.get(hospital) == ColumnType.CATEGORY;
        // One aggregation at the finest grain every split needs; the splits are sums of its cells, added exactly.
        List<String> months = new ArrayList<>();
        for (Role month : List.of(Role.COMPETENCE, Role.ADMISSION_DATE, Role.DISCHARGE_DATE)) {
            if (types.containsKey(month.column())) {
                months.add(month.column());
            }
        }
        List<Column> keys = new ArrayList<>();
        keys.add((hasHospital ? col(hospital) : lit(null).cast(DataTypes.StringType)).as("k"));
        for (int i = 0; i < months.size(); i++) {
            keys.add(monthIndex(months.get(i), types.get(months.get(i))).as("m" + i));
        }
        Column situation = col("situation");
        Column paid = functions.coalesce(col(Role.PAID_AMOUNT.column()), lit(0.0));
        Column glosa = functions.coalesce(col(Role.GLOSA_AMOUNT.column()), lit(0.0));
        List<Row> cells = claims.groupBy(keys.toArray(Column[]::new))
                .agg(
                        count(lit(1)),
                        sum(when(situation.equalTo(lit(Situation.REJECTED_NEVER_PAID.code())), 1L)
                                .otherwise(0L)),
                        sum(paid.cast(MONEY)),
                        sum(glosa.cast(MONEY)),
                        sum(when(situation.equalTo(lit(Situation.REJECTED_LATER_PAID.code())), paid)
                                .otherwise(lit(0.0))
                                .cast(MONEY)))
                .collectAsList();
        int measures = 1 + months.size();
        List<IndicatorRow> out = new ArrayList<>();
        out.addAll(split(cells, measures, -1, false, IndicatorRow.OVERALL));
        if (hasHospital) {
            out.addAll(split(cells, measures, -1, true, hospital));
        }
        for (int i = 0; i < months.size(); i++) {
            out.addAll(split(cells, measures, i, false, IndicatorRow.OVERALL + ":" + months.get(i)));
        }
        int competence = months.indexOf(Role.COMPETENCE.column());
        if (hasHospital && competence >= 0) {
            out.addAll(split(cells, measures, competence, true, hospital));
        }
        return out;
    }

    /**
     * One split, summed from the cells: by hospital when {@code byHospital}, by the {@code month}-th month column
     * when it is not negative; ordered as {@code Grouping} orders keys (text, then month, missing last).
     */
    private static List<IndicatorRow> split(
            List<Row> cells, int measuresAt, int month, boolean byHospital, String label) {
        Map<List<Object>, Object[]> sums = new TreeMap<>(KEY_ORDER);
        for (Row c : cells) {
            List<Object> key = new ArrayList<>(2);
            key.add(byHospital && !c.isNullAt(0) ? c.getString(0) : null);
            key.add(month >= 0 && !c.isNullAt(1 + month) ? c.getInt(1 + month) : null);
            Object[] t = sums.computeIfAbsent(
                    key, k -> new Object[] {0L, 0L, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            t[0] = (long) t[0] + c.getLong(measuresAt);
            t[1] = (long) t[1] + c.getLong(measuresAt + 1);
            for (int m = 2; m < 5; m++) {
                BigDecimal v = c.isNullAt(measuresAt + m) ? BigDecimal.ZERO : c.getDecimal(measuresAt + m);
                t[m] = ((BigDecimal) t[m]).add(v);
            }
        }
        if (sums.isEmpty() && !byHospital && month < 0) {
            // The overall row is there even without claims, as the core's.
            sums.put(
                    java.util.Arrays.asList(null, null),
                    new Object[] {0L, 0L, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        }
        List<IndicatorRow> out = new ArrayList<>();
        for (Map.Entry<List<Object>, Object[]> e : sums.entrySet()) {
            Object[] t = e.getValue();
            long n = (long) t[0];
            long glosaClaims = (long) t[1];
            double paidSum = ((BigDecimal) t[2]).doubleValue();
            double glosaSum = ((BigDecimal) t[3]).doubleValue();
            WilsonInterval ci = WilsonInterval.of95(glosaClaims, n);
            Object k = e.getKey().get(0);
            Object p = e.getKey().get(1);
            out.add(new IndicatorRow(
                    label,
                    byHospital && k != null ? (String) k : "",
                    month >= 0 && p != null ? MonthColumn.format((Integer) p) : "",
                    n,
                    glosaClaims,
                    n == 0 ? Double.NaN : (double) glosaClaims / n,
                    ci.low(),
                    ci.high(),
                    paidSum,
                    glosaSum,
                    paidSum == 0 ? Double.NaN : glosaSum / paidSum,
                    ((BigDecimal) t[4]).doubleValue()));
        }
        return out;
    }

    /** Text in natural order, then months ascending, missing last: the order of {@code Grouping}'s keys. */
    @SuppressWarnings("unchecked")
    private static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < 2; i++) {
            Comparable<Object> x = (Comparable<Object>) a.get(i);
            Object y = b.get(i);
            if (x == null || y == null) {
                if (x != y) {
                    return x == null ? 1 : -1;
                }
                continue;
            }
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    /** The month index of a month column, or of a date column's epoch day, as {@code DateColumn} computes it. */
    private static Column monthIndex(String column, ColumnType type) {
        if (type == ColumnType.MONTH) {
            return col(column);
        }
        if (type != ColumnType.DATE) {
            throw new IllegalArgumentException(
                    "period column '" + column + "' must be a DATE or MONTH column, found " + type);
        }
        Column date = functions.date_from_unix_date(col(column));
        return functions.year(date).multiply(12).plus(functions.month(date)).minus(1);
    }
}
