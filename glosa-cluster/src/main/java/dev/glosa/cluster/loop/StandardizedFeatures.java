package dev.glosa.cluster.loop;

import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import java.util.HashSet;
import java.util.List;

/** Numeric columns z-scored within the segment; see {@link SegmentFeatures#standardized(List)}. */
record StandardizedFeatures(List<String> columns) implements SegmentFeatures {

    StandardizedFeatures {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("standardized features need at least one column, found none");
        }
        if (new HashSet<>(columns).size() != columns.size()) {
            throw new IllegalArgumentException("standardized features name a column twice: " + columns);
        }
    }

    @Override
    public FeatureMatrix matrix(GlosaTable table, int[] rows) {
        int n = rows.length;
        int d = columns.size();
        double[] values = new double[n * d];
        double[] x = new double[n];
        for (int f = 0; f < d; f++) {
            read(table, columns.get(f), rows, x);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[i];
            }
            double mean = n == 0 ? 0 : sum / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += (x[i] - mean) * (x[i] - mean);
            }
            double sd = n == 0 ? 0 : Math.sqrt(ss / n);
            // A constant column carries no information; 0 keeps it from dominating or producing NaN.
            double scale = sd > 0 ? 1 / sd : 0;
            for (int i = 0; i < n; i++) {
                values[i * d + f] = (x[i] - mean) * scale;
            }
        }
        return FeatureMatrix.of(values, columns, rows);
    }

    /** Reads a double or long column into {@code x}, a missing value as 0. */
    private static void read(GlosaTable table, String name, int[] rows, double[] x) {
        Column c = table.column(name);
        if (c instanceof DoubleColumn dc) {
            for (int i = 0; i < rows.length; i++) {
                double v = dc.get(rows[i]);
                x[i] = Double.isNaN(v) ? 0 : v;
            }
        } else if (c instanceof LongColumn lc) {
            for (int i = 0; i < rows.length; i++) {
                long v = lc.get(rows[i]);
                x[i] = v == LongColumn.MISSING ? 0 : v;
            }
        } else {
            throw new IllegalArgumentException("feature column '" + name + "' must be DOUBLE or LONG, found " + c.type());
        }
    }
}
