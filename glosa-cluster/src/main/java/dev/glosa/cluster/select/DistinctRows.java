package dev.glosa.cluster.select;

import dev.glosa.cluster.spi.FeatureMatrix;

/** Counts the distinct rows of a matrix exactly, by sorting row indices (a primitive merge sort). */
final class DistinctRows {
    private DistinctRows() {}

    static int count(FeatureMatrix data) {
        int n = data.rows();
        if (n == 0) {
            return 0;
        }
        int d = data.dims();
        double[] x = data.values();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[n];
        sort(x, d, idx, tmp, 0, n);
        int distinct = 1;
        for (int i = 1; i < n; i++) {
            if (compare(x, d, idx[i - 1], idx[i]) != 0) {
                distinct++;
            }
        }
        return distinct;
    }

    private static void sort(double[] x, int d, int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        sort(x, d, a, tmp, lo, mid);
        sort(x, d, a, tmp, mid, hi);
        int i = lo;
        int j = mid;
        int o = lo;
        while (i < mid && j < hi) {
            tmp[o++] = compare(x, d, a[i], a[j]) <= 0 ? a[i++] : a[j++];
        }
        while (i < mid) {
            tmp[o++] = a[i++];
        }
        while (j < hi) {
            tmp[o++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
    }

    private static int compare(double[] x, int d, int a, int b) {
        for (int t = 0; t < d; t++) {
            // 0.0 and -0.0 are the same point.
            double va = x[a * d + t] + 0.0;
            double vb = x[b * d + t] + 0.0;
            if (va != vb) {
                return va < vb ? -1 : 1;
            }
        }
        return 0;
    }
}
