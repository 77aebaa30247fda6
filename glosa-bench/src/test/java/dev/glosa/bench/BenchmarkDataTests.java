package dev.glosa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.cluster.dbscan.DbscanStrategy;
import dev.glosa.cluster.hierarchical.HierarchicalStrategy;
import dev.glosa.cluster.kmeans.KMeansStrategy;
import dev.glosa.cluster.select.AdjustedRandIndex;
import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameters;
import elki.clustering.hierarchical.Anderberg;
import elki.clustering.hierarchical.extraction.CutDendrogramByNumberOfClusters;
import elki.clustering.hierarchical.linkage.WardLinkage;
import elki.distance.minkowski.SquaredEuclideanDistance;
import org.junit.jupiter.api.Test;

/** The data the benchmarks run on is deterministic, and ELKI run as the benchmarks run it agrees with the library. */
class BenchmarkDataTests {

    @Test
    void compareDbscanSetIsOneClusterPerPlantedBlobAtItsEps() {
        // compare.sh reports a DBSCAN ratio only where both sides find the planted blobs: its set must have them.
        Blobs b = Blobs.generate(
                Compare.Sizes.QUICK.dbscanN, Compare.DBSCAN_D, DbscanBenchmark.BLOBS, Compare.DBSCAN_BOX, Compare.SEED);
        DbscanStrategy s = new DbscanStrategy();
        Parameters p = s.parameters()
                .defaults()
                .with(ClusteringStrategy.EPS, Compare.DBSCAN_EPS)
                .with(DbscanStrategy.MIN_PTS, Compare.MIN_PTS);
        Clustering c = s.cluster(FeatureMatrix.of(b.x(), b.d()), p, Compare.SEED);
        assertThat(c.k()).isEqualTo(DbscanBenchmark.BLOBS);
        assertThat(c.noiseCount()).isLessThan(b.n() / 20); // the blobs' thin tails: 4.4% of 20,000 points
        assertThat(AdjustedRandIndex.of(c.clusters(), b.truth())).isGreaterThan(0.95);
    }

    @Test
    void blobsAreTheSameBytesForTheSameSeedAndDifferForAnother() {
        Blobs a = Blobs.generate(1_000, 8, 6, 7L);
        Blobs b = Blobs.generate(1_000, 8, 6, 7L);
        Blobs c = Blobs.generate(1_000, 8, 6, 8L);
        assertThat(a.x()).containsExactly(b.x());
        assertThat(a.truth()).containsExactly(b.truth());
        assertThat(a.x()).isNotEqualTo(c.x());
        assertThat(a.truth()).contains(0, 1, 2, 3, 4, 5);
    }

    @Test
    void greedySeedingIsDeterministicAndPicksDataPoints() {
        Blobs b = Blobs.generate(2_000, 4, 6, 11L);
        double[] s1 = GreedySeeding.centres(b.x(), b.n(), b.d(), 6, 3L);
        double[] s2 = GreedySeeding.centres(b.x(), b.n(), b.d(), 6, 3L);
        assertThat(s1).containsExactly(s2);
        for (int c = 0; c < 6; c++) {
            assertThat(isRow(b, s1, c)).as("centre %d is a data point", c).isTrue();
        }
    }

    @Test
    void elkiLloydFromTheSharedSeedsReachesTheLibrarysPartitionInAsManyIterations() {
        Blobs b = Blobs.generate(5_000, 8, 6, 5L);
        KMeansStrategy strategy = new KMeansStrategy();
        Parameters p = strategy.parameters()
                .defaults()
                .with(ClusteringStrategy.K, 6)
                .with(KMeansStrategy.RESTARTS, 1)
                .with(KMeansStrategy.TOLERANCE, 0.0);
        Clustering ours = strategy.cluster(FeatureMatrix.of(b.x(), b.d()), p, 42L);

        double[][] init = GreedySeeding.asRows(GreedySeeding.centres(b.x(), b.n(), b.d(), 6, 42L), b.d());
        var rel = Elki.relation(b.rows());
        int[] elki = Elki.labels(Elki.kmeans(Elki.KMeansVariant.LLOYD, rel, init, 300), b.n());
        int elkiIterations = Elki.iterations(Elki.KMeansVariant.LLOYD, rel, init, 300);

        assertThat(AdjustedRandIndex.of(ours.clusters(), elki)).isEqualTo(1.0);
        assertThat(elkiIterations - 1).isEqualTo(ours.iterations());
        for (Elki.KMeansVariant v : Elki.KMeansVariant.values()) {
            int[] labels = Elki.labels(Elki.kmeans(v, rel, init, 300), b.n());
            assertThat(AdjustedRandIndex.of(labels, elki)).as("ELKI %s", v).isEqualTo(1.0);
        }
    }

