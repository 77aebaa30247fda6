package dev.glosa.cluster.dbscan;

import java.util.Arrays;

/**
 * Exact DBSCAN on a flat point array, with a k-d tree for neighbour queries and a grid that saves most of them.
 *
 * <p>M. Ester, H.-P. Kriegel, J. Sander and X. Xu, "A density-based algorithm for discovering clusters in large
 * spatial databases with noise", KDD 1996 (AAAI Press, pp. 226-231). The grid follows J. Gan and Y. Tao, "DBSCAN
 * revisited: mis-claim, un-fixability, and approximation", SIGMOD 2015 (DOI 10.1145/2723372.2737792): with cells
 * of side {@code eps / sqrt(d)}, any two points of a cell are neighbours, so a cell holding {@code minPts} points is
 * all core without a query, the core points of a cell are connected without a query, and two cells are joined by
 * finding one core pair within {@code eps}, stopping at the first.
 *
 * <p>Conventions: point {@code q} is a neighbour of {@code p} when their Euclidean distance is at most {@code eps};
 * the neighbourhood counts {@code p} itself (as ELKI and scikit-learn); a point is core when its neighbourhood has at
 * least {@code minPts} points; clusters are the connected components of core points; a border point (not core,
 * with a core neighbour) joins the cluster of its lowest-index core neighbour, so the result does not depend on
 * visiting order; every other point is noise ({@code -1}).
 */
final class GridDbscan {
    private final double[] x;
    private final int n;
    private final int d;
    private final KdTree.Radius radius;
    private final int minPts;

    GridDbscan(double[] x, int n, int d, double eps, int minPts) {
        this.x = x;
        this.n = n;
        this.d = d;
        this.radius = new KdTree.Radius(eps);
        this.minPts = minPts;
    }

    int[] run() {
        int[] labels = new int[n];
        if (n == 0) {
            return labels;
        }
        KdTree tree = new KdTree(x, n, d);
        Cells cells = Cells.of(x, n, d, radius.eps);

        // Phase 1: core points.
        boolean[] core = new boolean[n];
        for (int c = 0; c < cells.count; c++) {
            int size = cells.start[c + 1] - cells.start[c];
            for (int p = cells.start[c]; p < cells.start[c + 1]; p++) {
                int i = cells.members[p];
                core[i] = size >= minPts || tree.count(x, i * d, radius, minPts) >= minPts;
            }
        }

        // Phase 2: connect cells through core pairs.
        int[] coreStart = new int[cells.count + 1];
        int[] coreMembers = new int[n];
        int m = 0;
        for (int c = 0; c < cells.count; c++) {
            coreStart[c] = m;
            for (int p = cells.start[c]; p < cells.start[c + 1]; p++) {
                if (core[cells.members[p]]) {
                    coreMembers[m++] = cells.members[p];
                }
            }
        }
        coreStart[cells.count] = m;
        int[] coreCells = new int[cells.count];
        int cc = 0;
        for (int c = 0; c < cells.count; c++) {
            if (coreStart[c + 1] > coreStart[c]) {
                coreCells[cc++] = c;
            }
        }
        double[] boxMin = new double[cc * d];
        double[] boxMax = new double[cc * d];
        double[] centre = new double[cc * d];
        double[] half = new double[cc];
        double maxHalf = 0;
        for (int a = 0; a < cc; a++) {
            int c = coreCells[a];
            Arrays.fill(boxMin, a * d, a * d + d, Double.POSITIVE_INFINITY);
            Arrays.fill(boxMax, a * d, a * d + d, Double.NEGATIVE_INFINITY);
            for (int p = coreStart[c]; p < coreStart[c + 1]; p++) {
                int o = coreMembers[p] * d;
                for (int t = 0; t < d; t++) {
                    boxMin[a * d + t] = Math.min(boxMin[a * d + t], x[o + t]);
                    boxMax[a * d + t] = Math.max(boxMax[a * d + t], x[o + t]);
                }
            }
            double s = 0;
            for (int t = 0; t < d; t++) {
                centre[a * d + t] = 0.5 * (boxMin[a * d + t] + boxMax[a * d + t]);
                double w = 0.5 * (boxMax[a * d + t] - boxMin[a * d + t]);
                s += w * w;
            }
            half[a] = Math.sqrt(s);
            maxHalf = Math.max(maxHalf, half[a]);
        }
        int[] parent = new int[cc];
        for (int a = 0; a < cc; a++) {
            parent[a] = a;
        }
        KdTree cellTree = new KdTree(centre, cc, d);
        int[] candidates = new int[cc];
        double slack = 1 + 1e-9;
        for (int a = 0; a < cc; a++) {
            KdTree.Radius reach = new KdTree.Radius((radius.eps + half[a] + maxHalf) * slack);
            int found = cellTree.range(centre, a * d, reach, candidates);
            for (int f = 0; f < found; f++) {
                int b = candidates[f];
                if (b <= a || find(parent, a) == find(parent, b)) {
                    continue;
                }
                if (!radius.within(boxGap2(boxMin, boxMax, a, b) / (slack * slack))) {
                    continue;
                }
                if (connected(coreMembers, coreStart, coreCells[a], coreCells[b])) {
                    union(parent, a, b);
                }
            }
        }

        // Phase 3: labels; a cluster is numbered by its root cell, made canonical by the caller.
        int[] cellIndex = new int[cells.count];
        Arrays.fill(cellIndex, -1);
        for (int a = 0; a < cc; a++) {
            cellIndex[coreCells[a]] = a;
        }
        for (int i = 0; i < n; i++) {
            labels[i] = core[i] ? find(parent, cellIndex[cells.cellOf[i]]) : -1;
        }
        int[] neighbours = new int[n];
        for (int i = 0; i < n; i++) {
            if (core[i]) {
                continue;
            }
            int found = tree.range(x, i * d, radius, neighbours);
            int best = -1;
            for (int f = 0; f < found; f++) {
                int q = neighbours[f];
                if (core[q] && (best < 0 || q < best)) {
                    best = q;
                }
            }
            labels[i] = best < 0 ? -1 : labels[best];
        }
        return labels;
    }

