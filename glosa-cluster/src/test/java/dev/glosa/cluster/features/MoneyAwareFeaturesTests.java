package dev.glosa.cluster.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MoneyAwareFeaturesTests {

    @Test
    void moneyAndJumpsGoOnTheSignedLogScaleAndRatesStayAsTheyAre() {
        assertThat(FeatureSpec.defaultTransform(FeatureSpec.GLOSA_AMOUNT)).isEqualTo(Transform.LOG_Z_SCORE);
        assertThat(FeatureSpec.defaultTransform(FeatureSpec.GLOSA_JUMP)).isEqualTo(Transform.LOG_Z_SCORE);
        assertThat(FeatureSpec.defaultTransform("VALOR_COBRADO")).isEqualTo(Transform.LOG_Z_SCORE);
        assertThat(FeatureSpec.defaultTransform(FeatureSpec.GLOSA_RATE)).isEqualTo(Transform.Z_SCORE);
        assertThat(FeatureSpec.defaultTransform(FeatureSpec.GLOSA_RATE_JUMP)).isEqualTo(Transform.Z_SCORE);
        assertThat(FeatureSpec.defaultTransform("age_years")).isEqualTo(Transform.Z_SCORE);
        assertThat(FeatureSpec.moneyAware().features())
                .extracting(f -> ((Feature.Numeric) f).transform())
                .containsExactly(Transform.LOG_Z_SCORE, Transform.Z_SCORE, Transform.LOG_Z_SCORE, Transform.Z_SCORE);
    }

    @Test
    void aLineAHundredTimesTheMedianIsAFewUnitsOutNotAHundred() {
        double[] v = {100, 110, 90, 105, 95, -50, 10_000};
        GlosaTable t = GlosaTable.of(DoubleColumn.of("glosa_amount", v));
        FeatureSet z = FeatureSpec.of(Feature.numeric("glosa_amount", Transform.Z_SCORE))
                .encode(t);
        FeatureSet log = FeatureSpec.of(Feature.numeric("glosa_amount", Transform.LOG_Z_SCORE))
                .encode(t);
        // z-score: the extreme line squeezes every other line together; on the log scale they stay apart
        double spreadZ = z.matrix().get(0, 0) - z.matrix().get(2, 0);
        double spreadLog = log.matrix().get(0, 0) - log.matrix().get(2, 0);
        assertThat(spreadLog).isGreaterThan(3 * spreadZ);
        assertThat(log.logDivisor(0)).isEqualTo(100); // the median of |v|
        assertThat(log.transform(0)).isEqualTo(Transform.LOG_Z_SCORE);
        for (int i = 0; i < v.length; i++) {
            assertThat(log.inverse(0, log.matrix().get(i, 0))).as("row %d", i).isCloseTo(v[i], Offset.offset(1e-6));
        }
        FeatureSet robust = FeatureSpec.of(Feature.numeric("glosa_amount", Transform.LOG_ROBUST))
                .encode(t);
        for (int i = 0; i < v.length; i++) {
            assertThat(robust.inverse(0, robust.matrix().get(i, 0))).isCloseTo(v[i], Offset.offset(1e-6));
        }
    }
}
