package dev.glosa.cluster.kmeans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.cluster.select.AdjustedRandIndex;
import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameters;
import dev.glosa.cluster.testing.Blobs;
import dev.glosa.cluster.testing.ElkiOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class KMeansStrategyTests {
    private final KMeansStrategy kmeans = new KMeansStrategy();

    private Parameters k(int k) {
        return kmeans.parameters().defaults().with("k", k);
    }

    @Test
    void recoversPlantedBlobs() {
        Blobs b = Blobs.generate(new int[] {300, 200, 150, 250, 100}, 4, 1.0, 10.0, 11);
        Clustering c = kmeans.cluster(b.matrix(), k(5), 42);
        assertThat(AdjustedRandIndex.of(c.clusters(), b.truth())).isGreaterThanOrEqualTo(0.95);
        assertThat(c.k()).isEqualTo(5);
        assertThat(c.converged()).isTrue();
        assertThat(c.iterations()).isBetween(1, 300);
        assertThat(c.inertia())
                .isCloseTo(
                        ElkiOracle.inertia(b.x(), b.n(), b.d(), c.clusters()),
                        org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void inertiaIsWithinOnePercentOfElkisBestOfSeveralRestarts() {
        Blobs b = Blobs.generate(new int[] {400, 300, 200, 300, 250, 150, 350, 200}, 6, 2.5, 6.0, 5);
        ElkiOracle elki = new ElkiOracle(b.x(), b.n(), b.d());
        for (int k : new int[] {4, 8, 11}) {
            double elkiBest = Double.POSITIVE_INFINITY;
            for (int r = 0; r < 10; r++) {
                elkiBest = Math.min(elkiBest, ElkiOracle.inertia(b.x(), b.n(), b.d(), elki.kmeans(k, 1000 + r)));
            }
            Clustering c = kmeans.cluster(b.matrix(), k(k), 3);
            assertThat(c.inertia()).as("k=%d", k).isLessThanOrEqualTo(elkiBest * 1.01);
        }
    }

    @Test
    void sameSeedGivesIdenticalLabelsAlsoOnSeveralThreads() throws Exception {
        Blobs b = Blobs.generate(6, 300, 5, 2.0, 5.0, 9);
        FeatureMatrix m = b.matrix();
        Clustering ref = kmeans.cluster(m, k(6), 77);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Clustering>> fs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                fs.add(pool.submit(() -> kmeans.cluster(m, k(6), 77)));
            }
            for (Future<Clustering> f : fs) {
                assertThat(f.get()).isEqualTo(ref);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(kmeans.cluster(m, k(6), 78).seed()).isEqualTo(78);
    }

    @Test
    void duplicatePointsAndMoreClustersThanDistinctPointsAreFine() {
        double[] v = new double[60];
        for (int i = 0; i < 30; i++) {
            v[2 * i] = i % 3;
            v[2 * i + 1] = i % 3 == 0 ? 5 : 0;
        }
        FeatureMatrix m = FeatureMatrix.of(v, 2);
        Clustering three = kmeans.cluster(m, k(3), 1);
        assertThat(three.k()).isEqualTo(3);
        assertThat(three.inertia()).isZero();
        Clustering five = kmeans.cluster(m, k(5), 1);
        assertThat(five.k()).isEqualTo(3);
        assertThat(five.inertia()).isZero();
        assertThat(AdjustedRandIndex.of(five.clusters(), three.clusters())).isEqualTo(1.0);
    }

    @Test
    void emptyClustersAreRepairedSoKDistinctClustersComeBack() {
        // two far groups plus many points on a line: k-means++ with k close to n stresses empty clusters
        double[] v = new double[40];
        for (int i = 0; i < 20; i++) {
            v[2 * i] = i < 10 ? i * 0.01 : 100 + i;
            v[2 * i + 1] = 0;
        }
        Clustering c = kmeans.cluster(FeatureMatrix.of(v, 2), k(15), 3);
        assertThat(c.k()).isEqualTo(15);
        assertThat(c.clusterSizes()).doesNotContain(0);
    }

    @Test
    void tinyInputsAreHandled() {
        FeatureMatrix empty = FeatureMatrix.of(new double[0], java.util.List.of("a"), new int[0]);
        assertThat(kmeans.cluster(empty, k(3), 1).size()).isZero();
        Clustering one = kmeans.cluster(FeatureMatrix.ofRows(new double[] {1, 2}), k(3), 1);
        assertThat(one.clusters()).containsExactly(0);
        Clustering two = kmeans.cluster(FeatureMatrix.ofRows(new double[] {0}, new double[] {1}), k(2), 1);
        assertThat(two.clusters()).containsExactly(0, 1);
    }

    @Test
    void eachKOfASearchEqualsItsOwnRunAlsoAcrossTheSeedingBoundaryAndAboveN() {
        Blobs b = Blobs.generate(new int[] {60, 50, 40, 30}, 3, 1.5, 4.0, 21);
        FeatureMatrix m = b.matrix();
        Parameters p = kmeans.parameters().defaults().with("restarts", 3);
        List<Clustering> each = kmeans.clusterEachK(m, p, 2, 18, 99);
        assertThat(each).hasSize(17);
        for (int k = 2; k <= 18; k++) {
            assertThat(each.get(k - 2)).as("k=%d", k).isEqualTo(kmeans.cluster(m, p.with("k", k), 99));
        }
        FeatureMatrix tiny = FeatureMatrix.ofRows(new double[] {0}, new double[] {1}, new double[] {5});
        List<Clustering> beyond = kmeans.clusterEachK(tiny, p, 2, 5, 1);
        for (int k = 2; k <= 5; k++) {
            assertThat(beyond.get(k - 2)).as("k=%d", k).isEqualTo(kmeans.cluster(tiny, p.with("k", k), 1));
        }
        assertThat(beyond.get(3).k()).isEqualTo(3);
    }

    @Test
    void inputsOfSeveralChunksGiveTheSameResultAsAlways() throws Exception {
        // Above one chunk the work is spread over the common pool: the result must not depend on who ran what.
        Blobs b = Blobs.generate(new int[] {30_000, 25_000, 20_000}, 2, 1.0, 3.0, 4);
        FeatureMatrix m = b.matrix();
        Clustering ref = kmeans.cluster(m, k(3).with("restarts", 2), 5);
        assertThat(AdjustedRandIndex.of(ref.clusters(), b.truth())).isGreaterThanOrEqualTo(0.9);
        assertThat(ref.inertia())
                .isCloseTo(
                        ElkiOracle.inertia(b.x(), b.n(), b.d(), ref.clusters()),
                        org.assertj.core.data.Offset.offset(1e-6 * ref.inertia()));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Clustering>> fs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                fs.add(pool.submit(() -> kmeans.cluster(m, k(3).with("restarts", 2), 5)));
            }
            for (Future<Clustering> f : fs) {
                assertThat(f.get()).isEqualTo(ref);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void paddingTheFeaturesWithZeroColumnsChangesNoResult() {
        // Rows are padded to a multiple of four inside: 5 features run as 8, and 9 as 12. Adding the zero columns
        // by hand must give the same labels, the same inertia and the same centres, to the bit.
        for (int d : new int[] {5, 9}) {
            Blobs b = Blobs.generate(new int[] {120, 90, 60}, d, 1.5, 4.0, 8);
            int w = (d + 3) & ~3;
            double[] padded = new double[b.n() * w];
            for (int i = 0; i < b.n(); i++) {
                System.arraycopy(b.x(), i * d, padded, i * w, d);
            }
            Clustering plain = kmeans.cluster(b.matrix(), k(3), 2);
            Clustering wide = kmeans.cluster(FeatureMatrix.of(padded, w), k(3), 2);
            assertThat(wide.clusters()).as("d=%d", d).isEqualTo(plain.clusters());
            assertThat(wide.inertia()).as("d=%d", d).isEqualTo(plain.inertia());
            double[] pc = plain.centroids().orElseThrow();
            double[] wc = wide.centroids().orElseThrow();
            for (int c = 0; c < 3; c++) {
                for (int t = 0; t < d; t++) {
                    assertThat(wc[c * w + t]).isEqualTo(pc[c * d + t]);
                }
            }
            assertThat(AdjustedRandIndex.of(plain.clusters(), b.truth())).isGreaterThanOrEqualTo(0.95);
        }
    }
}
