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
        Partition p = Partition.of(labels, data.rows());
        if (p.k < 2) {
            return Double.NaN;
        }
        int d = data.dims();
        double[] x = data.values();
        double[] c = p.centroids(x, d);
        double total = 0;
        for (int a = 0; a < p.points.length; a++) {
            int own = p.label[a];
            if (p.sizes[own] <= 1) {
                continue;
            }
            int oa = p.points[a] * d;
            double in = Partition.dist(x, oa, c, own * d, d);
            double out = Double.POSITIVE_INFINITY;
            for (int l = 0; l < p.k; l++) {
                if (l != own) {
                    out = Math.min(out, Partition.dist(x, oa, c, l * d, d));
                }
            }
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
