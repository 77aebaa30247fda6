package dev.glosa.cluster.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.cluster.select.AdjustedRandIndex;
import dev.glosa.cluster.spi.StrategyRegistry;
import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.GroupStatus;
import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.result.SegmentResult;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackingAcrossWeeksTests {
    private static final SegmentLoop LOOP = new SegmentLoop(StrategyRegistry.load());
    private static final LoopConfig CONFIG =
            LoopConfig.builder().seed(3).kRange(2, 8).build();
    private static final PlantedData DESIGN = PlantedData.design(12, 21L, 30, 70);

    @Test
    void twoWeeksWithTheSamePlantedGroupsDriftingALittleKeepEveryId() {
        PlantedData.Week w1 = DESIGN.week(1L, 0.0);
        PlantedData.Week w2 = DESIGN.week(2L, 0.1);
        LoopResult r1 = LOOP.run(w1.table(), CONFIG);
        LoopResult r2 = LOOP.run(w2.table(), CONFIG, r1.state(), ProgressListener.NONE);

        Map<String, String> ids1 = idsByTag(r1, w1);
        Map<String, String> ids2 = idsByTag(r2, w2);
        int recovered = recoveredSegments(r1, w1) & recoveredSegments(r2, w2);
        assertThat(Integer.bitCount(recovered)).isGreaterThanOrEqualTo(11);
        int checked = 0;
        for (int s = 0; s < r1.segments().size(); s++) {
            if ((recovered & (1 << s)) == 0) {
                continue;
            }
            String seg = r1.segments().get(s).segmentId();
            for (Map.Entry<String, String> e : ids1.entrySet()) {
                if (e.getKey().startsWith(seg + "/")) {
                    assertThat(ids2.get(e.getKey())).as("group %s", e.getKey()).isEqualTo(e.getValue());
                    checked++;
                }
            }
            for (GroupProfile p : r2.segments().get(s).profiles()) {
                assertThat(p.status()).isEqualTo(GroupStatus.KEPT);
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(r2.vanished()).isEmpty();
    }

    @Test
    void aGroupPlantedInWeekTwoOnlyGetsANewId() {
        PlantedData.Week w1 = DESIGN.week(1L, 0.0);
        int s = 4;
        PlantedData.Week w2 = DESIGN.withExtraGroup(s, 99L).week(2L, 0.1);
        LoopResult r1 = LOOP.run(w1.table(), CONFIG);
        LoopResult r2 = LOOP.run(w2.table(), CONFIG, r1.state(), ProgressListener.NONE);
        String id = DESIGN.segments.get(s).id();
        assertThat(recovered(r1, w1, id)).isTrue();
        assertThat(recovered(r2, w2, id)).isTrue();

        SegmentResult before = resultOf(r1, id);
        SegmentResult after = resultOf(r2, id);
        int plantedBefore = DESIGN.segments.get(s).groups().size();
        assertThat(after.profiles()).hasSize(plantedBefore + 1);
        Map<String, String> ids2 = idsByTag(r2, w2);
        String extra = ids2.get(after.segmentId() + "/" + plantedBefore);
        GroupProfile extraProfile = after.profiles().stream()
                .filter(p -> p.groupId().equals(extra))
                .findFirst()
                .orElseThrow();
        assertThat(extraProfile.status()).isEqualTo(GroupStatus.NEW);
        assertThat(extra).isEqualTo(after.segmentId() + "-G" + (plantedBefore + 1));
        Set<String> oldIds = new HashSet<>();
        before.profiles().forEach(p -> oldIds.add(p.groupId()));
        assertThat(oldIds).doesNotContain(extra);
        for (GroupProfile p : after.profiles()) {
            if (!p.groupId().equals(extra)) {
                assertThat(p.status()).isEqualTo(GroupStatus.KEPT);
                assertThat(oldIds).contains(p.groupId());
            }
        }
    }

    @Test
    void aRemovedGroupIsReportedAsVanished() {
        PlantedData.Week w1 = DESIGN.week(1L, 0.0);
        int s = 7;
        PlantedData.Week w2 = DESIGN.withoutGroup(s, 0).week(2L, 0.1);
        LoopResult r1 = LOOP.run(w1.table(), CONFIG);
        LoopResult r2 = LOOP.run(w2.table(), CONFIG, r1.state(), ProgressListener.NONE);
        String id = DESIGN.segments.get(s).id();
        assertThat(recovered(r1, w1, id)).isTrue();
        assertThat(recovered(r2, w2, id)).isTrue();

        String removedId = idsByTag(r1, w1).get(id + "/0");
        assertThat(r2.vanished()).extracting(GroupRecord::groupId).containsExactly(removedId);
        assertThat(resultOf(r2, id).vanished()).extracting(GroupRecord::groupId).containsExactly(removedId);
        // Kept in the state for the absence window, one run absent.
        GroupRecord kept = r2.state().stream()
                .filter(r -> r.groupId().equals(removedId))
                .findFirst()
                .orElseThrow();
        assertThat(kept.runsAbsent()).isEqualTo(1);
        for (GroupProfile p : resultOf(r2, id).profiles()) {
            assertThat(p.status()).isEqualTo(GroupStatus.KEPT);
        }
    }

    @Test
    void groupsOfASegmentMissingFromTheRunAreReportedAsVanished() {
        PlantedData.Week w1 = DESIGN.week(1L, 0.0);
        PlantedData.Week w2 = DESIGN.withoutSegment(5).week(2L, 0.1);
        LoopResult r1 = LOOP.run(w1.table(), CONFIG);
        LoopResult r2 = LOOP.run(w2.table(), CONFIG, r1.state(), ProgressListener.NONE);
        String gone = DESIGN.segments.get(5).id();
        assertThat(r2.segments()).extracting(SegmentResult::segmentId).doesNotContain(gone);
        List<String> vanishedIds =
                r2.vanished().stream().map(GroupRecord::groupId).toList();
        List<String> goneIds = resultOf(r1, gone).profiles().stream()
                .map(GroupProfile::groupId)
                .sorted()
                .toList();
        assertThat(vanishedIds).containsExactlyInAnyOrderElementsOf(goneIds);
    }

    @Test
    void aFailedSegmentKeepsItsStateAndReportsNothingVanished() {
        PlantedData.Week w1 = DESIGN.week(1L, 0.0);
        PlantedData.Week w2 = DESIGN.week(2L, 0.1);
        String id = DESIGN.segments.get(3).id();
        LoopResult r1 = LOOP.run(w1.table(), CONFIG);
        LoopConfig failing = CONFIG.toBuilder()
                .override(SegmentOverride.forSegment(id).withStrategy("failing"))
                .build();
        SegmentLoop withFailing = new SegmentLoop(
                StrategyRegistry.of(new dev.glosa.cluster.kmeans.KMeansStrategy(), new TestStrategies.Failing()));
        LoopResult r2 = withFailing.run(w2.table(), failing, r1.state(), ProgressListener.NONE);
        SegmentResult failed = resultOf(r2, id);
        assertThat(failed.status()).isEqualTo(dev.glosa.core.result.SegmentStatus.FAILED);
        assertThat(failed.profiles())
                .singleElement()
                .satisfies(p -> assertThat(p.groupId()).isEqualTo(id + SegmentJob.FAILED_SUFFIX));
        assertThat(failed.vanished()).isEmpty();
        assertThat(failed.state()).isEqualTo(resultOf(r1, id).state());
        LoopResult r3 = LOOP.run(w2.table(), CONFIG, r2.state(), ProgressListener.NONE);
        assertThat(recovered(r1, w1, id)).isTrue();
        assertThat(recovered(r3, w2, id)).isTrue();
        assertThat(resultOf(r3, id).profiles()).extracting(GroupProfile::status).containsOnly(GroupStatus.KEPT);
    }

    private static SegmentResult resultOf(LoopResult r, String id) {
        return r.segments().stream()
                .filter(x -> x.segmentId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static boolean recovered(LoopResult r, PlantedData.Week w, String id) {
        return (recoveredSegments(r, w) & (1 << r.segments().indexOf(resultOf(r, id)))) != 0;
    }

    /** segmentId/tag to the stable id of the group holding most of that tag's rows. */
    private static Map<String, String> idsByTag(LoopResult r, PlantedData.Week w) {
        Map<String, String> out = new HashMap<>();
        for (SegmentResult s : r.segments()) {
            SegmentAssignment a = s.assignment();
            Map<Integer, Map<String, Integer>> counts = new HashMap<>();
            for (int i = 0; i < a.size(); i++) {
                counts.computeIfAbsent(w.truth()[a.row(i)], t -> new HashMap<>())
                        .merge(a.groupId(i), 1, Integer::sum);
            }
            counts.forEach((tag, byId) -> out.put(
                    s.segmentId() + "/" + tag,
                    byId.entrySet().stream()
                            .max(Map.Entry.comparingByValue())
                            .orElseThrow()
                            .getKey()));
        }
        return out;
    }

    /** A bit per segment position: set when the planted k and partition (ARI >= 0.99) were found. */
    private static int recoveredSegments(LoopResult r, PlantedData.Week w) {
        int bits = 0;
        for (int s = 0; s < r.segments().size(); s++) {
            SegmentResult x = r.segments().get(s);
            SegmentAssignment a = x.assignment();
            int[] t = new int[a.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = w.truth()[a.row(i)];
            }
            if (x.k() == w.plantedK().get(x.segmentId()) && AdjustedRandIndex.of(t, a.clusters()) >= 0.99) {
                bits |= 1 << s;
            }
        }
        return bits;
    }
}
