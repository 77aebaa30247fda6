package dev.glosa.cluster.track;

import java.util.Arrays;

/**
 * Minimum-cost assignment of the rows of a rectangular cost matrix to distinct columns, the Hungarian method of
 * H. W. Kuhn, "The Hungarian method for the assignment problem", Naval Research Logistics Quarterly 2(1-2), 1955
 * (DOI 10.1002/nav.3800020109), and J. Munkres, "Algorithms for the assignment and transportation problems",
 * Journal of the SIAM 5(1), 1957 (DOI 10.1137/0105003).
 *
 * <p>This is the O(n² m) form with row and column potentials and one shortest augmenting path per row (N. Tomizawa,
 * "On some techniques useful for solution of transportation network problems", Networks 1(2), 1971, DOI
 * 10.1002/net.3230010206; J. Edmonds and R. M. Karp, "Theoretical improvements in algorithmic efficiency for network
 * flow problems", JACM 19(2), 1972, DOI 10.1145/321694.321699). All work is on primitive arrays allocated once per
 * call.
 */
final class Hungarian {
    private Hungarian() {}

    /**
     * The column assigned to each row, or -1 when there are more rows than columns and the row is left out; the sum
     * of the chosen costs is minimal, and exactly {@code min(rows, cols)} pairs are made.
     *
     * @param cost flat row-major {@code rows × cols} matrix of finite costs
     * @throws IllegalArgumentException if the sizes disagree or a cost is not finite
     */
    static int[] assign(double[] cost, int rows, int cols) {
        if (rows < 0 || cols < 0 || (long) rows * cols != cost.length) {
            throw new IllegalArgumentException(
                    "cost.length (" + cost.length + ") must be rows (" + rows + ") x cols (" + cols + ")");
        }
        for (int i = 0; i < cost.length; i++) {
            if (!Double.isFinite(cost[i])) {
                throw new IllegalArgumentException(
                        "cost of row " + (i / cols) + ", column " + (i % cols) + " must be finite, found " + cost[i]);
            }
        }
        if (rows <= cols) {
            return solve(cost, rows, cols);
        }
        double[] t = new double[cost.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = cost[i * cols + j];
            }
        }
        int[] colToRow = solve(t, cols, rows);
        int[] out = new int[rows];
        Arrays.fill(out, -1);
        for (int j = 0; j < cols; j++) {
            out[colToRow[j]] = j;
        }
        return out;
    }

    /** Requires {@code n <= m}; indices 1-based inside, column 0 is the virtual start of each augmenting path. */
    private static int[] solve(double[] a, int n, int m) {
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1];
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                int row = (i0 - 1) * m - 1;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = a[row + j] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] out = new int[n];
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                out[p[j] - 1] = j - 1;
            }
        }
        return out;
    }
}
