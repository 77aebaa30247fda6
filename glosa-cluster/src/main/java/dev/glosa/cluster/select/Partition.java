package dev.glosa.cluster.select;

import java.util.Arrays;

/** Labels compacted to {@code 0..k-1} (noise dropped), with cluster sizes and centroids on demand. */
final class Partition {
    final int[] points;
    final int[] label;
    final int k;
    final int[] sizes;

    private Partition(int[] points, int[] label, int k, int[] sizes) {
        this.points = points;
        this.label = label;
        this.k = k;
        this.sizes = sizes;
    }

    /** The non-noise points of {@code labels} (in index order) and their compacted labels. */
    static Partition of(int[] labels, int n) {
        if (labels.length != n) {
            throw new IllegalArgumentException(
                    "labels.length (" + labels.length + ") must equal the number of points (" + n + ")");
        }
        int max = -1;
        int m = 0;
        for (int l : labels) {
            if (l < -1) {
                throw new IllegalArgumentException("labels must be >= -1, found " + l);
            }
            if (l >= 0) {
                m++;
                max = Math.max(max, l);
            }
        }
        int[] map = new int[max + 1];
        Arrays.fill(map, -1);
        int[] points = new int[m];
        int[] label = new int[m];
        int k = 0;
        int p = 0;
        for (int i = 0; i < n; i++) {
            int l = labels[i];
            if (l >= 0) {
                if (map[l] < 0) {
                    map[l] = k++;
                }
                points[p] = i;
                label[p] = map[l];
                p++;
            }
        }
        int[] sizes = new int[k];
        for (int l : label) {
            sizes[l]++;
        }
        return new Partition(points, label, k, sizes);
    }

    /** The centroid of every cluster, flat k × d. */
    double[] centroids(double[] x, int d) {
        double[] c = new double[k * d];
        for (int p = 0; p < points.length; p++) {
            int o = points[p] * d;
            int oc = label[p] * d;
            for (int t = 0; t < d; t++) {
                c[oc + t] += x[o + t];
            }
        }
        for (int l = 0; l < k; l++) {
            for (int t = 0; t < d; t++) {
                c[l * d + t] /= sizes[l];
            }
        }
        return c;
    }

    static double dist(double[] a, int oa, double[] b, int ob, int d) {
        double s = 0;
        for (int t = 0; t < d; t++) {
            double v = a[oa + t] - b[ob + t];
            s += v * v;
        }
        return Math.sqrt(s);
    }

    static double dist2(double[] a, int oa, double[] b, int ob, int d) {
        double s = 0;
        for (int t = 0; t < d; t++) {
            double v = a[oa + t] - b[ob + t];
            s += v * v;
        }
        return s;
    }
}
