package dev.glosa.cluster.dbscan;

/**
 * Exact nearest-neighbour distances of a set of points, on the same k-d tree DBSCAN uses: what a rule that sets
 * isolated points aside needs, in {@code O(n log n)} for low dimensions instead of all pairs.
 */
public final class NearestNeighbours {
    private NearestNeighbours() {}

    /**
     * The distance from every point to its {@code m}-th nearest other point, in input order.
     *
     * @param x the points, flat row-major, {@code n * d} values
     * @param n the number of points
     * @param d the number of dimensions
     * @param m which neighbour, at least 1; capped at {@code n - 1}
     * @return {@code n} distances (all 0 when {@code n < 2})
     */
    public static double[] mthDistances(double[] x, int n, int d, int m) {
        if (m < 1) {
            throw new IllegalArgumentException("m must be >= 1, found " + m);
        }
        if (x.length < (long) n * d) {
            throw new IllegalArgumentException("x has " + x.length + " values, fewer than n * d = " + (long) n * d);
        }
        double[] out = new double[n];
        if (n < 2) {
            return out;
        }
        KdTree tree = new KdTree(x, n, d);
        int k = Math.min(m, n - 1) + 1; // the tree counts the point itself
        double[] heap = new double[k];
        for (int pos = 0; pos < n; pos++) {
            out[tree.perm[pos]] = tree.kthDistanceAround(pos, k, heap);
        }
        return out;
    }
}
