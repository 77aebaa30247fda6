package dev.glosa.cluster.select;

import dev.glosa.cluster.spi.FeatureMatrix;

/**
 * The variance ratio criterion of T. Caliński and J. Harabasz, "A dendrite method for cluster analysis",
 * Communications in Statistics 3(1), 1974 (DOI 10.1080/03610927408827101): between-cluster over within-cluster
 * sum of squares, each divided by its degrees of freedom. Higher is better.
 *
 * <p>A partition whose clusters have no spread at all but whose centroids differ scores {@code +Infinity}.
 */
final class CalinskiHarabaszCriterion implements Criterion {
    static final String ID = "calinski-harabasz";

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
        int d = data.dims();
        double[] x = data.values();
        double[] c = p.centroids(x, d);
        int m = p.points.length;
        double[] mean = new double[d];
        for (int a = 0; a < m; a++) {
            int o = p.points[a] * d;
            for (int t = 0; t < d; t++) {
                mean[t] += x[o + t];
            }
        }
        for (int t = 0; t < d; t++) {
            mean[t] /= m;
        }
        double within = 0;
        double total = 0;
        for (int a = 0; a < m; a++) {
            int o = p.points[a] * d;
            within += Partition.dist2(x, o, c, p.label[a] * d, d);
            total += Partition.dist2(x, o, mean, 0, d);
        }
        double between = total - within;
        if (within == 0) {
            return between > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return (between / within) * ((m - p.k) / (p.k - 1.0));
    }

    @Override
    public String toString() {
        return ID;
    }
}
