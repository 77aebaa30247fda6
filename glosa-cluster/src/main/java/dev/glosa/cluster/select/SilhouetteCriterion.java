package dev.glosa.cluster.select;

import dev.glosa.cluster.spi.FeatureMatrix;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The mean silhouette width of P. J. Rousseeuw, "Silhouettes: a graphical aid to the interpretation and validation
 * of cluster analysis", Journal of Computational and Applied Mathematics 20, 1987 (DOI 10.1016/0377-0427(87)90125-7).
 *
 * <p>A point alone in its cluster scores 0, as Rousseeuw suggests (and as ELKI and scikit-learn do). Above
 * {@code maxExact} non-noise points, the score is the exact silhouette of a seeded uniform sample of
 * {@code maxExact} of them, computed among the sample only (as scikit-learn's {@code sample_size}).
 */
final class SilhouetteCriterion implements Criterion {
    static final String ID = "silhouette";
    static final int DEFAULT_MAX_EXACT = 2_000;

    private final int maxExact;

    SilhouetteCriterion(int maxExact) {
        if (maxExact < 2) {
            throw new IllegalArgumentException("silhouette maxExact must be >= 2, found " + maxExact);
        }
        this.maxExact = maxExact;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public double score(FeatureMatrix data, int[] labels, long seed) {
        Partition p = Partition.of(labels, data.rows());
        if (p.k < 2) {
            return Double.NaN;
        }
        int[] pts = p.points;
        int[] lab = p.label;
        if (pts.length > maxExact) {
            int[] pick = sample(pts.length, maxExact, seed);
            int[] sp = new int[maxExact];
            int[] sl = new int[maxExact];
            for (int i = 0; i < maxExact; i++) {
                sp[i] = pts[pick[i]];
                sl[i] = lab[pick[i]];
            }
            // Re-compact: a cluster may be missing from the sample.
            int[] full = new int[data.rows()];
            Arrays.fill(full, -1);
            for (int i = 0; i < maxExact; i++) {
                full[sp[i]] = sl[i];
            }
            p = Partition.of(full, data.rows());
            if (p.k < 2) {
                return Double.NaN;
            }
        }
        return silhouette(data.values(), data.dims(), p);
    }

    /** {@code m} distinct indices in {@code [0, n)}, sorted, by a seeded partial Fisher-Yates shuffle. */
    static int[] sample(int n, int m, long seed) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] out = Arrays.copyOf(perm, m);
        Arrays.sort(out);
        return out;
    }

    static double silhouette(double[] x, int d, Partition p) {
        int m = p.points.length;
        int k = p.k;
        // pack the points cluster by cluster, so each mean distance is a sequential scan of one block
        int[] start = new int[k + 1];
        for (int l : p.label) {
            start[l + 1]++;
        }
        for (int c = 0; c < k; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = java.util.Arrays.copyOf(start, k);
        double[] packed = new double[m * d];
        int[] packedLabel = new int[m];
        for (int a = 0; a < m; a++) {
            int l = p.label[a];
            int pos = fill[l]++;
            System.arraycopy(x, p.points[a] * d, packed, pos * d, d);
            packedLabel[pos] = l;
        }
        double[] row = new double[k];
        double total = 0;
        for (int a = 0; a < m; a++) {
            int own = packedLabel[a];
            if (p.sizes[own] <= 1) {
                continue; // a singleton scores 0
            }
            int oa = a * d;
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int b = start[c]; b < start[c + 1]; b++) {
                    s += Partition.dist(packed, oa, packed, b * d, d);
                }
                row[c] = s;
            }
            double in = row[own] / (p.sizes[own] - 1);
            double out = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own) {
                    out = Math.min(out, row[c] / p.sizes[c]);
                }
            }
            double max = Math.max(in, out);
            if (max > 0) {
                total += (out - in) / max;
            }
        }
        return total / m;
    }

    @Override
    public String toString() {
        return "silhouette(maxExact=" + maxExact + ")";
    }
}
