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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
        List<IndicatorRow> out = new ArrayList<>();
        out.addAll(split(claims, types, null, null, IndicatorRow.OVERALL));
        if (hasHospital) {
            out.addAll(split(claims, types, hospital, null, hospital));
        }
        for (Role month : List.of(Role.COMPETENCE, Role.ADMISSION_DATE, Role.DISCHARGE_DATE)) {
            if (types.containsKey(month.column())) {
                out.addAll(split(claims, types, null, month.column(), IndicatorRow.OVERALL + ":" + month.column()));
            }
        }
        if (hasHospital && types.containsKey(Role.COMPETENCE.column())) {
            out.addAll(split(claims, types, hospital, Role.COMPETENCE.column(), hospital));
        }
        return out;
    }

    /** One split: its aggregated rows, ordered as {@code Grouping} orders keys (missing last). */
    private static List<IndicatorRow> split(
            Dataset<Row> claims, Map<String, ColumnType> types, String scope, String period, String label) {
        List<Column> keys = new ArrayList<>();
        keys.add(scope == null ? lit(null).cast(DataTypes.StringType) : col(scope));
        keys.add(period == null ? lit(null).cast(DataTypes.IntegerType) : monthIndex(period, types.get(period)));
        Column situation = col("situation");
        Column paid = functions.coalesce(col(Role.PAID_AMOUNT.column()), lit(0.0));
        Column glosa = functions.coalesce(col(Role.GLOSA_AMOUNT.column()), lit(0.0));
        List<Row> rows = claims.groupBy(keys.get(0).as("k"), keys.get(1).as("p"))
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
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.<Row, String>comparing(
                        r -> r.isNullAt(0) ? null : r.getString(0), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(
                        r -> r.isNullAt(1) ? null : r.getInt(1), Comparator.nullsLast(Comparator.naturalOrder())));
        List<IndicatorRow> out = new ArrayList<>();
        for (Row r : sorted) {
            long n = r.getLong(2);
            long glosaClaims = r.getLong(3);
            double paidSum = money(r, 4);
            double glosaSum = money(r, 5);
            WilsonInterval ci = WilsonInterval.of95(glosaClaims, n);
            out.add(new IndicatorRow(
                    label,
                    scope == null || r.isNullAt(0) ? "" : r.getString(0),
                    period == null || r.isNullAt(1) ? "" : MonthColumn.format(r.getInt(1)),
                    n,
                    glosaClaims,
                    n == 0 ? Double.NaN : (double) glosaClaims / n,
                    ci.low(),
                    ci.high(),
                    paidSum,
                    glosaSum,
                    paidSum == 0 ? Double.NaN : glosaSum / paidSum,
                    money(r, 6)));
        }
        return out;
    }

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

    private static double money(Row r, int i) {
        return r.isNullAt(i) ? 0 : r.getDecimal(i).doubleValue();
    }
}
