package dev.glosa.cluster.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.cluster.kmeans.KMeansStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.testing.Blobs;
import dev.glosa.cluster.testing.ElkiOracle;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CriteriaTests {
    private static final Offset<Double> TOL = Offset.offset(1e-9);

    @Test
    void silhouetteCalinskiHarabaszAndDaviesBouldinEqualElkisOnTheSamePartition() {
        Blobs b = Blobs.generate(new int[] {150, 120, 90, 130}, 4, 1.5, 5.0, 17);
        FeatureMatrix m = b.matrix();
        ElkiOracle elki = new ElkiOracle(b.x(), b.n(), b.d());
        KMeansStrategy km = new KMeansStrategy();
        for (int k = 2; k <= 7; k++) {
            int[] labels =
                    km.cluster(m, km.parameters().defaults().with("k", k), 1).clusters();
            assertThat(Criterion.silhouette().score(m, labels, 0))
                    .as("silhouette k=%d", k)
                    .isCloseTo(elki.silhouette(labels), TOL);
            assertThat(Criterion.calinskiHarabasz().score(m, labels, 0))
                    .as("CH k=%d", k)
                    .isCloseTo(elki.calinskiHarabasz(labels), Offset.offset(1e-9 * elki.calinskiHarabasz(labels)));
            assertThat(Criterion.daviesBouldin().score(m, labels, 0))
                    .as("DB k=%d", k)
                    .isCloseTo(elki.daviesBouldin(labels), TOL);
        }
        // the planted partition too, singletons included
        int[] truth = b.truth().clone();
        truth[0] = 4;
        assertThat(Criterion.silhouette().score(m, truth, 0)).isCloseTo(elki.silhouette(truth), TOL);
    }

    @Test
    void silhouetteMatchesAHandComputedValue() {
        FeatureMatrix m = FeatureMatrix.ofRows(new double[] {0}, new double[] {1}, new double[] {5});
        // point 0: a=1, b=5 -> 0.8; point 1: a=1, b=4 -> 0.75; point 2: singleton -> 0
        // simplified (centroids 0.5 and 5): point 0 -> (5-0.5)/5 = 0.9, point 1 -> (4-0.5)/4 = 0.875
        assertThat(Criterion.silhouette().score(m, new int[] {0, 0, 1}, 0)).isCloseTo((0.8 + 0.75) / 3, TOL);
        assertThat(Criterion.simplifiedSilhouette().score(m, new int[] {0, 0, 1}, 0))
                .isCloseTo((0.9 + 0.875) / 3, TOL);
    }

    @Test
    void simplifiedSilhouetteIsTheTextbookFormulaToTheBit() {
        // The criterion takes one square root of the smallest squared distance per point; the textbook takes the
        // smallest of the distances. The root being monotonic and correctly rounded, the two agree to the last bit.
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int d : new int[] {1, 4, 7}) {
            int n = 500;
            double[] v = new double[n * d];
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextGaussian() * 1e3;
            }
            for (int k : new int[] {2, 5, 11}) {
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = rnd.nextInt(k);
                }
                double expected = textbookSimplifiedSilhouette(v, n, d, labels, k);
                assertThat(Double.doubleToLongBits(
                                Criterion.simplifiedSilhouette().score(FeatureMatrix.of(v, d), labels, 0)))
                        .as("d=%d k=%d", d, k)
                        .isEqualTo(Double.doubleToLongBits(expected));
            }
        }
    }

    private static double textbookSimplifiedSilhouette(double[] x, int n, int d, int[] labels, int k) {
        double[] c = new double[k * d];
        int[] size = new int[k];
        for (int i = 0; i < n; i++) {
            size[labels[i]]++;
            for (int t = 0; t < d; t++) {
                c[labels[i] * d + t] += x[i * d + t];
            }
        }
        for (int l = 0; l < k; l++) {
            for (int t = 0; t < d; t++) {
                c[l * d + t] /= size[l];
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (size[labels[i]] <= 1) {
                continue;
            }
            double a = 0;
            double b = Double.POSITIVE_INFINITY;
            for (int l = 0; l < k; l++) {
                double s = 0;
                for (int t = 0; t < d; t++) {
                    double diff = x[i * d + t] - c[l * d + t];
                    s += diff * diff;
                }
                if (l == labels[i]) {
                    a = Math.sqrt(s);
                } else {
                    b = Math.min(b, Math.sqrt(s));
                }
            }
            double max = Math.max(a, b);
            if (max > 0) {
                total += (b - a) / max;
            }
        }
        return total / n;
    }

    @Test
    void sampledSilhouetteIsSeededAndCloseToTheExactValue() {
        Blobs b = Blobs.generate(new int[] {900, 800, 700}, 3, 1.0, 6.0, 2);
        FeatureMatrix m = b.matrix();
        double exact = Criterion.silhouette(10_000).score(m, b.truth(), 0);
        double sampled = Criterion.silhouette(500).score(m, b.truth(), 5);
        assertThat(Criterion.silhouette(500).score(m, b.truth(), 5)).isEqualTo(sampled);
        assertThat(sampled).isCloseTo(exact, Offset.offset(0.03));
        assertThat(Criterion.silhouette(500).score(m, b.truth(), 6)).isNotEqualTo(sampled);
    }

    @Test
    void noiseIsLeftOutAndFewerThanTwoClustersIsNaN() {
        FeatureMatrix m = FeatureMatrix.ofRows(
                new double[] {0}, new double[] {1}, new double[] {5}, new double[] {6}, new double[] {100});
        double withNoise = Criterion.silhouette().score(m, new int[] {0, 0, 1, 1, -1}, 0);
        double without = Criterion.silhouette().score(m.select(new int[] {0, 1, 2, 3}), new int[] {0, 0, 1, 1}, 0);
        assertThat(withNoise).isEqualTo(without);
        for (String id : Criterion.ids()) {
            assertThat(Criterion.byId(id).score(m, new int[] {0, 0, 0, 0, -1}, 0))
                    .as(id)
                    .isNaN();
            assertThat(Criterion.byId(id).id()).isEqualTo(id);
        }
        assertThat(Criterion.byId(" Simplified_Silhouette ").id()).isEqualTo("simplified-silhouette");
        assertThat(Criterion.defaultCriterion().id()).isEqualTo("simplified-silhouette");
        assertThatThrownBy(() -> Criterion.byId("dunn"))
                .hasMessageContaining("'dunn'")
                .hasMessageContaining("silhouette");
    }

    @Test
    void nanRanksBelowEveryNumberAndDirectionIsRespected() {
        assertThat(Criterion.silhouette().isBetter(0.1, Double.NaN)).isTrue();
        assertThat(Criterion.silhouette().isBetter(Double.NaN, 0.1)).isFalse();
        assertThat(Criterion.daviesBouldin().isBetter(0.5, 0.7)).isTrue();
        assertThat(Criterion.calinskiHarabasz().isBetter(0.5, 0.7)).isFalse();
    }

    @Test
    void adjustedRandIndexHasKnownValues() {
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {5, 5, 3, 3}))
                .isEqualTo(1.0);
        // scikit-learn: adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714285714285715
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}))
                .isCloseTo(0.5714285714285715, TOL);
        // no pair agrees: index 0, expected 1/6, max 1 -> (0 - 1/6) / (1 - 1/6) = -0.2
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 1, 2}, new int[] {0, 1, 0, 2}))
                .isCloseTo(-0.2, TOL);
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 0}, new int[] {1, 1, 1}))
                .isEqualTo(1.0);
    }

    @Test
    void aPreparedScorerGivesTheSameBitsAsScoringEachPartition() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(17);
        for (int n : new int[] {2, 3, 40, 700}) {
            double[] v = new double[n * 3];
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextGaussian() * (i % 3 + 1);
            }
            FeatureMatrix m = FeatureMatrix.of(v, 3);
            for (Criterion c : new Criterion[] {
                Criterion.silhouette(),
                Criterion.silhouette(25),
                Criterion.simplifiedSilhouette(),
                Criterion.calinskiHarabasz(),
                Criterion.daviesBouldin()
            }) {
                Criterion.Scorer scorer = c.prepare(m, 5);
                for (int k = 1; k <= Math.min(9, n); k++) {
                    int[] labels = new int[n];
                    for (int i = 0; i < n; i++) {
                        labels[i] = rnd.nextInt(k) * 3; // gaps in the label numbers too
                    }
                    assertThat(Double.doubleToLongBits(scorer.score(labels)))
                            .as("%s n=%d k=%d", c, n, k)
                            .isEqualTo(Double.doubleToLongBits(c.score(m, labels, 5)));
                    if (n > 3) {
                        labels[n / 2] = -1; // noise
                        assertThat(Double.doubleToLongBits(scorer.score(labels)))
                                .as("%s n=%d k=%d noise", c, n, k)
                                .isEqualTo(Double.doubleToLongBits(c.score(m, labels, 5)));
                    }
                }
                assertThatThrownBy(() -> scorer.score(new int[n + 1])).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
