package dev.glosa.cluster.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrategyRegistryTests {

    @Test
    void findsTheBuiltInStrategiesAndServesAHandWiredOne() {
        // A strategy of another jar found through META-INF/services is tested where there is one: glosa-cluster-elki
        // and the examples. These tests run inside the module, whose own providers are its module-info's.
        assertThat(StrategyRegistry.load().ids()).contains("kmeans", "dbscan", "hierarchical");
        StrategyRegistry registry = StrategyRegistry.of(new EchoRowStrategy());
        ClusteringStrategy s = registry.get("test-parity");
        assertThat(s).isInstanceOf(EchoRowStrategy.class);
        Clustering c = s.cluster(FeatureMatrix.ofRows(new double[] {1}, new double[] {2}, new double[] {3}), 7L);
        assertThat(c.clusters()).containsExactly(0, 1, 0);
        assertThat(c.k()).isEqualTo(2);
    }

    @Test
    void listsTheLibrarysOwnStrategiesAndNotElkisWhoseJarIsNotHere() {
        assertThat(StrategyRegistry.load().ids())
                .contains("kmeans", "dbscan", "hierarchical")
                .doesNotContain("elki-kmeans", "elki-dbscan", "elki-hierarchical");
    }

    @Test
    void unknownIdErrorNamesTheIdAndListsTheKnownOnes() {
        StrategyRegistry registry = StrategyRegistry.load();
        assertThatThrownBy(() -> registry.get("kmedoids"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'kmedoids'")
                .hasMessageContaining("dbscan")
                .hasMessageContaining("hierarchical")
                .hasMessageContaining("kmeans");
        assertThat(registry.find("kmedoids")).isEmpty();
    }

    @Test
    void handWiredRegistryRejectsDuplicateIds() {
        EchoRowStrategy a = new EchoRowStrategy();
        assertThatThrownBy(() -> StrategyRegistry.of(a, new EchoRowStrategy())).hasMessageContaining("test-parity");
        assertThat(StrategyRegistry.of(a).ids()).containsExactly("test-parity");
    }
}
