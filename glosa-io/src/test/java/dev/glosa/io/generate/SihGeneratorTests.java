package dev.glosa.io.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.reconcile.Reconciler;
import dev.glosa.core.reconcile.Reconciliation;
import dev.glosa.core.reconcile.Situation;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.Role;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SihGeneratorTests {

    private static final SihSample DEFAULT = SihGenerator.generate(SihGeneratorConfig.defaults(42));

    /** The rows of each claim id in {@code t}, in table order. */
    private static Map<Long, List<Integer>> rowsByClaim(GlosaTable t) {
        Map<Long, List<Integer>> m = new HashMap<>();
        LongColumn id = t.longs(Role.CLAIM_ID);
        for (int r = 0; r < t.rowCount(); r++) {
            m.computeIfAbsent(id.get(r), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    static void assertSameTable(GlosaTable a, GlosaTable b) {
        assertThat(a.columnNames()).isEqualTo(b.columnNames());
        assertThat(a.rowCount()).isEqualTo(b.rowCount());
        for (Column c : a.columns()) {
            Column d = b.column(c.name());
            assertThat(d.type()).as(c.name()).isEqualTo(c.type());
            for (int r = 0; r < a.rowCount(); r++) {
                if (!c.text(r).equals(d.text(r))) {
                    throw new AssertionError(
                            "column " + c.name() + " row " + r + ": " + c.text(r) + " vs " + d.text(r));
                }
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalTables() {
        SihSample again = SihGenerator.generate(SihGeneratorConfig.defaults(42));
        assertSameTable(DEFAULT.rd(), again.rd());
        assertSameTable(DEFAULT.rj(), again.rj());
        assertSameTable(DEFAULT.er(), again.er());
    }

    @Test
    void differentSeedGivesDifferentTables() {
        SihSample other = SihGenerator.generate(SihGeneratorConfig.defaults(43));
        DoubleColumn a = DEFAULT.rj().doubles(Role.BILLED_AMOUNT);
        DoubleColumn b = other.rj().doubles(Role.BILLED_AMOUNT);
        int n = Math.min(a.size(), b.size());
        int same = 0;
        for (int r = 0; r < n; r++) {
            if (a.get(r) == b.get(r)) {
                same++;
            }
        }
        assertThat(same).isLessThan(n / 10);
        assertThat(other.rd().category(Role.HOSPITAL).value(0))
                .isNotEqualTo(DEFAULT.rd().category(Role.HOSPITAL).value(0));
    }

    @Test
    void tablesHaveTheCanonicalColumns() {
        assertThat(DEFAULT.rd().columnNames())
                .containsExactly(
                        "claim_id",
                        "hospital",
                        "payer",
                        "competence",
                        "billed_amount",
                        "paid_amount",
                        "admission_date",
                        "discharge_date",
                        "IDENT",
                        "PROC_REA",
                        "DIAG_PRINC",
                        "ESPEC",
                        "age_years",
                        "SEXO",
                        "DIAS_PERM",
                        "UTI_MES_TO",
                        "MORTE",
                        "CAR_INT",
                        "COMPLEX",
                        "GESTAO");
        assertThat(DEFAULT.rj().columnNames()).doesNotContain("paid_amount").hasSize(19);
        assertThat(DEFAULT.er().columnNames())
                .containsExactly(
                        "claim_id", "hospital", "competence", "admission_date", "discharge_date", "reason_code");
        assertThat(DEFAULT.rd().category(Role.PAYER).dictionary()).containsExactly("SUS");
        assertThat(DEFAULT.config()).isEqualTo(SihGeneratorConfig.defaults(42));
    }

    @Test
    void everyClaimIdHasThirteenDigitsAndTheStateCode() {
        for (GlosaTable t : List.of(DEFAULT.rd(), DEFAULT.rj(), DEFAULT.er())) {
            LongColumn id = t.longs(Role.CLAIM_ID);
            for (int r = 0; r < t.rowCount(); r++) {
                long v = id.get(r);
                assertThat(v).isBetween(1_000_000_000_000L, 9_999_999_999_999L);
                assertThat(v / 100_000_000_000L).isEqualTo(51);
                assertThat((v / 1_000_000_000L) % 100).isEqualTo(21);
            }
        }
        CategoryColumn cnes = DEFAULT.rd().category(Role.HOSPITAL);
        assertThat(cnes.cardinality()).isEqualTo(20);
        for (String c : cnes.dictionary()) {
            assertThat(c).hasSize(7).containsOnlyDigits();
        }
    }

    @Test
    void everyClaimIsFirstPresentedOnceAndAboutThirteenPercentAreRejected() {
        Set<Long> all = new HashSet<>(rowsByClaim(DEFAULT.rd()).keySet());
        Set<Long> rejected = rowsByClaim(DEFAULT.rj()).keySet();
        all.addAll(rejected);
        assertThat((long) all.size()).isEqualTo(DEFAULT.config().totalClaims());
        double share = rejected.size() / (double) all.size();
        assertThat(share).isBetween(0.10, 0.16);
    }

    @Test
    void rejectedClaimsAreRepresentedInLaterMonthsAtMostThreeTimes() {
        Map<Long, List<Integer>> rj = rowsByClaim(DEFAULT.rj());
        MonthColumn month = DEFAULT.rj().months(Role.COMPETENCE);
        DoubleColumn value = DEFAULT.rj().doubles(Role.BILLED_AMOUNT);
        int[] timesRejected = new int[4];
        int valueChanged = 0;
        for (List<Integer> rows : rj.values()) {
            assertThat(rows.size()).isBetween(1, 3);
            timesRejected[rows.size()]++;
            for (int i = 1; i < rows.size(); i++) {
                assertThat(month.index(rows.get(i))).isGreaterThan(month.index(rows.get(i - 1)));
                if (value.get(rows.get(i)) != value.get(rows.get(i - 1))) {
                    valueChanged++;
                }
            }
        }
        double rowsPerClaim = DEFAULT.rj().rowCount() / (double) rj.size();
        // 1 + 0.6 * 0.25 + (0.6 * 0.25)^2 = 1.17 expected, a little less as the RJ window cuts late ones.
        assertThat(rowsPerClaim).isBetween(1.08, 1.22);
        assertThat(timesRejected[2]).isGreaterThan(100);
        assertThat(timesRejected[3]).isGreaterThan(5);
        assertThat(valueChanged).isGreaterThan(20);
    }

    @Test
    void rejectedClaimsArePaidLaterInFullPartlyOrNever() {
        // Many re-presentations, most of them paid, so that every history shape is frequent enough to measure.
        SihSample sample =
                SihGenerator.generate(SihGeneratorConfig.defaults(42).withRates(0.13, 0.6, 0.25, 0.3, 0.3, 0.02));
        Map<Long, List<Integer>> rj = rowsByClaim(sample.rj());
        Map<Long, List<Integer>> rd = rowsByClaim(sample.rd());
        MonthColumn rjMonth = sample.rj().months(Role.COMPETENCE);
        MonthColumn rdMonth = sample.rd().months(Role.COMPETENCE);
        DoubleColumn rjValue = sample.rj().doubles(Role.BILLED_AMOUNT);
        DoubleColumn rdPaid = sample.rd().doubles(Role.PAID_AMOUNT);
        int never = 0;
        int full = 0;
        int partial = 0;
        int afterRjWindow = 0;
        int lastRjMonth = MonthColumn.toIndex(YearMonth.of(2021, 12));
        for (Map.Entry<Long, List<Integer>> e : rj.entrySet()) {
            List<Integer> paidRows = rd.get(e.getKey());
            if (paidRows == null) {
                never++;
                continue;
            }
            assertThat(paidRows).hasSize(1);
            int paidRow = paidRows.get(0);
            int lastRejection = e.getValue().get(e.getValue().size() - 1);
            assertThat(rdMonth.index(paidRow)).isGreaterThan(rjMonth.index(lastRejection));
            if (rdMonth.index(paidRow) > lastRjMonth) {
                afterRjWindow++;
            }
            if (rdPaid.get(paidRow) < rjValue.get(lastRejection) * 0.96) {
                partial++;
            } else {
                full++;
            }
        }
        double paidShare = (full + partial) / (double) rj.size();
        assertThat(paidShare).isBetween(0.35, 0.60);
        assertThat(partial / (double) (full + partial)).isBetween(0.2, 0.45);
        assertThat(never).isGreaterThan(rj.size() / 3);
        assertThat(afterRjWindow).isGreaterThan(20);
        assertThat(rdMonth.index(sample.rd().rowCount() - 1)).isEqualTo(MonthColumn.toIndex(YearMonth.of(2022, 3)));
    }

    @Test
    void defaultsLookLikeTheReferenceAnalysis() {
        // docs/domain.md: ~13% of reconciled AIHs rejected, ~15% of RJ rows re-presentations, naive total ~18% too
        // high.
        Reconciliation r = Reconciler.sih().reconcile(DEFAULT.rj(), DEFAULT.rd());
        double rejectedShare =
                r.report().bySituation().get(Situation.REJECTED_NEVER_PAID).claims()
                        / (double) r.report().claims();
        assertThat(rejectedShare).isBetween(0.11, 0.15);
        assertThat(r.report().rejectedDuplicates() / (double) r.report().rejectedRows())
                .isBetween(0.10, 0.20);
        assertThat(r.report().naiveOverstatement()).isBetween(0.12, 0.26);
    }

    @Test
    void longStayContinuationsReuseTheirPrincipalsNumber() {
        GlosaTable rd = DEFAULT.rd();
        CategoryColumn ident = rd.category("IDENT");
        MonthColumn month = rd.months(Role.COMPETENCE);
        Map<Long, List<Integer>> byClaim = rowsByClaim(rd);
        int continuations = 0;
        for (int r = 0; r < rd.rowCount(); r++) {
            if (ident.get(r).equals("5")) {
                continuations++;
                List<Integer> rows = byClaim.get(rd.longs(Role.CLAIM_ID).get(r));
                assertThat(rows).hasSize(2);
                int principal = rows.get(0);
                assertThat(ident.get(principal)).isEqualTo("1");
                assertThat(month.index(principal)).isEqualTo(month.index(r) - 1);
                assertThat(rd.doubles("DIAS_PERM").get(principal)).isGreaterThanOrEqualTo(30);
            }
        }
        double share = continuations / (double) rd.rowCount();
        assertThat(share).isBetween(0.012, 0.03);
    }

    @Test
    void everyRejectionHasOneToThreeDistinctErrorsFromTheRealTable() {
        Set<String> known = Set.of(ErrorCodes.codes());
        assertThat(known).hasSize(581).contains("010002");
        GlosaTable er = DEFAULT.er();
        Map<String, Set<String>> errors = new HashMap<>();
        for (int r = 0; r < er.rowCount(); r++) {
            String key = er.longs(Role.CLAIM_ID).get(r) + "@"
                    + er.months(Role.COMPETENCE).index(r);
            String code = er.category(Role.REASON_CODE).get(r);
            assertThat(known).contains(code);
            assertThat(errors.computeIfAbsent(key, k -> new HashSet<>()).add(code))
                    .isTrue();
        }
        GlosaTable rj = DEFAULT.rj();
        assertThat(errors).hasSize(rj.rowCount());
        for (int r = 0; r < rj.rowCount(); r++) {
            String key = rj.longs(Role.CLAIM_ID).get(r) + "@"
                    + rj.months(Role.COMPETENCE).index(r);
            assertThat(errors.get(key)).hasSizeBetween(1, 3);
        }
        assertThat(er.rowCount() / (double) rj.rowCount()).isBetween(1.25, 1.5);
    }

    @Test
    void valuesDatesAndMeasuresArePlausible() {
        GlosaTable rj = DEFAULT.rj();
        DoubleColumn billed = rj.doubles(Role.BILLED_AMOUNT);
        for (int r = 0; r < rj.rowCount(); r++) {
            assertThat(billed.get(r)).isBetween(300.0, 30_000.0);
        }
        GlosaTable rd = DEFAULT.rd();
        double max = 0;
        for (int r = 0; r < rd.rowCount(); r++) {
            assertThat(rd.doubles(Role.PAID_AMOUNT).get(r))
                    .isEqualTo(rd.doubles(Role.BILLED_AMOUNT).get(r))
                    .isBetween(120.0, 30_000.0);
            max = Math.max(max, rd.doubles(Role.PAID_AMOUNT).get(r));
            int admission = rd.dates(Role.ADMISSION_DATE).epochDay(r);
            int discharge = rd.dates(Role.DISCHARGE_DATE).epochDay(r);
            assertThat(discharge - admission).isGreaterThanOrEqualTo(0);
            assertThat(rd.dates(Role.DISCHARGE_DATE).monthIndex(r))
                    .isLessThanOrEqualTo(rd.months(Role.COMPETENCE).index(r));
            assertThat(rd.doubles("age_years").get(r)).isBetween(0.0, 99.0);
            assertThat(rd.doubles("UTI_MES_TO").get(r)).isLessThanOrEqualTo(Math.max(1, 90));
            assertThat(rd.category("PROC_REA").get(r)).hasSize(10);
        }
        assertThat(max).isGreaterThan(10_000);
    }

    @Test
    void rowsComeInCompetenceOrder() {
        for (GlosaTable t : List.of(DEFAULT.rd(), DEFAULT.rj(), DEFAULT.er())) {
            MonthColumn m = t.months(Role.COMPETENCE);
            for (int r = 1; r < t.rowCount(); r++) {
                assertThat(m.index(r)).isGreaterThanOrEqualTo(m.index(r - 1));
            }
        }
    }

    @Test
    void aMillionClaimsAreGeneratedQuickly() {
        SihGeneratorConfig big =
                SihGeneratorConfig.defaults(1).withHospitals(50).withTotalClaims(1_000_000);
        long t0 = System.nanoTime();
        SihSample s = SihGenerator.generate(big);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(s.rd().rowCount() + s.rj().rowCount()).isGreaterThan(1_000_000);
        assertThat(ms).isLessThan(20_000);
    }

    @Test
    void configurationRejectsOutOfRangeValuesNamingThem() {
        SihGeneratorConfig d = SihGeneratorConfig.defaults(1);
        assertThatThrownBy(() -> d.withHospitals(0))
                .hasMessageContaining("hospitals")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> d.withMonths(YearMonth.of(2021, 1), 0, 3)).hasMessageContaining("months");
        assertThatThrownBy(() -> d.withRates(0.95, 0.6, 0.25, 0.3, 0.3, 0.02))
                .hasMessageContaining("rejectionRate")
                .hasMessageContaining("0.95");
        assertThatThrownBy(() -> d.withRates(0.1, Double.NaN, 0.25, 0.3, 0.3, 0.02))
                .hasMessageContaining("representationRate");
        assertThatThrownBy(() -> d.withTotalClaims(0)).hasMessageContaining("totalClaims");
        assertThatThrownBy(() -> d.withHospitals(5000).withClaimsPerHospitalMonth(100_000))
                .hasMessageContaining("at most");
        assertThat(d.withTotalClaims(1000).totalClaims())
                .isGreaterThanOrEqualTo(1000)
                .isLessThan(1200);
    }
}
