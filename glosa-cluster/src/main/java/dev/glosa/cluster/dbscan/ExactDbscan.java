package dev.glosa.cluster.dbscan;

import java.util.Arrays;

/**
 * Exact DBSCAN on a k-d tree that never enumerates the neighbourhood of a core point.
 *
 * <p>M. Ester, H.-P. Kriegel, J. Sander and X. Xu, "A density-based algorithm for discovering clusters in large
 * spatial databases with noise", KDD 1996 (AAAI Press, pp. 226-231). Classic implementations (and ELKI's and
 * scikit-learn's) list every neighbour of every point, thousands per point in dense data. Here:
 * <ol>
 *   <li>a point is core when a count of its neighbours reaches {@code minPts}; the count stops there and takes a
 *       subtree whose box lies within {@code eps} whole, as J. Gan and Y. Tao's grid does with its cells ("DBSCAN
 *       revisited: mis-claim, un-fixability, and approximation", SIGMOD 2015, DOI 10.1145/2723372.2737792);</li>
 *   <li>core points are linked into components by {@link CoreLinker}, which skips whatever is already joined;</li>
 *   <li>a non-core point has fewer than {@code minPts} neighbours, kept from its count, so its lowest-index core
 *       neighbour is read off them (a search of the core points' tree when they were too many to keep).</li>
 * </ol>
 *
 * <p>Conventions: point {@code q} is a neighbour of {@code p} when their Euclidean distance is at most {@code eps};
 * the neighbourhood counts {@code p} itself (as ELKI and scikit-learn); a point is core when its neighbourhood has at
 * least {@code minPts} points; clusters are the connected components of core points; a border point (not core,
 * with a core neighbour) joins the cluster of its lowest-index core neighbour, so the result does not depend on
 * visiting order; every other point is noise ({@code -1}). The result is that of a brute-force DBSCAN, bit for bit:
 * every distance is compared as {@link KdTree.Radius#within(double)} does, and box shortcuts agree with it.
 */
final class ExactDbscan {
    /** Neighbour lists of non-core points kept for the border phase, at most this many entries per point overall. */
    private static final int KEPT_PER_POINT = 8;

    private ExactDbscan() {}

    /**
     * Labels of DBSCAN on the points of {@code tree}, in input order: a cluster is named by one of its core points'
     * indices (made canonical by the caller), {@code -1} is noise.
     */
    static int[] run(KdTree tree, double eps, int minPts) {
        return run(tree, eps, minPts, Math.max(1 << 16, (long) KEPT_PER_POINT * tree.size));
    }

    /** As {@link #run(KdTree, double, int)}, keeping at most {@code budget} neighbour entries of non-core points. */
    static int[] run(KdTree tree, double eps, int minPts, long budget) {
        budget = Math.min(budget, Integer.MAX_VALUE - 8);
        int n = tree.size;
        int d = tree.d;
        int[] labels = new int[n];
        if (n == 0) {
            return labels;
        }
        KdTree.Radius radius = new KdTree.Radius(eps);

        // Phase 1: core points, in tree order so that consecutive queries touch the same leaves.
        boolean[] core = new boolean[n];
        int coreCount = 0;
        int[] found = new int[Math.min(minPts, n)];
        int[] kept = new int[(int) Math.max(0, Math.min(budget, 1024))];
        int keptSize = 0;
        // for a non-core point at a tree position: where its neighbours' positions start in kept, or -1 if not kept
        int[] keptFrom = new int[n];
        int[] keptCount = new int[n];
        for (int p = 0; p < n; p++) {
            int c = tree.countAround(p, radius, minPts, found);
            if (c >= minPts) {
                core[tree.perm[p]] = true;
                coreCount++;
            } else if (keptSize + c <= budget) {
                if (keptSize + c > kept.length) {
                    kept = Arrays.copyOf(kept, (int) Math.min(budget, Math.max(2L * kept.length, keptSize + c)));
                }
                System.arraycopy(found, 0, kept, keptSize, c);
                keptFrom[p] = keptSize;
                keptCount[p] = c;
                keptSize += c;
            } else {
                keptFrom[p] = -1;
            }
        }
        int[] corePoints = new int[coreCount];
        for (int i = 0, m = 0; i < n; i++) {
            if (core[i]) {
                corePoints[m++] = i;
            }
        }
        KdTree coreTree = new KdTree(tree.x, d, corePoints, coreCount);

        // Phase 2: components of core points, named by one of their indices.
        int[] roots = new CoreLinker(coreTree, radius).components();
        for (int p = 0; p < coreCount; p++) {
            labels[coreTree.perm[p]] = coreTree.perm[roots[p]];
        }

        // Phase 3: a border point joins the cluster of its lowest-index core neighbour.
        for (int p = 0; p < n; p++) {
            int i = tree.perm[p];
            if (core[i]) {
                continue;
            }
            int best = -1;
            if (keptFrom[p] >= 0) {
                for (int f = keptFrom[p], end = f + keptCount[p]; f < end; f++) {
                    int q = tree.perm[kept[f]];
                    if (core[q] && (best < 0 || q < best)) {
                        best = q;
                    }
                }
            } else {
                best = coreTree.minIndexWithin(tree.x, i * d, radius);
            }
            labels[i] = best < 0 ? -1 : labels[best];
        }
        return labels;
    }
}
