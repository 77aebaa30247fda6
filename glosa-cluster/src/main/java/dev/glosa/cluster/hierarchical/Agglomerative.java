package dev.glosa.cluster.hierarchical;

/**
 * Exact agglomerative clustering in O(n²) time: the nearest-neighbour chain for Ward, complete and average linkage
 * on a condensed distance matrix, and Prim's minimum spanning tree for single linkage.
 *
 * <p>NN-chain: F. Murtagh, "A survey of recent advances in hierarchical clustering algorithms", The Computer Journal
 * 26(4), 1983 (DOI 10.1093/comjnl/26.4.354); see also D. Müllner, "Modern hierarchical, agglomerative clustering
 * algorithms", arXiv:1109.2378, 2011. Updates use the Lance-Williams formulas: G. N. Lance and W. T. Williams,
 * "A general theory of classificatory sorting strategies: 1. Hierarchical systems", The Computer Journal 9(4),
 * 1967 (DOI 10.1093/comjnl/9.4.373). Single linkage from the minimum spanning tree: J. C. Gower and G. J. S. Ross,
 * "Minimum spanning trees and single linkage cluster analysis", Applied Statistics 18(1), 1969
 * (DOI 10.2307/2346439).
 *
 * <p>Heights: Euclidean distance for complete, average and single; for Ward, {@code sqrt(2 · ΔSSE)} where ΔSSE is
 * the increase of the within-cluster sum of squares (scikit-learn's and SciPy's convention: two single points
 * merge at their distance). ELKI merges on ΔSSE = {@code h² / 2} (half squared distances) and, run on squared
 * Euclidean distances as its Ward requires, reports merge heights of {@code 2·ΔSSE = h²}.
 *
 * <p>Points may carry weights (sizes of micro-clusters): Ward then starts from the exact Ward distance between the
 * weighted groups, and average linkage weights by size.
 */
final class Agglomerative {
    private Agglomerative() {}

    static Dendrogram run(double[] x, int n, int d, double[] weight, Linkage linkage) {
        if (n <= 1) {
            return new Dendrogram(n, new int[0], new int[0], new double[0]);
        }
        return switch (linkage) {
            case SINGLE -> prim(x, n, d);
            case WARD, COMPLETE, AVERAGE -> nnChain(x, n, d, weight, linkage);
        };
    }

    private static int idx(int n, int i, int j) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        return i * n - (i * (i + 1) >>> 1) + (j - i - 1);
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

    private static Dendrogram nnChain(double[] x, int n, int d, double[] weight, Linkage linkage) {
        double[] dm = new double[(int) ((long) n * (n - 1) / 2)];
        double[] size = weight.clone();
        boolean ward = linkage == Linkage.WARD;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = dist2(x, i, j, d);
                dm[idx(n, i, j)] = ward ? 2 * size[i] * size[j] / (size[i] + size[j]) * s : Math.sqrt(s);
            }
        }
        // active slots in ascending order, as a doubly linked list
        int[] next = new int[n + 1];
        int[] prev = new int[n + 1];
        int head = n; // sentinel
        next[head] = 0;
        prev[0] = head;
        for (int i = 0; i < n; i++) {
            next[i] = i + 1 < n ? i + 1 : head;
            prev[i + 1 < n ? i + 1 : head] = i;
        }
        int[] chain = new int[n];
        int len = 0;
        int[] ma = new int[n - 1];
        int[] mb = new int[n - 1];
        double[] mh = new double[n - 1];
        for (int step = 0; step < n - 1; step++) {
            if (len == 0) {
                chain[len++] = next[head];
            }
            int a;
            int b;
            double dab;
            while (true) {
                a = chain[len - 1];
                int before = len >= 2 ? chain[len - 2] : -1;
                int best = before;
                double bestD = before >= 0 ? dm[idx(n, a, before)] : Double.POSITIVE_INFINITY;
                for (int c = next[head]; c != head; c = next[c]) {
                    if (c == a) {
                        continue;
                    }
                    double v = dm[idx(n, a, c)];
                    // strict: on ties the previous chain element wins, which keeps the chain from cycling
                    if (v < bestD || (best < 0 && v == bestD)) {
                        bestD = v;
                        best = c;
                    }
                }
                if (best == before) {
                    b = before;
                    dab = bestD;
                    len -= 2;
                    break;
                }
                chain[len++] = best;
            }
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            ma[step] = lo;
            mb[step] = hi;
            mh[step] = ward ? Math.sqrt(dab) : dab;
            double sa = size[a];
            double sb = size[b];
            for (int c = next[head]; c != head; c = next[c]) {
                if (c == a || c == b) {
                    continue;
                }
                double dac = dm[idx(n, a, c)];
                double dbc = dm[idx(n, b, c)];
                double v;
                switch (linkage) {
                    case WARD -> {
                        double sc = size[c];
                        v = ((sa + sc) * dac + (sb + sc) * dbc - sc * dab) / (sa + sb + sc);
                    }
                    case COMPLETE -> v = Math.max(dac, dbc);
                    case AVERAGE -> v = (sa * dac + sb * dbc) / (sa + sb);
                    default -> throw new IllegalStateException("linkage " + linkage + " does not use the NN-chain");
                }
                dm[idx(n, lo, c)] = v;
            }
            size[lo] = sa + sb;
            // remove hi from the active list
            next[prev[hi]] = next[hi];
            prev[next[hi]] = prev[hi];
            // the chain may still reference hi only through a and b, which were popped
        }
        return new Dendrogram(n, ma, mb, mh);
    }

    private static Dendrogram prim(double[] x, int n, int d) {
        boolean[] in = new boolean[n];
        double[] best = new double[n];
        int[] from = new int[n];
        in[0] = true;
        for (int j = 1; j < n; j++) {
            best[j] = dist2(x, 0, j, d);
            from[j] = 0;
        }
        int[] ma = new int[n - 1];
        int[] mb = new int[n - 1];
        double[] mh = new double[n - 1];
        for (int step = 0; step < n - 1; step++) {
            int pick = -1;
            double pickD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (!in[j] && (pick < 0 || best[j] < pickD)) {
                    pick = j;
                    pickD = best[j];
                }
            }
            in[pick] = true;
            ma[step] = from[pick];
            mb[step] = pick;
            mh[step] = Math.sqrt(pickD);
            for (int j = 0; j < n; j++) {
                if (!in[j]) {
                    double v = dist2(x, pick, j, d);
                    if (v < best[j]) {
                        best[j] = v;
                        from[j] = pick;
                    }
                }
            }
        }
        return new Dendrogram(n, ma, mb, mh);
    }
}