    private double boxGap2(double[] boxMin, double[] boxMax, int a, int b) {
        double s = 0;
        for (int t = 0; t < d; t++) {
            double gap = Math.max(0, Math.max(boxMin[b * d + t] - boxMax[a * d + t], boxMin[a * d + t] - boxMax[b * d + t]));
            s += gap * gap;
        }
        return s;
    }

    private boolean connected(int[] coreMembers, int[] coreStart, int ca, int cb) {
        for (int p = coreStart[ca]; p < coreStart[ca + 1]; p++) {
            int op = coreMembers[p] * d;
            for (int q = coreStart[cb]; q < coreStart[cb + 1]; q++) {
                int oq = coreMembers[q] * d;
                double s = 0;
                for (int t = 0; t < d; t++) {
                    double v = x[op + t] - x[oq + t];
                    s += v * v;
                }
                if (radius.within(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int find(int[] parent, int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            // the smaller root wins, so roots do not depend on the order of unions
            if (ra < rb) {
                parent[rb] = ra;
            } else {
                parent[ra] = rb;
            }
        }
    }

    /**
     * Points grouped by grid cell of side {@code eps / sqrt(d)}; one cell per point above {@code MAX_GRID_DIMS}
     * dimensions or when the grid is so fine that rounding could misplace a point.
     */
    static final class Cells {
        static final int MAX_GRID_DIMS = 4;

        final int count;
        final int[] start;
        final int[] members;
        final int[] cellOf;

        private Cells(int count, int[] start, int[] members, int[] cellOf) {
            this.count = count;
            this.start = start;
            this.members = members;
            this.cellOf = cellOf;
        }

        static Cells of(double[] x, int n, int d, double eps) {
            // shrink the side a little so that rounding never puts two points farther than eps in one cell
            double side = eps / Math.sqrt(d) * (1 - 1e-9);
            // Above a few dimensions cells hold few points and the padded cell-to-cell searches cover a far larger
            // volume than eps-balls ((1 + 1/sqrt(d))^d grows fast), so plain point queries are cheaper there.
            long[] key = side > 0 && d <= MAX_GRID_DIMS ? gridKeys(x, n, d, side) : null;
            int[] members = new int[n];
            for (int i = 0; i < n; i++) {
                members[i] = i;
            }
            int[] cellOf = new int[n];
            int[] start;
            int count;
            if (key == null) {
                return perPoint(n);
            }
            int[] tmp = new int[n];
            sort(key, d, members, tmp, 0, n);
            start = new int[n + 1];
            count = 0;
            for (int p = 0; p < n; p++) {
                if (p == 0 || compare(key, d, members[p - 1], members[p]) != 0) {
                    start[count++] = p;
                }
                cellOf[members[p]] = count - 1;
            }
            start[count] = n;
            return new Cells(count, Arrays.copyOf(start, count + 1), members, cellOf);
        }

        private static Cells perPoint(int n) {
            int[] start = new int[n + 1];
            int[] members = new int[n];
            int[] cellOf = new int[n];
            for (int i = 0; i < n; i++) {
                start[i] = i;
                members[i] = i;
                cellOf[i] = i;
            }
            start[n] = n;
            return new Cells(n, start, members, cellOf);
        }

        /** Integer cell coordinates, or {@code null} when the grid is so fine that rounding could misplace a point. */
        private static long[] gridKeys(double[] x, int n, int d, double side) {
            long[] key = new long[n * d];
            for (int i = 0; i < n * d; i++) {
                double c = Math.floor(x[i] / side);
                if (!(Math.abs(c) < 1e6)) {
                    return null;
                }
                key[i] = (long) c;
            }
            return key;
        }

        private static void sort(long[] key, int d, int[] a, int[] tmp, int lo, int hi) {
            if (hi - lo < 2) {
                return;
            }
            int mid = (lo + hi) >>> 1;
            sort(key, d, a, tmp, lo, mid);
            sort(key, d, a, tmp, mid, hi);
            int i = lo;
            int j = mid;
            int o = lo;
            while (i < mid && j < hi) {
                tmp[o++] = compare(key, d, a[i], a[j]) <= 0 ? a[i++] : a[j++];
            }
            while (i < mid) {
                tmp[o++] = a[i++];
            }
            while (j < hi) {
                tmp[o++] = a[j++];
            }
            System.arraycopy(tmp, lo, a, lo, hi - lo);
        }

        private static int compare(long[] key, int d, int a, int b) {
            for (int t = 0; t < d; t++) {
                int c = Long.compare(key[a * d + t], key[b * d + t]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }
}
