package dev.glosa.cluster.testing;

import dev.glosa.cluster.spi.FeatureMatrix;
import java.util.SplittableRandom;

/** Planted Gaussian blobs with a fixed seed: centres at least {@code separation} apart, unit-free spread. */
public record Blobs(double[] x, int n, int d, int[] truth, int k) {

    /**
     * Generates {@code k} blobs of {@code sizes[c]} points each in {@code d} dimensions.
     *
     * @param spread standard deviation of every coordinate around its centre
     * @param separation minimum distance between centres
     */
    public static Blobs generate(int[] sizes, int d, double spread, double separation, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int k = sizes.length;
        double[] centres = new double[k * d];
        double box = separation * Math.max(2, k);
        for (int c = 0; c < k; c++) {
            boolean ok;
            do {
                for (int t = 0; t < d; t++) {
                    centres[c * d + t] = rnd.nextDouble(-box, box);
                }
                ok = true;
                for (int o = 0; o < c && ok; o++) {
                    double s = 0;
                    for (int t = 0; t < d; t++) {
                        double v = centres[c * d + t] - centres[o * d + t];
                        s += v * v;
                    }
                    ok = Math.sqrt(s) >= separation;
                }
            } while (!ok);
        }
        int n = 0;
        for (int s : sizes) {
            n += s;
        }
        double[] x = new double[n * d];
        int[] truth = new int[n];
        // interleave clusters so that labels are not sorted by index
        int[] left = sizes.clone();
        int i = 0;
        while (i < n) {
            for (int c = 0; c < k; c++) {
                if (left[c] > 0) {
                    left[c]--;
                    truth[i] = c;
                    for (int t = 0; t < d; t++) {
                        x[i * d + t] = centres[c * d + t] + spread * rnd.nextGaussian();
                    }
                    i++;
                }
            }
        }
        return new Blobs(x, n, d, truth, k);
    }

    /** {@code k} blobs of {@code perCluster} points each. */
    public static Blobs generate(int k, int perCluster, int d, double spread, double separation, long seed) {
        int[] sizes = new int[k];
        java.util.Arrays.fill(sizes, perCluster);
        return generate(sizes, d, spread, separation, seed);
    }

    /** The points as a feature matrix. */
    public FeatureMatrix matrix() {
        return FeatureMatrix.of(x, d);
    }
}
