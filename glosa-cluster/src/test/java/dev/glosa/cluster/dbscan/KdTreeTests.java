package dev.glosa.cluster.dbscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KdTreeTests {

    /** Mixed data: a tight clump (whole subtrees within eps), a spread cloud, a coarse lattice (ties), duplicates. */
    private static double[] data(int n, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            int kind = rnd.nextInt(4);
            int src = i > 0 ? rnd.nextInt(i) : 0;
            for (int t = 0; t < d; t++) {
                x[i * d + t] = switch (kind) {
                    case 0 -> 5 + rnd.nextGaussian() * 0.01;
                    case 1 -> rnd.nextGaussian() * 2;
                    case 2 -> rnd.nextInt(4);
                    default -> i > 0 ? x[src * d + t] : 0;
                };
            }
        }
        return x;
    }

    private static double dist(double[] x, int d, int i, int j) {
        double s = 0;
        for (int t = 0; t < d; t++) {
            double v = x[i * d + t] - x[j * d + t];
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @Test
    void countStopsAtTheCapAndBelowItListsExactlyTheNeighbours() {
        for (int d : new int[] {1, 2, 3, 5, 8}) {
            int n = 400;
            double[] x = data(n, d, d);
            KdTree tree = new KdTree(x, n, d);
            for (double eps : new double[] {0, 0.05, 1, 2.5}) {
                KdTree.Radius r = new KdTree.Radius(eps);
                for (int cap : new int[] {1, 2, 7, 40, 150, n + 1}) {
                    int[] out = new int[cap];
                    for (int p = 0; p < n; p++) {
                        int i = tree.perm[p];
                        int[] expected = new int[n];
                        int c = 0;
                        for (int j = 0; j < n; j++) {
                            if (dist(x, d, i, j) <= eps) {
                                expected[c++] = j;
                            }
                        }
                        int got = tree.countAround(p, r, cap, out);
                        String what = "d=" + d + " eps=" + eps + " cap=" + cap + " point " + i;
                        if (c >= cap) {
                            assertThat(got).as(what).isBetween(cap, c);
                        } else {
                            assertThat(got).as(what).isEqualTo(c);
                            int[] listed = new int[c];
                            for (int f = 0; f < c; f++) {
                                listed[f] = tree.perm[out[f]];
                            }
                            Arrays.sort(listed);
                            assertThat(listed).as(what).containsExactly(Arrays.copyOf(expected, c));
                        }
                    }
                }
            }
        }
    }

    @Test
    void countTakesWholeSubtreesWithinEpsWithoutLosingExactness() {
        // 2,000 copies of nearly one point: every leaf box lies within eps, so counts come from box sizes only
        int n = 2000;
        int d = 3;
        double[] x = new double[n * d];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < n * d; i++) {
            x[i] = 1 + rnd.nextDouble() * 1e-3;
        }
        KdTree tree = new KdTree(x, n, d);
        int[] out = new int[n + 1];
        assertThat(tree.countAround(0, new KdTree.Radius(1), n + 1, out)).isEqualTo(n);
        assertThat(tree.countAround(n - 1, new KdTree.Radius(1), 500, out)).isBetween(500, n);
        assertThat(tree.countAround(0, new KdTree.Radius(0), n + 1, out)).isEqualTo(1);
    }

    @Test
    void kthDistanceIsTheBruteForceOne() {
        for (int d : new int[] {1, 4, 8}) {
            int n = 300;
            double[] x = data(n, d, 10 + d);
            KdTree tree = new KdTree(x, n, d);
            for (int k : new int[] {1, 2, 10, n}) {
                double[] heap = new double[k];
                for (int p = 0; p < n; p += 7) {
                    int i = tree.perm[p];
                    double[] all = new double[n];
                    for (int j = 0; j < n; j++) {
                        all[j] = dist(x, d, i, j);
                    }
                    Arrays.sort(all);
                    assertThat(tree.kthDistanceAround(p, k, heap))
                            .as("d=%d k=%d point %d", d, k, i)
                            .isEqualTo(all[k - 1]);
                }
            }
        }
    }

    @Test
    void lowestIndexWithinEpsIsTheBruteForceOne() {
        for (int d : new int[] {1, 3, 8}) {
            int n = 500;
            double[] x = data(n, d, 20 + d);
            // a tree over every third point, queried from every point
            int[] subset = new int[n / 3 + 1];
            int m = 0;
            for (int i = 0; i < n; i += 3) {
                subset[m++] = i;
            }
            KdTree tree = new KdTree(x, d, subset, m);
            for (double eps : new double[] {0, 0.5, 1, 3}) {
                KdTree.Radius r = new KdTree.Radius(eps);
                for (int i = 0; i < n; i++) {
                    int expected = -1;
                    for (int f = 0; f < m && expected < 0; f++) {
                        if (dist(x, d, i, subset[f]) <= eps) {
                            expected = subset[f];
                        }
                    }
                    assertThat(tree.minIndexWithin(x, i * d, r))
                            .as("d=%d eps=%s point %d", d, eps, i)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void tinyAndDegenerateTreesAnswer() {
        double[] same = new double[40 * 2];
        Arrays.fill(same, 3.0);
        KdTree flat = new KdTree(same, 40, 2);
        assertThat(flat.countAround(5, new KdTree.Radius(0), 100, new int[100])).isEqualTo(40);
        assertThat(flat.kthDistanceAround(0, 40, new double[40])).isZero();
        KdTree one = new KdTree(new double[] {1, 2}, 1, 2);
        assertThat(one.countAround(0, new KdTree.Radius(1), 5, new int[5])).isEqualTo(1);
        KdTree empty = new KdTree(new double[] {1, 2}, 2, new int[0], 0);
        assertThat(empty.minIndexWithin(new double[] {1, 2}, 0, new KdTree.Radius(1)))
                .isEqualTo(-1);
    }
}
