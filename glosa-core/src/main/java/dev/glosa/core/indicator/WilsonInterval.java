package dev.glosa.core.indicator;

/**
 * The Wilson score interval of a binomial proportion.
 *
 * <p>E. B. Wilson, "Probable inference, the law of succession, and statistical inference", Journal of the American
 * Statistical Association 22(158), 1927, doi:10.1080/01621459.1927.10502953. Unlike the normal approximation it stays
 * inside [0, 1] and behaves at proportions near 0 or 1 and on small counts.
 *
 * @param low the lower bound
 * @param high the upper bound
 */
public record WilsonInterval(double low, double high) {
    /** The standard normal quantile of 0.975, for a 95% interval. */
    public static final double Z_95 = 1.959963984540054;

    /**
     * {@return the 95% interval of {@code successes} out of {@code trials}; both bounds {@code NaN} when there are no
     * trials}
     *
     * @param successes the claims with a glosa
     * @param trials all claims
     */
    public static WilsonInterval of95(long successes, long trials) {
        return of(successes, trials, Z_95);
    }

    /**
     * The interval of {@code successes} out of {@code trials} at normal quantile {@code z}.
     *
     * @param successes the claims with a glosa
     * @param trials all claims
     * @param z the normal quantile, 1.96 for 95%
     * @return the interval
     * @throws IllegalArgumentException if the counts are negative or successes exceed trials
     */
    public static WilsonInterval of(long successes, long trials, double z) {
        if (successes < 0 || trials < 0 || successes > trials) {
            throw new IllegalArgumentException(
                    "successes (" + successes + ") must be between 0 and trials (" + trials + ")");
        }
        if (trials == 0) {
            return new WilsonInterval(Double.NaN, Double.NaN);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // At 0 or all successes the bound is exactly 0 or 1; rounding would leave it a hair inside.
        double low = successes == 0 ? 0 : Math.max(0, centre - half);
        double high = successes == trials ? 1 : Math.min(1, centre + half);
        return new WilsonInterval(low, high);
    }
}
