package dev.glosa.cluster.features;

import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Fits and applies a {@link FeatureSpec} to the rows of one segment, column by column on primitive arrays. */
final class FeatureEncoder {
    private final List<String> names = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private final List<String> source = new ArrayList<>();
    private final List<Byte> kind = new ArrayList<>();
    private final List<Transform> transform = new ArrayList<>();
    private final List<double[]> params = new ArrayList<>(); // centre, scale, weight, imputed, log divisor

    private FeatureEncoder() {}

    static FeatureSet encode(FeatureSpec spec, GlosaTable table, int[] rows) {
        for (int r : rows) {
            if (r < 0 || r >= table.rowCount()) {
                throw new IllegalArgumentException(
                        "row " + r + " is outside the table (" + table.rowCount() + " rows)");
            }
        }
        FeatureEncoder e = new FeatureEncoder();
        for (Feature f : spec.features()) {
            Column c = table.column(f.column());
            if (f instanceof Feature.Numeric num) {
                e.numeric(num, c, rows);
            } else {
                e.categorical((Feature.Categorical) f, c, rows);
            }
        }
        int n = rows.length;
        int d = e.names.size();
        double[] flat = new double[n * d];
        for (int j = 0; j < d; j++) {
            double[] col = e.values.get(j);
            for (int i = 0; i < n; i++) {
                flat[i * d + j] = col[i];
            }
        }
        FeatureMatrix matrix = FeatureMatrix.of(flat, e.names, rows);
        byte[] kinds = new byte[d];
        double[] centre = new double[d];
        double[] scale = new double[d];
        double[] weight = new double[d];
        int[] imputed = new int[d];
        double[] logDivisor = new double[d];
        for (int j = 0; j < d; j++) {
            kinds[j] = e.kind.get(j);
            double[] p = e.params.get(j);
            centre[j] = p[0];
            scale[j] = p[1];
            weight[j] = p[2];
            imputed[j] = (int) p[3];
            logDivisor[j] = p[4];
        }
        return new FeatureSet(
                spec,
                matrix,
                e.source.toArray(new String[0]),
                kinds,
                e.transform.toArray(new Transform[0]),
                centre,
                scale,
                weight,
                imputed,
                logDivisor);
    }

