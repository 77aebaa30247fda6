package dev.glosa.cluster.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.cluster.kmeans.KMeansStrategy;
import dev.glosa.cluster.select.AdjustedRandIndex;
import dev.glosa.cluster.select.Criterion;
import dev.glosa.cluster.spi.StrategyRegistry;
import dev.glosa.core.result.SegmentResult;
import org.junit.jupiter.api.Test;

/**
 * Keeps the choice of the default criterion honest: on planted segments it must find the planted k and partition
 * at least as often as the exact silhouette the reference project uses (see {@link Criterion#defaultCriterion()}).
 */
class DefaultCriterionTests {
    private static final SegmentLoop LOOP = new SegmentLoop(StrategyRegistry.of(new KMeansStrategy()));

    @Test
    void findsThePlantedKAtLeastAsOftenAsTheExactSilhouette() {
        PlantedData.Week week = PlantedData.design(150, 12L, 25, 300).week(84L, 0.0);
        int byDefault = recovered(week, Criterion.defaultCriterion().id());
        int exact = recovered(week, "silhouette");
        assertThat(byDefault)
                .as("default %d, exact silhouette %d of 150", byDefault, exact)
                .isGreaterThanOrEqualTo(exact)
                .isGreaterThanOrEqualTo(143); // 95%
    }

    /** Segments whose chosen k is the planted one, with an adjusted Rand index of at least 0.9. */
    private static int recovered(PlantedData.Week week, String criterion) {
        LoopResult r = LOOP.run(
                week.table(),
                LoopConfig.builder().seed(5).criterion(criterion).threads(2).build());
        assertThat(r.segments()).hasSize(150);
        int good = 0;
        for (SegmentResult s : r.segments()) {
            int[] truth = new int[s.assignment().size()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = week.truth()[s.assignment().row(i)];
            }
            if (s.k() == week.plantedK().get(s.segmentId())
                    && AdjustedRandIndex.of(truth, s.assignment().clusters()) >= 0.9) {
                good++;
            }
        }
        return good;
    }
}
