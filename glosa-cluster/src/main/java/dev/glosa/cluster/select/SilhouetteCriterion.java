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

    /**
     * Keeps the distances between the scored points (all of them, or the seeded sample) for every partition of a k
     * search: each partition then costs one pass over the pairs instead of a distance per pair. Partitions with noise
     * are scored directly; so is everything above {@value #MAX_KEPT_POINTS} scored points, where the distances would
     * take too much memory.
     */
    @Override
    public Scorer prepare(FeatureMatrix data, long seed) {
        int n = data.rows();
        int m = Math.min(n, maxExact);
        if (m < 2 || m > MAX_KEPT_POINTS) {
            return labels -> score(data, labels, seed);
        }
        int[] points = n > maxExact ? sample(n, maxExact, seed) : identity(n);
        return new KeptDistances(data, points, seed);
    }

    /** The most points whose pairwise distances a prepared scorer keeps (8 million distances, 64 MB). */
    static final int MAX_KEPT_POINTS = 4_000;

    /**
     * The distances between the scored points, upper triangle by rows; each partition accumulates them per point and
     * cluster in ascending partner order, which is the order the direct computation adds them in, so both give the
     * same bits.
     */
    private final class KeptDistances implements Scorer {
        private final FeatureMatrix data;
        private final int[] points;
        private final long seed;
        private final double[] dist;
        private final int[] rowStart;

        KeptDistances(FeatureMatrix data, int[] points, long seed) {
            this.data = data;
            this.points = points;
            this.seed = seed;
            int m = points.length;
            double[] x = data.values();
            int d = data.dims();
            rowStart = new int[m];
            dist = new double[m * (m - 1) / 2];
            int o = 0;
            for (int a = 0; a < m; a++) {
                rowStart[a] = o;
                int oa = points[a] * d;
                for (int b = a + 1; b < m; b++) {
                    dist[o++] = Partition.dist(x, oa, x, points[b] * d, d);
                }
            }
        }

        @Override
        public double score(int[] labels) {
            if (labels.length != data.rows()) {
                throw new IllegalArgumentException(
                        "labels.length (" + labels.length + ") must equal the number of points (" + data.rows() + ")");
            }
            for (int l : labels) {
                if (l < 0) {
                    // Noise (or a bad label, which the direct computation reports): the points scored would differ.
                    return SilhouetteCriterion.this.score(data, labels, seed);
                }
            }
            int m = points.length;
            int[] full = new int[labels.length];
            Arrays.fill(full, -1);
            for (int a = 0; a < m; a++) {
                full[points[a]] = labels[points[a]];
            }
            Partition p = Partition.of(full, labels.length);
            if (p.k < 2) {
                return Double.NaN;
            }
            int k = p.k;
            int[] lab = p.label; // p.points equals points: both are the scored points in index order
            double[] sums = new double[m * k];
            for (int a = 0; a < m; a++) {
                int la = lab[a];
                int o = rowStart[a] - a - 1;
                int ra = a * k;
                for (int b = a + 1; b < m; b++) {
                    double v = dist[o + b];
                    sums[ra + lab[b]] += v;
                    sums[b * k + la] += v;
                }
            }
            // Summed cluster by cluster, as the direct computation visits the points.
            double total = 0;
            for (int c = 0; c < k; c++) {
                if (p.sizes[c] <= 1) {
                    continue; // a singleton scores 0
                }
                for (int a = 0; a < m; a++) {
                    if (lab[a] != c) {
                        continue;
                    }
                    total += width(sums, a * k, c, p.sizes);
                }
            }
            return total / m;
        }
    }

    /**
     * The silhouette width of one point of cluster {@code own} (at least two points) from its summed distances to
     * every cluster, {@code sums[offset + c]}: 0 when both mean distances are 0.
     */
    private static double width(double[] sums, int offset, int own, int[] sizes) {
        double in = sums[offset + own] / (sizes[own] - 1);
        double out = Double.POSITIVE_INFINITY;
        for (int c = 0; c < sizes.length; c++) {
            if (c != own) {
                out = Math.min(out, sums[offset + c] / sizes[c]);
            }
        }
        double max = Math.max(in, out);
        return max > 0 ? (out - in) / max : 0;
    }

    private static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
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
            total += width(row, 0, own, p.sizes);
        }
        return total / m;
    }

    @Override
    public String toString() {
        return "silhouette(maxExact=" + maxExact + ")";
    }
}
