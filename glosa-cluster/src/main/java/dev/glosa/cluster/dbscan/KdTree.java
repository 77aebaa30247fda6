package dev.glosa.cluster.dbscan;

/**
 * A static k-d tree over a flat row-major point array, with exact radius queries and k-nearest-neighbour distances.
 *
 * <p>J. L. Bentley, "Multidimensional binary search trees used for associative searching", Communications of the
 * ACM 18(9), 1975 (DOI 10.1145/361002.361007). Nodes split the widest side of their bounding box at the median;
 * every node keeps its tight bounding box, so pruning is exact: a subtree is skipped only when its box is farther
 * than the radius. Queries use an explicit stack and allocate nothing.
 */
final class KdTree {
    private static final int LEAF_SIZE = 16;

    private final double[] x;
    private final int d;
    final int[] perm;
    private final int[] lo;
    private final int[] hi;
    private final int[] left;
    private final int[] right;
    private final double[] boxMin;
    private final double[] boxMax;
    private int nodes;
    private final int[] stack;

    KdTree(double[] x, int n, int d) {
        this.x = x;
        this.d = d;
        perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        int cap = Math.max(1, 2 * (n / LEAF_SIZE + 1) * 2);
        lo = new int[cap];
        hi = new int[cap];
        left = new int[cap];
        right = new int[cap];
        boxMin = new double[cap * d];
        boxMax = new double[cap * d];
        if (n > 0) {
            build(0, n);
        }
        stack = new int[Math.max(64, 4 * (32 - Integer.numberOfLeadingZeros(Math.max(1, n))) + 8)];
    }

    private int build(int from, int to) {
        int node = nodes++;
        lo[node] = from;
        hi[node] = to;
        int ob = node * d;
        for (int t = 0; t < d; t++) {
            boxMin[ob + t] = Double.POSITIVE_INFINITY;
            boxMax[ob + t] = Double.NEGATIVE_INFINITY;
        }
        for (int i = from; i < to; i++) {
            int op = perm[i] * d;
            for (int t = 0; t < d; t++) {
                double v = x[op + t];
                if (v < boxMin[ob + t]) {
                    boxMin[ob + t] = v;
                }
                if (v > boxMax[ob + t]) {
                    boxMax[ob + t] = v;
                }
            }
        }
        int split = 0;
        double width = -1;
        for (int t = 0; t < d; t++) {
            double w = boxMax[ob + t] - boxMin[ob + t];
            if (w > width) {
                width = w;
                split = t;
            }
        }
        if (to - from <= LEAF_SIZE || width <= 0) {
            left[node] = -1;
            right[node] = -1;
            return node;
        }
        int mid = (from + to) >>> 1;
        select(from, to - 1, mid, split);
        int l = build(from, mid);
        int r = build(mid, to);
        left[node] = l;
        right[node] = r;
        return node;
    }

