package dev.glosa.cluster.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glosa.cluster.features.Feature;
import dev.glosa.cluster.features.FeatureSpec;
import dev.glosa.cluster.features.Transform;
import dev.glosa.cluster.kmeans.KMeansStrategy;
import dev.glosa.cluster.profile.ProfileOptions;
import dev.glosa.cluster.profile.RankBy;
import dev.glosa.cluster.select.AdjustedRandIndex;
import dev.glosa.cluster.select.Criterion;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.StrategyRegistry;
import dev.glosa.core.result.CategoryLift;
import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupStatus;
import dev.glosa.core.result.KScore;
import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.result.SegmentStatus;
import dev.glosa.core.segment.Segment;
import dev.glosa.core.segment.Segmenter;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SegmentLoopTests {
    private static final StrategyRegistry REGISTRY =
            StrategyRegistry.of(new KMeansStrategy(), new TestStrategies.Failing(), new TestStrategies.SignSplit());
    private static final SegmentLoop LOOP = new SegmentLoop(REGISTRY);

    private static PlantedData.Week week;
    private static LoopResult oneThread;

    @BeforeAll
    static void runOnce() {
        week = PlantedData.design(40, 11L, 25, 70).week(101L, 0.0);
        oneThread =
                LOOP.run(week.table(), LoopConfig.builder().seed(5).threads(1).build());
    }

    @Test
    void recoversPlantedKAndPartitionInAtLeast95PercentOfSegments() {
        int good = 0;
        List<String> misses = new ArrayList<>();
        for (SegmentResult r : oneThread.segments()) {
            int planted = week.plantedK().get(r.segmentId());
            double ari =
                    AdjustedRandIndex.of(truthOf(r.assignment()), r.assignment().clusters());
            if (r.k() == planted && ari >= 0.9) {
                good++;
            } else {
                misses.add(r.key().describe() + " planted " + planted + " found " + r.k() + " ari " + ari);
            }
        }
        assertThat(oneThread.segments()).hasSize(40);
        assertThat(good).as("segments recovered; misses: %s", misses).isGreaterThanOrEqualTo(38);
    }

    @Test
    void resultsAreIdenticalWithOneAndFourThreads() {
        LoopResult four =
                LOOP.run(week.table(), LoopConfig.builder().seed(5).threads(4).build());
        assertThat(four.segments()).isEqualTo(oneThread.segments());
        assertThat(four.state()).isEqualTo(oneThread.state());
    }

    @Test
    void resultsAreIdenticalWithSixteenThreadsOnAFewSegments() {
        PlantedData.Week small = PlantedData.design(12, 3L, 20, 40).week(7L, 0.0);
        LoopConfig config = LoopConfig.builder().seed(9).kRange(2, 6).threads(1).build();
        LoopResult a = LOOP.run(small.table(), config);
        LoopResult b = LOOP.run(small.table(), config.toBuilder().threads(16).build());
        assertThat(b.segments()).isEqualTo(a.segments());
    }

    @Test
    void resultsComeInSegmentKeyOrder() {
        List<Segment> segments = Segmenter.split(week.table());
        List<String> expected = new ArrayList<>();
        for (Segment s : segments) {
            expected.add(s.id());
        }
        List<String> actual = new ArrayList<>();
        for (SegmentResult r : oneThread.segments()) {
            actual.add(r.segmentId());
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void writtenLabelsAreThePartitionThatWasScored() {
        LoopConfig config = LoopConfig.builder().seed(5).build();
        for (SegmentResult r : oneThread.segments()) {
            assertThat(r.status()).isEqualTo(SegmentStatus.CLUSTERED);
            FeatureMatrix x = config.features()
                    .encode(week.table(), r.assignment().rows())
                    .matrix();
            double rescored =
                    Criterion.byId(r.qualityMetric()).score(x, r.assignment().clusters(), r.seed());
            assertThat(rescored).as(r.key().describe()).isEqualTo(r.quality());
            KScore chosen = r.qualityByK().stream()
                    .filter(s -> s.k() == r.k())
                    .findFirst()
                    .orElseThrow();
            assertThat(chosen.quality()).isEqualTo(r.quality());
        }
    }

    @Test
    void scoresListEveryKTriedWithTheCriterion() {
        SegmentResult r = oneThread.segments().get(0);
        assertThat(r.qualityMetric()).isEqualTo("simplified-silhouette");
        assertThat(r.qualityByK()).extracting(KScore::k).startsWith(2, 3, 4);
        assertThat(r.qualityByK().size()).isEqualTo(Math.min(15, (int) r.rows() - 1) - 1);
        assertThat(r.strategy()).isEqualTo("kmeans");
        assertThat(r.parameters()).containsEntry("k", String.valueOf(r.k()));
        assertThat(r.eps()).isNaN();
    }

    @Test
    void groupGlosaAddsUpToSegmentGlosaToTheCent() {
        DoubleColumn glosa = week.table().doubles(Role.GLOSA_AMOUNT.column());
        for (SegmentResult r : oneThread.segments()) {
            double segment = 0;
            for (int row : r.assignment().rows()) {
                segment += glosa.get(row);
            }
            double groups = 0;
            long rows = 0;
            for (GroupProfile p : r.profiles()) {
                groups += p.glosaAmount();
                rows += p.rows();
            }
            assertThat(groups).isCloseTo(segment, within(0.005));
            assertThat(r.glosaAmount()).isCloseTo(segment, within(0.005));
            assertThat(rows).isEqualTo(r.rows());
        }
    }

    @Test
    void everyRowCarriesItsGroupsStableId() {
        for (SegmentResult r : oneThread.segments()) {
            SegmentAssignment a = r.assignment();
            for (int i = 0; i < a.size(); i++) {
                int label = a.cluster(i);
                GroupProfile p = r.profiles().stream()
                        .filter(q -> q.cluster() == label)
                        .findFirst()
                        .orElseThrow();
                assertThat(a.groupId(i)).isEqualTo(p.groupId());
            }
            for (GroupProfile p : r.profiles()) {
                assertThat(p.groupId()).matches(r.segmentId() + "-G\\d+");
                assertThat(p.status()).isEqualTo(GroupStatus.NEW);
            }
        }
    }

    @Test
    void ranksGroupsInsideSegmentsAndAcrossTheRunByMoney() {
        List<GroupProfile> ranking = oneThread.ranking();
        for (int i = 0; i < ranking.size(); i++) {
            assertThat(ranking.get(i).rankOverall()).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(ranking.get(i).glosaAmount())
                        .isLessThanOrEqualTo(ranking.get(i - 1).glosaAmount());
            }
        }
        for (SegmentResult r : oneThread.segments()) {
            for (int i = 0; i < r.profiles().size(); i++) {
                assertThat(r.profiles().get(i).rankInSegment()).isEqualTo(i + 1);
            }
        }
    }

    @Test
    void ranksByJumpWhenConfigured() {
        PlantedData.Week small = PlantedData.design(6, 3L, 20, 40).week(7L, 0.0);
        LoopResult r = LOOP.run(
                small.table(),
                LoopConfig.builder()
                        .kRange(2, 6)
                        .profile(ProfileOptions.defaults().withRankBy(RankBy.JUMP))
                        .build());
        List<GroupProfile> ranking = r.ranking();
        for (int i = 1; i < ranking.size(); i++) {
            assertThat(ranking.get(i).glosaJump())
                    .isLessThanOrEqualTo(ranking.get(i - 1).glosaJump());
        }
    }

    @Test
    void noGroupIsDescribedByABirthDateWhateverTheProfileColumnsAndNamingOneFailsAtOnce() {
        PlantedData.Week small = PlantedData.design(6, 3L, 20, 40).week(7L, 0.0);
        GlosaTable t = small.table();
        // eight birth dates, each shared by enough rows of a group to stand out in its profile were it allowed
        String[] births = new String[t.rowCount()];
        for (int r = 0; r < births.length; r++) {
            births[r] = String.format("%04d%02d%02d", 1930 + 9 * (r % 8), 1 + r % 8, 10 + r % 8);
        }
        GlosaTable withBirths = t.with(CategoryColumn.of("DATA_NASC", births));

        LoopResult r = LOOP.run(withBirths, LoopConfig.builder().kRange(2, 6).build());
        for (GroupProfile p : r.profiles()) {
            assertThat(p.distinctive()).extracting(CategoryLift::column).doesNotContain("DATA_NASC");
        }
        LoopResult allowed = LOOP.run(
                withBirths,
                LoopConfig.builder()
                        .kRange(2, 6)
                        .profile(ProfileOptions.defaults().withPersonalOverrides(Map.of("DATA_NASC", false)))
                        .build());
        assertThat(allowed.profiles())
                .flatExtracting(GroupProfile::distinctive)
                .extracting(CategoryLift::column)
                .contains("DATA_NASC");
        assertThatThrownBy(() -> LOOP.run(
                        withBirths,
                        LoopConfig.builder()
                                .kRange(2, 6)
                                .profile(ProfileOptions.defaults().withCategoryColumns(List.of("DATA_NASC")))
                                .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATA_NASC (word NASC of the name)");
    }

    @Test
    void segmentBelowMinimumSizeBecomesOneGroupMarkedTooSmall() {
        PlantedData.Week small = PlantedData.design(6, 3L, 20, 40).week(7L, 0.0);
        int threshold = 100;
        LoopResult r = LOOP.run(
                small.table(),
                LoopConfig.builder().minSegmentSize(threshold).kRange(2, 6).build());
        int tooSmall = 0;
        for (SegmentResult s : r.segments()) {
            if (s.rows() < threshold) {
                tooSmall++;
                assertThat(s.status()).isEqualTo(SegmentStatus.TOO_SMALL);
                assertThat(s.reason()).contains("below the minimum segment size of 100");
                assertThat(s.k()).isEqualTo(1);
                assertThat(s.profiles()).singleElement().satisfies(p -> {
                    assertThat(p.rows()).isEqualTo(s.rows());
                    assertThat(p.glosaShare()).isEqualTo(1.0);
                    assertThat(p.label()).startsWith("whole segment");
                });
                assertThat(s.assignment().clusters()).containsOnly(0);
            } else {
                assertThat(s.status()).isEqualTo(SegmentStatus.CLUSTERED);
            }
        }
        assertThat(tooSmall).isPositive();
    }

    @Test
    void failingSegmentIsRecordedWithItsReasonAndTheRunGoesOn() {
        PlantedData.Week small = PlantedData.design(6, 3L, 20, 40).week(7L, 0.0);
        String victim = Segmenter.split(small.table()).get(2).id();
        LoopConfig config = LoopConfig.builder()
                .kRange(2, 6)
                .override(SegmentOverride.forSegment(victim).withStrategy(TestStrategies.Failing.ID))
                .build();
        LoopResult r = LOOP.run(small.table(), config);
        assertThat(r.segments()).hasSize(6);
        for (SegmentResult s : r.segments()) {
            if (s.segmentId().equals(victim)) {
                assertThat(s.status()).isEqualTo(SegmentStatus.FAILED);
                assertThat(s.reason()).isEqualTo("IllegalStateException: planted failure on " + s.rows() + " rows");
                assertThat(s.strategy()).isEqualTo(TestStrategies.Failing.ID);
                assertThat(s.profiles())
                        .singleElement()
                        .satisfies(p -> assertThat(p.rows()).isEqualTo(s.rows()));
                assertThat(s.quality()).isNaN();
            } else {
                assertThat(s.status()).isEqualTo(SegmentStatus.CLUSTERED);
            }
        }
        assertThat(r.count(SegmentStatus.FAILED)).isEqualTo(1);
        assertThat(r.count(SegmentStatus.CLUSTERED)).isEqualTo(5);
    }

    @Test
    void overrideByKeyValuesAppliesToEveryMatchingSegmentAndIdBeatsKeys() {
        PlantedData.Week small = PlantedData.design(12, 3L, 20, 40).week(7L, 0.0);
        List<Segment> segments = Segmenter.split(small.table());
        String byId = segments.get(0).id();
        LoopConfig config = LoopConfig.builder()
                .kRange(2, 6)
                .override(SegmentOverride.forKeys(Map.of("payer", "UNIMED")).withKRange(3, 3))
                .override(SegmentOverride.forSegment(byId).withKRange(2, 2))
                .build();
        LoopResult r = LOOP.run(small.table(), config);
        for (SegmentResult s : r.segments()) {
            if (s.segmentId().equals(byId)) {
                assertThat(s.k()).isEqualTo(2);
            } else if (s.key().value("payer").equals("UNIMED")) {
                assertThat(s.k()).isEqualTo(3);
                assertThat(s.qualityByK()).extracting(KScore::k).containsExactly(3);
            }
        }
    }

    @Test
    void strategyWithoutKReportsEpsAndNoiseIsItsOwnGroup() {
        PlantedData.Week small = PlantedData.design(4, 3L, 20, 40).week(7L, 0.0);
        LoopConfig config = LoopConfig.builder()
                .strategy(TestStrategies.SignSplit.ID)
                .parameter("eps", "0.4")
                .build();
        LoopResult r = LOOP.run(small.table(), config);
        DoubleColumn glosa = small.table().doubles(Role.GLOSA_AMOUNT.column());
        boolean sawNoise = false;
        for (SegmentResult s : r.segments()) {
            assertThat(s.status()).isEqualTo(SegmentStatus.CLUSTERED);
            assertThat(s.eps()).isEqualTo(0.4);
            assertThat(s.qualityByK()).isEmpty();
            double segment = 0;
            for (int row : s.assignment().rows()) {
                segment += glosa.get(row);
            }
            double groups = 0;
            for (GroupProfile p : s.profiles()) {
                groups += p.glosaAmount();
                if (p.cluster() == -1) {
                    sawNoise = true;
                    assertThat(p.groupId()).isEqualTo(s.segmentId() + "-N");
                    assertThat(p.label()).startsWith("outliers — ");
                }
            }
            assertThat(groups).isCloseTo(segment, within(0.005));
        }
        assertThat(sawNoise).isTrue();
    }

    @Test
    void progressIsReportedOncePerSegmentEndingAtTheTotals() {
        PlantedData.Week small = PlantedData.design(8, 3L, 20, 40).week(7L, 0.0);
        List<Progress> seen = new ArrayList<>();
        LOOP.run(small.table(), LoopConfig.builder().kRange(2, 6).threads(2).build(), List.of(), seen::add);
        assertThat(seen).hasSize(8);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i).segmentsDone()).isEqualTo(i + 1);
            assertThat(seen.get(i).segmentsTotal()).isEqualTo(8);
            assertThat(seen.get(i).rowsTotal()).isEqualTo(small.table().rowCount());
            assertThat(seen.get(i).remaining().isNegative()).isFalse();
            if (i > 0) {
                assertThat(seen.get(i).rowsDone()).isGreaterThan(seen.get(i - 1).rowsDone());
            }
        }
        Progress last = seen.get(seen.size() - 1);
        assertThat(last.rowsDone()).isEqualTo(small.table().rowCount());
        assertThat(last.remaining()).isZero();
        assertThat(last.fraction()).isEqualTo(1.0);
    }

    @Test
    void segmentSeedDependsOnRunSeedAndIdOnly() {
        long a = SegmentJob.segmentSeed(5, "S0123456789ab");
        assertThat(SegmentJob.segmentSeed(5, "S0123456789ab")).isEqualTo(a);
        assertThat(SegmentJob.segmentSeed(6, "S0123456789ab")).isNotEqualTo(a);
        assertThat(SegmentJob.segmentSeed(5, "S0123456789ac")).isNotEqualTo(a);
        Set<Long> seeds = new HashSet<>();
        for (SegmentResult r : oneThread.segments()) {
            assertThat(r.seed()).isEqualTo(SegmentJob.segmentSeed(5, r.segmentId()));
            seeds.add(r.seed());
        }
        assertThat(seeds).hasSize(oneThread.segments().size());
    }

    @Test
    void segmentJobOnASegmentAloneGivesTheSameResultAsInsideTheRun() {
        SegmentResult inRun = oneThread.segments().get(3);
        int[] rows = inRun.assignment().rows();
        GlosaTable alone = week.table().select(rows);
        int[] local = new int[rows.length];
        for (int i = 0; i < local.length; i++) {
            local[i] = i;
        }
        LoopConfig config = LoopConfig.builder().seed(5).build();
        SegmentResult r = new SegmentJob(REGISTRY)
                .run(new SegmentInput(
                        inRun.key(),
                        alone,
                        local,
                        config.settingsFor(inRun.key()),
                        List.of(),
                        SegmentJob.segmentSeed(5, inRun.segmentId())));
        assertThat(r.assignment().clusters()).isEqualTo(inRun.assignment().clusters());
        assertThat(r.k()).isEqualTo(inRun.k());
        assertThat(r.quality()).isEqualTo(inRun.quality());
        assertThat(r.glosaAmount()).isEqualTo(inRun.glosaAmount());
    }

    @Test
    void configurationIsCheckedWhenBuilt() {
        assertThatThrownBy(() -> LoopConfig.builder().kRange(1, 5).build()).hasMessage("kMin must be >= 2, found 1");
        assertThatThrownBy(() -> LoopConfig.builder().kRange(4, 3).build()).hasMessage("kMax (3) must be >= kMin (4)");
        assertThatThrownBy(() -> LoopConfig.builder().threads(0).build()).hasMessage("threads must be >= 1, found 0");
        assertThatThrownBy(() -> LoopConfig.builder().minSegmentSize(0).build())
                .hasMessage("minSegmentSize must be >= 1, found 0");
        assertThatThrownBy(() -> LoopConfig.builder().criterion("gap").build())
                .hasMessageStartingWith("unknown criterion 'gap'");
        assertThatThrownBy(() -> LoopConfig.builder()
                        .override(SegmentOverride.forKeys(Map.of("sector", "UTI")))
                        .build())
                .hasMessageContaining("names 'sector', which is not a segment key");
    }

    @Test
    void runRejectsConfigurationThatDoesNotFitTableOrRegistry() {
        GlosaTable t = week.table();
        assertThatThrownBy(
                        () -> LOOP.run(t, LoopConfig.builder().strategy("nope").build()))
                .hasMessageStartingWith("configuration of the run: unknown clustering strategy 'nope'");
        assertThatThrownBy(() -> LOOP.run(
                        t, LoopConfig.builder().parameter("restart", "3").build()))
                .hasMessageContaining("has no parameter 'restart'");
        assertThatThrownBy(() -> LOOP.run(
                        t,
                        LoopConfig.builder()
                                .features(FeatureSpec.of(
                                        Feature.numeric("glosa_amount", Transform.Z_SCORE),
                                        Feature.numeric("missing_column", Transform.Z_SCORE)))
                                .build()))
                .hasMessageContaining("missing_column");
        GlosaTable noJump = t.without("glosa_jump", "glosa_rate_jump");
        assertThatThrownBy(() -> LOOP.run(
                        noJump,
                        LoopConfig.builder()
                                .features(FeatureSpec.of(
                                        Feature.numeric("glosa_amount", Transform.Z_SCORE),
                                        Feature.numeric("glosa_rate", Transform.Z_SCORE)))
                                .profile(ProfileOptions.defaults().withRankBy(RankBy.JUMP))
                                .build()))
                .hasMessageStartingWith("rankBy JUMP needs the jump column 'glosa_jump'");
    }

    @Test
    void aMissingFeatureValueFailsOnlyItsSegment() {
        PlantedData.Week small = PlantedData.design(6, 3L, 20, 40).week(7L, 0.0);
        GlosaTable t = small.table();
        double[] rate = t.doubles("glosa_rate").values();
        rate[0] = Double.NaN;
        GlosaTable broken = t.with(DoubleColumn.of("glosa_rate", rate));
        String victim = new dev.glosa.core.segment.SegmentKey(
                        Segmenter.DEFAULT_KEYS,
                        List.of(
                                t.category("hospital").get(0),
                                t.category("payer").get(0),
                                t.category("glosa_type").get(0)))
                .id();
        LoopResult r = LOOP.run(broken, LoopConfig.builder().kRange(2, 6).build());
        for (SegmentResult s : r.segments()) {
            if (s.segmentId().equals(victim)) {
                assertThat(s.status()).isEqualTo(SegmentStatus.FAILED);
                assertThat(s.reason()).startsWith("IllegalArgumentException").contains("glosa_rate");
                assertThat(s.profiles()).hasSize(1);
            } else {
                assertThat(s.status()).isEqualTo(SegmentStatus.CLUSTERED);
            }
        }
    }

    @Test
    void categoricalFeaturesAreEncodedWhileCentresCoverTheNumericColumns() {
        PlantedData.Week small = PlantedData.design(4, 3L, 20, 40).week(7L, 0.0);
        FeatureSpec spec = FeatureSpec.of(
                Feature.numeric("glosa_amount", Transform.Z_SCORE),
                Feature.numeric("glosa_rate", Transform.ROBUST),
                Feature.oneHot(PlantedData.ITEM, 3));
        LoopResult r = LOOP.run(
                small.table(), LoopConfig.builder().features(spec).kRange(2, 6).build());
        for (SegmentResult s : r.segments()) {
            assertThat(s.status()).isEqualTo(SegmentStatus.CLUSTERED);
            assertThat(s.featureSpread().keySet()).containsExactly("glosa_amount", "glosa_rate");
            for (GroupProfile p : s.profiles()) {
                assertThat(p.featureCentres().keySet()).containsExactly("glosa_amount", "glosa_rate");
            }
        }
    }

    @Test
    void featureColumnOfTheWrongTypeIsRejectedBeforeAnySegmentRuns() {
        FeatureSpec spec = FeatureSpec.of(Feature.numeric(PlantedData.ITEM, Transform.Z_SCORE));
        assertThatThrownBy(() -> LOOP.run(
                        week.table(), LoopConfig.builder().features(spec).build()))
                .hasMessage("feature column 'item_category' must be DOUBLE or LONG, found CATEGORY");
    }

    @Test
    void strategiesFoundOnTheClassPathRunThroughTheLoop() {
        PlantedData.Week small = PlantedData.design(6, 3L, 30, 60).week(7L, 0.0);
        SegmentLoop loaded = SegmentLoop.withDefaultStrategies();
        LoopResult dbscan = loaded.run(
                small.table(), LoopConfig.builder().strategy("dbscan").build());
        DoubleColumn glosa = small.table().doubles(Role.GLOSA_AMOUNT.column());
        for (SegmentResult s : dbscan.segments()) {
            assertThat(s.status()).isEqualTo(SegmentStatus.CLUSTERED);
            assertThat(s.eps()).isPositive().isFinite();
            assertThat(s.parameters().get("eps")).isEqualTo(String.valueOf(s.eps()));
            double segment = 0;
            for (int row : s.assignment().rows()) {
                segment += glosa.get(row);
            }
            assertThat(s.profiles().stream()
                            .mapToDouble(GroupProfile::glosaAmount)
                            .sum())
                    .isCloseTo(segment, within(0.005));
        }
        LoopResult ward = loaded.run(
                small.table(),
                LoopConfig.builder().strategy("hierarchical").kRange(2, 8).build());
        int recovered = 0;
        for (SegmentResult s : ward.segments()) {
            if (s.k() == small.plantedK().get(s.segmentId())) {
                recovered++;
            }
        }
        assertThat(recovered).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aResultMapsOntoTheTablesRowsAndKeepsItsScoresByK() {
        for (SegmentResult r : oneThread.segments()) {
            int[] tableRows = new int[oneThread.rows() > Integer.MAX_VALUE ? 0 : (int) oneThread.rows()];
            for (int i = 0; i < tableRows.length; i++) {
                tableRows[i] = 1000 + 2 * i;
            }
            SegmentResult moved = r.onRows(tableRows);
            assertThat(moved.assignment().size()).isEqualTo(r.assignment().size());
            for (int i = 0; i < r.assignment().size(); i++) {
                assertThat(moved.assignment().row(i))
                        .isEqualTo(1000 + 2 * r.assignment().row(i));
                assertThat(moved.assignment().cluster(i))
                        .isEqualTo(r.assignment().cluster(i));
                assertThat(moved.assignment().groupId(i))
                        .isEqualTo(r.assignment().groupId(i));
            }
            assertThat(moved.withProfiles(r.profiles()).profiles()).isEqualTo(r.profiles());
            assertThat(moved.qualityByK()).isEqualTo(r.qualityByK());
            if (r.status() == SegmentStatus.CLUSTERED && !r.qualityByK().isEmpty()) {
                assertThat(r.qualityByKSorted()).containsEntry(r.k(), r.quality());
                assertThat(List.copyOf(r.qualityByKSorted().keySet())).isSorted();
            }
        }
    }

    private static int[] truthOf(SegmentAssignment a) {
        int[] t = new int[a.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = week.truth()[a.row(i)];
        }
        return t;
    }
}
