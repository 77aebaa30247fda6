package dev.glosa.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import org.junit.jupiter.api.Test;

class ReconcilerTests {
    static final long A1 = 1_222_100_000_001L;
    static final long A2 = 1_222_100_000_002L;
    static final long A3 = 1_222_100_000_003L;
    static final long LONG_STAY = 1_222_100_605_088L;

    static GlosaTable rj(long[] ids, double[] values, String[] reasons) {
        return GlosaTable.of(
                LongColumn.of("claim_id", ids),
                DoubleColumn.of("billed_amount", values),
                CategoryColumn.of("reason_code", reasons));
    }

    static GlosaTable rd(long[] ids, double[] values, String[] ident, String[] proc) {
        return GlosaTable.of(
                LongColumn.of("claim_id", ids),
                DoubleColumn.of("billed_amount", values),
                DoubleColumn.of("paid_amount", values),
                CategoryColumn.of("IDENT", ident),
                CategoryColumn.of("PROC_REA", proc));
    }

    /** A1 rejected three times (100, 150, 120) then paid 110; A2 rejected 500 never paid; A3 paid 80 only. */
    static Reconciliation reconcile(DedupPolicy policy) {
        GlosaTable rejected = rj(
                new long[] {A1, A2, A1, A1}, new double[] {100, 500, 150, 120}, new String[] {"R1", "R2", "R3", "R4"});
        GlosaTable paid =
                rd(new long[] {A3, A1}, new double[] {80, 110}, new String[] {"1", "1"}, new String[] {"P3", "P1"});
        return Reconciler.with(ReconcileOptions.sih().withPolicy(policy)).reconcile(rejected, paid);
    }

    @Test
    void claimRepresentedThreeTimesIsCountedOnceUnderEveryPolicy() {
        for (DedupPolicy p : DedupPolicy.values()) {
            Reconciliation r = reconcile(p);
            assertThat(r.claims().rowCount()).as(p.name()).isEqualTo(3);
            assertThat(r.report().rejectedDuplicates()).isEqualTo(2);
            assertThat(r.report().naiveRejectedTotal()).isEqualTo(870);
        }
    }

    @Test
    void policyChoosesTheRepresentativeRejectedRow() {
        // FIRST: 100 - 110 < 0 -> 0; LAST: 120 - 110 = 10; MAX_VALUE: 150 - 110 = 40.
        assertThat(glosaOf(reconcile(DedupPolicy.FIRST), A1)).isEqualTo(0);
        assertThat(glosaOf(reconcile(DedupPolicy.LAST), A1)).isEqualTo(10);
        assertThat(glosaOf(reconcile(DedupPolicy.MAX_VALUE), A1)).isEqualTo(40);
    }

    @Test
    void situationsAndAmountsFollowTheReferenceRules() {
        GlosaTable c = reconcile(DedupPolicy.MAX_VALUE).claims();
        assertThat(c.longs("claim_id").values()).containsExactly(A1, A2, A3);
        assertThat(c.category("situation").get(0)).isEqualTo("B");
        assertThat(c.category("status").get(0)).isEqualTo("approved");
        assertThat(c.doubles("paid_amount").get(0)).isEqualTo(110);
        assertThat(c.longs("rejected_rows").get(0)).isEqualTo(3);
        // B takes its columns from RD but keeps the RJ-only reason of its representative rejected row.
        assertThat(c.category("PROC_REA").get(0)).isEqualTo("P1");
        assertThat(c.category("reason_code").get(0)).isEqualTo("R3");
        assertThat(c.category("situation").get(1)).isEqualTo("A");
        assertThat(c.category("status").get(1)).isEqualTo("rejected");
        assertThat(c.doubles("glosa_amount").get(1)).isEqualTo(500);
        assertThat(c.doubles("paid_amount").get(1)).isEqualTo(0);
        assertThat(c.category("PROC_REA").isMissing(1)).isTrue();
        assertThat(c.category("situation").get(2)).isEqualTo("C");
        assertThat(c.doubles("glosa_amount").get(2)).isEqualTo(0);
        assertThat(c.doubles("billed_amount").get(2)).isEqualTo(80);
        assertThat(c.category("reason_code").isMissing(2)).isTrue();
    }

    @Test
    void paymentAboveTheRejectedValueNeverGivesNegativeGlosa() {
        Reconciliation r = Reconciler.sih()
                .reconcile(
                        rj(new long[] {A1}, new double[] {100}, new String[] {"R"}),
                        rd(new long[] {A1}, new double[] {250}, new String[] {"1"}, new String[] {"P"}));
        assertThat(r.claims().doubles("glosa_amount").get(0)).isZero();
        assertThat(r.claims().category("situation").get(0)).isEqualTo("B");
    }

