package dev.glosa.core.reconcile;

import java.util.Objects;

/**
 * How {@link Reconciler} reads its two inputs.
 *
 * @param policy which row of a claim repeated in the rejected input represents it
 * @param rejectedAmountColumn the amount of a rejected row ({@code VAL_TOT} of RJ)
 * @param paidAmountColumn the amount of a paid row ({@code VAL_TOT} of RD)
 * @param principalColumn the column marking a claim's principal row in the paid input ({@code IDENT} in SIH), or
 *     {@code null} when there is none; a claim's other columns come from its principal row, or its first row
 * @param principalValue the value of {@code principalColumn} on a principal row ({@code "1"} in SIH)
 * @param claimIdDigits the number of digits a claim id must have (13 for an AIH), or 0 to accept any non-negative id
 */
public record ReconcileOptions(
        DedupPolicy policy,
        String rejectedAmountColumn,
        String paidAmountColumn,
        String principalColumn,
        String principalValue,
        int claimIdDigits) {

    /**
     * Checks the options.
     *
     * @param policy as {@link #policy()}
     * @param rejectedAmountColumn as {@link #rejectedAmountColumn()}
     * @param paidAmountColumn as {@link #paidAmountColumn()}
     * @param principalColumn as {@link #principalColumn()}; {@code null} for its default
     * @param principalValue as {@link #principalValue()}; {@code null} for its default
     * @param claimIdDigits as {@link #claimIdDigits()}
     */
    public ReconcileOptions {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(rejectedAmountColumn, "rejectedAmountColumn");
        Objects.requireNonNull(paidAmountColumn, "paidAmountColumn");
        if (principalColumn != null && principalValue == null) {
            throw new IllegalArgumentException(
                    "principalValue must be given with principalColumn '" + principalColumn + "'");
        }
        if (claimIdDigits < 0 || claimIdDigits > 18) {
            throw new IllegalArgumentException("claimIdDigits (" + claimIdDigits + ") must be between 0 and 18");
        }
    }

    /**
     * The SIH defaults: first occurrence, {@code billed_amount} of RJ against {@code paid_amount} of RD, principal rows
     * marked {@code IDENT = 1}, 13-digit AIH numbers.
     *
     * @return the options
     */
    public static ReconcileOptions sih() {
        return new ReconcileOptions(DedupPolicy.FIRST, "billed_amount", "paid_amount", "IDENT", "1", 13);
    }

    /**
     * {@return the same options with another deduplication policy}
     *
     * @param newPolicy the deduplication policy for RJ
     */
    public ReconcileOptions withPolicy(DedupPolicy newPolicy) {
        return new ReconcileOptions(
                newPolicy, rejectedAmountColumn, paidAmountColumn, principalColumn, principalValue, claimIdDigits);
    }

    /**
     * {@return the same options with another number of claim digits}
     *
     * @param digits the digits every claim number must have; 0 for any
     */
    public ReconcileOptions withClaimIdDigits(int digits) {
        return new ReconcileOptions(
                policy, rejectedAmountColumn, paidAmountColumn, principalColumn, principalValue, digits);
    }
}
