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
    ROBUST,
    /**
     * Money: the signed logarithm {@code sign(v)·ln(1 + |v|/c)}, where {@code c} is the median of {@code |v|} over the
     * segment (1 when that is 0), then {@code (y - median) / IQR} as {@link #ROBUST}. Amounts and jumps of any sign
     * and scale: a line a hundred times the median is about 4.6 units out on the log scale instead of 100 on the
     * linear one, and {@code c} keeps the values near zero (a jump close to nothing) on the linear part of the curve.
     */
    LOG_ROBUST,
    /** As {@link #LOG_ROBUST}, with {@code (y - mean) / sd} after the logarithm instead. */
    LOG_Z_SCORE,
    /**
     * {@code (v - median) / (1.4826 · MAD)}, the median absolute deviation scaled to match the standard deviation of
     * normal data; a zero MAD scales by 1, so a constant column gives zeros.
     */
    MAD,
    /** As {@link #LOG_ROBUST}, with {@code (y - median) / (1.4826 · MAD)} after the logarithm instead. */
    LOG_MAD;

    /** {@return whether the values are put on the signed log scale first} */
    public boolean logScale() {
        return this == LOG1P || fittedLog();
    }

    /** {@return whether the signed log divides by a fitted {@code c}, the segment's median of {@code |v|}} */
    public boolean fittedLog() {
        return this == LOG_ROBUST || this == LOG_Z_SCORE || this == LOG_MAD;
    }
}
