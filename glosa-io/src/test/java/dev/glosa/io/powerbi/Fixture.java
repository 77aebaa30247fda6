package dev.glosa.io.powerbi;

import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.indicator.Indicators;
import dev.glosa.core.result.CategoryLift;
import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupStatus;
import dev.glosa.core.result.KScore;
import dev.glosa.core.result.ReasonShare;
import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.result.SegmentStatus;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.segment.SegmentKey;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.TableBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small SUS-shaped analysed table and hand-built outcomes whose totals agree with it: segment H1·SUS·adm (rows 0-3,
 * two groups), segment H2·SUS·tec (rows 4-6, too small, one group), and three paid claims (rows 7-9) in no segment.
 */
final class Fixture {
    static final String KEY = "a-test-key-of-32-characters-long";
    static final String OTHER_KEY = "another-test-key-of-32-characters";
    static final LocalDate WEEK1 = LocalDate.of(2024, 5, 6);
    static final LocalDate WEEK2 = LocalDate.of(2024, 5, 13);
    static final String CONFIG_SHA = RunRecord.sha256("segments: [hospital, payer, glosa_type]\nseed: 42\n");

    static final String[] NOTES = {
        "=HYPERLINK(\"http://x\")",
        "+1",
        "-x",
        "@SUM(A1)",
        "\tfoo",
        "plain, with comma",
        "'=already",
        "say \"hi\"",
        "multi\r\nline",
        null
    };
    static final double[] DELTA = {-12.5, 3, -0.1, 7, 0, 1, 2, 0, 0, Double.NaN};
    static final double[] GLOSA = {1000.5, 150.25, 300, 20.05, 500, 123.45, 90, 0, 0, 0};
    static final double[] PAID = {0, 49.75, 0, 60.05, 0, 576.55, 0, 400, 50, 60};
    static final double[] BILLED = {1000.5, 200, 300, 80.1, 500, 700, 90, 400, 50, 60};

    private Fixture() {}

    static GlosaTable table() {
        TableBuilder b = GlosaTable.builder(10);
        var claim = b.longs("claim_id");
        var hospital = b.category("hospital");
        var payer = b.category("payer");
        var type = b.category("glosa_type");
        var competence = b.months("competence");
        var billed = b.doubles("billed_amount");
        var glosa = b.doubles("glosa_amount");
        var paid = b.doubles("paid_amount");
        var situation = b.category("situation");
        var nasc = b.dates("NASC");
        var note = b.category("note");
        var delta = b.doubles("delta");
        String[] hospitals = {"H1", "H1", "H1", "H1", "H2", "H2", "H2", "H1", "H2", "H1"};
        String[] types = {"adm", "adm", "adm", "adm", "tec", "tec", "tec", null, null, null};
        String[] situations = {"A", "B", "A", "B", "A", "B", "A", "C", "C", "C"};
        for (int i = 0; i < 10; i++) {
            claim.add(2_024_000_000_001L + i);
            hospital.add(hospitals[i]);
            payer.add("SUS");
            type.add(types[i]);
            competence.add(YearMonth.of(2024, 1 + i % 2));
            billed.add(BILLED[i]);
            glosa.add(GLOSA[i]);
            paid.add(PAID[i]);
            situation.add(situations[i]);
            nasc.add(i == 2 ? null : LocalDate.of(1950 + i, 1 + i, 10 + i));
            note.add(NOTES[i]);
            delta.add(DELTA[i]);
        }
        return b.build();
    }

    static List<IndicatorRow> indicators(GlosaTable t) {
        return Indicators.standard(t);
    }

    static RunRecord run(LocalDate asOf, Instant started) {
        return RunRecord.of(
                asOf,
                CONFIG_SHA,
                started,
                started.plusSeconds(42),
                List.of(
                        new RunRecord.Input("data/RJMT2111.dbc", RunRecord.sha256("rj"), 7),
                        new RunRecord.Input("data/RDMT2111.dbc", RunRecord.sha256("rd"), 6)),
                13,
                1,
                RunRecord.Status.OK);
    }

    static RunRecord run(LocalDate asOf) {
        return run(asOf, Instant.parse("2024-05-06T03:00:00Z"));
    }

