package dev.glosa.cluster.elki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.cluster.dbscan.DbscanStrategy;
import dev.glosa.cluster.select.AdjustedRandIndex;
import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.StrategyRegistry;
import dev.glosa.cluster.testing.Blobs;
import org.junit.jupiter.api.Test;

class ElkiStrategiesTests {

    @Test
    void elkisDbscanAndTheLibrarysAgreeOnSeparatedBlobs() {
        DbscanStrategy dbscan = new DbscanStrategy();
        Blobs b = Blobs.generate(new int[] {200, 150, 100}, 2, 0.5, 10.0, 3);
        ElkiDbscanStrategy elki = new ElkiDbscanStrategy();
        Clustering ours = dbscan.cluster(
                b.matrix(), dbscan.parameters().defaults().with("eps", 0.5).with("minPts", 5), 0);
        Clustering theirs =
                elki.cluster(b.matrix(), elki.parameters().defaults().with("eps", 0.5), 0);
        // core points and noise agree exactly; only the cluster of an ambiguous border point may differ
        assertThat(theirs.noiseCount()).isEqualTo(ours.noiseCount());
        assertThat(AdjustedRandIndex.of(ours.clusters(), theirs.clusters())).isEqualTo(1.0);
    }

    @Test
    void theRegistryFindsTheThreeElkiStrategiesWhenThisJarIsOnTheClassPath() {
        assertThat(StrategyRegistry.load().ids())
                .contains("kmeans", "dbscan", "hierarchical", "elki-kmeans", "elki-dbscan", "elki-hierarchical");
    }

    @Test
    void availabilityIsDecidedByClassPresence() {
        assertThat(ElkiSupport.available()).isTrue();
        assertThat(ElkiSupport.available(
                        getClass().getClassLoader(), ElkiSupport.CLUSTERING_CLASS, "elki.not.there.Missing"))
                .isFalse();
        assertThat(new ElkiKMeansStrategy().isAvailable()).isTrue();
    }

    @Test
    void everyElkiStrategyRecoversPlantedBlobsAndIsReproducible() {
        Blobs b = Blobs.generate(new int[] {150, 100, 120}, 3, 0.5, 10.0, 19);
        StrategyRegistry registry = StrategyRegistry.load();
        for (String id : new String[] {"elki-kmeans", "elki-dbscan", "elki-hierarchical"}) {
            ClusteringStrategy s = registry.get(id);
            var p = s.parameters().defaults();
            p = s.parameters().has("k") ? p.with("k", 3) : p.with("eps", 1.0);
            Clustering c = s.cluster(b.matrix(), p, 4);
            assertThat(AdjustedRandIndex.of(c.clusters(), b.truth())).as(id).isGreaterThanOrEqualTo(0.95);
            assertThat(s.cluster(b.matrix(), p, 4)).as(id).isEqualTo(c);
        }
    }

    @Test
    void elkiDbscanNeedsEps() {
        ElkiDbscanStrategy s = new ElkiDbscanStrategy();
        assertThatThrownBy(() -> s.cluster(Blobs.generate(2, 5, 2, 1, 5, 1).matrix(), 0))
                .hasMessageContaining("'eps'");
    }
}
