package dev.glosa.cluster.features;

import dev.glosa.cluster.spi.FeatureMatrix;
import java.util.List;
import java.util.Objects;

/**
 * The feature matrix of one segment together with the fitted parameters of every output column, so that values
 * in feature space (a centroid, say) can be mapped back to the table's units with {@link #inverse}.
 */
public final class FeatureSet {
    static final byte NUMERIC = 0;
    static final byte ONE_HOT = 1;
    static final byte FREQUENCY = 2;

    private final FeatureSpec spec;
    private final FeatureMatrix matrix;
    private final String[] source;
    private final byte[] kind;
    private final Transform[] transform;
    private final double[] centre;
    private final double[] scale;
    private final double[] weight;
    private final int[] imputed;
    private final double[] logDivisor;

    FeatureSet(
            FeatureSpec spec,
            FeatureMatrix matrix,
            String[] source,
            byte[] kind,
            Transform[] transform,
            double[] centre,
            double[] scale,
            double[] weight,
            int[] imputed,
            double[] logDivisor) {
        this.spec = spec;
        this.matrix = matrix;
        this.source = source;
        this.kind = kind;
        this.transform = transform;
        this.centre = centre;
        this.scale = scale;
        this.weight = weight;
        this.imputed = imputed;
        this.logDivisor = logDivisor;
    }

    /** {@return the spec this set was encoded with} */
    public FeatureSpec spec() {
        return spec;
    }

    /** {@return the encoded points; row {@code i} came from table row {@code matrix().rowIndex(i)}} */
    public FeatureMatrix matrix() {
        return matrix;
    }

    /** {@return the name of every output column: the column name, or {@code column=value} for a one-hot column} */
    public List<String> names() {
        return matrix.columnNames();
    }

    /**
     * {@return the table column that output column {@code featureIndex} was made from}
     *
     * @param featureIndex the output column, from 0
     */
    public String sourceColumn(int featureIndex) {
        Objects.checkIndex(featureIndex, source.length);
        return source[featureIndex];
    }

    /**
     * {@return the centre subtracted from output column {@code featureIndex} (mean or median; 0 when not centred)}
     *
     * @param featureIndex the output column, from 0
     */
    public double centre(int featureIndex) {
        Objects.checkIndex(featureIndex, source.length);
        return centre[featureIndex];
    }

    /**
     * {@return the scale output column {@code featureIndex} was divided by (sd or IQR; 1 when not scaled)}
     *
     * @param featureIndex the output column, from 0
     */
    public double scale(int featureIndex) {
        Objects.checkIndex(featureIndex, source.length);
        return scale[featureIndex];
    }

    /**
     * {@return the transform of output column {@code featureIndex} ({@link Transform#NONE} for categorical columns)}
     *
     * @param featureIndex the output column, from 0
     */
    public Transform transform(int featureIndex) {
        Objects.checkIndex(featureIndex, source.length);
        return transform[featureIndex];
    }

    /**
     * The divisor {@code c} of the signed log of output column {@code featureIndex} ({@link Transform#LOG_ROBUST},
     * {@link Transform#LOG_Z_SCORE}: the median absolute value over the segment); 1 for every other transform.
     *
     * @param featureIndex the output column, from 0
     * @return the divisor, positive
     */
    public double logDivisor(int featureIndex) {
        Objects.checkIndex(featureIndex, source.length);
        return logDivisor[featureIndex];
    }

    /**
     * {@return how many values of output column {@code featureIndex} were imputed (0 for categorical columns)}
     *
     * @param featureIndex the output column, from 0
     */
    public int imputedCount(int featureIndex) {
        Objects.checkIndex(featureIndex, source.length);
        return imputed[featureIndex];
    }

    /**
     * Maps a value of output column {@code featureIndex} back to the table's units: the weight is divided out and
     * the transform undone. For a one-hot column the result is a share of rows (a centroid's 0.25 means a quarter
     * of its rows have that value); for a frequency column, a frequency.
     *
     * @param featureIndex the output column, from 0
     * @param value its value, as clustered
     * @return the value in the table's units
     */
    public double inverse(int featureIndex, double value) {
        Objects.checkIndex(featureIndex, source.length);
        double y = value / weight[featureIndex];
        if (kind[featureIndex] != NUMERIC) {
            return y;
        }
        return switch (transform[featureIndex]) {
            case NONE -> y;
            case LOG1P -> Math.copySign(Math.expm1(Math.abs(y)), y);
            case Z_SCORE, ROBUST, MAD -> y * scale[featureIndex] + centre[featureIndex];
            case LOG_ROBUST, LOG_Z_SCORE, LOG_MAD -> {
                double u = y * scale[featureIndex] + centre[featureIndex];
                yield Math.copySign(logDivisor[featureIndex] * Math.expm1(Math.abs(u)), u);
            }
        };
    }

    /**
     * Maps a whole row of feature values (a centroid) back to the table's units.
     *
     * @param values one value per output column
     * @return the values in the table's units
     */
    public double[] inverse(double[] values) {
        if (values.length != source.length) {
            throw new IllegalArgumentException(
                    "values.length (" + values.length + ") must equal the number of features (" + source.length + ")");
        }
        double[] out = new double[values.length];
        for (int j = 0; j < values.length; j++) {
            out[j] = inverse(j, values[j]);
        }
        return out;
    }

    @Override
    public String toString() {
        return "FeatureSet[" + matrix.rows() + " rows, " + names() + "]";
    }
}
