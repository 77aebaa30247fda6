package dev.glosa.cluster.features;

import java.util.Objects;

/** One input column of a {@link FeatureSpec} and how it is encoded. */
public sealed interface Feature permits Feature.Numeric, Feature.Categorical {

    /** {@return the table column read} */
    String column();

    /** {@return the factor applied to every output value of this feature (its importance in distances)} */
    double weight();

    /**
     * {@return a numeric column with weight 1 that fails on missing values}
     *
     * @param column the table column
     * @param transform how the column's values are transformed and scaled
     */
    static Numeric numeric(String column, Transform transform) {
        return new Numeric(column, transform, 1.0, MissingValues.ERROR);
    }

    /**
     * {@return a categorical column, one-hot encoded over its {@code topN} most frequent values, with weight 1}
     *
     * @param column the table column
     * @param topN how many of its most frequent values get a column of their own
     */
    static Categorical oneHot(String column, int topN) {
        return new Categorical(column, Encoding.ONE_HOT, topN, 1.0);
    }

    /**
     * {@return a categorical column, frequency-encoded, with weight 1}
     *
     * @param column the table column
     */
    static Categorical frequency(String column) {
        return new Categorical(column, Encoding.FREQUENCY, 0, 1.0);
    }

    /**
     * A numeric (double or long) column.
     *
     * @param column the table column
     * @param transform the rescaling
     * @param weight a positive finite factor
     * @param missing what to do with {@code NaN} or infinite values
     */
    record Numeric(String column, Transform transform, double weight, MissingValues missing) implements Feature {
        /**
         * Checks the arguments.
         *
         * @param column as {@link #column()}
         * @param transform as {@link #transform()}
         * @param weight as {@link #weight()}, positive
         * @param missing as {@link #missing()}
         */
        public Numeric {
            checkColumn(column);
            Objects.requireNonNull(transform, "transform");
            Objects.requireNonNull(missing, "missing");
            checkWeight(column, weight);
        }

        /**
         * {@return the same feature with another weight}
         *
         * @param w the weight, positive
         */
        public Numeric withWeight(double w) {
            return new Numeric(column, transform, w, missing);
        }

        /**
         * {@return the same feature with another missing-value policy}
         *
         * @param m the missing-value policy
         */
        public Numeric withMissing(MissingValues m) {
            return new Numeric(column, transform, weight, m);
        }
    }

    /**
     * A categorical column.
     *
     * @param column the table column
     * @param encoding one-hot or frequency
     * @param topN for one-hot, how many of the most frequent values get their own column (at least 1)
     * @param weight a positive finite factor
     */
    record Categorical(String column, Encoding encoding, int topN, double weight) implements Feature {
        /**
         * Checks the arguments.
         *
         * @param column as {@link #column()}
         * @param encoding as {@link #encoding()}
         * @param topN as {@link #topN()}
         * @param weight as {@link #weight()}, positive
         */
        public Categorical {
            checkColumn(column);
            Objects.requireNonNull(encoding, "encoding");
            if (encoding == Encoding.ONE_HOT && topN < 1) {
                throw new IllegalArgumentException("one-hot feature '" + column + "' needs topN >= 1, found " + topN);
            }
            checkWeight(column, weight);
        }

        /**
         * {@return the same feature with another weight}
         *
         * @param w the weight, positive
         */
        public Categorical withWeight(double w) {
            return new Categorical(column, encoding, topN, w);
        }
    }

    private static void checkColumn(String column) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("feature column must not be blank, found '" + column + "'");
        }
    }

    private static void checkWeight(String column, double weight) {
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException(
                    "weight of feature '" + column + "' must be positive and finite, found " + weight);
        }
    }
}
