package dev.glosa.cluster.dbscan;

/**
 * A static k-d tree over a flat row-major point array, with exact radius queries and k-nearest-neighbour distances.
 *
 * <p>J. L. Bentley, "Multidimensional binary search trees used for associative searching", Communications of the
 * ACM 18(9), 1975 (DOI 10.1145/361002.361007). Nodes split the widest side of their bounding box at the median;
 * every node keeps its tight bounding box, so pruning is exact: a subtree is skipped only when its box is farther
 * than the radius, and a subtree whose box lies wholly within the radius is taken without a distance per point.
 * The coordinates are copied in tree order, so a leaf is one contiguous block. Queries use an explicit stack, visit
 * the child on the query's side of the split first, and allocate nothing.
 *
 * <p>Why box decisions are exact: rounding is monotone, so for a point inside a box the computed
 * {@code fl(q - x)} lies between the computed differences to the box's sides on every axis; squaring and summing in
 * the same order as the point-to-point distance then bound that point's computed squared distance from below and
 * above. A box test therefore never disagrees with the per-point test {@link Radius#within(double)}.
 */
final class KdTree {
    static final int LEAF_SIZE = 16;

    final int size;
    final int leafSize;
    final int d;
    /** The coordinates in tree order: position {@code p} holds point {@code perm[p]}. */
    final double[] xs;
    /** Tree position to the index of the point in the input array. */
    final int[] perm;
    final int[] lo;
    final int[] hi;
    /** The left child, or {@code -1} for a leaf; the right child is {@code right[node]}. */
    final int[] left;
    final int[] right;
    final int[] split;
    /** The smallest input index in each subtree. */
    final int[] minIndex;
    final double[] boxMin;
    final double[] boxMax;
    int nodes;
    private final double[] x;
    private final int[] stack;

    /** A tree over all {@code n} points of {@code x}. */
    KdTree(double[] x, int n, int d) {
        this(x, d, identity(n), n, LEAF_SIZE);
    }

