package dev.glosa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.cluster.loop.LoopConfig;
import dev.glosa.cluster.loop.LoopResult;
import dev.glosa.cluster.loop.SegmentLoop;
import dev.glosa.cluster.select.Criterion;
import dev.glosa.core.table.GlosaTable;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The loop benchmark's segments are deterministic, and every loop over them gives the same k whatever the threads. */
class SegmentDataTests {

    @Test
    void segmentsAreTheSameForTheSameSeedAndSizedWithinTheRange() {
        SegmentData a = SegmentData.generate(50, 30, 5_000, 4L);
        SegmentData b = SegmentData.generate(50, 30, 5_000, 4L);
        assertThat(a.features()).containsExactly(b.features());
        assertThat(a.segmentStart()).containsExactly(b.segmentStart());
        for (int s = 0; s < a.segments(); s++) {
            assertThat(a.size(s)).isBetween(30, 5_000);
            assertThat(a.plantedK()[s]).isBetween(2, 8);
        }
        assertThat(a.rows()).isEqualTo(a.segmentStart()[50]);
    }

    @Test
    void tableHasOneSegmentPerGeneratedSegmentUnderTheDefaultKeys() {
        SegmentData d = SegmentData.generate(12, 30, 200, 2L);
        GlosaTable t = d.table(YearMonth.of(2025, 1));
        assertThat(t.rowCount()).isEqualTo(d.rows());
        LoopResult r = SegmentLoop.withDefaultStrategies()
                .run(t, LoopConfig.builder().seed(1L).threads(2).build());
        assertThat(r.segments()).hasSize(12);
        assertThat(r.rows()).isEqualTo(d.rows());
    }

    @Test
    void libraryAndElkiLoopsChooseTheSameKOnOneThreadAndOnTwo() {
        SegmentData d = SegmentData.generate(8, 30, 300, 9L);
        Criterion c = Criterion.silhouette();
        int[] one = SegmentLoops.glosa(d, c, 1, 3L);
        assertThat(SegmentLoops.glosa(d, c, 2, 3L)).containsExactly(one);
        int[] elki = SegmentLoops.elki(d, c, 1, 3L);
        assertThat(SegmentLoops.elki(d, c, 2, 3L)).containsExactly(elki);
        int agree = 0;
        for (int s = 0; s < one.length; s++) {
            assertThat(one[s]).isBetween(2, 15);
            agree += one[s] == d.plantedK()[s] ? 1 : 0;
        }
        assertThat(agree).as("planted k found in most segments").isGreaterThanOrEqualTo(one.length / 2);
    }
}