    private void numeric(Feature.Numeric f, Column c, int[] rows) {
        int n = rows.length;
        double[] v = new double[n];
        if (c instanceof DoubleColumn dc) {
            for (int i = 0; i < n; i++) {
                v[i] = dc.get(rows[i]);
            }
        } else if (c instanceof LongColumn lc) {
            for (int i = 0; i < n; i++) {
                long x = lc.get(rows[i]);
                v[i] = x == LongColumn.MISSING ? Double.NaN : x;
            }
        } else {
            throw new IllegalArgumentException(
                    "numeric feature column '" + f.column() + "' must be DOUBLE or LONG, found " + c.type());
        }
        int imputed = 0;
        double fill = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                if (f.missing() == MissingValues.ERROR) {
                    throw new IllegalArgumentException("feature column '" + f.column() + "' row " + rows[i] + ": value "
                            + v[i] + " is not finite; impute with MissingValues.MEDIAN or fix the data");
                }
                if (Double.isNaN(fill)) {
                    fill = finiteMedian(v);
                }
                v[i] = fill;
                imputed++;
            }
        }
        double centre = 0;
        double scale = 1;
        double divisor = 1;
        if (f.transform().fittedLog()) {
            double[] abs = new double[n];
            for (int i = 0; i < n; i++) {
                abs[i] = Math.abs(v[i]);
            }
            Arrays.sort(abs);
            double typical = quantile(abs, 0.5);
            divisor = typical > 0 && Double.isFinite(typical) ? typical : 1;
            for (int i = 0; i < n; i++) {
                v[i] = Math.copySign(Math.log1p(Math.abs(v[i]) / divisor), v[i]);
            }
        }
        switch (f.transform()) {
            case NONE -> {
                // as is
            }
            case LOG1P -> {
                for (int i = 0; i < n; i++) {
                    v[i] = Math.copySign(Math.log1p(Math.abs(v[i])), v[i]);
                }
            }
            case Z_SCORE, LOG_Z_SCORE -> {
                double mean = 0;
                for (double x : v) {
                    mean += x;
                }
                mean = n == 0 ? 0 : mean / n;
                double ss = 0;
                for (double x : v) {
                    ss += (x - mean) * (x - mean);
                }
                double sd = n == 0 ? 0 : Math.sqrt(ss / n);
                centre = mean;
                scale = sd > 0 && Double.isFinite(sd) ? sd : 1;
            }
            case ROBUST, LOG_ROBUST -> {
                double[] sorted = v.clone();
                Arrays.sort(sorted);
                centre = quantile(sorted, 0.5);
                double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
                scale = iqr > 0 && Double.isFinite(iqr) ? iqr : 1;
            }
            case MAD, LOG_MAD -> {
                double[] sorted = v.clone();
                Arrays.sort(sorted);
                centre = quantile(sorted, 0.5);
                double[] dev = new double[n];
                for (int i = 0; i < n; i++) {
                    dev[i] = Math.abs(v[i] - centre);
                }
                Arrays.sort(dev);
                // 1.4826 makes the MAD of normal data its standard deviation
                double mad = 1.4826 * quantile(dev, 0.5);
                scale = mad > 0 && Double.isFinite(mad) ? mad : 1;
            }
        }
        boolean constant = true;
        for (int i = 1; i < n && constant; i++) {
            constant = v[i] == v[0];
        }
        if (constant && n > 0 && f.transform() != Transform.NONE && f.transform() != Transform.LOG1P) {
            // exactly zero, even where the computed mean differs from the value by rounding
            centre = v[0];
            scale = 1;
        }
        double w = f.weight();
        for (int i = 0; i < n; i++) {
            v[i] = (v[i] - centre) / scale * w;
        }
        add(f.column(), v, f.column(), FeatureSet.NUMERIC, f.transform(), centre, scale, w, imputed, divisor);
    }

    private void categorical(Feature.Categorical f, Column c, int[] rows) {
        if (!(c instanceof CategoryColumn cc)) {
            throw new IllegalArgumentException(
                    "categorical feature column '" + f.column() + "' must be CATEGORY, found " + c.type());
        }
        int n = rows.length;
        int card = cc.cardinality();
        int[] counts = new int[card + 1]; // last slot: missing
        int[] code = new int[n];
        for (int i = 0; i < n; i++) {
            int k = cc.code(rows[i]);
            code[i] = k < 0 ? card : k;
            counts[code[i]]++;
        }
        double w = f.weight();
        if (f.encoding() == Encoding.FREQUENCY) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = (double) counts[code[i]] / n * w;
            }
            add(f.column(), v, f.column(), FeatureSet.FREQUENCY, Transform.NONE, 0, 1, w, 0, 1);
            return;
        }
        // most frequent first, then by value, so the columns do not depend on dictionary order
        List<Integer> present = new ArrayList<>();
        for (int k = 0; k < card; k++) {
            if (counts[k] > 0) {
                present.add(k);
            }
        }
        present.sort((a, b) -> counts[a] != counts[b]
                ? Integer.compare(counts[b], counts[a])
                : cc.value(a).compareTo(cc.value(b)));
        int top = Math.min(f.topN(), present.size());
        int[] slot = new int[card + 1];
        Arrays.fill(slot, top);
        for (int s = 0; s < top; s++) {
            slot[present.get(s)] = s;
        }
        boolean other = false;
        for (int i = 0; i < n; i++) {
            if (slot[code[i]] == top) {
                other = true;
                break;
            }
        }
        int cols = top + (other ? 1 : 0);
        for (int s = 0; s < cols; s++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                if (slot[code[i]] == s) {
                    v[i] = w;
                }
            }
            String name = f.column() + "=" + (s < top ? cc.value(present.get(s)) : "<other>");
            add(name, v, f.column(), FeatureSet.ONE_HOT, Transform.NONE, 0, 1, w, 0, 1);
        }
    }

    private void add(
            String name,
            double[] v,
            String src,
            byte k,
            Transform t,
            double centre,
            double scale,
            double w,
            int imputed,
            double logDivisor) {
        if (names.contains(name)) {
            throw new IllegalArgumentException("two features would both be named '" + name + "'");
        }
        names.add(name);
        values.add(v);
        source.add(src);
        kind.add(k);
        transform.add(t);
        params.add(new double[] {centre, scale, w, imputed, logDivisor});
    }

    private static double finiteMedian(double[] v) {
        double[] f = new double[v.length];
        int m = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                f[m++] = x;
            }
        }
        if (m == 0) {
            return 0;
        }
        double[] s = Arrays.copyOf(f, m);
        Arrays.sort(s);
        return quantile(s, 0.5);
    }

    /** Linearly interpolated quantile of sorted values (type 7, as R's default and NumPy's). */
    static double quantile(double[] sorted, double p) {
        int m = sorted.length;
        if (m == 0) {
            return 0;
        }
        double h = (m - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, m - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