    /** A tree over the {@code m} points whose input indices are {@code points[0..m)}, leaves of {@code leafSize}. */
    KdTree(double[] x, int d, int[] points, int m, int leafSize) {
        this.leafSize = leafSize;
        this.x = x;
        this.d = d;
        this.size = m;
        perm = java.util.Arrays.copyOf(points, m);
        // with median splits every leaf holds at least LEAF_SIZE / 2 points
        int cap = Math.max(1, 2 * (2 * m / leafSize + 1));
        lo = new int[cap];
        hi = new int[cap];
        left = new int[cap];
        right = new int[cap];
        split = new int[cap];
        minIndex = new int[cap];
        boxMin = new double[cap * d];
        boxMax = new double[cap * d];
        if (m > 0) {
            build(0, m);
        }
        xs = new double[m * d];
        for (int p = 0; p < m; p++) {
            System.arraycopy(x, perm[p] * d, xs, p * d, d);
        }
        stack = new int[Math.max(64, 4 * (32 - Integer.numberOfLeadingZeros(Math.max(1, m))) + 8)];
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private int build(int from, int to) {
        int node = nodes++;
        lo[node] = from;
        hi[node] = to;
        int ob = node * d;
        int least = Integer.MAX_VALUE;
        for (int t = 0; t < d; t++) {
            boxMin[ob + t] = Double.POSITIVE_INFINITY;
            boxMax[ob + t] = Double.NEGATIVE_INFINITY;
        }
        for (int i = from; i < to; i++) {
            least = Math.min(least, perm[i]);
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
        minIndex[node] = least;
        int axis = 0;
        double width = -1;
        for (int t = 0; t < d; t++) {
            double w = boxMax[ob + t] - boxMin[ob + t];
            if (w > width) {
                width = w;
                axis = t;
            }
        }
        split[node] = axis;
        if (to - from <= leafSize || width <= 0) {
            left[node] = -1;
            right[node] = -1;
            return node;
        }
        int mid = (from + to) >>> 1;
        select(from, to - 1, mid, axis);
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

    /** Whether {@code q} lies on the left child's side of {@code node}'s split, so that child is visited first. */
    boolean leftFirst(double[] q, int oq, int node) {
        int t = split[node];
        return q[oq + t] <= boxMax[left[node] * d + t];
    }

    /** The squared distance from {@code q} to the nearest point of {@code node}'s box. */
    double boxDist2(double[] q, int oq, int node) {
        int ob = node * d;
        double s = 0;
        for (int t = 0; t < d; t++) {
            double v = q[oq + t];
            double a = boxMin[ob + t] - v;
            double b = v - boxMax[ob + t];
            double gap = a > 0 ? a : b > 0 ? b : 0;
            s += gap * gap;
        }
        return s;
    }

    /** The squared distance from {@code q} to the farthest corner of {@code node}'s box. */
    double boxFar2(double[] q, int oq, int node) {
        int ob = node * d;
        double s = 0;
        for (int t = 0; t < d; t++) {
            double v = q[oq + t];
            double gap = Math.max(v - boxMin[ob + t], boxMax[ob + t] - v);
            s += gap * gap;
        }
        return s;
    }

    /** The squared distance from {@code q} to the point at tree position {@code pos}. */
    double dist2(double[] q, int oq, int pos) {
        int op = pos * d;
        double s = 0;
        for (int t = 0; t < d; t++) {
            double v = q[oq + t] - xs[op + t];
            s += v * v;
        }
        return s;
    }

    /**
     * Counts the points within {@code eps} of {@code q} (itself included when it is in the tree), stopping as soon
     * as {@code cap} are found; a subtree whose box lies within {@code eps} is counted whole.
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
            if (!r.within(boxDist2(q, oq, node))) {
                continue;
            }
            if (hi[node] - lo[node] > 1 && r.within(boxFar2(q, oq, node))) {
                found += hi[node] - lo[node];
                if (found >= cap) {
                    return found;
                }
                continue;
            }
            if (left[node] < 0) {
                for (int p = lo[node]; p < hi[node]; p++) {
                    if (r.within(dist2(q, oq, p))) {
                        if (++found >= cap) {
                            return found;
                        }
                    }
                }
            } else {
                push(q, oq, node, sp);
                sp += 2;
            }
        }
        return found;
    }

    /** Pushes both children of {@code node} at {@code stack[sp..sp+1]}, the one to visit first on top. */
    private void push(double[] q, int oq, int node, int sp) {
        if (leftFirst(q, oq, node)) {
            stack[sp] = right[node];
            stack[sp + 1] = left[node];
        } else {
            stack[sp] = left[node];
            stack[sp + 1] = right[node];
        }
    }

    /** Whether some point of {@code node}'s subtree lies within {@code eps} of {@code q}. */
    boolean anyWithin(double[] q, int oq, Radius r, int start) {
        int sp = 0;
        stack[sp++] = start;
        while (sp > 0) {
            int node = stack[--sp];
            if (!r.within(boxDist2(q, oq, node))) {
                continue;
            }
            if (left[node] < 0) {
                for (int p = lo[node]; p < hi[node]; p++) {
                    if (r.within(dist2(q, oq, p))) {
                        return true;
                    }
                }
            } else {
                push(q, oq, node, sp);
                sp += 2;
            }
        }
        return false;
    }

    /** The smallest input index of a point within {@code eps} of {@code q}, or {@code -1} when there is none. */
    int minIndexWithin(double[] q, int oq, Radius r) {
        if (nodes == 0) {
            return -1;
        }
        int best = Integer.MAX_VALUE;
        int sp = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int node = stack[--sp];
            if (minIndex[node] >= best || !r.within(boxDist2(q, oq, node))) {
                continue;
            }
            if (r.within(boxFar2(q, oq, node))) {
                best = minIndex[node];
                continue;
            }
            if (left[node] < 0) {
                for (int p = lo[node]; p < hi[node]; p++) {
                    if (perm[p] < best && r.within(dist2(q, oq, p))) {
                        best = perm[p];
                    }
                }
            } else {
                // the subtree holding the smaller index first, so that the bound tightens early
                int l = left[node];
                int rr = right[node];
                if (minIndex[l] <= minIndex[rr]) {
                    stack[sp++] = rr;
                    stack[sp++] = l;
                } else {
                    stack[sp++] = l;
                    stack[sp++] = rr;
                }
            }
        }
        return best == Integer.MAX_VALUE ? -1 : best;
    }

    /** Writes the input indices of all points within {@code eps} of {@code q} into {@code out}; returns how many. */
    int range(double[] q, int oq, Radius r, int[] out) {
        if (nodes == 0) {
            return 0;
        }
        int found = 0;
        int sp = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int node = stack[--sp];
            if (!r.within(boxDist2(q, oq, node))) {
                continue;
            }
            if (left[node] < 0) {
                for (int p = lo[node]; p < hi[node]; p++) {
                    if (r.within(dist2(q, oq, p))) {
                        out[found++] = perm[p];
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
                for (int p = lo[node]; p < hi[node]; p++) {
                    double v = dist2(q, oq, p);
                    if (size < k) {
                        heap[size++] = v;
                        siftUp(heap, size - 1);
                    } else if (v < heap[0]) {
                        heap[0] = v;
                        siftDown(heap, k);
                    }
                }
            } else {
                push(q, oq, node, sp);
                sp += 2;
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
