package dev.glosa.core.aggregate;

import dev.glosa.core.table.Column;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Grouping;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.Role;
import dev.glosa.core.util.LongIntHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates glosa rows by dimensions × month and adds the previous-month features of the reference clustering input
 * (docs/domain.md, "Private hospital networks").
 *
 * <p>For every (dimensions, month) that has rows it writes the dimensions, the month, and:
 * <ul>
 *   <li>{@link #BILLED} ({@code billed_amount}) and {@link #GLOSA} ({@code glosa_amount}): the month's sums (missing values count as 0);
 *   <li>{@value #BILLED_PREVIOUS} and {@value #GLOSA_PREVIOUS}: the same dimensions' sums in the calendar month before
 *       (January's previous month is December of the year before; 0 when that month has no rows), or the sums of
 *       the spec's previous-month columns when it names them;
 *   <li>{@value #GLOSA_RATE} {@code = glosa / billed} (0 when nothing was billed) and {@value #GLOSA_RATE_PREVIOUS};
 *   <li>{@value #GLOSA_JUMP} {@code = glosa - glosa_previous} and {@value #GLOSA_RATE_JUMP}
 *       {@code = glosa_rate - glosa_rate_previous};
 *   <li>{@value #GLOSA_LINES}: the sum of the spec's lines column, or the number of rows.
 * </ul>
 * A group present in the previous month but not this one has no row for this month: the reference input is the
 * month's own glosa lines.
 */
public final class MonthlyAggregator {
    /** Billed this month. */
    public static final String BILLED = Role.BILLED_AMOUNT.column();
    /** Glosa this month. */
    public static final String GLOSA = Role.GLOSA_AMOUNT.column();
    /** Billed the month before. */
    public static final String BILLED_PREVIOUS = "billed_previous";
    /** Glosa the month before. */
    public static final String GLOSA_PREVIOUS = "glosa_previous";
    /** Glosa rate this month. */
    public static final String GLOSA_RATE = "glosa_rate";
    /** Glosa rate the month before. */
    public static final String GLOSA_RATE_PREVIOUS = "glosa_rate_previous";
    /** Jump in value. */
    public static final String GLOSA_JUMP = "glosa_jump";
    /** Jump in rate. */
    public static final String GLOSA_RATE_JUMP = "glosa_rate_jump";
    /** Number of glosa lines. */
    public static final String GLOSA_LINES = "glosa_lines";

    private MonthlyAggregator() {}

    /**
     * Aggregates {@code table} by {@code spec}.
     *
     * @param table the glosa lines
     * @param spec the dimensions and columns to aggregate by
     * @return one row per dimensions × month, with the previous month's amounts
     * @throws IllegalArgumentException naming the row, if a row has no month
     */
    public static GlosaTable aggregate(GlosaTable table, AggregationSpec spec) {
        MonthColumn month = table.months(spec.monthColumn());
        for (int r = 0; r < table.rowCount(); r++) {
            if (month.isMissing(r)) {
                throw new IllegalArgumentException(
                        "row " + r + ": '" + spec.monthColumn() + "' is missing; every row needs a month");
            }
        }
        DoubleColumn billed = table.doubles(spec.billedColumn());
        DoubleColumn glosa = table.doubles(spec.glosaColumn());
        DoubleColumn lines = spec.linesColumn() == null ? null : table.doubles(spec.linesColumn());
        DoubleColumn billedPrevIn =
                spec.billedPreviousColumn() == null ? null : table.doubles(spec.billedPreviousColumn());
        DoubleColumn glosaPrevIn =
                spec.glosaPreviousColumn() == null ? null : table.doubles(spec.glosaPreviousColumn());

        List<String> keys = new ArrayList<>(spec.dimensions());
        keys.add(spec.monthColumn());
        Grouping groups = table.groupBy(keys);
        Grouping dims = table.groupBy(spec.dimensions());
        int g = groups.groupCount();
        int[] firstRow = new int[g];
        double[] billedSum = new double[g];
        double[] glosaSum = new double[g];
        double[] lineSum = new double[g];
        double[] billedPrevSum = new double[g];
        double[] glosaPrevSum = new double[g];
        LongIntHashMap byDimMonth = new LongIntHashMap(g);
        for (int i = 0; i < g; i++) {
            int[] rows = groups.rows(i);
            firstRow[i] = rows[0];
            for (int r : rows) {
                billedSum[i] += zero(billed.get(r));
                glosaSum[i] += zero(glosa.get(r));
                lineSum[i] += lines == null ? 1 : zero(lines.get(r));
                if (billedPrevIn != null) {
                    billedPrevSum[i] += zero(billedPrevIn.get(r));
                    glosaPrevSum[i] += zero(glosaPrevIn.get(r));
                }
            }
            byDimMonth.put(key(dims.groupOf(rows[0]), month.index(rows[0])), i);
        }
        double[] rate = new double[g];
        double[] ratePrev = new double[g];
        double[] jump = new double[g];
        double[] rateJump = new double[g];
        for (int i = 0; i < g; i++) {
            if (billedPrevIn == null) {
                int prev = byDimMonth.get(key(dims.groupOf(firstRow[i]), month.index(firstRow[i]) - 1));
                billedPrevSum[i] = prev < 0 ? 0 : billedSum[prev];
                glosaPrevSum[i] = prev < 0 ? 0 : glosaSum[prev];
            }
            rate[i] = ratio(glosaSum[i], billedSum[i]);
            ratePrev[i] = ratio(glosaPrevSum[i], billedPrevSum[i]);
            jump[i] = glosaSum[i] - glosaPrevSum[i];
            rateJump[i] = rate[i] - ratePrev[i];
        }
        List<Column> out = new ArrayList<>();
        for (String d : spec.dimensions()) {
            out.add(table.column(d).select(firstRow));
        }
        out.add(month.select(firstRow));
        out.add(DoubleColumn.of(BILLED, billedSum));
        out.add(DoubleColumn.of(GLOSA, glosaSum));
        out.add(DoubleColumn.of(BILLED_PREVIOUS, billedPrevSum));
        out.add(DoubleColumn.of(GLOSA_PREVIOUS, glosaPrevSum));
        out.add(DoubleColumn.of(GLOSA_RATE, rate));
        out.add(DoubleColumn.of(GLOSA_RATE_PREVIOUS, ratePrev));
        out.add(DoubleColumn.of(GLOSA_JUMP, jump));
        out.add(DoubleColumn.of(GLOSA_RATE_JUMP, rateJump));
        out.add(DoubleColumn.of(GLOSA_LINES, lineSum));
        return GlosaTable.of(out);
    }

    /**
     * Keeps only the rows of one month; the other months have already fed the previous-month features.
     *
     * @param aggregated the aggregated table
     * @param monthColumn its month column
     * @param monthIndex the month kept, as a month index
     * @return the rows of that month
     */
    public static GlosaTable month(GlosaTable aggregated, String monthColumn, int monthIndex) {
        MonthColumn m = aggregated.months(monthColumn);
        return aggregated.filter(r -> m.index(r) == monthIndex);
    }

    private static long key(int dimGroup, int monthIndex) {
        return ((long) dimGroup << 32) | (monthIndex & 0xFFFFFFFFL);
    }

    private static double zero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double ratio(double glosa, double billed) {
        return billed == 0 ? 0 : glosa / billed;
    }
}
