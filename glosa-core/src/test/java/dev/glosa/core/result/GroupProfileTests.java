package dev.glosa.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupProfileTests {

    private static final GroupProfile PROFILE = new GroupProfile(
            "S1",
            "S1-g3",
            2,
            40,
            0.4,
            1200.0,
            30.0,
            25.0,
            0.6,
            0.12,
            Double.NaN,
            Map.of("glosa_amount", 30.0),
            List.of(new CategoryLift("ward", "ICU", 0.5, 0.2, 2.5)),
            List.of(new ReasonShare("1801", 10, 800.0, 0.66)),
            "high value",
            1,
            4,
            GroupStatus.NEW);

    @Test
    void eachWitherChangesItsFieldAndKeepsEveryOther() {
        GroupProfile id = PROFILE.withGroupId("S1-g7");
        assertThat(id.groupId()).isEqualTo("S1-g7");
        // Changing the field back gives the original: nothing else moved (record equality holds NaN equal to NaN).
        assertThat(id.withGroupId("S1-g3")).isEqualTo(PROFILE);

        GroupProfile ranked = PROFILE.withRanks(2, 9);
        assertThat(ranked.rankInSegment()).isEqualTo(2);
        assertThat(ranked.rankOverall()).isEqualTo(9);
        assertThat(ranked.withRanks(1, 4)).isEqualTo(PROFILE);

        GroupProfile kept = PROFILE.withStatus(GroupStatus.KEPT);
        assertThat(kept.status()).isEqualTo(GroupStatus.KEPT);
        assertThat(kept.withStatus(GroupStatus.NEW)).isEqualTo(PROFILE);
    }

    @Test
    void aWitherStillChecksTheIds() {
        org.assertj.core.api.Assertions.assertThatNullPointerException()
                .isThrownBy(() -> PROFILE.withGroupId(null))
                .withMessage("groupId");
    }
}