    @Test
    void longStayClaimTwiceInPaidIsOneClaimWithBothPaymentsAndPrincipalColumns() {
        // RDAC2301.dbc holds AIH 1222100605088 twice: R$ 1,391.63 and R$ 1,341.93. Continuation listed first here.
        GlosaTable paid = rd(
                new long[] {LONG_STAY, LONG_STAY},
                new double[] {1341.93, 1391.63},
                new String[] {"5", "1"},
                new String[] {"CONTINUATION", "PRINCIPAL"});
        Reconciliation r = Reconciler.sih().reconcile(rj(new long[0], new double[0], new String[0]), paid);
        assertThat(r.claims().rowCount()).isEqualTo(1);
        assertThat(r.claims().doubles("paid_amount").get(0)).isCloseTo(2733.56, within(1e-9));
        assertThat(r.claims().category("PROC_REA").get(0)).isEqualTo("PRINCIPAL");
        assertThat(r.claims().longs("paid_rows").get(0)).isEqualTo(2);
        assertThat(r.report().paidRowsMerged()).isEqualTo(1);
        assertThat(r.report().paidTotal()).isCloseTo(2733.56, within(1e-9));
    }

    @Test
    void withoutPrincipalRowTheFirstPaidRowGivesTheColumns() {
        GlosaTable paid =
                rd(new long[] {A1, A1}, new double[] {1, 2}, new String[] {"5", "5"}, new String[] {"X", "Y"});
        Reconciliation r = Reconciler.sih().reconcile(rj(new long[0], new double[0], new String[0]), paid);
        assertThat(r.claims().category("PROC_REA").get(0)).isEqualTo("X");
    }

    @Test
    void rowWithAMissingFlagIsNotTakenForThePrincipal() {
        GlosaTable paid =
                rd(new long[] {A1, A1}, new double[] {1, 2}, new String[] {"5", null}, new String[] {"X", "Y"});
        Reconciliation r = Reconciler.sih().reconcile(rj(new long[0], new double[0], new String[0]), paid);
        assertThat(r.claims().category("PROC_REA").get(0)).isEqualTo("X");
        assertThat(r.claims().doubles("paid_amount").get(0)).isEqualTo(3);
    }

    @Test
    void emptyInputsGiveAnEmptyReconciliation() {
        Reconciliation r = Reconciler.sih()
                .reconcile(
                        rj(new long[0], new double[0], new String[0]),
                        rd(new long[0], new double[0], new String[0], new String[0]));
        assertThat(r.claims().rowCount()).isZero();
        assertThat(r.report().claims()).isZero();
        assertThat(r.report().naiveOverstatement()).isNaN();
        assertThat(r.claims().columnNames()).startsWith("claim_id", "situation", "status");
    }

    @Test
    void claimIdThatIsNotThirteenDigitsIsRefusedByName() {
        assertThatThrownBy(() -> Reconciler.sih()
                        .reconcile(
                                rj(new long[] {A1, 12345L}, new double[] {1, 2}, new String[] {"a", "b"}),
                                rd(new long[0], new double[0], new String[0], new String[0])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rejected row 1: claim_id 12345 must have 13 digits");
        assertThatThrownBy(() -> Reconciler.sih()
                        .reconcile(
                                rj(new long[0], new double[0], new String[0]),
                                rd(new long[] {LongColumn.MISSING}, new double[] {1}, new String[] {"1"}, new String[] {
                                    "p"
                                })))
                .hasMessage("paid row 0: claim_id is missing");
    }

    @Test
    void columnWithDifferentTypesOnTheTwoSidesIsRefused() {
        GlosaTable rejected =
                rj(new long[] {A1}, new double[] {1}, new String[] {"r"}).with(DoubleColumn.of("PROC_REA", 1));
        assertThatThrownBy(() -> Reconciler.sih()
                        .reconcile(rejected, rd(new long[] {A2}, new double[] {1}, new String[] {"1"}, new String[] {"p"
                        })))
                .hasMessageContaining("'PROC_REA' is DOUBLE in the rejected input but CATEGORY in the paid input");
    }

    @Test
    void reportShowsTheNaiveOverstatement() {
        ReconciliationReport report = reconcile(DedupPolicy.FIRST).report();
        // Naive: 870 over four RJ rows; reconciled glosa: A1 0 + A2 500 = 500.
        assertThat(report.glosaTotal()).isEqualTo(500);
        assertThat(report.naiveOverstatement()).isCloseTo(0.74, within(1e-12));
        assertThat(report.recoveredAmount()).isEqualTo(110);
        assertThat(report.summary()).contains("naive rejected total 870.00 vs reconciled glosa 500.00 (+74.0%)");
    }

    private static double glosaOf(Reconciliation r, long id) {
        LongColumn ids = r.claims().longs("claim_id");
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == id) {
                return r.claims().doubles("glosa_amount").get(i);
            }
        }
        throw new AssertionError("no claim " + id);
    }
}
