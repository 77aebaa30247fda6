package dev.glosa.cluster.testing;

import java.util.ArrayDeque;

/**
 * A plain O(n²) DBSCAN with the library's conventions, as a reference: closed eps-ball, minPts counts the point,
 * clusters are connected components of core points, a border point joins its lowest-index core neighbour.
 */
public final class BruteForceDbscan {
    private BruteForceDbscan() {}

    public static int[] run(double[] x, int n, int d, double eps, int minPts) {
        boolean[][] nb = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int t = 0; t < d; t++) {
                    double v = x[i * d + t] - x[j * d + t];
                    s += v * v;
                }
                nb[i][j] = Math.sqrt(s) <= eps;
            }
        }
        boolean[] core = new boolean[n];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int j = 0; j < n; j++) {
                if (nb[i][j]) {
                    c++;
                }
            }
            core[i] = c >= minPts;
        }
        int[] labels = new int[n];
        java.util.Arrays.fill(labels, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (!core[i] || labels[i] >= 0) {
                continue;
            }
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            labels[i] = next;
            queue.add(i);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                for (int q = 0; q < n; q++) {
                    if (nb[p][q] && core[q] && labels[q] < 0) {
                        labels[q] = next;
                        queue.add(q);
                    }
                }
            }
            next++;
        }
        for (int i = 0; i < n; i++) {
            if (core[i]) {
                continue;
            }
            for (int q = 0; q < n; q++) {
                if (nb[i][q] && core[q]) {
                    labels[i] = labels[q];
                    break;
                }
            }
        }
        return labels;
    }

    /** Labels renumbered in order of first appearance, noise kept at -1. */
    public static int[] canonical(int[] labels) {
        int max = -1;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        int[] map = new int[max + 1];
        java.util.Arrays.fill(map, -1);
        int next = 0;
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l < 0) {
                out[i] = -1;
            } else {
                if (map[l] < 0) {
                    map[l] = next++;
                }
                out[i] = map[l];
            }
        }
        return out;
    }
}
