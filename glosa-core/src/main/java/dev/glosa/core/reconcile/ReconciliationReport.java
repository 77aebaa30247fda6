package dev.glosa.core.reconcile;

import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;
import java.util.Collections;
import java.util.EnumMap;
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

    /**
     * Copies the map, in situation order so that sums over it are the same in every run.
     *
     * @param rejectedRows as {@link #rejectedRows()}
     * @param paidRows as {@link #paidRows()}
     * @param rejectedDuplicates as {@link #rejectedDuplicates()}
     * @param paidRowsMerged as {@link #paidRowsMerged()}
     * @param bySituation as {@link #bySituation()}
     * @param naiveRejectedTotal as {@link #naiveRejectedTotal()}
     */
    public ReconciliationReport {
        EnumMap<Situation, SituationTotals> copy = new EnumMap<>(Situation.class);
        copy.putAll(bySituation);
        for (Situation s : Situation.values()) {
            if (!copy.containsKey(s)) {
                throw new IllegalArgumentException("bySituation must hold every situation, " + s + " is missing");
            }
        }
        bySituation = Collections.unmodifiableMap(copy);
    }

    /** {@return the number of reconciled claims} */
    public long claims() {
        long n = 0;
        for (SituationTotals t : bySituation.values()) {
            n += t.claims();
        }
        return n;
    }

    /** {@return the reconciled glosa: the sum of glosa over every claim} */
    public double glosaTotal() {
        double g = 0;
        for (SituationTotals t : bySituation.values()) {
            g += t.glosaAmount();
        }
        return g;
    }

    /** {@return the total paid over every claim} */
    public double paidTotal() {
        double p = 0;
        for (SituationTotals t : bySituation.values()) {
            p += t.paidAmount();
        }
        return p;
    }

    /** {@return the money recovered: what was paid for claims first rejected (situation B)} */
    public double recoveredAmount() {
        return bySituation.get(Situation.REJECTED_LATER_PAID).paidAmount();
    }

    /**
     * How much the naive rejected total overstates the reconciled glosa, as a fraction ({@code 0.18} = 18% too high);
     * {@code NaN} when there is no reconciled glosa.
     *
     * @return the overstatement as a fraction, or {@code NaN}
     */
    public double naiveOverstatement() {
        double g = glosaTotal();
        return g == 0 ? Double.NaN : naiveRejectedTotal / g - 1;
    }

    /** {@return a few lines for a log or a terminal} */
    public String summary() {
        return summary(Messages.of(Language.EN));
    }

    /**
     * {@return the summary in {@code text}'s language, numbers as that language writes them}
     *
     * @param text the language of the summary
     */
    public String summary(Messages text) {
        StringBuilder sb = new StringBuilder();
        sb.append(text.text(
                        "reconciliation.rows",
                        text.number(rejectedRows),
                        text.number(paidRows),
                        text.number(rejectedDuplicates),
                        text.number(paidRowsMerged)))
                .append(System.lineSeparator());
        for (Situation s : Situation.values()) {
            SituationTotals t = bySituation.get(s);
            sb.append(String.format(
                    "  %s %-20s %9s %s  %s %16s  %s %16s%n",
                    s.code(),
                    text.text("situation." + s.code()),
                    text.number(t.claims()),
                    text.text("reconciliation.claims"),
                    text.text("reconciliation.glosa"),
                    text.decimal(t.glosaAmount(), 2),
                    text.text("reconciliation.paid"),
                    text.decimal(t.paidAmount(), 2)));
        }
        double over = 100 * naiveOverstatement();
        sb.append(text.text(
                "reconciliation.naive",
                text.decimal(naiveRejectedTotal, 2),
                text.decimal(glosaTotal(), 2),
                (over >= 0 ? "+" : "") + text.decimal(over, 1)));
        return sb.toString();
    }
}
