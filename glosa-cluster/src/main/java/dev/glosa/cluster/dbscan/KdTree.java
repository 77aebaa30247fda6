package dev.glosa.cluster.dbscan;

/**
 * A static k-d tree over a flat row-major point array, with exact radius counts and k-nearest-neighbour distances.
 *
 * <p>J. L. Bentley, "Multidimensional binary search trees used for associative searching", Communications of the
 * ACM 18(9), 1975 (DOI 10.1145/361002.361007). Nodes split the widest side of their bounding box at the median;
 * every node keeps its tight bounding box, so pruning is exact: a subtree is skipped only when its box is farther
 * than the radius, and a subtree whose box lies wholly within the radius is taken without a distance per point.
 * The coordinates are copied in tree order with each leaf's block transposed, so the distances from a query to a leaf
 * are one pass of vectorisable loops over contiguous memory. Queries from a point of the tree start in its own leaf
 * and climb; all queries use an explicit stack, visit the child on the query's side of the split first, and allocate
 * nothing.
 *
 * <p>Why box decisions are exact: rounding is monotone, so for a point inside a box the computed
 * {@code fl(q - x)} lies between the computed differences to the box's sides on every axis; squaring and summing in
 * the same order as the point-to-point distance then bound that point's computed squared distance from below and
 * above. A box test therefore never disagrees with the per-point test {@link Radius#within(double)}.
 */
final class KdTree {
    static final int LEAF_SIZE = 32;

    final int size;
    final int d;
    /**
     * The coordinates in tree order, each leaf's block transposed (the leaf's first coordinates, then its second
     * ones, ...), so that the distances from a query to a whole leaf are computed by loops the JIT can vectorise.
     */
    private final double[] xt;
    /** Scratch for a leaf's squared distances. */
    private final double[] leafDist;
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
    /** A quarter of each box's squared diagonal, a floor under any point's squared distance to its far corner. */
    final double[] reach2;
    /** The parent of each node, {@code -1} at the root. */
    final int[] up;
    /** The leaf holding each tree position. */
    final int[] leafOf;

    int nodes;
    /** The input array, row-major, in input order. */
    final double[] x;

    private final int[] stack;

    /** A tree over all {@code n} points of {@code x}. */
    KdTree(double[] x, int n, int d) {
        this(x, d, identity(n), n);
    }

