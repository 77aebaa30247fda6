package dev.glosa.cluster.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.cluster.dbscan.DbscanStrategy;
import dev.glosa.cluster.hierarchical.HierarchicalStrategy;
import dev.glosa.cluster.kmeans.KMeansStrategy;
import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.testing.Blobs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelSelectorTests {
    private static final List<ClusteringStrategy> STRATEGIES =
            List.of(new KMeansStrategy(), new DbscanStrategy(), new HierarchicalStrategy());

    @ParameterizedTest
    @ValueSource(strings = {"silhouette", "simplified-silhouette", "calinski-harabasz", "davies-bouldin"})
    void findsThePlantedKWithEveryCriterion(String criterion) {
        Blobs b = Blobs.generate(new int[] {120, 90, 150, 60, 100}, 4, 1.0, 10.0, 31);
        for (ClusteringStrategy s : List.of(new KMeansStrategy(), new HierarchicalStrategy())) {
            Selection sel =
                    ModelSelector.of(s).withCriterion(Criterion.byId(criterion)).select(b.matrix(), 3);
            assertThat(sel.status()).isEqualTo(Selection.Status.K_SEARCHED);
            assertThat(sel.chosenK()).as("%s %s", s.id(), criterion).isEqualTo(5);
            assertThat(AdjustedRandIndex.of(sel.clusters(), b.truth())).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void recordsEveryKTriedAndReturnsExactlyThePartitionThatWasScored() {
        Blobs b = Blobs.generate(new int[] {50, 40, 30}, 3, 1.0, 8.0, 1);
        KMeansStrategy km = new KMeansStrategy();
        Selection sel = ModelSelector.of(km).select(b.matrix(), 9);
        assertThat(sel.ksTried()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(sel.scores()).hasSize(14);
        assertThat(sel.criterion()).isEqualTo("simplified-silhouette");
        int best = sel.chosenK() - 2;
        assertThat(sel.score()).isEqualTo(sel.scores()[best]);
        for (double s : sel.scores()) {
            assertThat(s).isLessThanOrEqualTo(sel.score());
        }
        Clustering c = sel.clustering().orElseThrow();
        assertThat(Criterion.defaultCriterion().score(b.matrix(), c.clusters(), 9))
                .isEqualTo(sel.score());
        assertThat(c.parameters().getInt("k")).isEqualTo(sel.chosenK());
        assertThat(c)
                .isEqualTo(km.cluster(b.matrix(), km.parameters().defaults().with("k", sel.chosenK()), 9));
    }

    @Test
    void tiesGoToTheSmallerK() {
        // every partition scores the same under this criterion
        Criterion flat = new Criterion() {
            @Override
            public String id() {
                return "flat";
            }

            @Override
            public boolean higherIsBetter() {
                return true;
            }

            @Override
            public double score(FeatureMatrix data, int[] labels, long seed) {
                return 1.0;
            }
        };
        Blobs b = Blobs.generate(3, 20, 2, 1.0, 8.0, 1);
        Selection sel = ModelSelector.of(new KMeansStrategy())
                .withCriterion(flat)
                .withKRange(3, 6)
                .select(b.matrix(), 0);
        assertThat(sel.chosenK()).isEqualTo(3);
        assertThat(sel.ksTried()).containsExactly(3, 4, 5, 6);
    }

    @Test
    void smallAndDegenerateSegmentsAreHandledForEveryStrategy() {
        for (ClusteringStrategy s : STRATEGIES) {
            ModelSelector sel = ModelSelector.of(s);
            FeatureMatrix empty = FeatureMatrix.of(new double[0], List.of("a", "b"), new int[0]);
            assertThat(sel.select(empty, 1).status()).isEqualTo(Selection.Status.SKIPPED_EMPTY);
            assertThat(sel.select(empty, 1).clustering()).isEmpty();

            Selection one = sel.select(FeatureMatrix.ofRows(new double[] {1, 2}), 1);
            assertThat(one.status()).isEqualTo(Selection.Status.ONE_ROW);
            assertThat(one.clusters()).containsExactly(0);
            assertThat(one.chosenK()).isEqualTo(1);

            Selection two = sel.select(FeatureMatrix.ofRows(new double[] {1, 2}, new double[] {3, 4}), 1);
            assertThat(two.clusters()).hasSize(2);

            Selection three = sel.select(
                    FeatureMatrix.ofRows(new double[] {1, 2}, new double[] {3, 4}, new double[] {30, 40}), 1);
            assertThat(three.clusters()).hasSize(3);

            Selection same = sel.select(
                    FeatureMatrix.ofRows(
                            new double[] {1, 2},
                            new double[] {1, 2},
                            new double[] {1, 2},
                            new double[] {1, 2},
                            new double[] {1, 2}),
                    1);
            assertThat(same.status()).isEqualTo(Selection.Status.IDENTICAL_ROWS);
            assertThat(same.clusters()).containsExactly(0, 0, 0, 0, 0);
            assertThat(same.clustering().orElseThrow().inertia()).isZero();
        }
        Selection kmTwo = ModelSelector.of(new KMeansStrategy())
                .select(FeatureMatrix.ofRows(new double[] {1, 2}, new double[] {3, 4}), 1);
        assertThat(kmTwo.status()).isEqualTo(Selection.Status.TOO_FEW_ROWS);
        assertThat(kmTwo.clusters()).containsExactly(0, 0);
        Selection kmThree = ModelSelector.of(new KMeansStrategy())
                .select(FeatureMatrix.ofRows(new double[] {1, 2}, new double[] {3, 4}, new double[] {30, 40}), 1);
        assertThat(kmThree.ksTried()).containsExactly(2);
        assertThat(kmThree.clusters()).containsExactly(0, 0, 1);
    }

    @Test
    void kRangeIsCappedByTheNumberOfDistinctRows() {
        double[] v = new double[40];
        for (int i = 0; i < 20; i++) {
            v[2 * i] = i % 4;
            v[2 * i + 1] = (i % 4) * 10;
        }
        Selection sel = ModelSelector.of(new KMeansStrategy()).select(FeatureMatrix.of(v, 2), 1);
        assertThat(sel.ksTried()).containsExactly(2, 3, 4);
        assertThat(sel.chosenK()).isEqualTo(4);
    }

    @Test
    void dbscanReportsTheEpsItChoseAndASilhouetteOverNonNoisePoints() {
        Blobs b = Blobs.generate(new int[] {200, 150, 100}, 2, 0.5, 10.0, 3);
        Selection sel = ModelSelector.of(new DbscanStrategy()).select(b.matrix(), 4);
        assertThat(sel.status()).isEqualTo(Selection.Status.SINGLE_RUN);
        assertThat(sel.eps()).isPresent();
        assertThat(sel.eps().getAsDouble())
                .isEqualTo(sel.clustering().orElseThrow().parameters().getDouble("eps"));
        assertThat(sel.chosenK()).isEqualTo(3);
        assertThat(sel.score()).isGreaterThan(0.7);
    }

    @Test
    void sameSeedGivesTheSameSelectionOnSeveralThreads() throws Exception {
        Blobs b = Blobs.generate(new int[] {80, 60, 70, 50}, 3, 1.5, 5.0, 44);
        FeatureMatrix m = b.matrix();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (ClusteringStrategy s : STRATEGIES) {
                Selection ref = ModelSelector.of(s).select(m, 12);
                List<Future<Selection>> fs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    fs.add(pool.submit(() -> ModelSelector.of(s).select(m, 12)));
                }
                for (Future<Selection> f : fs) {
                    Selection got = f.get();
                    assertThat(got.clustering()).isEqualTo(ref.clustering());
                    assertThat(got.scores()).containsExactly(ref.scores());
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
