package dev.glosa.cluster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingTests {

    private static GroupProfile p(String segment, int label, double glosa, double jump, int rankInSegment) {
        return new GroupProfile(
                segment,
                segment + "-G" + (label + 1),
                label,
                10,
                0.5,
                glosa,
                glosa / 10,
                glosa / 10,
                0.5,
                0.1,
                jump,
                Map.of(),
                List.of(),
                List.of(),
                "",
                rankInSegment,
                0,
                GroupStatus.NEW);
    }

    @Test
    void ranksEveryGroupOfTheRunByTotalGlosaKeepingTheOrderGiven() {
        List<GroupProfile> in =
                List.of(p("A", 0, 500, 10, 1), p("A", 1, 100, 90, 2), p("B", 0, 900, -5, 1), p("B", 1, 500, 0, 2));
        List<GroupProfile> out = Ranking.rankOverall(in, RankBy.GLOSA);
        // Ties (A/0 and B/1 at 500) go to the earlier profile.
        assertThat(out).extracting(GroupProfile::rankOverall).containsExactly(2, 4, 1, 3);
        assertThat(out).extracting(GroupProfile::groupId).containsExactly("A-G1", "A-G2", "B-G1", "B-G2");
        assertThat(out).extracting(GroupProfile::rankInSegment).containsExactly(1, 2, 1, 2);
        assertThat(Ranking.byOverallRank(out))
                .extracting(GroupProfile::glosaAmount)
                .containsExactly(900.0, 500.0, 500.0, 100.0);
    }

    @Test
    void ranksByJumpWhenAskedWithUnknownJumpsLast() {
        List<GroupProfile> in = List.of(
                p("A", 0, 500, 10, 1), p("A", 1, 100, 90, 2), p("B", 0, 900, Double.NaN, 1), p("B", 1, 500, 0, 2));
        List<GroupProfile> out = Ranking.rankOverall(in, RankBy.JUMP);
        assertThat(out).extracting(GroupProfile::rankOverall).containsExactly(2, 1, 4, 3);
    }
}
