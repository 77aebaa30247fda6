package dev.glosa.io.tiss;

import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Grouping;
import dev.glosa.core.table.LongColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * The appeal recovery indicator of a TISS table: recovered over glosa, with counts, per operator × reason group ×
 * competence month or any other key columns.
 */
public final class RecoveryRates {
    /** The default key columns: operator, Tabela 38 group, competence month. */
    public static final List<String> DEFAULT_KEYS =
            List.of(TissColumns.PAYER, TissColumns.REASON_GROUP, TissColumns.COMPETENCE);

    private RecoveryRates() {}

    /**
     * {@return the indicator per operator × reason group × competence month; see {@link #compute(GlosaTable, List)}}
     *
     * @param table the TISS table
     */
    public static List<RecoveryRate> compute(GlosaTable table) {
        return compute(table, DEFAULT_KEYS);
    }

    /**
     * The indicator per distinct value of {@code keys}, over the rows with a glosa ({@code glosa_amount > 0}), in the
     * key order of {@link Grouping} (deterministic). The table needs {@code glosa_amount}, {@code appealed},
     * {@code appealed_amount} and {@code recovered_amount}, as {@link TissReader} writes them.
     *
     * @param table the TISS table
     * @param keys the columns the rows are grouped by
     * @return one indicator per key value
     */
    public static List<RecoveryRate> compute(GlosaTable table, List<String> keys) {
        DoubleColumn glosa = table.doubles(TissColumns.GLOSA_AMOUNT);
        GlosaTable rows = table.filter(r -> glosa.get(r) > 0);
        DoubleColumn g = rows.doubles(TissColumns.GLOSA_AMOUNT);
        LongColumn appealed = rows.longs(TissColumns.APPEALED);
        DoubleColumn appealedAmount = rows.doubles(TissColumns.APPEALED_AMOUNT);
        DoubleColumn recovered = rows.doubles(TissColumns.RECOVERED_AMOUNT);
        Grouping grouping = rows.groupBy(keys);
        List<RecoveryRate> out = new ArrayList<>(grouping.groupCount());
        for (int k = 0; k < grouping.groupCount(); k++) {
            int[] members = grouping.rows(k);
            double glosaSum = 0;
            double appealedSum = 0;
            double recoveredSum = 0;
            int appealedRows = 0;
            int recoveredRows = 0;
            for (int r : members) {
                glosaSum += g.get(r);
                if (appealed.get(r) == 1) {
                    appealedRows++;
                    appealedSum += appealedAmount.get(r);
                }
                double rec = recovered.get(r);
                if (rec > 0) {
                    recoveredRows++;
                    recoveredSum += rec;
                }
            }
            out.add(new RecoveryRate(
                    grouping.key(k),
                    members.length,
                    cents(glosaSum),
                    appealedRows,
                    cents(appealedSum),
                    recoveredRows,
                    cents(recoveredSum)));
        }
        return out;
    }

    private static double cents(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