    /** A tree over the {@code m} points of {@code x} whose input indices are {@code points[0..m)}. */
    KdTree(double[] x, int d, int[] points, int m) {
        this.x = x;
        this.d = d;
        this.size = m;
        perm = java.util.Arrays.copyOf(points, m);
        // with median splits every leaf holds at least LEAF_SIZE / 2 points
        int cap = Math.max(1, 2 * (2 * m / LEAF_SIZE + 1));
        lo = new int[cap];
        hi = new int[cap];
        left = new int[cap];
        right = new int[cap];
        split = new int[cap];
        minIndex = new int[cap];
        boxMin = new double[cap * d];
        boxMax = new double[cap * d];
        reach2 = new double[cap];
        up = new int[cap];
        up[0] = -1;
        leafOf = new int[m];
        if (m > 0) {
            build(0, m);
        }
        for (int node = 0; node < nodes; node++) {
            if (left[node] >= 0) {
                up[left[node]] = node;
                up[right[node]] = node;
            } else {
                for (int p = lo[node]; p < hi[node]; p++) {
                    leafOf[p] = node;
                }
            }
        }
        xt = new double[m * d];
        int widest = 0;
        for (int node = 0; node < nodes; node++) {
            if (left[node] < 0) {
                int size = hi[node] - lo[node];
                widest = Math.max(widest, size);
                for (int j = 0; j < size; j++) {
                    for (int t = 0; t < d; t++) {
                        xt[lo[node] * d + t * size + j] = x[perm[lo[node] + j] * d + t];
                    }
                }
            }
        }
        leafDist = new double[widest];
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
        double diagonal2 = 0;
        for (int t = 0; t < d; t++) {
            double w = boxMax[ob + t] - boxMin[ob + t];
            diagonal2 += w * w;
            if (w > width) {
                width = w;
                axis = t;
            }
        }
        reach2[node] = 0.25 * diagonal2;
        split[node] = axis;
        if (to - from <= LEAF_SIZE || width <= 0) {
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
            double gap = Math.max(Math.max(boxMin[ob + t] - v, v - boxMax[ob + t]), 0.0);
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

    /**
     * Whether every point of {@code node} lies within {@code eps} of {@code q}; the box's own size rules most nodes
     * out before any distance (skipping the test only forgoes a shortcut, so the bound need not be exact).
     */
    boolean allWithin(double[] q, int oq, int node, Radius r) {
        return reach2[node] <= r.hi2 && r.within(boxFar2(q, oq, node));
    }

    /**
     * The squared distances from {@code q} to every point of {@code leaf}, in position order; the array is the
     * tree's scratch, valid until the next call. Each sum runs over the axes in order, as a point-to-point distance
     * does, so the values are the same bits.
     */
    double[] leafDist2(double[] q, int oq, int leaf) {
        int from = lo[leaf];
        int size = hi[leaf] - from;
        double[] out = leafDist;
        if (d == 0) {
            java.util.Arrays.fill(out, 0, size, 0.0);
            return out;
        }
        int base = from * d;
        double v0 = q[oq];
        for (int j = 0; j < size; j++) {
            double w = v0 - xt[base + j];
            out[j] = w * w;
        }
        for (int t = 1; t < d; t++) {
            double v = q[oq + t];
            int o = base + t * size;
            for (int j = 0; j < size; j++) {
                double w = v - xt[o + j];
                out[j] += w * w;
            }
        }
        return out;
    }

    /**
     * Counts the points within {@code eps} of the point at tree position {@code pos}, itself included, stopping as
     * soon as {@code cap} are found. The search starts in the point's own leaf and climbs, taking each sibling
     * subtree in turn, so a point in a dense region stops after a leaf or two without descending from the root.
     * When fewer than {@code cap} are found, {@code out} holds the tree positions of all of them.
     *
     * @param out scratch of at least {@code cap} ints
     */
    int countAround(int pos, Radius r, int cap, int[] out) {
        int oq = perm[pos] * d;
        int node = leafOf[pos];
        int found = 0;
        double[] dist = leafDist2(x, oq, node);
        for (int p = lo[node], j = 0; p < hi[node]; p++, j++) {
            if (r.within(dist[j])) {
                if (found + 1 >= cap) {
                    return found + 1;
                }
                out[found++] = p;
            }
        }
        for (int parent = up[node]; parent >= 0; node = parent, parent = up[node]) {
            int sibling = left[parent] == node ? right[parent] : left[parent];
            found = countBelow(x, oq, r, cap, out, found, sibling);
            if (found >= cap) {
                return found;
            }
        }
        return found;
    }

    /**
     * Adds to {@code found} (and to {@code out}) the points of {@code start}'s subtree within {@code eps} of
     * {@code q}, stopping at {@code cap}; a subtree whose box lies within {@code eps} is counted whole.
     */
    private int countBelow(double[] q, int oq, Radius r, int cap, int[] out, int found, int start) {
        int sp = 0;
        stack[sp++] = start;
        while (sp > 0) {
            int node = stack[--sp];
            if (!r.within(boxDist2(q, oq, node))) {
                continue;
            }
            if (allWithin(q, oq, node, r)) {
                if (found + hi[node] - lo[node] >= cap) {
                    return found + hi[node] - lo[node];
                }
                for (int p = lo[node]; p < hi[node]; p++) {
                    out[found++] = p;
                }
                continue;
            }
            if (left[node] < 0) {
                double[] dist = leafDist2(q, oq, node);
                for (int p = lo[node], j = 0; p < hi[node]; p++, j++) {
                    if (r.within(dist[j])) {
                        if (found + 1 >= cap) {
                            return found + 1;
                        }
                        out[found++] = p;
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
            if (allWithin(q, oq, node, r)) {
                best = minIndex[node];
                continue;
            }
            if (left[node] < 0) {
                double[] dist = leafDist2(q, oq, node);
                for (int p = lo[node], j = 0; p < hi[node]; p++, j++) {
                    if (perm[p] < best && r.within(dist[j])) {
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

    /**
     * The distance from the point at tree position {@code pos} to its {@code k}-th nearest point in the tree, itself
     * included. The search starts in the point's own leaf, which bounds the distance at once, and climbs.
     *
     * @param heap scratch of at least {@code k} doubles
     */
    double kthDistanceAround(int pos, int k, double[] heap) {
        int oq = perm[pos] * d;
        int node = leafOf[pos];
        int size = 0;
        double[] dist = leafDist2(x, oq, node);
        for (int j = 0; j < hi[node] - lo[node]; j++) {
            size = offer(heap, size, k, dist[j]);
        }
        for (int parent = up[node]; parent >= 0; node = parent, parent = up[node]) {
            int sibling = left[parent] == node ? right[parent] : left[parent];
            int sp = 0;
            stack[sp++] = sibling;
            while (sp > 0) {
                int next = stack[--sp];
                if (size == k && boxDist2(x, oq, next) > heap[0]) {
                    continue;
                }
                if (left[next] < 0) {
                    dist = leafDist2(x, oq, next);
                    for (int j = 0; j < hi[next] - lo[next]; j++) {
                        size = offer(heap, size, k, dist[j]);
                    }
                } else {
                    push(x, oq, next, sp);
                    sp += 2;
                }
            }
        }
        return Math.sqrt(heap[0]);
    }

    /** Keeps the {@code k} smallest values offered in a max-heap of {@code size}; returns the new size. */
    private static int offer(double[] heap, int size, int k, double v) {
        if (size < k) {
            heap[size] = v;
            siftUp(heap, size);
            return size + 1;
        }
        if (v < heap[0]) {
            heap[0] = v;
            siftDown(heap, k);
        }
        return size;
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
