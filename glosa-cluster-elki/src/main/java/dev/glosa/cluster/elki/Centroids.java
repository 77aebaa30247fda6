package dev.glosa.cluster.elki;

/** Means and inertia of a labelled partition (labels {@code 0..k-1}, {@code -1} ignored). */
final class Centroids {
    private Centroids() {}

    static double[] of(double[] x, int n, int d, int[] labels, int k) {
        double[] c = new double[k * d];
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            int l = labels[i];
            if (l >= 0) {
                counts[l]++;
                for (int t = 0; t < d; t++) {
                    c[l * d + t] += x[i * d + t];
                }
            }
        }
        for (int l = 0; l < k; l++) {
            for (int t = 0; t < d; t++) {
                if (counts[l] > 0) {
                    c[l * d + t] /= counts[l];
                }
            }
        }
        return c;
    }

    static double inertia(double[] x, int n, int d, int[] labels, double[] c) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            int l = labels[i];
            if (l >= 0) {
                for (int t = 0; t < d; t++) {
                    double v = x[i * d + t] - c[l * d + t];
                    s += v * v;
                }
            }
        }
        return s;
    }

    static int count(int[] labels) {
        int k = 0;
        for (int l : labels) {
            k = Math.max(k, l + 1);
        }
        return k;
    }
}
