package dev.glosa.bench;

import java.util.SplittableRandom;

/**
 * Overlapping Gaussian blobs with a fixed seed: the synthetic data every clustering kernel is measured on.
 *
 * <p>Centres are uniform in {@code [-box, box]^d}; each blob has its own weight (0.5 to 1.5 times the mean) and its own
 * standard deviation (0.7 to 1.3), so that neighbouring blobs overlap and k-means needs tens of iterations, as on
 * real data. Points of different blobs are interleaved, so labels do not follow row order. The same arguments give the
 * same bytes on every machine.
 *
 * @param x the points, flat row-major {@code n × d}
 * @param n the number of points
 * @param d the number of features
 * @param truth the blob of every point
 * @param k the number of blobs
 */
record Blobs(double[] x, int n, int d, int[] truth, int k) {

    /** The half-width of the box the centres are drawn in, in units of the mean blob standard deviation. */
    static final double BOX = 1.5;

    /** The benchmarks' default seed. */
    static final long SEED = 20_240_601L;

    /**
     * Generates {@code n} points in {@code k} blobs of dimension {@code d}.
     *
     * @throws IllegalArgumentException if a size is not positive
     */
    static Blobs generate(int n, int d, int k, long seed) {
        return generate(n, d, k, BOX, seed);
    }

    /** Generates {@code n} points in {@code k} blobs whose centres lie in {@code [-box, box]^d}. */
    static Blobs generate(int n, int d, int k, double box, long seed) {
        if (n < 1 || d < 1 || k < 1) {
            throw new IllegalArgumentException("n, d and k must be >= 1, found n=" + n + ", d=" + d + ", k=" + k);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] centres = new double[k * d];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = rnd.nextDouble(-box, box);
        }
        double[] sd = new double[k];
        double[] cumulative = new double[k];
        double total = 0;
        for (int c = 0; c < k; c++) {
            sd[c] = rnd.nextDouble(0.7, 1.3);
            total += rnd.nextDouble(0.5, 1.5);
            cumulative[c] = total;
        }
        double[] x = new double[n * d];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble(total);
            int c = 0;
            while (c < k - 1 && cumulative[c] <= u) {
                c++;
            }
            truth[i] = c;
            int o = i * d;
            int oc = c * d;
            for (int t = 0; t < d; t++) {
                x[o + t] = centres[oc + t] + sd[c] * rnd.nextGaussian();
            }
        }
        return new Blobs(x, n, d, truth, k);
    }

    /** The points as one array per point, as ELKI and Commons Math take them. */
    double[][] rows() {
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * d, rows[i], 0, d);
        }
        return rows;
    }
}
