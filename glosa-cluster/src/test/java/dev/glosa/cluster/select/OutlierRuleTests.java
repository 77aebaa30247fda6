package dev.glosa.cluster.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.cluster.spi.FeatureMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutlierRuleTests {

    /** Two tight groups of 40 points in 2-D, 10 apart, plus the given extra points. */
    private static FeatureMatrix twoGroupsWith(double[]... extra) {
        Random rnd = new Random(3);
        double[][] pts = new double[80 + extra.length][];
        for (int i = 0; i < 80; i++) {
            double c = i < 40 ? 0 : 10;
            pts[i] = new double[] {c + 0.1 * rnd.nextGaussian(), 0.1 * rnd.nextGaussian()};
        }
        System.arraycopy(extra, 0, pts, 80, extra.length);
        return FeatureMatrix.ofRows(pts);
    }

    @Test
    void setsAsideALineFarFromEveryOtherAndNothingElse() {
        boolean[] aside = OutlierRule.defaults().find(twoGroupsWith(new double[] {5, 6}));
        assertThat(aside[80]).isTrue();
        for (int i = 0; i < 80; i++) {
            assertThat(aside[i]).as("line %d", i).isFalse();
        }
    }

    @Test
    void setsNothingAsideInWellSeparatedGroups() {
        assertThat(OutlierRule.defaults().find(twoGroupsWith())).doesNotContain(true);
    }

    @Test
    void aSmallGroupOfMoreLinesThanTheNeighbourCountIsAGroupNotOutliers() {
        boolean[] aside = OutlierRule.defaults()
                .find(twoGroupsWith(
                        new double[] {5, 6}, new double[] {5.1, 6}, new double[] {5, 6.1}, new double[] {5.1, 6.1}));
        assertThat(aside).doesNotContain(true);
    }

    @Test
    void offSetsNothingAsideAndTheCapKeepsTheFarthest() {
        FeatureMatrix m = twoGroupsWith(new double[] {5, 6}, new double[] {-20, 30});
        assertThat(OutlierRule.off().find(m)).doesNotContain(true);
        boolean[] capped = new OutlierRule(true, 3, 6, 1, 0.0125).find(m); // 1 of 82 lines at most
        assertThat(capped[81]).isTrue();
        assertThat(capped[80]).isFalse();
    }

    @Test
    void rejectsSettingsOutOfRange() {
        assertThatThrownBy(() -> new OutlierRule(true, 0, 6, 1, 0.1)).hasMessageContaining("neighbours");
        assertThatThrownBy(() -> new OutlierRule(true, 3, 1, 1, 0.1)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new OutlierRule(true, 3, 6, -1, 0.1)).hasMessageContaining("minDistance");
        assertThatThrownBy(() -> new OutlierRule(true, 3, 6, 1, 0.6)).hasMessageContaining("maxShare");
    }
}
