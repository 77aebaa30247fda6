package dev.glosa.cluster.select;

import dev.glosa.cluster.spi.FeatureMatrix;

/**
 * The simplified silhouette: Rousseeuw's silhouette with the mean distances replaced by distances to the cluster
 * centroids, so it costs O(n·k·d) instead of O(n²·d).
 *
 * <p>See E. R. Hruschka, L. N. de Castro and R. J. G. B. Campello, "Evolutionary algorithms for clustering
 * gene-expression data", IEEE ICDM 2004 (DOI 10.1109/ICDM.2004.10073). A point alone in its cluster scores 0.
 */
final class SimplifiedSilhouetteCriterion implements Criterion {
    static final String ID = "simplified-silhouette";

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
        return score(data.values(), data.rows(), data.dims(), labels);
    }

    /** Copies the points once for every partition scored ({@link FeatureMatrix#values()} copies on each call). */
    @Override
    public Scorer prepare(FeatureMatrix data, long seed) {
        double[] x = data.values();
        int n = data.rows();
        int d = data.dims();
        return labels -> score(x, n, d, labels);
    }

    private static double score(double[] x, int n, int d, int[] labels) {
        Partition p = Partition.of(labels, n);
        if (p.k < 2) {
            return Double.NaN;
        }
        double[] c = p.centroids(x, d);
        double total = 0;
        for (int a = 0; a < p.points.length; a++) {
            int own = p.label[a];
            if (p.sizes[own] <= 1) {
                continue;
            }
            int oa = p.points[a] * d;
            double in = Partition.dist(x, oa, c, own * d, d);
            // The square root is monotonic and correctly rounded, so the root of the smallest squared distance is the
            // smallest distance to the bit: one root per point instead of one per centroid.
            double nearest = Double.POSITIVE_INFINITY;
            for (int l = 0; l < p.k; l++) {
                if (l != own) {
                    nearest = Math.min(nearest, Partition.dist2(x, oa, c, l * d, d));
                }
            }
            double out = Math.sqrt(nearest);
            double max = Math.max(in, out);
            if (max > 0) {
                total += (out - in) / max;
            }
        }
        return total / p.points.length;
    }

    @Override
    public String toString() {
        return ID;
    }
}
