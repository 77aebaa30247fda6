package dev.glosa.cluster.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glosa.core.result.CategoryLift;
import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.ReasonShare;
import dev.glosa.core.segment.SegmentKey;
import dev.glosa.core.segment.Segmenter;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.TableBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GroupProfilerTests {
    private static final SegmentKey KEY = new SegmentKey(Segmenter.DEFAULT_KEYS, List.of("H1", "UNIMED", "TECNICA"));
    private static final int[] ROWS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final int[] LABELS = {0, 0, 0, 0, 1, 1, 1, 1, 1, -1};
    private static final List<String> FEATURES = List.of("glosa_amount", "billed_amount");

    /** Group 0 = rows 0-3 (costly, MATERIAL in UTI, rising), group 1 = rows 4-8 (cheap, DIARIA in ENF), noise = 9. */
    private static GlosaTable table() {
        double[] glosa = {1000, 1200, 800, 1000, 100, 200, 150, 50, 0, 500};
        double[] billed = {5000, 4000, 4000, 2000, 1000, 1000, 1500, 500, 800, 1000};
        double[] jump = {200, 300, 100, 400, -50, 0, -20, 0, 0, 0};
        String[] item = {
            "MATERIAL", "MATERIAL", "MATERIAL", "DIARIA", "DIARIA", "DIARIA", "TAXA", "DIARIA", "DIARIA", "TAXA"
        };
        String[] sector = {
            "UTI",
            "UTI",
            "ENFERMARIA",
            "UTI",
            "ENFERMARIA",
            "ENFERMARIA",
            "ENFERMARIA",
            "PRONTO_SOCORRO",
            "ENFERMARIA",
            "PRONTO_SOCORRO"
        };
        String[] reason = {"1001", "1001", "1702", "1001", "2001", "2001", "2001", "1702", null, "1001"};
        TableBuilder b = GlosaTable.builder();
        CategoryColumn.Builder h = b.category("hospital");
        CategoryColumn.Builder p = b.category("payer");
        CategoryColumn.Builder t = b.category("glosa_type");
        DoubleColumn.Builder g = b.doubles("glosa_amount");
        DoubleColumn.Builder bi = b.doubles("billed_amount");
        DoubleColumn.Builder j = b.doubles("glosa_jump");
        CategoryColumn.Builder it = b.category("item_category");
        CategoryColumn.Builder se = b.category("sector");
        CategoryColumn.Builder re = b.category("reason_code");
        for (int r = 0; r < glosa.length; r++) {
            h.add("H1");
            p.add("UNIMED");
            t.add("TECNICA");
            g.add(glosa[r]);
            bi.add(billed[r]);
            j.add(jump[r]);
            it.add(item[r]);
            se.add(sector[r]);
            if (reason[r] == null) {
                re.addMissing();
            } else {
                re.add(reason[r]);
            }
        }
        return b.build();
    }

    private static SegmentProfile profile(ProfileOptions options) {
        return GroupProfiler.profile(table(), KEY, ROWS, LABELS, FEATURES, options);
    }

    private static GroupProfile group(SegmentProfile s, int label) {
        return s.groups().stream().filter(p -> p.cluster() == label).findFirst().orElseThrow();
    }

    @Test
    void computesRowsMoneySharesMedianAndRatePerGroup() {
        SegmentProfile s = profile(ProfileOptions.defaults());
        assertThat(s.segmentId()).isEqualTo(KEY.id());
        assertThat(s.rows()).isEqualTo(10);
        assertThat(s.glosaAmount()).isEqualTo(5000.0);
        assertThat(s.billedTotal()).isEqualTo(20800.0);
        GroupProfile g0 = group(s, 0);
        assertThat(g0.rows()).isEqualTo(4);
        assertThat(g0.rowShare()).isEqualTo(0.4);
        assertThat(g0.glosaAmount()).isEqualTo(4000.0);
        assertThat(g0.glosaMean()).isEqualTo(1000.0);
        assertThat(g0.glosaMedian()).isEqualTo(1000.0);
        assertThat(g0.glosaShare()).isEqualTo(0.8);
        assertThat(g0.glosaRate()).isCloseTo(4000.0 / 15000.0, within(1e-12));
        assertThat(g0.glosaJump()).isEqualTo(1000.0);
        GroupProfile g1 = group(s, 1);
        assertThat(g1.rows()).isEqualTo(5);
        assertThat(g1.glosaAmount()).isEqualTo(500.0);
        assertThat(g1.glosaMedian()).isEqualTo(100.0);
        assertThat(g1.glosaShare()).isEqualTo(0.1);
        assertThat(g1.glosaJump()).isEqualTo(-70.0);
        assertThat(g1.segmentId()).isEqualTo(KEY.id());
    }

    @Test
    void featureCentresAreInOriginalUnitsAndSpreadIsTheSegmentsStandardDeviation() {
        SegmentProfile s = profile(ProfileOptions.defaults());
        assertThat(group(s, 0).featureCentres())
                .containsExactly(
                        java.util.Map.entry("glosa_amount", 1000.0), java.util.Map.entry("billed_amount", 3750.0));
        double[] glosa = {1000, 1200, 800, 1000, 100, 200, 150, 50, 0, 500};
        double ss = 0;
        for (double v : glosa) {
            ss += (v - 500) * (v - 500);
        }
        assertThat(s.featureSpread().get("glosa_amount")).isCloseTo(Math.sqrt(ss / 10), within(1e-9));
        assertThat(s.featureSpread().keySet()).containsExactly("glosa_amount", "billed_amount");
    }

    @Test
    void noiseIsAGroupOfItsOwnWithLabelMinusOne() {
        SegmentProfile s = profile(ProfileOptions.defaults());
        assertThat(s.groups()).extracting(GroupProfile::cluster).containsExactlyInAnyOrder(0, 1, -1);
        GroupProfile noise = group(s, -1);
        assertThat(noise.rows()).isEqualTo(1);
        assertThat(noise.glosaAmount()).isEqualTo(500.0);
        assertThat(noise.label()).isEqualTo("outliers — 1 line — R$ 500, 10% of the segment");
    }

    @Test
    void distinctiveCategoriesHaveLiftAboveTheMinimumWithSupportByGlosaShare() {
        SegmentProfile s = profile(ProfileOptions.defaults());
        List<CategoryLift> g0 = group(s, 0).distinctive();
        assertThat(g0).extracting(CategoryLift::value).containsExactly("UTI", "MATERIAL");
        CategoryLift material = g0.get(1);
        assertThat(material.column()).isEqualTo("item_category");
        assertThat(material.shareInGroup()).isEqualTo(0.75);
        assertThat(material.shareInSegment()).isEqualTo(0.6);
        assertThat(material.lift()).isCloseTo(1.25, within(1e-12));
        List<CategoryLift> g1 = group(s, 1).distinctive();
        assertThat(g1).extracting(CategoryLift::value).containsExactly("ENFERMARIA", "DIARIA", "TAXA");
        assertThat(g1.get(0).lift()).isCloseTo(0.9 / 0.25, within(1e-12));
        for (GroupProfile p : s.groups()) {
            for (CategoryLift l : p.distinctive()) {
                assertThat(l.lift()).isGreaterThanOrEqualTo(1.2);
                assertThat(l.shareInGroup()).isGreaterThanOrEqualTo(0.10);
                assertThat(l.column()).isNotIn(Segmenter.DEFAULT_KEYS).isNotEqualTo("reason_code");
            }
        }
    }

    /** The fixture with a birth date and a CPF under a name that says nothing, both telling the groups apart. */
    private static GlosaTable withPersonalColumns() {
        String[] births = new String[10];
        String[] docs = new String[10];
        for (int r = 0; r < 10; r++) {
            births[r] = r < 4 ? "19900807" : (1940 + 7 * r) + "0115";
            docs[r] = r < 4 ? "39825979194" : "90748337806";
        }
        return table().with(CategoryColumn.of("NASC", births)).with(CategoryColumn.of("DOC", docs));
    }

    @Test
    void theDefaultsNeverDescribeAGroupByAPersonalColumn() {
        SegmentProfile s =
                GroupProfiler.profile(withPersonalColumns(), KEY, ROWS, LABELS, FEATURES, ProfileOptions.defaults());

        for (GroupProfile p : s.groups()) {
            assertThat(p.distinctive()).extracting(CategoryLift::column).doesNotContain("NASC", "DOC");
            assertThat(p.label()).doesNotContain("19900807", "39825979194", "90748337806");
        }
        assertThat(group(s, 0).distinctive()).extracting(CategoryLift::value).containsExactly("UTI", "MATERIAL");
    }

    @Test
    void aPersonalColumnDescribesGroupsOnlyWhenItsOverrideSaysItIsNotPersonal() {
        GlosaTable t = withPersonalColumns();
        SegmentProfile allowed = GroupProfiler.profile(
                t,
                KEY,
                ROWS,
                LABELS,
                FEATURES,
                ProfileOptions.defaults().withPersonalOverrides(java.util.Map.of("nasc", false)));
        assertThat(group(allowed, 0).distinctive())
                .extracting(CategoryLift::value)
                .contains("19900807");

        assertThatThrownBy(() -> GroupProfiler.profile(
                        t,
                        KEY,
                        ROWS,
                        LABELS,
                        FEATURES,
                        ProfileOptions.defaults().withCategoryColumns(List.of("sector", "DOC"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOC (100% of 10 values sampled are valid CPFs)")
                .hasMessageContaining("personal: false");
        SegmentProfile marked = GroupProfiler.profile(
                t,
                KEY,
                ROWS,
                LABELS,
                FEATURES,
                ProfileOptions.defaults().withPersonalOverrides(java.util.Map.of("sector", true)));
        assertThat(group(marked, 0).distinctive())
                .extracting(CategoryLift::column)
                .containsOnly("item_category");
    }

    @Test
    void liftsCanBeMeasuredInRows() {
        SegmentProfile s = profile(ProfileOptions.defaults().withLifts(LiftBasis.ROWS, 0.1, 1.2, 5));
        CategoryLift diaria = group(s, 1).distinctive().stream()
                .filter(l -> l.value().equals("DIARIA"))
                .findFirst()
                .orElseThrow();
        assertThat(diaria.shareInGroup()).isEqualTo(0.8);
        assertThat(diaria.shareInSegment()).isEqualTo(0.5);
        assertThat(diaria.lift()).isCloseTo(1.6, within(1e-12));
    }

    @Test
    void aGroupWithoutGlosaIsExplainedByRows() {
        int[] labels = {0, 0, 0, 0, 0, 0, 0, 0, 1, 0};
        SegmentProfile s = GroupProfiler.profile(table(), KEY, ROWS, labels, FEATURES, ProfileOptions.defaults());
        GroupProfile empty = group(s, 1);
        assertThat(empty.glosaAmount()).isZero();
        assertThat(empty.distinctive()).extracting(CategoryLift::value).contains("DIARIA", "ENFERMARIA");
        assertThat(empty.distinctive().get(0).shareInGroup()).isEqualTo(1.0);
    }

    @Test
    void topReasonsAreOrderedByGlosaWithTheirShare() {
        SegmentProfile s = profile(ProfileOptions.defaults());
        assertThat(group(s, 0).topReasons())
                .containsExactly(new ReasonShare("1001", 3, 3200.0, 0.8), new ReasonShare("1702", 1, 800.0, 0.2));
        assertThat(group(s, 1).topReasons())
                .containsExactly(new ReasonShare("2001", 3, 450.0, 0.9), new ReasonShare("1702", 1, 50.0, 0.1));
    }

    @Test
    void labelReadsValueLevelTrendCategoriesAndMoney() {
        SegmentProfile s = profile(ProfileOptions.defaults());
        assertThat(group(s, 0).label())
                .isEqualTo("high value and rising — UTI, MATERIAL — R$ 4.0k, 80% of the segment");
        assertThat(group(s, 1).label())
                .isEqualTo("low value and falling — ENFERMARIA, DIARIA — R$ 500, 10% of the segment");
    }

    @Test
    void labelReadsInPortugueseWhenAskedWithTheSameDecisions() {
        SegmentProfile s = profile(ProfileOptions.defaults().withLanguage(dev.glosa.core.text.Language.PT_BR));
        assertThat(group(s, 0).label()).isEqualTo("valor alto e em alta — UTI, MATERIAL — R$ 4,0 mil, 80% do segmento");
        assertThat(group(s, 1).label())
                .isEqualTo("valor baixo e em queda — ENFERMARIA, DIARIA — R$ 500, 10% do segmento");
    }

    @Test
    void labelHasNoTrendWithoutAJumpColumnAndSaysWholeSegmentForOneGroup() {
        GlosaTable t = table().without("glosa_jump");
        SegmentProfile s = GroupProfiler.profile(t, KEY, ROWS, new int[10], FEATURES, ProfileOptions.defaults());
        assertThat(s.groups()).singleElement().satisfies(p -> {
            assertThat(p.label()).isEqualTo("whole segment — R$ 5.0k, 100% of the segment");
            assertThat(p.glosaJump()).isNaN();
            assertThat(p.distinctive()).isEmpty();
        });
    }

    @Test
    void ranksInsideTheSegmentByGlosaOrByJump() {
        SegmentProfile byGlosa = profile(ProfileOptions.defaults());
        // Noise and group 1 tie on glosa (500); the lower label goes first.
        assertThat(byGlosa.groups()).extracting(GroupProfile::cluster).containsExactly(0, -1, 1);
        assertThat(byGlosa.groups()).extracting(GroupProfile::rankInSegment).containsExactly(1, 2, 3);
        SegmentProfile byJump = profile(ProfileOptions.defaults().withRankBy(RankBy.JUMP));
        assertThat(byJump.groups()).extracting(GroupProfile::cluster).containsExactly(0, -1, 1);
        int[] labels = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
        SegmentProfile swapped = GroupProfiler.profile(
                table(), KEY, ROWS, labels, FEATURES, ProfileOptions.defaults().withRankBy(RankBy.JUMP));
        assertThat(swapped.groups()).extracting(GroupProfile::cluster).containsExactly(1, 0);
    }

    @Test
    void groupGlosaAddsUpToTheSegmentToTheCentOnLargeAmounts() {
        Random rnd = new Random(17);
        int n = 20_000;
        TableBuilder b = GlosaTable.builder(n);
        DoubleColumn.Builder g = b.doubles("glosa_amount");
        DoubleColumn.Builder bi = b.doubles("billed_amount");
        int[] rows = new int[n];
        int[] labels = new int[n];
        BigDecimal exact = BigDecimal.ZERO;
        for (int r = 0; r < n; r++) {
            double v = Math.round(rnd.nextDouble() * Math.pow(10, 2 + rnd.nextInt(8))) / 100.0;
            if (r % 97 == 0) {
                g.addMissing();
            } else {
                g.add(v);
                exact = exact.add(new BigDecimal(v));
            }
            bi.add(v * 3);
            rows[r] = r;
            labels[r] = rnd.nextInt(9) - 1;
        }
        SegmentProfile s = GroupProfiler.profile(
                b.build(),
                new SegmentKey(List.of(), List.of()),
                rows,
                labels,
                List.of("glosa_amount"),
                ProfileOptions.defaults());
        BigDecimal groups = BigDecimal.ZERO;
        for (GroupProfile p : s.groups()) {
            groups = groups.add(new BigDecimal(p.glosaAmount()));
        }
        assertThat(groups.subtract(exact).abs().doubleValue()).isLessThan(0.005);
        assertThat(new BigDecimal(s.glosaAmount()).subtract(exact).abs().doubleValue())
                .isLessThan(0.005);
        assertThat(s.groups()).hasSize(9);
    }

    @Test
    void rejectsClustersThatDoNotFitTheRows() {
        assertThatThrownBy(() ->
                        GroupProfiler.profile(table(), KEY, ROWS, new int[3], FEATURES, ProfileOptions.defaults()))
                .hasMessage("clusters (3) must be as many as rows (10)");
        int[] bad = LABELS.clone();
        bad[2] = -2;
        assertThatThrownBy(() -> GroupProfiler.profile(table(), KEY, ROWS, bad, FEATURES, ProfileOptions.defaults()))
                .hasMessage("cluster of segment row 2 must be >= -1, found -2");
    }

    @Test
    void optionsAreCheckedWhenBuilt() {
        assertThatThrownBy(() -> ProfileOptions.defaults().withLifts(LiftBasis.GLOSA, 0.1, 1.0, 5))
                .hasMessage("minLift must be a finite number above 1, found 1.0");
        assertThatThrownBy(() -> ProfileOptions.defaults().withLifts(LiftBasis.GLOSA, 0, 1.5, 5))
                .hasMessage("minSupport must be in (0, 1], found 0.0");
    }
}
