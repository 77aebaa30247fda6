package dev.glosa.bench;

import java.util.SplittableRandom;

/**
 * The initial centres the library's k-means starts its first restart from, computed outside the library so that
 * ELKI and scikit-learn can be started from the very same means.
 *
 * <p>Greedy k-means++ as in the library ({@code dev.glosa.cluster.kmeans}): the first restart draws its generator as
 * {@code new SplittableRandom(new SplittableRandom(seed).nextLong())}, picks the first centre uniformly, then for
 * each further centre draws {@code 2 + floor(ln max(k, 15))} candidates with probability proportional to the squared distance to the nearest centre so
 * far and keeps the one that lowers the potential most. D. Arthur and S. Vassilvitskii, "k-means++: the advantages
 * of careful seeding", SODA 2007 (DOI 10.5555/1283383.1283494). A unit test checks that a library run with one
 * restart and ELKI's Lloyd started from these centres reach the same partition, which is what makes the
 * per-iteration comparison like for like.
 */
final class GreedySeeding {
    private GreedySeeding() {}

    /** The {@code k × d} initial centres, flat row-major, of the library's first restart with {@code seed}. */
    static double[] centres(double[] x, int n, int d, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(new SplittableRandom(seed).nextLong());
        double[] centres = new double[k * d];
        double[] min = new double[n];
        double[] trial = new double[n];
        double[] best = new double[n];
        int first = rnd.nextInt(n);
        System.arraycopy(x, first * d, centres, 0, d);
        double potential = 0;
        for (int i = 0; i < n; i++) {
            double v = dist2(x, i, first, d);
            min[i] = v;
            potential += v;
        }
        int trials = 2 + (int) Math.log(Math.max(k, 15));
        for (int c = 1; c < k; c++) {
            int bestCandidate = -1;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                int cand = sample(rnd, min, n, potential);
                double p = 0;
                for (int i = 0; i < n; i++) {
                    double v = Math.min(min[i], dist2(x, i, cand, d));
                    trial[i] = v;
                    p += v;
                }
                if (p < bestPotential) {
                    bestPotential = p;
                    bestCandidate = cand;
                    double[] tmp = best;
                    best = trial;
                    trial = tmp;
                }
            }
            System.arraycopy(x, bestCandidate * d, centres, c * d, d);
            System.arraycopy(best, 0, min, 0, n);
            potential = bestPotential;
        }
        return centres;
    }

    /** The centres as one array per centre, as ELKI's {@code Predefined} initializer takes them. */
    static double[][] asRows(double[] centres, int d) {
        int k = centres.length / d;
        double[][] rows = new double[k][d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(centres, c * d, rows[c], 0, d);
        }
        return rows;
    }

    private static int sample(SplittableRandom rnd, double[] min, int n, double potential) {
        if (!(potential > 0)) {
            return rnd.nextInt(n);
        }
        double r = rnd.nextDouble() * potential;
        double cum = 0;
        int last = -1;
        for (int i = 0; i < n; i++) {
            double v = min[i];
            if (v > 0) {
                cum += v;
                last = i;
                if (cum > r) {
                    return i;
                }
            }
        }
        return last;
    }

    private static double dist2(double[] x, int i, int j, int d) {
        int oi = i * d;
        int oj = j * d;
        double s = 0;
        for (int t = 0; t < d; t++) {
            double v = x[oi + t] - x[oj + t];
            s += v * v;
        }
        return s;
    }
}
