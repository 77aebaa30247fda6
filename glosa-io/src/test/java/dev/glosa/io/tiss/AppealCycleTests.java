package dev.glosa.io.tiss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.segment.SegmentKey;
import dev.glosa.core.table.GlosaTable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The appeal cycle on the small files of {@link TissAppealTests}, every figure computed by hand: a demonstrativo of
 * 2025-03-10 (operator 345678, CNES 7654321) with glosas 1801 = 40, 2107 = 100, 1714 = 50 (items), 1001 = 80 (a whole
 * guide), 1101 = 500 (a protocol); appeals dated 2025-04-01, answers sent 2025-05-01.
 */
class AppealCycleTests {

    private static TissReadResult read(boolean answers) throws Exception {
        List<TissInput> in = new ArrayList<>(List.of(
                TissTestData.input("demo.xml", TissAppealTests.DEMO),
                TissTestData.input("recurso-guias.xml", TissAppealTests.RECURSO_GUIAS, StandardCharsets.ISO_8859_1)));
        if (answers) {
            in.add(TissTestData.input(
                    "recurso-protocolo.xml", TissAppealTests.RECURSO_PROTOCOLO, StandardCharsets.ISO_8859_1));
            in.add(TissTestData.input("resposta-guias.xml", TissAppealTests.RESPOSTA_GUIAS));
            in.add(TissTestData.input("resposta-protocolo.xml", TissAppealTests.RESPOSTA_PROTOCOLO));
        }
        return TissTestData.read(in.toArray(new TissInput[0]));
    }

    @Test
    void appealsWithoutAnswersArePendingAndTimedFromTheDemonstrativo() throws Exception {
        GlosaTable f = AppealCycle.facts(read(false).table());

        assertThat(text(f, TissColumns.REASON_CODE)).containsExactly("1001", "1101", "1714", "1801", "2107");
        assertThat(text(f, TissColumns.REASON_GROUP))
                .containsExactly("Elegibilidade", "Protocolo", "Regra de Valorização", "Procedimento", "Medicamento");
        assertThat(f.dates(AppealCycle.WEEK).get(0)).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(f.doubles(AppealCycle.GLOSA).values()).containsExactly(80, 500, 50, 40, 100);
        assertThat(f.doubles(AppealCycle.APPEALED_GLOSA).values()).containsExactly(80, 0, 0, 40, 100);
        assertThat(f.doubles(AppealCycle.APPEALED_SHARE).values()).containsExactly(1, 0, 0, 1, 1);
        assertThat(f.doubles(AppealCycle.PENDING).values()).containsExactly(80, 0, 0, 40, 100);
        assertThat(f.doubles(AppealCycle.RECOVERED).values()).containsOnly(0.0);
        assertThat(f.doubles(AppealCycle.RECOVERED_SHARE).get(1)).isNaN();
        assertThat(f.doubles(AppealCycle.RECOVERED_SHARE).get(0)).isZero();
        // 2025-03-10 -> 2025-04-01
        assertThat(f.doubles(AppealCycle.DAYS_TO_APPEAL).get(0)).isEqualTo(22.0);
        assertThat(f.doubles(AppealCycle.DAYS_TO_APPEAL).get(1)).isNaN();
        assertThat(f.doubles(AppealCycle.DAYS_TO_ANSWER).get(0)).isNaN();
    }

    @Test
    void answersGiveTheRecoveredAmountAndShareAndTheTimeToAnswer() throws Exception {
        GlosaTable f = AppealCycle.facts(read(true).table());

        // 1001 rejected, 1101 accepted, 1714 rejected, 1801 accepted, 2107 30 of 100
        assertThat(f.doubles(AppealCycle.APPEALED).values()).containsExactly(80, 500, 50, 40, 100);
        assertThat(f.doubles(AppealCycle.RECOVERED).values()).containsExactly(0, 500, 0, 40, 30);
        assertThat(f.doubles(AppealCycle.RECOVERED_SHARE).values()).containsExactly(0, 1, 0, 1, 0.3);
        assertThat(f.doubles(AppealCycle.PENDING).values()).containsOnly(0.0);
        // 2025-04-01 -> 2025-05-01; 1714 was answered but no appeal of it was read: no appeal date, no time
        assertThat(f.doubles(AppealCycle.DAYS_TO_ANSWER).values()).containsExactly(30.0, 30.0, Double.NaN, 30.0, 30.0);
        double recovered = 0;
        double appealed = 0;
        for (int r = 0; r < f.rowCount(); r++) {
            recovered += f.doubles(AppealCycle.RECOVERED).get(r);
            appealed += f.doubles(AppealCycle.APPEALED).get(r);
        }
        assertThat(recovered).isEqualTo(570.0);
        assertThat(appealed).isEqualTo(770.0);
        assertThat(AppealCycle.pending(
                                read(true).table(), new AppealCycle.Deadlines(30, Map.of()), LocalDate.of(2025, 4, 5))
                        .rowCount())
                .isZero();
    }

