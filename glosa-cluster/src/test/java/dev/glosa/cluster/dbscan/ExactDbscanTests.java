package dev.glosa.cluster.dbscan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.cluster.testing.Blobs;
import dev.glosa.cluster.testing.BruteForceDbscan;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactDbscanTests {

    private static int[] canonical(int[] labels) {
        return BruteForceDbscan.canonical(labels);
    }

    private static int[] run(double[] x, int n, int d, double eps, int minPts) {
        return canonical(ExactDbscan.run(new KdTree(x, n, d), eps, minPts));
    }

    private static void assertExact(double[] x, int n, int d, double eps, int minPts, String what) {
        int[] expected = BruteForceDbscan.canonical(BruteForceDbscan.run(x, n, d, eps, minPts));
        assertThat(run(x, n, d, eps, minPts)).as(what).containsExactly(expected);
        // without kept neighbour lists every border point searches the core points' tree instead
        assertThat(canonical(ExactDbscan.run(new KdTree(x, n, d), eps, minPts, 0)))
                .as("no lists, %s", what)
                .containsExactly(expected);
    }

    @Test
    void isExactOnRandomDataInOneToEightDimensions() {
        SplittableRandom rnd = new SplittableRandom(77);
        for (int trial = 0; trial < 80; trial++) {
            int d = 1 + trial % 8;
            int n = 60 + rnd.nextInt(500);
            boolean lattice = trial % 4 == 0;
            double[] x = new double[n * d];
            for (int i = 0; i < n; i++) {
                boolean dup = i > 0 && rnd.nextInt(8) == 0;
                int src = dup ? rnd.nextInt(i) : -1;
                double shift = rnd.nextInt(3) * 6.0;
                for (int t = 0; t < d; t++) {
                    x[i * d + t] = dup ? x[src * d + t] : lattice ? rnd.nextInt(6) : shift + rnd.nextGaussian();
                }
            }
            // eps relative to the typical spacing in d dimensions, so that clusters, borders and noise all occur
            double eps = lattice ? 1 + rnd.nextInt(2) : (0.3 + rnd.nextDouble()) * Math.sqrt(d);
            int minPts = 1 + rnd.nextInt(12);
            assertExact(
                    x,
                    n,
                    d,
                    eps,
                    minPts,
                    "trial " + trial + " n=" + n + " d=" + d + " eps=" + eps + " minPts=" + minPts);
        }
    }

    @Test
    void wholeSubtreesWithinEpsAreJoinedAndCountedExactly() {
        // tight blobs far smaller than eps: whole subtrees lie within eps, so counts and links take the box path
        SplittableRandom rnd = new SplittableRandom(5);
        for (int d : new int[] {2, 5, 8}) {
            Blobs b = Blobs.generate(new int[] {300, 200, 150}, d, 0.05, 5.0, d);
            double[] x = b.x().clone();
            // a sparse ring of stragglers gives border points and noise around the tight cores
            for (int i = 0; i < b.n(); i += 10) {
                for (int t = 0; t < d; t++) {
                    x[i * d + t] += rnd.nextGaussian() * 0.8;
                }
            }
            for (double eps : new double[] {0.25, 0.6, 1.0}) {
                for (int minPts : new int[] {3, 10, 40}) {
                    assertExact(x, b.n(), d, eps, minPts, "d=" + d + " eps=" + eps + " minPts=" + minPts);
                }
            }
        }
    }

    @Test
    void manyDuplicatesAndTiesAtExactlyEpsAreExact() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int d : new int[] {1, 3, 6, 8}) {
            int n = 700;
            double[] x = new double[n * d];
            for (int i = 0; i < n; i++) {
                // a handful of distinct lattice sites, each repeated many times, at integer distances from each other
                int site = rnd.nextInt(9);
                for (int t = 0; t < d; t++) {
                    x[i * d + t] = t == 0 ? site * 1.0 : (site % 3 == 0 && t == 1 ? 1 : 0);
                }
            }
            for (double eps : new double[] {0, 0.5, 1, Math.sqrt(2), 2}) {
                for (int minPts : new int[] {1, 2, 60, 100, 200}) {
                    assertExact(x, n, d, eps, minPts, "d=" + d + " eps=" + eps + " minPts=" + minPts);
                }
            }
        }
    }

    @Test
    void denseEightDimensionalBlobsWithThousandsOfNeighboursAreExact() {
        Blobs b = Blobs.generate(new int[] {900, 800, 700}, 8, 1.0, 10.0, 3);
        for (int minPts : new int[] {5, 10, 50}) {
            assertExact(b.x(), b.n(), b.d(), 2.0, minPts, "minPts=" + minPts);
        }
    }

    @Test
    void longChainsAndManySmallClustersAreLinkedExactly() {
        // chains whose links sit just inside or just outside eps join or split across many leaves, in an order
        // unrelated to the tree; dozens of tiny clusters keep subtrees mixed, so marks are set and dropped often
        SplittableRandom rnd = new SplittableRandom(31);
        for (int d : new int[] {2, 3, 8}) {
            int chains = 12;
            int perChain = 60;
            int clumps = 80;
            int n = chains * perChain + clumps * 6;
            double[] x = new double[n * d];
            int i = 0;
            for (int c = 0; c < chains; c++) {
                double[] at = new double[d];
                double[] dir = new double[d];
                for (int t = 0; t < d; t++) {
                    at[t] = rnd.nextDouble(-30, 30);
                    dir[t] = rnd.nextGaussian();
                }
                double norm = 0;
                for (double v : dir) {
                    norm += v * v;
                }
                norm = Math.sqrt(norm);
                for (int k = 0; k < perChain; k++, i++) {
                    // steps of 0.95 link; one chain in three has a 1.05 gap in the middle
                    double step = c % 3 == 0 && k == perChain / 2 ? 1.05 : 0.95;
                    for (int t = 0; t < d; t++) {
                        at[t] += step * dir[t] / norm;
                        x[i * d + t] = at[t];
                    }
                }
            }
            for (int c = 0; c < clumps; c++) {
                double[] centre = new double[d];
                for (int t = 0; t < d; t++) {
                    centre[t] = rnd.nextDouble(-30, 30);
                }
                for (int k = 0; k < 6; k++, i++) {
                    for (int t = 0; t < d; t++) {
                        x[i * d + t] = centre[t] + rnd.nextGaussian() * 0.3;
                    }
                }
            }
            // shuffle so that index order, tree order and chain order all differ
            for (int a = n - 1; a > 0; a--) {
                int b = rnd.nextInt(a + 1);
                for (int t = 0; t < d; t++) {
                    double v = x[a * d + t];
                    x[a * d + t] = x[b * d + t];
                    x[b * d + t] = v;
                }
            }
            for (int minPts : new int[] {2, 3, 4}) {
                assertExact(x, n, d, 1.0, minPts, "d=" + d + " minPts=" + minPts);
            }
        }
    }

    @Test
    void bordersJoinTheirLowestIndexCoreNeighbourWhateverTheTree() {
        // point 3 (at 0) is a border of both clusters at exactly eps: it follows core point 1 (at 1.0), not 4 (at -1.0)
        double[] x = {-1.2, 1.0, -1.1, 0, -1.0, 1.1, 1.2, -1.3, 1.3};
        int[] expected = BruteForceDbscan.canonical(BruteForceDbscan.run(x, 9, 1, 1.0, 4));
        assertThat(expected[3]).isEqualTo(expected[1]).isNotEqualTo(expected[0]);
        int[] labels = run(x, 9, 1, 1.0, 4);
        assertThat(labels).containsExactly(expected);
    }
}
