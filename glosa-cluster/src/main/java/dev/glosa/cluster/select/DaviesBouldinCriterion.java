package dev.glosa.cluster.select;

import dev.glosa.cluster.spi.FeatureMatrix;

/**
 * The index of D. L. Davies and D. W. Bouldin, "A cluster separation measure", IEEE Transactions on Pattern
 * Analysis and Machine Intelligence 1(2), 1979 (DOI 10.1109/TPAMI.1979.4766909). Lower is better.
 *
 * <p>The spread of a cluster is the mean Euclidean distance of its points to its centroid (p = 1, as
 * scikit-learn); the index is the mean over clusters of the worst (S_i + S_j) / M_ij. Two clusters with the same
 * centroid give {@code +Infinity}.
 */
final class DaviesBouldinCriterion implements Criterion {
    static final String ID = "davies-bouldin";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public double score(FeatureMatrix data, int[] labels, long seed) {
        Partition p = Partition.of(labels, data.rows());
        if (p.k < 2) {
            return Double.NaN;
        }
        int d = data.dims();
        double[] x = data.values();
        double[] c = p.centroids(x, d);
        double[] spread = new double[p.k];
        for (int a = 0; a < p.points.length; a++) {
            spread[p.label[a]] += Partition.dist(x, p.points[a] * d, c, p.label[a] * d, d);
        }
        for (int l = 0; l < p.k; l++) {
            spread[l] /= p.sizes[l];
        }
        double total = 0;
        for (int i = 0; i < p.k; i++) {
            double worst = 0;
            for (int j = 0; j < p.k; j++) {
                if (j != i) {
                    double between = Partition.dist(c, i * d, c, j * d, d);
                    double r = between > 0 ? (spread[i] + spread[j]) / between : Double.POSITIVE_INFINITY;
                    worst = Math.max(worst, r);
                }
            }
            total += worst;
        }
        return total / p.k;
    }

    @Override
    public String toString() {
        return ID;
    }
}
