package dev.glosa.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Rules that must hold for every input, checked on generated rejected and paid tables. */
class ReconcilerPropertyTests {

    @Property(tries = 200)
    void everyClaimLeavesExactlyOnceAndMoneyBalances(
            @ForAll @IntRange(min = 0, max = 60) int rejectedRows,
            @ForAll @IntRange(min = 0, max = 60) int paidRows,
            @ForAll long seed,
            @ForAll DedupPolicy policy) {
        Random rnd = new Random(seed);
        long base = 1_100_000_000_000L;
        long[] rjIds = new long[rejectedRows];
        double[] rjVal = new double[rejectedRows];
        for (int i = 0; i < rejectedRows; i++) {
            rjIds[i] = base + rnd.nextInt(40);
            rjVal[i] = Math.round(rnd.nextDouble() * 100_000) / 100.0;
        }
        long[] rdIds = new long[paidRows];
        double[] rdVal = new double[paidRows];
        String[] ident = new String[paidRows];
        for (int i = 0; i < paidRows; i++) {
            rdIds[i] = base + rnd.nextInt(40);
            rdVal[i] = Math.round(rnd.nextDouble() * 100_000) / 100.0;
            ident[i] = rnd.nextInt(4) == 0 ? "5" : "1";
        }
        GlosaTable rj = GlosaTable.of(LongColumn.of("claim_id", rjIds), DoubleColumn.of("billed_amount", rjVal));
        GlosaTable rd = GlosaTable.of(
                LongColumn.of("claim_id", rdIds),
                DoubleColumn.of("paid_amount", rdVal),
                CategoryColumn.of("IDENT", ident));

        Reconciliation r =
                Reconciler.with(ReconcileOptions.sih().withPolicy(policy)).reconcile(rj, rd);

        Set<Long> union = new HashSet<>();
        for (long id : rjIds) {
            union.add(id);
        }
        for (long id : rdIds) {
            union.add(id);
        }
        LongColumn out = r.claims().longs("claim_id");
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < out.size(); i++) {
            assertThat(seen.add(out.get(i)))
                    .as("claim %d left twice", out.get(i))
                    .isTrue();
        }
        assertThat(seen).isEqualTo(union);
        assertThat(r.claims().doubles("paid_amount").sum())
                .isCloseTo(DoubleColumn.of("x", rdVal).sum(), within(1e-6));
        DoubleColumn glosa = r.claims().doubles("glosa_amount");
        for (int i = 0; i < glosa.size(); i++) {
            assertThat(glosa.get(i)).isGreaterThanOrEqualTo(0);
        }
        assertThat(r.report().claims()).isEqualTo(union.size());
        assertThat(r.report().rejectedDuplicates()
                        + r.report()
                                .bySituation()
                                .get(Situation.REJECTED_NEVER_PAID)
                                .claims()
                        + r.report()
                                .bySituation()
                                .get(Situation.REJECTED_LATER_PAID)
                                .claims())
                .isEqualTo(rejectedRows);
    }
}
