package dev.glosa.run;

import dev.glosa.cluster.features.Encoding;
import dev.glosa.cluster.features.Feature;
import dev.glosa.cluster.features.FeatureSpec;
import dev.glosa.cluster.features.MissingValues;
import dev.glosa.cluster.features.Transform;
import dev.glosa.core.aggregate.AggregationSpec;
import dev.glosa.core.aggregate.MonthlyAggregator;
import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.indicator.Indicators;
import dev.glosa.core.reconcile.ReconcileOptions;
import dev.glosa.core.reconcile.Reconciler;
import dev.glosa.core.reconcile.Reconciliation;
import dev.glosa.core.reconcile.ReconciliationReport;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.run.SourceBatch;
import dev.glosa.core.run.SourceRows;
import dev.glosa.core.sus.SusColumns;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.PersonalFields;
import dev.glosa.core.table.Role;
import dev.glosa.io.sih.SihReader;
import dev.glosa.io.sih.SihRejections;
import dev.glosa.io.tiss.TissColumns;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns what each source reads into what the job clusters and writes: SUS files reconciled, ERP lines aggregated by
 * month with the previous month's amounts, TISS items rated against their unit; with each kind's default features
 * and the columns that explain its groups.
 */
final class Preparation {
    /** The ERP export's count of denied lines. */
    static final String ERP_LINES = "QTD_LINHAS_GLOSA";

    private Preparation() {}

    /**
     * Prepares what {@code batch} holds for the loop and the writer.
     *
     * @param source a word for messages: {@code sus}, {@code csv}, {@code tiss}, {@code demo}
     * @param personal the source's decisions on which columns are personal
     */
    static Prepared prepare(
            String source, SourceBatch batch, RunConfig config, LocalDate asOf, Map<String, Boolean> personal) {
        SourceRows rows = batch.rows();
        Prepared p;
        if (rows instanceof SourceRows.Sih sih) {
            p = sus(source, sih.rd(), sih.rj(), sih.er(), config, batch.inputs());
        } else if (rows instanceof SourceRows.ReconciledSih done) {
            p = susClaims(
                    source,
                    done.claims(),
                    done.report(),
                    done.indicators(),
                    batch.inputs(),
                    batch.rowsRead(),
                    errorWarnings(done.rejectedWithoutError(), done.report().rejectedRows()));
        } else if (rows instanceof SourceRows.ErpLines erp) {
            p = erp(
                    source,
                    erp.lines(),
                    erp.month(),
                    YearMonth.from(asOf),
                    batch.inputs(),
                    batch.rowsRejected(),
                    personal);
        } else if (rows instanceof SourceRows.TissItems tiss) {
            p = tiss(source, tiss.items(), batch.inputs());
        } else {
            throw new IllegalStateException(
                    "unknown kind of rows: " + rows.getClass().getName());
        }
        if (batch.warnings().isEmpty()) {
            return p;
        }
        List<String> warnings = new ArrayList<>(batch.warnings());
        warnings.addAll(p.warnings());
        return p.withWarnings(warnings);
    }

