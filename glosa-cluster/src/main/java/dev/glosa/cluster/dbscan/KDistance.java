package dev.glosa.cluster.dbscan;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Chooses DBSCAN's {@code eps} at the knee of the sorted k-distance curve.
 *
 * <p>The k-distance of a point is the distance to its {@code minPts}-th nearest point counting itself (its
 * {@code (minPts-1)}-th nearest other point), so a point is core exactly when its k-distance is at most
 * {@code eps}; Ester et al. (KDD 1996) proposed reading {@code eps} off this curve. The knee is found as in
 * V. Satopää, J. Albrecht, D. Irwin and B. Raghavan, "Finding a 'Kneedle' in a haystack: detecting knee points in
 * system behavior", ICDCS Workshops 2011 (DOI 10.1109/ICDCSW.2011.20): both axes of the ascending curve are scaled
 * to [0, 1] and the knee is the point farthest below the chord from the first to the last point. Above
 * {@code sampleSize} points, the curve is built from a seeded sample of query points (their neighbours are still
 * searched among all points).
 */
final class KDistance {
    private KDistance() {}

    /** The sorted k-distances of a seeded sample of at most {@code sampleSize} of the tree's points. */
    static double[] curve(KdTree tree, int minPts, int sampleSize, long seed) {
        int n = tree.size;
        int k = Math.min(minPts, n);
        double[] heap = new double[k];
        int m = Math.min(n, sampleSize);
        int[] queries = new int[n];
        for (int i = 0; i < n; i++) {
            queries[i] = i;
        }
        if (m < n) {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = 0; i < m; i++) {
                int j = i + rnd.nextInt(n - i);
                int t = queries[i];
                queries[i] = queries[j];
                queries[j] = t;
            }
        }
        // the sampled points' tree positions, in tree order: the curve is sorted anyway and nearby queries share leaves
        int[] position = new int[n];
        for (int p = 0; p < n; p++) {
            position[tree.perm[p]] = p;
        }
        int[] sample = new int[m];
        for (int i = 0; i < m; i++) {
            sample[i] = position[queries[i]];
        }
        Arrays.sort(sample);
        double[] dist = new double[m];
        for (int i = 0; i < m; i++) {
            dist[i] = tree.kthDistanceAround(sample[i], k, heap);
        }
        Arrays.sort(dist);
        return dist;
    }

    /** The value at the knee of an ascending curve (its first value when the curve is flat). */
    static double knee(double[] sorted) {
        int m = sorted.length;
        if (m == 0) {
            return 0;
        }
        double lo = sorted[0];
        double range = sorted[m - 1] - lo;
        if (m < 3 || !(range > 0)) {
            return sorted[m - 1];
        }
        int best = m - 1;
        double bestGap = 0;
        for (int i = 0; i < m; i++) {
            double gap = (double) i / (m - 1) - (sorted[i] - lo) / range;
            if (gap > bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        return sorted[best];
    }
}