    @Test
    void elkiInitialMeansAreNotConsumedByARun() {
        Blobs b = Blobs.generate(1_000, 4, 3, 9L);
        double[][] init = GreedySeeding.asRows(GreedySeeding.centres(b.x(), b.n(), b.d(), 3, 1L), b.d());
        double[][] before = Elki.copy(init);
        var rel = Elki.relation(b.rows());
        Elki.kmeans(Elki.KMeansVariant.HAMERLY, rel, init, 300);
        assertThat(init).isDeepEqualTo(before);
    }

    @Test
    void commonsMathIterationCountMatchesACappedRun() {
        Blobs b = Blobs.generate(2_000, 4, 4, 13L);
        var points = CommonsMath.points(b.x(), b.n(), b.d());
        int it = CommonsMath.iterations(points, 4, 300, 1L);
        assertThat(it).isBetween(1, 299);
        // The count is that of the run: capping at it changes nothing, capping one lower stops one earlier.
        assertThat(CommonsMath.iterations(points, 4, it, 1L)).isEqualTo(it);
        assertThat(CommonsMath.iterations(points, 4, Math.max(1, it - 1), 1L)).isEqualTo(Math.max(1, it - 1));
    }

    @Test
    void elkiDbscanWithItsKdTreeFindsTheLibrarysClustersAndNoise() {
        Blobs b = Blobs.generate(1_000, 2, 3, 2.5, 17L);
        double eps = 0.5;
        DbscanStrategy strategy = new DbscanStrategy();
        Parameters p = strategy.parameters()
                .defaults()
                .with(ClusteringStrategy.EPS, eps)
                .with(DbscanStrategy.MIN_PTS, 10);
        Clustering ours = strategy.cluster(FeatureMatrix.of(b.x(), b.d()), p, 1L);
        int[] elki = Elki.labels(DbscanBenchmark.elkiKdTree(b.rows(), eps, 10), b.n());
        int elkiNoise = 0;
        int elkiK = 0;
        for (int l : elki) {
            elkiNoise += l < 0 ? 1 : 0;
            elkiK = Math.max(elkiK, l + 1);
        }
        assertThat(ours.k()).isGreaterThan(0).isEqualTo(elkiK);
        assertThat(ours.noiseCount()).isEqualTo(elkiNoise);
    }

    @Test
    void elkiWardGivesTheLibrarysCutOnSeparatedBlobs() {
        Blobs b = Blobs.generate(600, 3, 4, 6.0, 23L);
        HierarchicalStrategy strategy = new HierarchicalStrategy();
        Parameters p = strategy.parameters().defaults().with(ClusteringStrategy.K, 4);
        Clustering ours = strategy.cluster(FeatureMatrix.of(b.x(), b.d()), p, 1L);
        Anderberg<elki.data.NumberVector> algo = new Anderberg<>(SquaredEuclideanDistance.STATIC, WardLinkage.STATIC);
        var rel = Elki.relation(b.rows());
        int[] elki = Elki.labels(new CutDendrogramByNumberOfClusters(algo, 4, false).run(algo.run(rel)), b.n());
        assertThat(ours.k()).isEqualTo(4);
        assertThat(AdjustedRandIndex.of(ours.clusters(), elki)).isEqualTo(1.0);
    }

    private static boolean isRow(Blobs b, double[] centres, int c) {
        for (int i = 0; i < b.n(); i++) {
            boolean same = true;
            for (int t = 0; t < b.d() && same; t++) {
                same = b.x()[i * b.d() + t] == centres[c * b.d() + t];
            }
            if (same) {
                return true;
            }
        }
        return false;
    }
}
