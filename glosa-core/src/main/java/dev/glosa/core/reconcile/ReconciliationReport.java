package dev.glosa.core.reconcile;

import java.util.Map;

/**
 * What a reconciliation did: rows in, duplicates folded, claims and money per situation, and how much counting the
 * rejected rows as they are would have overstated the glosa.
 *
 * @param rejectedRows rows in the rejected input
 * @param paidRows rows in the paid input
 * @param rejectedDuplicates rejected rows folded into another row of the same claim (re-presentations)
 * @param paidRowsMerged paid rows summed into another row of the same claim (long-stay continuations)
 * @param bySituation totals per situation, every situation present
 * @param naiveRejectedTotal the sum of the rejected amount over every rejected row, as a row-by-row count gives it
 */
public record ReconciliationReport(
        int rejectedRows,
        int paidRows,
        int rejectedDuplicates,
        int paidRowsMerged,
        Map<Situation, SituationTotals> bySituation,
        double naiveRejectedTotal) {

    /** Copies the map. */
    public ReconciliationReport {
        bySituation = Map.copyOf(bySituation);
    }

    /** The number of reconciled claims. */
    public long claims() {
        long n = 0;
        for (SituationTotals t : bySituation.values()) {
            n += t.claims();
        }
        return n;
    }

    /** The reconciled glosa: the sum of glosa over every claim. */
    public double glosaTotal() {
        double g = 0;
        for (SituationTotals t : bySituation.values()) {
            g += t.glosaAmount();
        }
        return g;
    }

    /** The total paid over every claim. */
    public double paidTotal() {
        double p = 0;
        for (SituationTotals t : bySituation.values()) {
            p += t.paidAmount();
        }
        return p;
    }

    /** The money recovered: what was paid for claims first rejected (situation B). */
    public double recoveredAmount() {
        return bySituation.get(Situation.REJECTED_LATER_PAID).paidAmount();
    }

    /**
     * How much the naive rejected total overstates the reconciled glosa, as a fraction ({@code 0.18} = 18% too high);
     * {@code NaN} when there is no reconciled glosa.
     */
    public double naiveOverstatement() {
        double g = glosaTotal();
        return g == 0 ? Double.NaN : naiveRejectedTotal / g - 1;
    }

    /** A few lines for a log or a terminal. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("rows in: %,d rejected, %,d paid; folded: %,d rejected re-presentations, %,d paid continuations%n",
                rejectedRows, paidRows, rejectedDuplicates, paidRowsMerged));
        for (Situation s : Situation.values()) {
            SituationTotals t = bySituation.get(s);
            sb.append(String.format("  %s %-20s %,9d claims  glosa %,16.2f  paid %,16.2f%n", s.code(), s.name(),
                    t.claims(), t.glosaAmount(), t.paidAmount()));
        }
        sb.append(String.format("naive rejected total %,.2f vs reconciled glosa %,.2f (%+.1f%%)",
                naiveRejectedTotal, glosaTotal(), 100 * naiveOverstatement()));
        return sb.toString();
    }
}