    /** Quickselect on {@code perm[from..to]} so that position {@code k} holds the median along {@code t}. */
    private void select(int from, int to, int k, int t) {
        while (to > from) {
            int m = (from + to) >>> 1;
            // median of three as pivot, deterministic
            double a = key(from, t);
            double b = key(m, t);
            double c = key(to, t);
            double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
            int i = from;
            int j = to;
            while (i <= j) {
                while (key(i, t) < pivot) {
                    i++;
                }
                while (key(j, t) > pivot) {
                    j--;
                }
                if (i <= j) {
                    int tmp = perm[i];
                    perm[i] = perm[j];
                    perm[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                to = j;
            } else if (k >= i) {
                from = i;
            } else {
                return;
            }
        }
    }

    private double key(int pos, int t) {
        return x[perm[pos] * d + t];
    }

    private double boxDist2(double[] q, int oq, int node) {
        int ob = node * d;
        double s = 0;
        for (int t = 0; t < d; t++) {
            double v = q[oq + t];
            double gap = v < boxMin[ob + t] ? boxMin[ob + t] - v : v > boxMax[ob + t] ? v - boxMax[ob + t] : 0;
            s += gap * gap;
        }
        return s;
    }

    private double dist2(double[] q, int oq, int p) {
        int op = p * d;
        double s = 0;
        for (int t = 0; t < d; t++) {
            double v = q[oq + t] - x[op + t];
            s += v * v;
        }
        return s;
    }

    /**
     * Counts the points within {@code eps} of {@code q} (itself included when it is in the tree), stopping as soon
     * as {@code cap} are found.
     */
    int count(double[] q, int oq, Radius r, int cap) {
        if (nodes == 0) {
            return 0;
        }
        int found = 0;
        int sp = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int node = stack[--sp];
            if (boxDist2(q, oq, node) > r.hi2) {
                continue;
            }
            if (left[node] < 0) {
                for (int i = lo[node]; i < hi[node]; i++) {
                    if (r.within(dist2(q, oq, perm[i]))) {
                        if (++found >= cap) {
                            return found;
                        }
                    }
                }
            } else {
                stack[sp++] = right[node];
                stack[sp++] = left[node];
            }
        }
        return found;
    }

    /** Writes the indices of all points within {@code eps} of {@code q} into {@code out}; returns how many. */
    int range(double[] q, int oq, Radius r, int[] out) {
        if (nodes == 0) {
            return 0;
        }
        int found = 0;
        int sp = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int node = stack[--sp];
            if (boxDist2(q, oq, node) > r.hi2) {
                continue;
            }
            if (left[node] < 0) {
                for (int i = lo[node]; i < hi[node]; i++) {
                    if (r.within(dist2(q, oq, perm[i]))) {
                        out[found++] = perm[i];
                    }
                }
            } else {
                stack[sp++] = right[node];
                stack[sp++] = left[node];
            }
        }
        return found;
    }

    /**
     * The distance from {@code q} to its {@code k}-th nearest point in the tree (itself included when present).
     *
     * @param heap scratch of at least {@code k} doubles
     */
    double kthDistance(double[] q, int oq, int k, double[] heap) {
        int size = 0;
        int sp = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int node = stack[--sp];
            if (size == k && boxDist2(q, oq, node) > heap[0]) {
                continue;
            }
            if (left[node] < 0) {
                for (int i = lo[node]; i < hi[node]; i++) {
                    double v = dist2(q, oq, perm[i]);
                    if (size < k) {
                        heap[size++] = v;
                        siftUp(heap, size - 1);
                    } else if (v < heap[0]) {
                        heap[0] = v;
                        siftDown(heap, k);
                    }
                }
            } else {
                // visit the nearer child first
                int l = left[node];
                int rr = right[node];
                if (boxDist2(q, oq, l) <= boxDist2(q, oq, rr)) {
                    stack[sp++] = rr;
                    stack[sp++] = l;
                } else {
                    stack[sp++] = l;
                    stack[sp++] = rr;
                }
            }
        }
        return Math.sqrt(heap[0]);
    }

    private static void siftUp(double[] h, int i) {
        double v = h[i];
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (h[p] >= v) {
                break;
            }
            h[i] = h[p];
            i = p;
        }
        h[i] = v;
    }

    private static void siftDown(double[] h, int size) {
        double v = h[0];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && h[c + 1] > h[c]) {
                c++;
            }
            if (h[c] <= v) {
                break;
            }
            h[i] = h[c];
            i = c;
        }
        h[i] = v;
    }

    /**
     * The neighbourhood test {@code sqrt(s) <= eps} on a squared distance {@code s}, with a cheap squared pre-test
     * that is conservative so that no pair on the boundary is decided by rounding differently from the exact rule.
     */
    static final class Radius {
        final double eps;
        final double hi2;

        Radius(double eps) {
            this.eps = eps;
            this.hi2 = eps * eps * (1 + 1e-9) + Double.MIN_NORMAL;
        }

        boolean within(double s) {
            return s <= hi2 && Math.sqrt(s) <= eps;
        }
    }
}
