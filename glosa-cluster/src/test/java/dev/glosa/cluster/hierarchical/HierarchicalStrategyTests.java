package dev.glosa.cluster.hierarchical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.cluster.select.AdjustedRandIndex;
import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameters;
import dev.glosa.cluster.testing.Blobs;
import dev.glosa.cluster.testing.ElkiOracle;
import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HierarchicalStrategyTests {
    private final HierarchicalStrategy hc = new HierarchicalStrategy();

    private Parameters params(String linkage, int k) {
        return hc.parameters().defaults().with("linkage", linkage).with("k", k);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ward", "complete", "average", "single"})
    void recoversPlantedBlobs(String linkage) {
        Blobs b = Blobs.generate(new int[] {120, 80, 100, 60}, 3, 1.0, 15.0, 21);
        Clustering c = hc.cluster(b.matrix(), params(linkage, 4), 1);
        assertThat(AdjustedRandIndex.of(c.clusters(), b.truth())).isGreaterThanOrEqualTo(0.95);
        assertThat(c.approximation()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ward", "complete", "average", "single"})
    void cutAtKGivesTheSamePartitionAsElkiAnderberg(String linkage) {
        // overlapping blobs, so the upper merges are not trivial; continuous data has no ties
        Blobs b = Blobs.generate(new int[] {90, 70, 60, 80, 50}, 4, 2.0, 4.0, 33);
        ElkiOracle elki = new ElkiOracle(b.x(), b.n(), b.d());
        for (int k = 2; k <= 12; k++) {
            Clustering c = hc.cluster(b.matrix(), params(linkage, k), 1);
            assertThat(AdjustedRandIndex.of(c.clusters(), elki.anderberg(linkage, k)))
                    .as("%s k=%d", linkage, k)
                    .isEqualTo(1.0);
            assertThat(c.k()).isEqualTo(k);
        }
    }

    @Test
    void wardHeightsAreTheSquareRootOfElkisSquaredEuclideanWardHeights() {
        Blobs b = Blobs.generate(new int[] {40, 30, 30}, 2, 1.0, 6.0, 4);
        double[] ours = heights(b.x(), b.n(), b.d());
        double[] elki = new ElkiOracle(b.x(), b.n(), b.d()).wardHeights();
        double[] converted = new double[elki.length];
        for (int i = 0; i < elki.length; i++) {
            // ELKI merges on ΔSSE = h²/2 and, on squared Euclidean input, reports 2·ΔSSE = h²
            converted[i] = Math.sqrt(elki[i]);
        }
        Arrays.sort(converted);
        assertThat(ours).hasSize(converted.length);
        for (int i = 0; i < ours.length; i++) {
            assertThat(ours[i]).isCloseTo(converted[i], Offset.offset(1e-9 * (1 + converted[i])));
        }
    }

    private static double[] heights(double[] x, int n, int d) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return Agglomerative.run(x, n, d, w, Linkage.WARD).height;
    }

    @Test
    void cutByHeightKeepsMergesUpToThatHeight() {
        FeatureMatrix m = FeatureMatrix.ofRows(
                new double[] {0}, new double[] {1}, new double[] {10}, new double[] {11.5}, new double[] {30});
        Parameters p = hc.parameters().defaults().with("linkage", "single");
        assertThat(hc.cluster(m, p.with("height", 1.0), 0).clusters()).containsExactly(0, 0, 1, 2, 3);
        assertThat(hc.cluster(m, p.with("height", 1.5), 0).clusters()).containsExactly(0, 0, 1, 1, 2);
        assertThat(hc.cluster(m, p.with("height", 9.0), 0).clusters()).containsExactly(0, 0, 0, 0, 1);
        // two points merge at their distance under Ward too
        Parameters ward = hc.parameters().defaults();
        assertThat(hc.cluster(m, ward.with("height", 1.0), 0).clusters()).containsExactly(0, 0, 1, 2, 3);
    }

    @Test
    void largeSegmentsClusterRepresentativesAndSaySo() {
        Blobs b = Blobs.generate(new int[] {2000, 1500, 1800, 1200}, 4, 1.0, 12.0, 8);
        Parameters p =
                hc.parameters().defaults().with("k", 4).with("maxPoints", 3000).with("representatives", 400);
        Clustering c = hc.cluster(b.matrix(), p, 5);
        assertThat(c.approximation())
                .hasValueSatisfying(
                        s -> assertThat(s).contains("micro-clusters").contains("6500 points"));
        assertThat(AdjustedRandIndex.of(c.clusters(), b.truth())).isGreaterThanOrEqualTo(0.95);
        assertThat(hc.cluster(b.matrix(), p, 5)).isEqualTo(c);
    }

    @Test
    void clusterEachKCutsOneTreeAndEqualsSeparateCalls() {
        Blobs b = Blobs.generate(new int[] {300, 200, 250}, 3, 1.0, 6.0, 2);
        for (int maxPoints : new int[] {5000, 400}) {
            Parameters p =
                    hc.parameters().defaults().with("maxPoints", maxPoints).with("representatives", 200);
            java.util.List<Clustering> all = hc.clusterEachK(b.matrix(), p, 2, 6, 9);
            assertThat(all).hasSize(5);
            for (int k = 2; k <= 6; k++) {
                assertThat(all.get(k - 2)).isEqualTo(hc.cluster(b.matrix(), p.with("k", k), 9));
            }
        }
    }

    @Test
    void tinyAndDegenerateInputsAreHandled() {
        assertThat(hc.cluster(FeatureMatrix.of(new double[0], java.util.List.of("a"), new int[0]), 0)
                        .size())
                .isZero();
        assertThat(hc.cluster(FeatureMatrix.ofRows(new double[] {3}), 0).clusters())
                .containsExactly(0);
        Clustering same = hc.cluster(
                FeatureMatrix.ofRows(
                        new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1}),
                params("ward", 2),
                0);
        assertThat(same.k()).isEqualTo(2);
        assertThat(same.inertia()).isZero();
    }
}
