package dev.glosa.cluster.hierarchical;

/**
 * The n-1 merges of an agglomerative clustering, sorted by height (stable), each given by one point of either side.
 *
 * <p>Cutting applies a prefix of the merges with a union-find whose roots are the smallest point index, so labels
 * do not depend on the order in which the algorithm found the merges.
 */
final class Dendrogram {
    final int n;
    final int[] a;
    final int[] b;
    final double[] height;

    Dendrogram(int n, int[] a, int[] b, double[] height) {
        this.n = n;
        int m = a.length;
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        sort(height, order, new int[m], 0, m);
        this.a = new int[m];
        this.b = new int[m];
        this.height = new double[m];
        for (int i = 0; i < m; i++) {
            this.a[i] = a[order[i]];
            this.b[i] = b[order[i]];
            this.height[i] = height[order[i]];
        }
    }

    /** Labels of the partition into {@code k} clusters (fewer only if {@code k > n}). */
    int[] cutK(int k) {
        return apply(Math.max(0, n - Math.max(1, k)));
    }

    /** Labels of the partition that keeps every merge of height at most {@code h}. */
    int[] cutHeight(double h) {
        int m = 0;
        while (m < height.length && height[m] <= h) {
            m++;
        }
        return apply(m);
    }

    private int[] apply(int merges) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < merges; i++) {
            int ra = find(parent, a[i]);
            int rb = find(parent, b[i]);
            if (ra < rb) {
                parent[rb] = ra;
            } else if (rb < ra) {
                parent[ra] = rb;
            }
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = find(parent, i);
        }
        return labels;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void sort(double[] key, int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        sort(key, a, tmp, lo, mid);
        sort(key, a, tmp, mid, hi);
        int i = lo;
        int j = mid;
        int o = lo;
        while (i < mid && j < hi) {
            tmp[o++] = key[a[j]] < key[a[i]] ? a[j++] : a[i++];
        }
        while (i < mid) {
            tmp[o++] = a[i++];
        }
        while (j < hi) {
            tmp[o++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
    }
}
