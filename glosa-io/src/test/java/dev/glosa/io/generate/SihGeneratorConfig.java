package dev.glosa.io.generate;

import java.time.YearMonth;

/**
 * What {@link SihGenerator} generates: how many hospitals, months and claims, and the rates of the claim histories.
 *
 * <p>Claims are first presented in the {@code months} months from {@code firstMonth} (the RJ window). RD covers those
 * months plus {@code rdExtraMonths} later ones, so that re-presented claims paid after the RJ window are found, as
 * the reference reconciliation does. A claim's history: it is rejected at its first presentation with probability
 * {@code rejectionRate} (scaled per hospital), otherwise paid. After each rejection it is re-presented one to three
 * months later with probability {@code representationRate}, else never paid; a re-presentation (with another value
 * with probability {@code valueChangeRate}) is rejected again with probability {@code rerejectionRate}, at most
 * {@link #MAX_REJECTIONS} times in all, otherwise paid, partially (a lower value) with probability
 * {@code partialPaymentRate}. A paid claim is a long stay with probability {@code longStayRate}: a continuation row
 * ({@code IDENT} 5) reusing its number follows in the next month.
 *
 * @param seed the seed; the same configuration gives the same tables
 * @param hospitals the number of hospitals, 1 to 5,000
 * @param firstMonth the first competence month of the RJ window
 * @param months the number of months of the RJ window, 1 to 240
 * @param rdExtraMonths the number of months RD covers after the RJ window, 0 to 24
 * @param claimsPerHospitalMonth the number of claims first presented by each hospital in each month, at least 1
 * @param stateCode the two-digit IBGE code of the state (11 to 53) that starts every claim number
 * @param rejectionRate the mean share of claims rejected at first presentation, in [0, 0.9]
 * @param representationRate the share of rejections followed by a re-presentation, in [0, 1]
 * @param rerejectionRate the share of re-presentations rejected again, in [0, 1]
 * @param partialPaymentRate the share of later payments that pay less than was billed, in [0, 1]
 * @param valueChangeRate the share of re-presentations billed with another value, in [0, 1]
 * @param longStayRate the share of paid claims with a long-stay continuation, in [0, 1]
 */
