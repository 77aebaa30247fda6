package dev.glosa.cluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import dev.glosa.core.table.TableBuilder;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FeatureSpecTests {
    private static final Offset<Double> TOL = Offset.offset(1e-12);

    private static GlosaTable table() {
        TableBuilder b = GlosaTable.builder();
        var amount = b.doubles(FeatureSpec.GLOSA_AMOUNT);
        var rate = b.doubles(FeatureSpec.GLOSA_RATE);
        var jump = b.doubles(FeatureSpec.GLOSA_JUMP);
        var rateJump = b.doubles(FeatureSpec.GLOSA_RATE_JUMP);
        var lines = b.longs("lines");
        var payer = b.category("payer");
        double[][] rows = {
            {100, 0.1, 10, 0.01},
            {200, 0.2, -20, 0.02},
            {300, 0.3, 30, 0.0},
            {400, 0.4, -40, -0.01},
            {1000, 0.5, 0, 0.0}
        };
        String[] payers = {"A", "B", "A", "C", null};
        for (int i = 0; i < rows.length; i++) {
            amount.add(rows[i][0]);
            rate.add(rows[i][1]);
            jump.add(rows[i][2]);
            rateJump.add(rows[i][3]);
            lines.add(7);
            payer.add(payers[i]);
        }
        return b.build();
    }

    @Test
    void referenceSpecZScoresTheFourAggregatorColumns() {
        assertThat(FeatureSpec.GLOSA_AMOUNT).isEqualTo(Role.GLOSA_AMOUNT.column());
        FeatureSet fs = FeatureSpec.reference().encode(table());
        FeatureMatrix m = fs.matrix();
        assertThat(fs.names()).containsExactly("glosa_amount", "glosa_rate", "glosa_jump", "glosa_rate_jump");
        assertThat(m.rows()).isEqualTo(5);
        for (int j = 0; j < 4; j++) {
            double mean = 0;
            double ss = 0;
            for (int i = 0; i < 5; i++) {
                mean += m.get(i, j);
            }
            mean /= 5;
            for (int i = 0; i < 5; i++) {
                ss += (m.get(i, j) - mean) * (m.get(i, j) - mean);
            }
            assertThat(mean).isCloseTo(0, TOL);
            assertThat(ss / 5).isCloseTo(1, Offset.offset(1e-9));
        }
        assertThat(fs.centre(0)).isCloseTo(400, TOL);
        assertThat(fs.inverse(0, m.get(4, 0))).isCloseTo(1000, Offset.offset(1e-9));
    }

    @Test
    void segmentRowsKeepTheirTableIndexAndFitOnThemOnly() {
        FeatureSet fs = FeatureSpec.of(Feature.numeric(FeatureSpec.GLOSA_AMOUNT, Transform.Z_SCORE))
                .encode(table(), new int[] {1, 3});
        assertThat(fs.matrix().rowIndices()).containsExactly(1, 3);
        assertThat(fs.centre(0)).isEqualTo(300);
        assertThat(fs.matrix().values()).containsExactly(-1, 1);
    }

    @Test
    void transformsAndWeightsAreInvertible() {
        FeatureSet fs = FeatureSpec.of(
                        new Feature.Numeric(FeatureSpec.GLOSA_JUMP, Transform.LOG1P, 2.0, MissingValues.ERROR),
                        Feature.numeric(FeatureSpec.GLOSA_AMOUNT, Transform.ROBUST),
                        Feature.numeric(FeatureSpec.GLOSA_RATE, Transform.NONE).withWeight(3))
                .encode(table());
        FeatureMatrix m = fs.matrix();
        assertThat(m.get(1, 0)).isCloseTo(-2 * Math.log1p(20), TOL);
        // quartiles of 100,200,300,400,1000: 200 and 400, median 300
        assertThat(fs.centre(1)).isEqualTo(300);
        assertThat(fs.scale(1)).isEqualTo(200);
        assertThat(m.get(4, 1)).isCloseTo(3.5, TOL);
        assertThat(m.get(2, 2)).isCloseTo(0.9, TOL);
        double[] back = fs.inverse(new double[] {m.get(1, 0), m.get(4, 1), m.get(2, 2)});
        assertThat(back[0]).isCloseTo(-20, Offset.offset(1e-9));
        assertThat(back[1]).isCloseTo(1000, Offset.offset(1e-9));
        assertThat(back[2]).isCloseTo(0.3, Offset.offset(1e-12));
    }

    @Test
    void theMedianAbsoluteDeviationScalesByItsNormalConstantAndInverts() {
        FeatureSet fs = FeatureSpec.of(Feature.numeric(FeatureSpec.GLOSA_AMOUNT, Transform.MAD))
                .encode(table());
        // glosa 100,200,300,400,1000: median 300; |v - 300| = 200,100,0,100,700, their median 100
        assertThat(fs.centre(0)).isEqualTo(300);
        assertThat(fs.scale(0)).isCloseTo(148.26, Offset.offset(1e-9));
        assertThat(fs.matrix().get(4, 0)).isCloseTo(700 / 148.26, TOL);
        assertThat(fs.inverse(0, fs.matrix().get(4, 0))).isCloseTo(1000, Offset.offset(1e-9));

        FeatureSet logged = FeatureSpec.of(Feature.numeric(FeatureSpec.GLOSA_AMOUNT, Transform.LOG_MAD))
                .encode(table());
        assertThat(logged.logDivisor(0)).isEqualTo(300);
        assertThat(logged.inverse(0, logged.matrix().get(0, 0))).isCloseTo(100, Offset.offset(1e-9));
        assertThat(Transform.LOG_MAD.logScale()).isTrue();
        assertThat(Transform.MAD.logScale()).isFalse();
    }

    @Test
    void constantColumnGivesZerosNeverNaN() {
        for (Transform t : Transform.values()) {
            FeatureSet fs = FeatureSpec.of(Feature.numeric("lines", t)).encode(table());
            double expected = switch (t) {
                case NONE -> 7;
                case LOG1P -> Math.log1p(7);
                case Z_SCORE, ROBUST, LOG_ROBUST, LOG_Z_SCORE, MAD, LOG_MAD -> 0;
            };
            assertThat(fs.matrix().values()).as(t.name()).containsOnly(expected);
            assertThat(fs.inverse(0, expected)).as(t.name()).isCloseTo(7, Offset.offset(1e-12));
        }
        double[] tenths = new double[10];
        java.util.Arrays.fill(tenths, 0.1);
        GlosaTable t = GlosaTable.of(dev.glosa.core.table.DoubleColumn.of("x", tenths));
        assertThat(FeatureSpec.of(Feature.numeric("x", Transform.Z_SCORE))
                        .encode(t)
                        .matrix()
                        .values())
                .containsOnly(0.0);
    }

    @Test
    void nonFiniteValueFailsWithColumnAndRowOrIsImputedWithTheMedian() {
        GlosaTable t = GlosaTable.of(
                dev.glosa.core.table.DoubleColumn.of("x", 1, Double.NaN, 3, 10, Double.POSITIVE_INFINITY));
        assertThatThrownBy(() ->
                        FeatureSpec.of(Feature.numeric("x", Transform.NONE)).encode(t))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'")
                .hasMessageContaining("row 1")
                .hasMessageContaining("NaN");
        FeatureSet fs = FeatureSpec.of(Feature.numeric("x", Transform.NONE).withMissing(MissingValues.MEDIAN))
                .encode(t);
        assertThat(fs.matrix().values()).containsExactly(1, 3, 3, 10, 3);
        assertThat(fs.imputedCount(0)).isEqualTo(2);
    }

    @Test
    void categoricalColumnsAreOneHotOverTheTopValuesOrFrequencyEncoded() {
        FeatureSet oneHot = FeatureSpec.of(Feature.oneHot("payer", 1)).encode(table());
        assertThat(oneHot.names()).containsExactly("payer=A", "payer=<other>");
        assertThat(oneHot.matrix().values()).containsExactly(1, 0, 0, 1, 1, 0, 0, 1, 0, 1);
        assertThat(oneHot.inverse(0, 0.4)).isEqualTo(0.4);
        FeatureSet all = FeatureSpec.of(Feature.oneHot("payer", 10)).encode(table());
        assertThat(all.names()).containsExactly("payer=A", "payer=B", "payer=C", "payer=<other>");
        FeatureSet freq =
                FeatureSpec.of(Feature.frequency("payer").withWeight(2)).encode(table());
        assertThat(freq.matrix().values()).containsExactly(0.8, 0.4, 0.8, 0.4, 0.4);
    }

    @Test
    void specErrorsNameTheColumn() {
        assertThatThrownBy(() ->
                        FeatureSpec.of(Feature.numeric("nope", Transform.NONE)).encode(table()))
                .hasMessageContaining("'nope'");
        assertThatThrownBy(() ->
                        FeatureSpec.of(Feature.numeric("payer", Transform.NONE)).encode(table()))
                .hasMessageContaining("'payer'")
                .hasMessageContaining("CATEGORY");
        assertThatThrownBy(() -> FeatureSpec.of(Feature.oneHot("lines", 3)).encode(table()))
                .hasMessageContaining("'lines'");
        assertThatThrownBy(() -> FeatureSpec.of(Feature.numeric("x", Transform.NONE), Feature.frequency("x")))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> Feature.numeric("x", Transform.NONE).withWeight(0))
                .hasMessageContaining("weight");
    }
}
