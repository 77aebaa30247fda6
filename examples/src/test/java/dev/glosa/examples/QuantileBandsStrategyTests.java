package dev.glosa.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.cluster.kmeans.KMeansStrategy;
import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameters;
import dev.glosa.cluster.spi.StrategyRegistry;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantileBandsStrategyTests {
    private static final ClusteringStrategy BANDS = new QuantileBandsStrategy();

    @Test
    void registryFindsTheStrategyByItsIdBesideTheLibrarysOwn() {
        StrategyRegistry registry = StrategyRegistry.load();

        assertThat(registry.ids()).contains("quantile-bands", "kmeans", "dbscan", "hierarchical");
        assertThat(registry.get("quantile-bands")).isInstanceOf(QuantileBandsStrategy.class);
        assertThat(registry.get("quantile-bands").parameters().names()).containsExactly("k", "feature");
    }

    @Test
    void cutsATinyMatrixIntoQuartilesLabelledInOrderOfFirstAppearance() {
        FeatureMatrix m = FeatureMatrix.of(new double[] {5, 1, 3, 2, 4, 6, 8, 7}, 1);

        Clustering c = BANDS.cluster(m, 0);

        // Quartile cuts x(2) = 2, x(4) = 4, x(6) = 6: bands {1, 2}, {3, 4}, {5, 6}, {7, 8}; point 0 (5) is in band 2,
        // which therefore gets label 0.
        assertThat(c.clusters()).containsExactly(0, 1, 2, 1, 2, 0, 3, 3);
        assertThat(c.k()).isEqualTo(4);
        assertThat(c.clusterSizes()).containsExactly(2, 2, 2, 2);
        assertThat(c.centroids()).hasValueSatisfying(x -> assertThat(x).containsExactly(5.5, 1.5, 3.5, 7.5));
        assertThat(c.inertia()).isEqualTo(4 * 0.5);
        assertThat(c.strategyId()).isEqualTo("quantile-bands");
    }

    @Test
    void equalValuesShareABandSoTiesGiveUnequalBands() {
        FeatureMatrix m = FeatureMatrix.of(new double[] {1, 1, 1, 1, 2, 3}, 1);

        Clustering c = BANDS.cluster(m, BANDS.parameters().defaults().with("k", 2), 0);

        assertThat(c.clusters()).containsExactly(0, 0, 0, 0, 1, 1);
    }

    @Test
    void fewerDistinctValuesThanBandsGiveFewerBands() {
        FeatureMatrix m = FeatureMatrix.of(new double[] {3, 3, 9, 9, 9}, 1);

        Clustering c = BANDS.cluster(m, 0);

        assertThat(c.k()).isEqualTo(2);
        assertThat(c.clusters()).containsExactly(0, 0, 1, 1, 1);
    }

    @Test
    void bandsOnTheChosenFeatureOnlyWhileTheCentroidsCoverEveryFeature() {
        FeatureMatrix m = FeatureMatrix.ofRows(
                new double[] {100, 1}, new double[] {0, 2}, new double[] {50, 3}, new double[] {-7, 4});

        Clustering c =
                BANDS.cluster(m, BANDS.parameters().defaults().with("k", 2).with("feature", 1), 0);

        assertThat(c.clusters()).containsExactly(0, 0, 1, 1);
        assertThat(c.centroids()).hasValueSatisfying(x -> assertThat(x).containsExactly(50, 1.5, 21.5, 3.5));
    }

    @Test
    void withoutTiesBandSizesDifferByAtMostOne() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 1; n <= 40; n++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double t = v[i];
                v[i] = v[j];
                v[j] = t;
            }
            for (int k = 1; k <= 8; k++) {
                Clustering c = BANDS.cluster(
                        FeatureMatrix.of(v, 1), BANDS.parameters().defaults().with("k", k), 0);
                int[] sizes = c.clusterSizes();
                assertThat(c.k()).as("n=%d k=%d", n, k).isEqualTo(Math.min(n, k));
                int min = Integer.MAX_VALUE;
                int max = 0;
                for (int s : sizes) {
                    min = Math.min(min, s);
                    max = Math.max(max, s);
                }
                assertThat(max - min).as("n=%d k=%d sizes", n, k).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void anEmptyMatrixGivesNoLabels() {
        FeatureMatrix empty = FeatureMatrix.of(new double[0], java.util.List.of("x"), new int[0]);

        assertThat(BANDS.cluster(empty, 0).size()).isZero();
    }

    @Test
    void rejectsAFeatureIndexOutsideTheMatrixAndAnotherStrategysParameters() {
        FeatureMatrix m = FeatureMatrix.of(new double[] {1, 2, 3}, 1);
        Parameters kmeans = new KMeansStrategy().parameters().defaults();

        assertThatThrownBy(() -> BANDS.cluster(m, BANDS.parameters().defaults().with("feature", 1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'feature' (1)")
                .hasMessageContaining("(1)");
        assertThatThrownBy(() -> BANDS.cluster(m, kmeans, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kmeans");
    }
}