public record SihGeneratorConfig(
        long seed,
        int hospitals,
        YearMonth firstMonth,
        int months,
        int rdExtraMonths,
        int claimsPerHospitalMonth,
        int stateCode,
        double rejectionRate,
        double representationRate,
        double rerejectionRate,
        double partialPaymentRate,
        double valueChangeRate,
        double longStayRate) {

    /** The most times one claim is rejected. */
    public static final int MAX_REJECTIONS = 3;

    /** The most claims one configuration may generate; more would not fit the tables' {@code int} row indexes. */
    public static final long MAX_CLAIMS = 50_000_000L;

    /** Checks every component; see the record description for the ranges. */
    public SihGeneratorConfig {
        if (hospitals < 1 || hospitals > 5_000) {
            throw new IllegalArgumentException("hospitals must be between 1 and 5000, found " + hospitals);
        }
        if (firstMonth == null) {
            throw new IllegalArgumentException("firstMonth must not be null");
        }
        if (months < 1 || months > 240) {
            throw new IllegalArgumentException("months must be between 1 and 240, found " + months);
        }
        if (rdExtraMonths < 0 || rdExtraMonths > 24) {
            throw new IllegalArgumentException("rdExtraMonths must be between 0 and 24, found " + rdExtraMonths);
        }
        if (claimsPerHospitalMonth < 1) {
            throw new IllegalArgumentException(
                    "claimsPerHospitalMonth must be at least 1, found " + claimsPerHospitalMonth);
        }
        long total = (long) hospitals * months * claimsPerHospitalMonth;
        if (total > MAX_CLAIMS) {
            throw new IllegalArgumentException(
                    "hospitals x months x claimsPerHospitalMonth must be at most " + MAX_CLAIMS + ", found " + total);
        }
        if (stateCode < 11 || stateCode > 53) {
            throw new IllegalArgumentException(
                    "stateCode must be an IBGE state code between 11 and 53, found " + stateCode);
        }
        if (firstMonth.getYear() < 1900
                || firstMonth.plusMonths(months + rdExtraMonths).getYear() > 9999) {
            throw new IllegalArgumentException("the months must lie between 1900 and 9999, found " + firstMonth
                    + " plus " + (months + rdExtraMonths) + " months");
        }
        checkRate("rejectionRate", rejectionRate, 0.9);
        checkRate("representationRate", representationRate, 1);
        checkRate("rerejectionRate", rerejectionRate, 1);
        checkRate("partialPaymentRate", partialPaymentRate, 1);
        checkRate("valueChangeRate", valueChangeRate, 1);
        checkRate("longStayRate", longStayRate, 1);
    }

    private static void checkRate(String name, double rate, double max) {
        if (!(rate >= 0 && rate <= max)) {
            throw new IllegalArgumentException(name + " must be between 0 and " + max + ", found " + rate);
        }
    }

    /**
     * Defaults shaped like the reference analysis (Mato Grosso, 2021: about 13% of reconciled AIHs rejected, about 15% of
     * RJ rows re-presentations of an AIH already rejected, the naive RJ total some 20% above the reconciled glosa): 20
     * hospitals of Mato Grosso (state 51), June to December 2021 in RJ and three more months in RD, 150 claims per
     * hospital and month (21,000 claims), 13.5% rejected, 20% of rejections re-presented, 85% of re-presentations
     * rejected again, 30% of late payments partial, 30% of re-presentations with another value, 2% long stays.
     */
    public static SihGeneratorConfig defaults(long seed) {
        return new SihGeneratorConfig(seed, 20, YearMonth.of(2021, 6), 7, 3, 150, 51, 0.135, 0.2, 0.85, 0.3, 0.3, 0.02);
    }

    /** The same configuration with another number of hospitals. */
    public SihGeneratorConfig withHospitals(int newHospitals) {
        return new SihGeneratorConfig(
                seed,
                newHospitals,
                firstMonth,
                months,
                rdExtraMonths,
                claimsPerHospitalMonth,
                stateCode,
                rejectionRate,
                representationRate,
                rerejectionRate,
                partialPaymentRate,
                valueChangeRate,
                longStayRate);
    }

    /** The same configuration with another RJ window. */
    public SihGeneratorConfig withMonths(YearMonth newFirstMonth, int newMonths, int newRdExtraMonths) {
        return new SihGeneratorConfig(
                seed,
                hospitals,
                newFirstMonth,
                newMonths,
                newRdExtraMonths,
                claimsPerHospitalMonth,
                stateCode,
                rejectionRate,
                representationRate,
                rerejectionRate,
                partialPaymentRate,
                valueChangeRate,
                longStayRate);
    }

    /** The same configuration with another number of claims per hospital and month. */
    public SihGeneratorConfig withClaimsPerHospitalMonth(int newClaims) {
        return new SihGeneratorConfig(
                seed,
                hospitals,
                firstMonth,
                months,
                rdExtraMonths,
                newClaims,
                stateCode,
                rejectionRate,
                representationRate,
                rerejectionRate,
                partialPaymentRate,
                valueChangeRate,
                longStayRate);
    }

    /**
     * The same configuration with about {@code totalClaims} claims in all: the claims per hospital and month are
     * {@code ceil(totalClaims / (hospitals * months))}.
     */
    public SihGeneratorConfig withTotalClaims(long totalClaims) {
        if (totalClaims < 1 || totalClaims > MAX_CLAIMS) {
            throw new IllegalArgumentException(
                    "totalClaims must be between 1 and " + MAX_CLAIMS + ", found " + totalClaims);
        }
        long cells = (long) hospitals * months;
        return withClaimsPerHospitalMonth((int) ((totalClaims + cells - 1) / cells));
    }

    /** The same configuration with another state (its two-digit IBGE code, which starts every claim number). */
    public SihGeneratorConfig withStateCode(int newStateCode) {
        return new SihGeneratorConfig(
                seed,
                hospitals,
                firstMonth,
                months,
                rdExtraMonths,
                claimsPerHospitalMonth,
                newStateCode,
                rejectionRate,
                representationRate,
                rerejectionRate,
                partialPaymentRate,
                valueChangeRate,
                longStayRate);
    }

    /** The same configuration with another seed. */
    public SihGeneratorConfig withSeed(long newSeed) {
        return new SihGeneratorConfig(
                newSeed,
                hospitals,
                firstMonth,
                months,
                rdExtraMonths,
                claimsPerHospitalMonth,
                stateCode,
                rejectionRate,
                representationRate,
                rerejectionRate,
                partialPaymentRate,
                valueChangeRate,
                longStayRate);
    }

    /** The same configuration with other history rates. */
    public SihGeneratorConfig withRates(
            double newRejectionRate,
            double newRepresentationRate,
            double newRerejectionRate,
            double newPartialPaymentRate,
            double newValueChangeRate,
            double newLongStayRate) {
        return new SihGeneratorConfig(
                seed,
                hospitals,
                firstMonth,
                months,
                rdExtraMonths,
                claimsPerHospitalMonth,
                stateCode,
                newRejectionRate,
                newRepresentationRate,
                newRerejectionRate,
                newPartialPaymentRate,
                newValueChangeRate,
                newLongStayRate);
    }

    /** The number of claims first presented: {@code hospitals * months * claimsPerHospitalMonth}. */
    public long totalClaims() {
        return (long) hospitals * months * claimsPerHospitalMonth;
    }
}