    /** The outcomes of week 1 ({@code kept = false}) or week 2 (the first group kept, ids unchanged). */
    static List<SegmentResult> outcomes(boolean kept) {
        List<String> keyCols = List.of("hospital", "payer", "glosa_type");
        SegmentKey k1 = new SegmentKey(keyCols, List.of("H1", "SUS", "adm"));
        SegmentKey k2 = new SegmentKey(keyCols, List.of("H2", "SUS", "tec"));
        int[] rows1 = {0, 1, 2, 3};
        int[] labels1 = {0, 1, 0, 1};
        String[] ids1 = {"G0001", "G0002", "G0001", "G0002"};
        int[] rows2 = {4, 5, 6};
        GroupProfile a = profile(
                k1.id(),
                "G0001",
                0,
                new int[] {0, 2},
                rows1,
                "=high value, rejected in full",
                kept ? GroupStatus.KEPT : GroupStatus.NEW,
                1,
                1);
        GroupProfile b =
                profile(k1.id(), "G0002", 1, new int[] {1, 3}, rows1, "-partial glosas", GroupStatus.NEW, 2, 3);
        GroupProfile c = profile(k2.id(), "G0003", 0, rows2, rows2, "all of the segment", GroupStatus.NEW, 1, 2);
        List<KScore> byK = List.of(new KScore(2, 0.71), new KScore(3, 0.4));
        SegmentResult o1 = new SegmentResult(
                k1,
                SegmentStatus.CLUSTERED,
                "",
                "kmeans",
                Map.of("seed", "42", "init", "k-means++"),
                "silhouette",
                2,
                Double.NaN,
                0.71,
                byK,
                42,
                4,
                sum(rows1),
                Map.of(),
                new SegmentAssignment(k1, rows1, labels1, ids1),
                List.of(a, b),
                List.of(),
                List.of());
        SegmentResult o2 = new SegmentResult(
                k2,
                SegmentStatus.TOO_SMALL,
                "3 rows, fewer than the minimum 5",
                "",
                Map.of(),
                "silhouette",
                1,
                Double.NaN,
                Double.NaN,
                List.of(),
                42,
                3,
                sum(rows2),
                Map.of(),
                new SegmentAssignment(k2, rows2, new int[3], new String[] {"G0003", "G0003", "G0003"}),
                List.of(c),
                List.of(),
                List.of());
        return List.of(o1, o2);
    }

    private static GroupProfile profile(
            String segmentId,
            String id,
            int label,
            int[] rows,
            int[] segmentRows,
            String description,
            GroupStatus status,
            int rankInSegment,
            int rankOverall) {
        double total = sum(rows);
        double[] g = new double[rows.length];
        double billed = 0;
        for (int i = 0; i < rows.length; i++) {
            g[i] = GLOSA[rows[i]];
            billed += BILLED[rows[i]];
        }
        Arrays.sort(g);
        double median = g.length % 2 == 1 ? g[g.length / 2] : (g[g.length / 2 - 1] + g[g.length / 2]) / 2;
        Map<String, Double> centres = new LinkedHashMap<>();
        centres.put("glosa_amount", total / rows.length);
        centres.put("glosa_rate", total / billed);
        centres.put("glosa_jump", Double.NaN);
        List<ReasonShare> reasons = new ArrayList<>();
        reasons.add(new ReasonShare("07", rows.length, total * 0.75, 0.75));
        reasons.add(new ReasonShare("=09", 1, total * 0.25, 0.25));
        List<CategoryLift> lifts = List.of(new CategoryLift("situation", label == 0 ? "A" : "B", 1.0, 0.5, 2.0));
        return new GroupProfile(
                segmentId,
                id,
                label,
                rows.length,
                (double) rows.length / segmentRows.length,
                total,
                total / rows.length,
                median,
                total / sum(segmentRows),
                total / billed,
                Double.NaN,
                centres,
                lifts,
                reasons,
                description,
                rankInSegment,
                rankOverall,
                status);
    }

    static double sum(int[] rows) {
        double s = 0;
        for (int r : rows) {
            s += GLOSA[r];
        }
        return s;
    }
}
