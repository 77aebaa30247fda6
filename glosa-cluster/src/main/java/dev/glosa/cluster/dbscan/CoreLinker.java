package dev.glosa.cluster.dbscan;

import java.util.Arrays;

/**
 * Connected components of core points (two core points are linked when within {@code eps}) with a union-find over a
 * k-d tree of the core points, querying for each point only what can still change the components.
 *
 * <p>Points are processed one after the other, and a query from point {@code p} looks only at points processed
 * before it: every link then has a later end, whose query finds the earlier one. Every node counts its processed
 * points and may carry a representative, one of them, once all of them are known to lie in one component
 * (components only ever merge, so the mark stays true until a point of another component is processed there). A
 * query skips a subtree holding no processed point or marked with its own component, looks for a single processed
 * point within {@code eps} in a subtree marked with another component (one union joins them all), and joins a
 * whole subtree whose box lies within {@code eps} without a distance per point. Marks are set again on the way back
 * up: a leaf whose processed points share a root, an inner node whose children agree. Points are taken in tree
 * order, so the processed points form a region that grows leaf by leaf: a query meets them in few subtrees, mostly
 * marked with one component, and the unprocessed rest of the data costs nothing.
 *
 * <p>The union-find (R. E. Tarjan, "Efficiency of a good but not linear set union algorithm", JACM 22(2), 1975,
 * DOI 10.1145/321879.321884) uses path halving and makes the smaller root the parent; everything is sequential and
 * depends on the input only. The components are those of the DBSCAN definition (Ester et al., KDD 1996); linking
 * core points with a disjoint-set structure instead of expanding neighbourhoods follows M. M. A. Patwary et al.,
 * "A new scalable parallel DBSCAN algorithm using the disjoint-set data structure", SC 2012
 * (DOI 10.1109/SC.2012.9).
 */
final class CoreLinker {
    private final KdTree tree;
    private final KdTree.Radius radius;
    private final double[] x;
    private final int d;
    private final int[] parent;
    private final boolean[] processed;
    /** Processed points per node. */
    private final int[] count;
    /** A point of the one component holding all processed points of the node, or {@code -1} when not known. */
    private final int[] rep;

    private final int[] stack;
    private int query;
    private int oq;
    private int root;

    CoreLinker(KdTree coreTree, KdTree.Radius radius) {
        this.tree = coreTree;
        this.radius = radius;
        this.x = coreTree.x;
        this.d = coreTree.d;
        int m = coreTree.size;
        int nodes = Math.max(1, coreTree.nodes);
        parent = new int[m];
        processed = new boolean[m];
        count = new int[nodes];
        rep = new int[nodes];
        Arrays.fill(rep, -1);
        stack = new int[Math.max(64, 4 * (32 - Integer.numberOfLeadingZeros(Math.max(1, m))) + 8)];
    }

    /** The component root of every tree position (a tree position itself). */
    int[] components() {
        int m = tree.size;
        for (int p = 0; p < m; p++) {
            parent[p] = p;
        }
        if (m == 0) {
            return parent;
        }
        for (int p = 0; p < m; p++) {
            query = p;
            oq = tree.perm[p] * d;
            root = p;
            // the query's own leaf first: its processed points are the likeliest neighbours, and once joined to
            // their component the query skips every subtree marked with it instead of searching one for a link
            int leaf = tree.leafOf[p];
            double[] dist = tree.leafDist2(x, oq, leaf);
            for (int q = tree.lo[leaf], j = 0; q < tree.hi[leaf]; q++, j++) {
                if (processed[q] && radius.within(dist[j])) {
                    root = union(root, find(q));
                }
            }
            visit(0);
            process(p);
        }
        int[] out = new int[m];
        for (int p = 0; p < m; p++) {
            out[p] = find(p);
        }
        return out;
    }

    /** Adds the query point, already joined with its processed neighbours, to the counts and marks of its nodes. */
    private void process(int p) {
        processed[p] = true;
        for (int node = tree.leafOf[p]; node >= 0; node = tree.up[node]) {
            if (count[node]++ == 0) {
                rep[node] = p;
            } else if (rep[node] >= 0 && find(rep[node]) != root) {
                rep[node] = -1;
            }
        }
    }

    private void visit(int node) {
        if (count[node] == 0 || !radius.within(tree.boxDist2(x, oq, node))) {
            return;
        }
        int mark = rep[node];
        if (mark >= 0) {
            int other = find(mark);
            if (other != root && (tree.allWithin(x, oq, node, radius) || anyWithin(node))) {
                root = union(root, other);
            }
            return;
        }
        int lo = tree.lo[node];
        int hi = tree.hi[node];
        if (tree.allWithin(x, oq, node, radius)) {
            for (int p = lo; p < hi; p++) {
                if (processed[p]) {
                    root = union(root, find(p));
                }
            }
            rep[node] = root;
            return;
        }
        int l = tree.left[node];
        if (l < 0) {
            double[] dist = tree.leafDist2(x, oq, node);
            for (int p = lo, j = 0; p < hi; p++, j++) {
                if (processed[p]) {
                    int r = find(p);
                    if (r != root && radius.within(dist[j])) {
                        root = union(root, r);
                    }
                }
            }
            int shared = -1;
            for (int p = lo; p < hi; p++) {
                if (processed[p]) {
                    int r = find(p);
                    if (shared < 0) {
                        shared = r;
                    } else if (r != shared) {
                        return;
                    }
                }
            }
            rep[node] = shared;
            return;
        }
        int r = tree.right[node];
        if (tree.leftFirst(x, oq, node)) {
            visit(l);
            visit(r);
        } else {
            visit(r);
            visit(l);
        }
        int ml = count[l] == 0 ? -2 : rep[l];
        int mr = count[r] == 0 ? -2 : rep[r];
        if (ml == -2) {
            rep[node] = mr;
        } else if (mr == -2) {
            rep[node] = ml;
        } else if (ml >= 0 && mr >= 0 && find(ml) == find(mr)) {
            rep[node] = ml;
        }
    }

    /** Whether some processed point of {@code start}'s subtree lies within {@code eps} of the query. */
    private boolean anyWithin(int start) {
        int sp = 0;
        stack[sp++] = start;
        while (sp > 0) {
            int node = stack[--sp];
            if (count[node] == 0 || !radius.within(tree.boxDist2(x, oq, node))) {
                continue;
            }
            int l = tree.left[node];
            if (l < 0) {
                double[] dist = tree.leafDist2(x, oq, node);
                for (int p = tree.lo[node], j = 0; p < tree.hi[node]; p++, j++) {
                    if (processed[p] && radius.within(dist[j])) {
                        return true;
                    }
                }
            } else if (tree.leftFirst(x, oq, node)) {
                stack[sp++] = tree.right[node];
                stack[sp++] = l;
            } else {
                stack[sp++] = l;
                stack[sp++] = tree.right[node];
            }
        }
        return false;
    }

    private int find(int a) {
        int[] up = parent;
        while (up[a] != a) {
            up[a] = up[up[a]];
            a = up[a];
        }
        return a;
    }

    /** Joins two roots; returns the new root, the smaller of the two. */
    private int union(int ra, int rb) {
        if (ra == rb) {
            return ra;
        }
        if (ra < rb) {
            parent[rb] = ra;
            return ra;
        }
        parent[ra] = rb;
        return rb;
    }
}
