package dev.glosa.core.indicator;

/**
 * The glosa indicators of one scope and period (docs/domain.md, "Indicators").
 *
 * @param scope what the row is about: {@code overall}, or the name of the column it is split by
 * @param scopeKey the value of that column (empty for {@code overall})
 * @param period the month ({@code yyyy-MM}) the row covers, or empty for all periods
 * @param claims reconciled claims
 * @param glosaClaims claims whose status is rejected (situation A)
 * @param glosaRate indicator 1: {@code glosaClaims / claims} ({@code NaN} without claims)
 * @param glosaRateCiLow lower bound of the 95% Wilson score interval of the glosa rate
 * @param glosaRateCiHigh upper bound of that interval
 * @param paidAmount the sum of paid amounts
 * @param glosaAmount the sum of glosa amounts
 * @param glosaValueRatio indicator 2: {@code glosaAmount / paidAmount} ({@code NaN} when nothing was paid)
 * @param recoveredAmount what was paid for claims first rejected (situation B)
 */
public record IndicatorRow(
        String scope,
        String scopeKey,
        String period,
        long claims,
        long glosaClaims,
        double glosaRate,
        double glosaRateCiLow,
        double glosaRateCiHigh,
        double paidAmount,
        double glosaAmount,
        double glosaValueRatio,
        double recoveredAmount) {

    /** The scope of the row that covers everything. */
    public static final String OVERALL = "overall";

    /**
     * {@return this row under another scope name, the figures unchanged}
     *
     * @param scope the new scope name
     */
    public IndicatorRow withScope(String scope) {
        return new IndicatorRow(
                scope,
                scopeKey,
                period,
                claims,
                glosaClaims,
                glosaRate,
                glosaRateCiLow,
                glosaRateCiHigh,
                paidAmount,
                glosaAmount,
                glosaValueRatio,
                recoveredAmount);
    }
}