    /**
     * SUS: reconcile RJ (with its ER errors, when given) against RD so every claim counts once; every claim goes to
     * the fact table and the indicators, the claims with a glosa are segmented and clustered.
     *
     * <p>The default features of a SUS claim, each present column only: the glosa amount, length of stay
     * ({@code DIAS_PERM}) and ICU days ({@code UTI_MES_TO}) as {@code log1p} (amounts and stays are skewed: a log
     * keeps one long stay from making its own group) and age in years z-scored, missing values imputed by the median;
     * and, at half weight so they shape groups without splitting them by every code, one-hot the SIGTAP procedure
     * group, the ICD-10 chapter and the bed specialty. Groups are explained by those three, whose values read as words.
     */
    static Prepared sus(
            String source,
            GlosaTable rd,
            GlosaTable rj,
            GlosaTable er,
            RunConfig config,
            List<RunRecord.Input> inputs) {
        GlosaTable rejected = er == null ? SihRejections.withoutErrors(rj) : SihRejections.attachErrors(rj, er);
        Reconciliation r;
        try {
            ReconcileOptions sih = ReconcileOptions.sih().withPolicy(config.dedupPolicy());
            if (tenDigitEra(rejected) && tenDigitEra(rd)) {
                sih = sih.withClaimIdDigits(10);
            }
            r = Reconciler.with(sih).reconcile(rejected, rd);
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e, "error.reconciliation", e.getMessage());
        }
        long rowsIn = (long) rd.rowCount() + rj.rowCount() + (er == null ? 0 : er.rowCount());
        long without = er == null ? -1 : SihRejections.rowsWithoutError(rejected);
        return susClaims(
                source, r.claims(), r.report(), null, inputs, rowsIn, errorWarnings(without, rejected.rowCount()));
    }

    /**
     * What the analyst should know about the ER join: how many RJ rows got no glosa type, or that no ER was given.
     *
     * @param without RJ rows no ER row matched; {@code -1} when no ER input was given
     */
    private static List<String> errorWarnings(long without, long rejectedRows) {
        List<String> warnings = new ArrayList<>();
        if (without > 0) {
            // The ER join keeps every RJ row; one without a matching error (another CNES, a missing file) gets no
            // glosa type, and the analyst should know how many.
            warnings.add(String.format(
                    "%,d of %,d RJ rows have no error in the ER files given (same AIH and CNES):"
                            + " their glosa type is empty",
                    without, rejectedRows));
        } else if (without < 0) {
            warnings.add("no ER files given: every rejected AIH has the glosa type '" + SusColumns.WITHOUT_ERROR_CODE
                    + "', so segments are hospital × payer in effect; give --er for the CO_ERRO groups");
        }
        return warnings;
    }

    /**
     * SUS once reconciled, wherever that happened: the derived columns, the features, the explaining columns.
     *
     * @param reconciled the reconciler's claims
     * @param indicators the indicators when computed where the rows live; {@code null} to compute them here
     */
    static Prepared susClaims(
            String source,
            GlosaTable reconciled,
            ReconciliationReport report,
            List<IndicatorRow> indicators,
            List<RunRecord.Input> inputs,
            long rowsIn,
            List<String> warnings) {
        GlosaTable claims = SusColumns.derive(reconciled);
        DoubleColumn glosa = claims.doubles(Role.GLOSA_AMOUNT);
        int[] withGlosa = rowsWhere(claims.rowCount(), row -> glosa.get(row) > 0);
        List<Feature> features = new ArrayList<>();
        for (String numeric : List.of(Role.GLOSA_AMOUNT.column(), "DIAS_PERM", SihReader.AGE_YEARS, "UTI_MES_TO")) {
            if (claims.has(numeric) && claims.column(numeric).type() == ColumnType.DOUBLE) {
                Transform t = numeric.equals(SihReader.AGE_YEARS) ? Transform.Z_SCORE : Transform.LOG1P;
                features.add(new Feature.Numeric(numeric, t, 1.0, MissingValues.MEDIAN));
            }
        }
        List<String> categories = List.of(SusColumns.PROCEDURE_GROUP, SusColumns.ICD_CHAPTER, SusColumns.SPECIALTY);
        for (String category : categories) {
            if (claims.has(category) && claims.column(category).type() == ColumnType.CATEGORY) {
                features.add(new Feature.Categorical(category, Encoding.ONE_HOT, 6, 0.5));
            }
        }
        List<String> explain = present(claims, categories);
        return new Prepared(
                source,
                claims,
                withGlosa,
                new FeatureSpec(features),
                explain,
                indicators != null ? indicators : Indicators.standard(claims),
                inputs,
                rowsIn,
                0,
                report,
                warnings,
                Map.of());
    }

    /**
     * Whether every claim number has at most ten digits, as in the RD layouts of the 1990s; then ten digits are the
     * rule, and a file of another era mixed in is named by the reconciler's error.
     */
    private static boolean tenDigitEra(GlosaTable t) {
        LongColumn ids = t.longs(Role.CLAIM_ID);
        for (int r = 0; r < ids.size(); r++) {
            if (ids.get(r) >= 10_000_000_000L) {
                return false;
            }
        }
        return ids.size() > 0;
    }

    /**
     * ERP lines in the reference shape: aggregated by every category column × month with the previous-month features,
     * then the analysed month kept. The default features are the reference columns with their kinds' transforms
     * ({@link FeatureSpec#moneyAware()}: glosa and jump on the signed log scale).
     * The export has no payment column, so {@code paid_amount} is billed minus denied.
     *
     * @param month the month to analyse, or {@code null} for the last closed month before {@code asOfMonth}
     * @param personal the mapping's decisions on which columns are personal ({@code CsvMapping.personalOverrides()})
     */
    static Prepared erp(
            String source,
            GlosaTable lines,
            YearMonth month,
            YearMonth asOfMonth,
            List<RunRecord.Input> inputs,
            long rowsRejected,
            Map<String, Boolean> personal) {
        List<String> dims = new ArrayList<>();
        for (Column c : lines.columns()) {
            if (c.type() == ColumnType.CATEGORY) {
                dims.add(c.name());
            }
        }
        AggregationSpec spec = AggregationSpec.of(dims);
        if (lines.has(MonthlyAggregator.BILLED_PREVIOUS) && lines.has(MonthlyAggregator.GLOSA_PREVIOUS)) {
            spec = spec.withPreviousColumns(MonthlyAggregator.BILLED_PREVIOUS, MonthlyAggregator.GLOSA_PREVIOUS);
        }
        if (lines.has(ERP_LINES)) {
            spec = spec.withLines(ERP_LINES);
        }
        GlosaTable aggregated;
        try {
            aggregated = MonthlyAggregator.aggregate(lines, spec);
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e);
        }
        YearMonth target = month != null ? month : asOfMonth.minusMonths(1);
        GlosaTable analysed =
                MonthlyAggregator.month(aggregated, Role.COMPETENCE.column(), MonthColumn.toIndex(target));
        if (analysed.rowCount() == 0) {
            TreeSet<String> months = new TreeSet<>();
            MonthColumn m = aggregated.months(Role.COMPETENCE);
            for (int r = 0; r < m.size(); r++) {
                months.add(m.text(r));
            }
            throw GlosaRunException.badInput(
                    null, month == null ? "error.noRowsLastMonth" : "error.noRowsMonth", target, months);
        }
        DoubleColumn billed = analysed.doubles(Role.BILLED_AMOUNT);
        DoubleColumn glosa = analysed.doubles(Role.GLOSA_AMOUNT);
        double[] paid = new double[analysed.rowCount()];
        for (int r = 0; r < paid.length; r++) {
            paid[r] = billed.get(r) - glosa.get(r);
        }
        analysed = analysed.with(DoubleColumn.of(Role.PAID_AMOUNT.column(), paid));
        // Every dimension explains the groups, except personal ones: a group's label quotes its values in clear.
        Set<String> personalDims = PersonalFields.detectNames(analysed.project(dims.toArray(String[]::new)), personal);
        List<String> explain = new ArrayList<>();
        for (String d : dims) {
            if (!personalDims.contains(d)) {
                explain.add(d);
            }
        }
        List<String> warnings = rowsRejected == 0
                ? List.of()
                : List.of(String.format("%,d rows were rejected by the reader (see rejects.csv)", rowsRejected));
        return new Prepared(
                source,
                analysed,
                null,
                FeatureSpec.moneyAware(),
                explain,
                Indicators.standard(analysed),
                inputs,
                lines.rowCount() + rowsRejected,
                rowsRejected,
                null,
                warnings,
                personal);
    }

    /**
     * TISS items: every row goes to the fact table; the rows with a glosa are clustered on the glosa amount and its
     * rate over the billed amount of the unit it was given on (the item; the guide or protocol for a glosa given at
     * that level), both z-scored, and one-hot the Tabela 38 reason group. A second code of an item, or a guide's
     * glosa, sits on a row of its own with nothing billed, so its rate is taken against its unit's billed total, never
     * against its own zero. Groups are explained by the reason group, the procedure table and the level.
     */
    static Prepared tiss(String source, GlosaTable items, List<RunRecord.Input> inputs) {
        DoubleColumn glosa = items.doubles(Role.GLOSA_AMOUNT);
        double[] unitBilled = unitBilled(items);
        double[] rate = new double[items.rowCount()];
        for (int r = 0; r < rate.length; r++) {
            double g = glosa.get(r);
            rate[r] = unitBilled[r] > 0 && !Double.isNaN(g) ? g / unitBilled[r] : 0;
        }
        GlosaTable analysed = items.with(DoubleColumn.of(MonthlyAggregator.GLOSA_RATE, rate));
        int[] withGlosa = rowsWhere(analysed.rowCount(), row -> glosa.get(row) > 0);
        List<Feature> features = new ArrayList<>();
        features.add(new Feature.Numeric(Role.GLOSA_AMOUNT.column(), Transform.Z_SCORE, 1.0, MissingValues.MEDIAN));
        features.add(new Feature.Numeric(MonthlyAggregator.GLOSA_RATE, Transform.Z_SCORE, 1.0, MissingValues.MEDIAN));
        if (analysed.has(TissColumns.REASON_GROUP)
                && analysed.column(TissColumns.REASON_GROUP).type() == ColumnType.CATEGORY) {
            features.add(new Feature.Categorical(TissColumns.REASON_GROUP, Encoding.ONE_HOT, 6, 1.0));
        }
        List<String> explain = present(
                analysed,
                List.of(
                        TissColumns.REASON_GROUP,
                        TissColumns.PROCEDURE_TABLE,
                        TissColumns.GLOSA_LEVEL,
                        TissColumns.APPEAL_STATUS));
        return new Prepared(
                source,
                analysed,
                withGlosa,
                new FeatureSpec(features),
                explain,
                Indicators.standard(analysed),
                inputs,
                items.rowCount(),
                0,
                null,
                List.of(),
                Map.of());
    }

    /**
     * The billed amount of each row's unit: its item (file, protocol, guide, item), else its guide, else its
     * protocol, summed over the rows that carry amounts.
     */
    private static double[] unitBilled(GlosaTable t) {
        int n = t.rowCount();
        Column[] parts = {
            t.has(TissColumns.SOURCE_FILE) ? t.column(TissColumns.SOURCE_FILE) : null,
            t.has(TissColumns.PROTOCOL_NUMBER) ? t.column(TissColumns.PROTOCOL_NUMBER) : null,
            t.has(TissColumns.GUIDE_NUMBER) ? t.column(TissColumns.GUIDE_NUMBER) : null,
            t.has(TissColumns.ITEM_SEQ) ? t.column(TissColumns.ITEM_SEQ) : null,
        };
        DoubleColumn billed = t.doubles(Role.BILLED_AMOUNT);
        Map<String, Double> sums = new HashMap<>();
        String[][] keys = new String[n][];
        for (int r = 0; r < n; r++) {
            String[] k = new String[3];
            String file = text(parts[0], r);
            String protocol = file + '\u001f' + text(parts[1], r);
            String guide = text(parts[2], r);
            String item = text(parts[3], r);
            k[2] = protocol;
            k[1] = guide.isEmpty() ? null : protocol + '\u001f' + guide;
            k[0] = k[1] == null || item.isEmpty() ? null : k[1] + '\u001f' + item;
            keys[r] = k;
            double b = billed.get(r);
            if (b > 0) {
                for (String key : k) {
                    if (key != null) {
                        sums.merge(key, b, Double::sum);
                    }
                }
            }
        }
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            String key = keys[r][0] != null ? keys[r][0] : keys[r][1] != null ? keys[r][1] : keys[r][2];
            out[r] = sums.getOrDefault(key, 0.0);
        }
        return out;
    }

    private static String text(Column c, int row) {
        return c == null ? "" : c.text(row);
    }

    /** The columns of {@code names} that {@code t} has as categories. */
    private static List<String> present(GlosaTable t, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String c : names) {
            if (t.has(c) && t.column(c).type() == ColumnType.CATEGORY) {
                out.add(c);
            }
        }
        return out;
    }

    private static int[] rowsWhere(int n, java.util.function.IntPredicate keep) {
        int[] rows = new int[n];
        int k = 0;
        for (int r = 0; r < n; r++) {
            if (keep.test(r)) {
                rows[k++] = r;
            }
        }
        return java.util.Arrays.copyOf(rows, k);
    }
}
