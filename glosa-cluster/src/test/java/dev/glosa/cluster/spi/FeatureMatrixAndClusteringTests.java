package dev.glosa.cluster.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureMatrixAndClusteringTests {

    @Test
    void matrixCopiesInAndOut() {
        double[] v = {1, 2, 3, 4, 5, 6};
        FeatureMatrix m = FeatureMatrix.of(v, List.of("a", "b"), new int[] {10, 20, 30});
        v[0] = 99;
        assertThat(m.get(0, 0)).isEqualTo(1);
        m.values()[1] = 99;
        assertThat(m.get(0, 1)).isEqualTo(2);
        assertThat(m.rows()).isEqualTo(3);
        assertThat(m.dims()).isEqualTo(2);
        assertThat(m.rowIndex(2)).isEqualTo(30);
        FeatureMatrix s = m.select(new int[] {2, 0});
        assertThat(s.values()).containsExactly(5, 6, 1, 2);
        assertThat(s.rowIndices()).containsExactly(30, 10);
    }

    @Test
    void nonFiniteValueIsRejectedWithColumnAndRow() {
        assertThatThrownBy(
                        () -> FeatureMatrix.of(new double[] {1, 2, 3, Double.NaN}, List.of("a", "b"), new int[] {5, 6}))
                .hasMessageContaining("'b'")
                .hasMessageContaining("point 1")
                .hasMessageContaining("table row 6");
        assertThatThrownBy(() -> FeatureMatrix.of(new double[] {1, 2, 3}, List.of("a", "b"), new int[] {5, 6}))
                .hasMessageContaining("values.length (3)");
    }

    @Test
    void labelsAreRenumberedInOrderOfFirstAppearanceWithCentroidsPermuted() {
        Parameters p = ParameterSpace.of("x", new Parameter.IntParameter("k", 2, 1, 9, "k"))
                .defaults();
        Clustering c = Clustering.builder("x", p, 1, new int[] {2, -1, 0, 2, 0})
                .centroids(new double[] {10, 11, 12}, 1)
                .build();
        assertThat(c.clusters()).containsExactly(0, -1, 1, 0, 1);
        assertThat(c.k()).isEqualTo(2);
        assertThat(c.centroids()).hasValueSatisfying(a -> assertThat(a).containsExactly(12, 10));
        assertThat(c.noiseCount()).isEqualTo(1);
        assertThat(c.clusterSizes()).containsExactly(2, 2);
        assertThat(c.inertia()).isNaN();
        assertThat(c.approximation()).isEmpty();
    }
}
