package dev.glosa.cluster.dbscan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.cluster.select.AdjustedRandIndex;
import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameters;
import dev.glosa.cluster.testing.Blobs;
import dev.glosa.cluster.testing.BruteForceDbscan;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DbscanStrategyTests {
    private final DbscanStrategy dbscan = new DbscanStrategy();

    private Parameters params(double eps, int minPts) {
        return dbscan.parameters().defaults().with("eps", eps).with("minPts", minPts);
    }

    @Test
    void isExactlyTheBruteForceDbscanOnRandomData() {
        SplittableRandom rnd = new SplittableRandom(2024);
        for (int trial = 0; trial < 60; trial++) {
            int d = 1 + trial % 5;
            int n = 50 + rnd.nextInt(400);
            double[] x = new double[n * d];
            for (int i = 0; i < n; i++) {
                boolean dup = i > 0 && rnd.nextInt(10) == 0;
                int src = dup ? rnd.nextInt(i) : -1;
                for (int t = 0; t < d; t++) {
                    // a coarse lattice gives many exact ties at distance eps
                    x[i * d + t] = dup ? x[src * d + t] : (trial % 3 == 0 ? rnd.nextInt(12) : rnd.nextGaussian() * 3);
                }
            }
            double eps = trial % 3 == 0 ? 1 + rnd.nextInt(2) : 0.2 + rnd.nextDouble() * 1.5;
            int minPts = 1 + rnd.nextInt(8);
            int[] expected = BruteForceDbscan.canonical(BruteForceDbscan.run(x, n, d, eps, minPts));
            Clustering c = dbscan.cluster(FeatureMatrix.of(x, d), params(eps, minPts), 0);
            assertThat(c.clusters())
                    .as("trial %d: n=%d d=%d eps=%s minPts=%d", trial, n, d, eps, minPts)
                    .containsExactly(expected);
        }
    }

    @Test
    void isExactWithTinyDistancesHugeCoordinatesAndEpsZero() {
        double[] x = {0, 0, 1e-12, 0, 3e-12, 0, 5e9, 5e9, 5e9, 5e9, 5e9, 5e9 + 1e-12};
        for (double eps : new double[] {0, 1e-12, 2e-12, 4e-12}) {
            int[] expected = BruteForceDbscan.canonical(BruteForceDbscan.run(x, 6, 2, eps, 2));
            assertThat(dbscan.cluster(FeatureMatrix.of(x, 2), params(eps, 2), 0).clusters())
                    .as("eps %s", eps)
                    .containsExactly(expected);
        }
    }

    @Test
    void denseBlobsAreExact() {
        Blobs b = Blobs.generate(new int[] {900, 700, 400}, 2, 0.5, 8.0, 6);
        int[] expected = BruteForceDbscan.canonical(BruteForceDbscan.run(b.x(), b.n(), b.d(), 0.4, 10));
        assertThat(dbscan.cluster(b.matrix(), params(0.4, 10), 0).clusters()).containsExactly(expected);
    }

    @Test
    void automaticEpsRecoversPlantedBlobsAndIsReported() {
        Blobs b = Blobs.generate(new int[] {400, 300, 250, 350}, 3, 0.6, 10.0, 12);
        Clustering c = dbscan.cluster(b.matrix(), dbscan.parameters().defaults(), 7);
        assertThat(c.parameters().findDouble("eps")).isPresent();
        double eps = c.parameters().getDouble("eps");
        assertThat(eps).isBetween(0.1, 3.0);
        assertThat(c.k()).isEqualTo(4);
        // the knee sits where the k-distance curve turns up, so the Gaussian tails (a few percent) become noise;
        // the points it does cluster are clustered right
        assertThat(c.noiseCount()).isLessThanOrEqualTo(b.n() / 20);
        assertThat(AdjustedRandIndex.of(nonNoise(c.clusters(), c.clusters()), nonNoise(c.clusters(), b.truth())))
                .isGreaterThanOrEqualTo(0.99);
        assertThat(AdjustedRandIndex.of(c.clusters(), b.truth())).isGreaterThanOrEqualTo(0.9);
        assertThat(dbscan.cluster(b.matrix(), dbscan.parameters().defaults(), 7))
                .isEqualTo(c);
    }

    @Test
    void recoversPlantedBlobsWithAGivenEps() {
        Blobs b = Blobs.generate(new int[] {400, 300, 250, 350}, 3, 0.6, 10.0, 12);
        Clustering c = dbscan.cluster(b.matrix(), params(1.5, 5), 7);
        assertThat(AdjustedRandIndex.of(c.clusters(), b.truth())).isGreaterThanOrEqualTo(0.95);
    }

    private static int[] nonNoise(int[] labels, int[] values) {
        int m = 0;
        for (int l : labels) {
            if (l >= 0) {
                m++;
            }
        }
        int[] out = new int[m];
        int j = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                out[j++] = values[i];
            }
        }
        return out;
    }

    @Test
    void kneeIsThePointFarthestBelowTheChord() {
        assertThat(KDistance.knee(new double[] {1, 1, 1, 1, 1.1, 1.2, 5, 10})).isEqualTo(1.2);
        assertThat(KDistance.knee(new double[] {2, 2, 2})).isEqualTo(2);
        assertThat(KDistance.knee(new double[0])).isZero();
    }

    @Test
    void automaticEpsNeedsMinPtsOfAtLeastTwo() {
        assertThatThrownBy(() -> dbscan.cluster(
                        FeatureMatrix.ofRows(new double[] {1}),
                        dbscan.parameters().defaults().with("minPts", 1),
                        0))
                .hasMessageContaining("minPts >= 2");
    }

    @Test
    void tinyInputsAreHandled() {
        FeatureMatrix empty = FeatureMatrix.of(new double[0], java.util.List.of("a"), new int[0]);
        assertThat(dbscan.cluster(empty, 0).size()).isZero();
        assertThat(dbscan.cluster(FeatureMatrix.ofRows(new double[] {1}), params(1, 2), 0)
                        .clusters())
                .containsExactly(-1);
        assertThat(dbscan.cluster(FeatureMatrix.ofRows(new double[] {1}, new double[] {1}), 0)
                        .clusters())
                .containsExactly(-1, -1);
        assertThat(dbscan.cluster(
                                FeatureMatrix.ofRows(new double[] {1}, new double[] {1}, new double[] {1}),
                                params(0.5, 3),
                                0)
                        .clusters())
                .containsExactly(0, 0, 0);
    }
}