    @Test
    void whatIsStillToAppealIsOrderedByTheOperatorsDeadlineWithTheMoneyAtStake() throws Exception {
        GlosaTable t = read(false).table();

        GlosaTable p =
                AppealCycle.pending(t, new AppealCycle.Deadlines(90, Map.of("345678", 30)), LocalDate.of(2025, 4, 5));

        // same deadline (2025-03-10 + 30 days): the larger amount first
        assertThat(text(p, TissColumns.REASON_CODE)).containsExactly("1101", "1714");
        assertThat(text(p, TissColumns.PROTOCOL_NUMBER)).containsExactly("123457", "123456");
        assertThat(p.dates(AppealCycle.DEADLINE).get(0)).isEqualTo(LocalDate.of(2025, 4, 9));
        assertThat(p.longs(AppealCycle.DAYS_LEFT).values()).containsExactly(4, 4);
        assertThat(p.doubles(AppealCycle.AT_STAKE).values()).containsExactly(500, 50);
        // another operator's contract: the default days
        GlosaTable other =
                AppealCycle.pending(t, new AppealCycle.Deadlines(90, Map.of("999999", 30)), LocalDate.of(2025, 4, 5));
        assertThat(other.dates(AppealCycle.DEADLINE).get(0)).isEqualTo(LocalDate.of(2025, 6, 8));
        assertThatThrownBy(() -> new AppealCycle.Deadlines(-1, Map.of())).hasMessageContaining("negative");
    }

    @Test
    void eachGroupOfTheRunGetsWhatItsAppealsRecovered() throws Exception {
        GlosaTable t = read(true).table();
        // group A: the glosas 1801 (40, accepted) and 2107 (100, 30 accepted); group B: 1001 (80, rejected) and
        // 1101 (500, accepted); 1714 (50) in no group, as a row of a segment that was not clustered would be
        SegmentKey key = new SegmentKey(List.of("payer"), List.of("345678"));
        List<Integer> a = rowsOf(t, "1801", "2107");
        List<Integer> b = rowsOf(t, "1001", "1101");
        int[] rows = java.util.stream.Stream.concat(b.stream(), a.stream())
                .mapToInt(Integer::intValue)
                .toArray();
        String[] ids = new String[rows.length];
        java.util.Arrays.fill(ids, 0, b.size(), "S1-G2");
        java.util.Arrays.fill(ids, b.size(), rows.length, "S1-G1");

        GlosaTable g = AppealCycle.byGroup(t, List.of(new SegmentAssignment(key, rows, new int[rows.length], ids)));

        assertThat(text(g, AppealCycle.GROUP_ID)).containsExactly("S1-G1", "S1-G2");
        assertThat(text(g, AppealCycle.SEGMENT_ID)).containsOnly(key.id());
        assertThat(g.longs(AppealCycle.LINES).values()).containsExactly(a.size(), b.size());
        assertThat(g.doubles(AppealCycle.GLOSA).values()).containsExactly(140, 580);
        assertThat(g.doubles(AppealCycle.APPEALED_GLOSA).values()).containsExactly(140, 580);
        assertThat(g.doubles(AppealCycle.APPEALED).values()).containsExactly(140, 580);
        assertThat(g.doubles(AppealCycle.RECOVERED).values()).containsExactly(70, 500);
        assertThat(g.doubles(AppealCycle.RECOVERED_SHARE).values()).containsExactly(0.5, 500.0 / 580.0);
        assertThat(g.doubles(AppealCycle.PENDING).values()).containsOnly(0.0);
        // appealed 2025-04-01, answered 2025-05-01, demonstrativo 2025-03-10
        assertThat(g.doubles(AppealCycle.DAYS_TO_APPEAL).values()).containsExactly(22.0, 22.0);
        assertThat(g.doubles(AppealCycle.DAYS_TO_ANSWER).values()).containsExactly(30.0, 30.0);
    }

    /** The rows of {@code t} with glosa under any of {@code codes}, in row order. */
    private static List<Integer> rowsOf(GlosaTable t, String... codes) {
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (List.of(codes).contains(t.category(TissColumns.REASON_CODE).get(r))
                    && t.doubles(TissColumns.GLOSA_AMOUNT).get(r) > 0) {
                out.add(r);
            }
        }
        assertThat(out).as("rows of %s", List.of(codes)).isNotEmpty();
        return out;
    }

    private static List<String> text(GlosaTable t, String column) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            out.add(t.category(column).get(r));
        }
        return out;
    }
}
