package dev.glosa.cluster.hierarchical;

import java.util.SplittableRandom;

/**
 * Summarises a large point set by at most {@code m} weighted micro-clusters: centres drawn as a seeded sample of
 * distinct rows, then refined by a few Lloyd iterations (S. P. Lloyd, "Least squares quantization in PCM", IEEE
 * Transactions on Information Theory 28(2), 1982, DOI 10.1109/TIT.1982.1056489). Empty micro-clusters are dropped.
 */
final class MicroClusters {
    static final int LLOYD_ITERATIONS = 3;

    final int count;
    final double[] centres;
    final double[] weights;
    final int[] assign;

    private MicroClusters(int count, double[] centres, double[] weights, int[] assign) {
        this.count = count;
        this.centres = centres;
        this.weights = weights;
        this.assign = assign;
    }

    static MicroClusters of(double[] x, int n, int d, int m, long seed) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] c = new double[m * d];
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
            System.arraycopy(x, perm[i] * d, c, i * d, d);
        }
        int[] assign = new int[n];
        double[] sums = new double[m * d];
        int[] counts = new int[m];
        for (int it = 0; it <= LLOYD_ITERATIONS; it++) {
            for (int i = 0; i < n; i++) {
                int oi = i * d;
                int bestC = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int k = 0; k < m; k++) {
                    int ok = k * d;
                    double s = 0;
                    for (int t = 0; t < d && s < bestD; t++) {
                        double v = x[oi + t] - c[ok + t];
                        s += v * v;
                    }
                    if (s < bestD) {
                        bestD = s;
                        bestC = k;
                    }
                }
                assign[i] = bestC;
            }
            java.util.Arrays.fill(sums, 0);
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                int k = assign[i];
                counts[k]++;
                for (int t = 0; t < d; t++) {
                    sums[k * d + t] += x[i * d + t];
                }
            }
            if (it < LLOYD_ITERATIONS) {
                for (int k = 0; k < m; k++) {
                    if (counts[k] > 0) {
                        for (int t = 0; t < d; t++) {
                            c[k * d + t] = sums[k * d + t] / counts[k];
                        }
                    }
                }
            }
        }
        // drop empty micro-clusters; the final centres are the means of the final assignment
        int[] remap = new int[m];
        int count = 0;
        for (int k = 0; k < m; k++) {
            remap[k] = counts[k] > 0 ? count++ : -1;
        }
        double[] centres = new double[count * d];
        double[] weights = new double[count];
        for (int k = 0; k < m; k++) {
            int r = remap[k];
            if (r >= 0) {
                weights[r] = counts[k];
                for (int t = 0; t < d; t++) {
                    centres[r * d + t] = sums[k * d + t] / counts[k];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            assign[i] = remap[assign[i]];
        }
        return new MicroClusters(count, centres, weights, assign);
    }
}
