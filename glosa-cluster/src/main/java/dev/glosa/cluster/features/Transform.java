package dev.glosa.cluster.features;

/** How a numeric column is rescaled before clustering. */
public enum Transform {
    /** The value as it is. */
    NONE,
    /** The signed logarithm {@code sign(v)·ln(1 + |v|)}, defined for every value, so negative jumps are fine. */
    LOG1P,
    /** {@code (v - mean) / sd} with the population standard deviation; a constant column gives zeros. */
    Z_SCORE,
    /**
     * {@code (v - median) / IQR} with linearly interpolated quartiles; a zero IQR scales by 1 (as scikit-learn's
     * {@code RobustScaler}), so a constant column gives zeros.
     */
    ROBUST
}
