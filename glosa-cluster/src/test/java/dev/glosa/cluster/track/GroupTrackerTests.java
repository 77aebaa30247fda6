package dev.glosa.cluster.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.GroupStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupTrackerTests {
    private static final String SEG = "S00aa11bb22cc";
    private static final Map<String, Double> SPREAD = Map.of("glosa_amount", 1000.0, "glosa_rate", 0.1);
    private static final TrackOptions OPTIONS = TrackOptions.defaults();

    private static GroupProfile group(int label, double glosa, double rate, double share, int rank) {
        Map<String, Double> centres = new LinkedHashMap<>();
        centres.put("glosa_amount", glosa);
        centres.put("glosa_rate", rate);
        return new GroupProfile(
                SEG,
                SEG + "#" + label,
                label,
                Math.round(share * 100),
                share,
                glosa * 10,
                glosa,
                glosa,
                share,
                rate,
                Double.NaN,
                centres,
                List.of(),
                List.of(),
                "group " + label,
                rank,
                0,
                GroupStatus.NEW);
    }

    /** Three groups well apart: 1000/0.1, 3000/0.2, 5000/0.4. */
    private static List<GroupProfile> week(double drift) {
        return List.of(
                group(0, 5000 + drift, 0.4, 0.2, 1),
                group(1, 3000 - drift, 0.2 + drift / 1e4, 0.3, 2),
                group(2, 1000 + drift, 0.1, 0.5, 3));
    }

    @Test
    void firstRunNumbersGroupsInRankOrder() {
        SegmentTracking t = GroupTracker.track(SEG, week(0), SPREAD, List.of(), OPTIONS);
        assertThat(t.profiles())
                .extracting(GroupProfile::groupId)
                .containsExactly(SEG + "-G1", SEG + "-G2", SEG + "-G3");
        assertThat(t.profiles()).extracting(GroupProfile::status).containsOnly(GroupStatus.NEW);
        assertThat(t.vanished()).isEmpty();
        assertThat(t.state()).extracting(GroupRecord::serial).containsExactly(1, 2, 3);
        assertThat(t.state().get(0).centres()).isEqualTo(week(0).get(0).featureCentres());
        assertThat(t.state().get(0).spreads()).isEqualTo(SPREAD);
    }

    @Test
    void driftedGroupsKeepTheirIdsEvenWhenTheirLabelsAndRanksChange() {
        SegmentTracking first = GroupTracker.track(SEG, week(0), SPREAD, List.of(), OPTIONS);
        List<GroupProfile> next = new ArrayList<>(week(150));
        // The algorithm numbers groups differently this week, and the order changes.
        next = List.of(relabel(next.get(2), 0, 1), relabel(next.get(0), 1, 2), relabel(next.get(1), 2, 3));
        SegmentTracking second = GroupTracker.track(SEG, next, SPREAD, first.state(), OPTIONS);
        assertThat(second.profiles())
                .extracting(GroupProfile::groupId)
                .containsExactly(SEG + "-G3", SEG + "-G1", SEG + "-G2");
        assertThat(second.profiles()).extracting(GroupProfile::status).containsOnly(GroupStatus.KEPT);
        assertThat(second.vanished()).isEmpty();
    }

    @Test
    void aNewGroupGetsTheNextSerialAndTheOthersKeepTheirs() {
        SegmentTracking first = GroupTracker.track(SEG, week(0), SPREAD, List.of(), OPTIONS);
        List<GroupProfile> next = new ArrayList<>(week(50));
        next.add(1, group(3, 9000, 0.9, 0.1, 2));
        SegmentTracking second = GroupTracker.track(SEG, next, SPREAD, first.state(), OPTIONS);
        assertThat(second.profiles())
                .extracting(GroupProfile::groupId)
                .containsExactly(SEG + "-G1", SEG + "-G4", SEG + "-G2", SEG + "-G3");
        assertThat(second.profiles())
                .extracting(GroupProfile::status)
                .containsExactly(GroupStatus.KEPT, GroupStatus.NEW, GroupStatus.KEPT, GroupStatus.KEPT);
    }

    @Test
    void aGroupThatVanishedIsReportedThenComesBackWithItsIdWithinTheWindow() {
        SegmentTracking first = GroupTracker.track(SEG, week(0), SPREAD, List.of(), OPTIONS);
        List<GroupProfile> without = List.of(week(0).get(0), week(0).get(2));
        SegmentTracking second = GroupTracker.track(SEG, without, SPREAD, first.state(), OPTIONS);
        assertThat(second.vanished()).extracting(GroupRecord::groupId).containsExactly(SEG + "-G2");
        assertThat(second.state())
                .extracting(GroupRecord::groupId, GroupRecord::runsAbsent)
                .contains(org.assertj.core.groups.Tuple.tuple(SEG + "-G2", 1));
        SegmentTracking third = GroupTracker.track(SEG, week(0), SPREAD, second.state(), OPTIONS);
        assertThat(third.profiles())
                .extracting(GroupProfile::groupId)
                .containsExactly(SEG + "-G1", SEG + "-G2", SEG + "-G3");
        assertThat(third.vanished()).isEmpty();
    }

    @Test
    void aGroupAbsentLongerThanTheWindowLeavesTheStateButItsSerialIsNeverReused() {
        TrackOptions oneRun = new TrackOptions(0.75, 0.25, 1);
        SegmentTracking state = GroupTracker.track(SEG, week(0), SPREAD, List.of(), oneRun);
        List<GroupProfile> onlyFirst = List.of(group(0, 5000, 0.4, 0.2, 1));
        for (int run = 0; run < 3; run++) {
            state = GroupTracker.track(SEG, onlyFirst, SPREAD, state.state(), oneRun);
        }
        // G2 expired; G3, the highest serial, stays as the counter's memory.
        assertThat(state.state()).extracting(GroupRecord::groupId).containsExactly(SEG + "-G1", SEG + "-G3");
        SegmentTracking back = GroupTracker.track(SEG, week(0), SPREAD, state.state(), oneRun);
        assertThat(back.profiles())
                .extracting(GroupProfile::groupId)
                .containsExactly(SEG + "-G1", SEG + "-G4", SEG + "-G5");
    }

    @Test
    void groupsFartherThanTheThresholdAreNotMatched() {
        SegmentTracking first =
                GroupTracker.track(SEG, List.of(group(0, 5000, 0.4, 1.0, 1)), SPREAD, List.of(), OPTIONS);
        // 800 reais away with a spread of 1000: 0.8 > 0.75.
        SegmentTracking second =
                GroupTracker.track(SEG, List.of(group(0, 5800, 0.4, 1.0, 1)), SPREAD, first.state(), OPTIONS);
        assertThat(second.profiles().get(0).groupId()).isEqualTo(SEG + "-G2");
        assertThat(second.profiles().get(0).status()).isEqualTo(GroupStatus.NEW);
        assertThat(second.vanished()).extracting(GroupRecord::groupId).containsExactly(SEG + "-G1");
    }

    @Test
    void noiseKeepsItsOwnId() {
        List<GroupProfile> withNoise = List.of(group(0, 5000, 0.4, 0.6, 1), group(-1, 100, 0.5, 0.4, 2));
        SegmentTracking first = GroupTracker.track(SEG, withNoise, SPREAD, List.of(), OPTIONS);
        assertThat(first.profiles()).extracting(GroupProfile::groupId).containsExactly(SEG + "-G1", SEG + "-N");
        SegmentTracking second = GroupTracker.track(SEG, withNoise, SPREAD, first.state(), OPTIONS);
        assertThat(second.profiles()).extracting(GroupProfile::status).containsOnly(GroupStatus.KEPT);
        SegmentTracking third = GroupTracker.track(SEG, List.of(withNoise.get(0)), SPREAD, second.state(), OPTIONS);
        assertThat(third.vanished()).extracting(GroupRecord::groupId).containsExactly(SEG + "-N");
    }

    @Test
    void distanceIsEuclideanInSegmentSpreadsPlusASizeTerm() {
        GroupRecord r = new GroupRecord(
                SEG,
                SEG + "-G1",
                1,
                0,
                50,
                0.5,
                1e5,
                Map.of("glosa_amount", 1000.0, "glosa_rate", 0.1),
                Map.of("glosa_amount", 600.0, "glosa_rate", 0.1),
                0,
                "");
        Map<String, Double> centres = Map.of("glosa_amount", 1800.0, "glosa_rate", 0.1, "unknown", 3.0);
        Map<String, Double> spreads = Map.of("glosa_amount", 1000.0, "glosa_rate", 0.1);
        double pooled = Math.sqrt((1000.0 * 1000 + 600.0 * 600) / 2);
        assertThat(GroupTracker.distance(centres, spreads, 0.25, r, 0.0)).isCloseTo(800 / pooled, within(1e-12));
        assertThat(GroupTracker.distance(centres, spreads, 0.25, r, 0.25))
                .isCloseTo(800 / pooled + 0.25 * Math.log(2), within(1e-12));
        assertThat(GroupTracker.distance(Map.of("other", 1.0), spreads, 0.5, r, 0.25))
                .isInfinite();
    }

    @Test
    void absentSegmentReportsItsGroupsAsVanished() {
        SegmentTracking first = GroupTracker.track(SEG, week(0), SPREAD, List.of(), OPTIONS);
        SegmentTracking gone = GroupTracker.absent(first.state(), OPTIONS);
        assertThat(gone.vanished()).hasSize(3);
        assertThat(gone.state()).extracting(GroupRecord::runsAbsent).containsOnly(1);
    }

    @Test
    void rejectsInconsistentPreviousRecords() {
        SegmentTracking first = GroupTracker.track(SEG, week(0), SPREAD, List.of(), OPTIONS);
        assertThatThrownBy(() -> GroupTracker.track("Sother", week(0), SPREAD, first.state(), OPTIONS))
                .hasMessage("record " + SEG + "-G1 belongs to segment " + SEG + ", not to Sother");
        List<GroupRecord> twice = List.of(first.state().get(0), first.state().get(0));
        assertThatThrownBy(() -> GroupTracker.track(SEG, week(0), SPREAD, twice, OPTIONS))
                .hasMessage("two records of segment " + SEG + " share the id " + SEG + "-G1");
        assertThatThrownBy(() -> new TrackOptions(0, 0.25, 4))
                .hasMessage("maxDistance must be a positive finite number, found 0.0");
    }

    private static GroupProfile relabel(GroupProfile p, int label, int rank) {
        return new GroupProfile(
                p.segmentId(),
                p.groupId(),
                label,
                p.rows(),
                p.rowShare(),
                p.glosaAmount(),
                p.glosaMean(),
                p.glosaMedian(),
                p.glosaShare(),
                p.glosaRate(),
                p.glosaJump(),
                p.featureCentres(),
                p.distinctive(),
                p.topReasons(),
                p.label(),
                rank,
                0,
                p.status());
    }
}
