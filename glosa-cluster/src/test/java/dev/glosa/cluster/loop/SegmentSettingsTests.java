package dev.glosa.cluster.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.cluster.profile.ProfileOptions;
import dev.glosa.cluster.profile.RankBy;
import org.junit.jupiter.api.Test;

class SegmentSettingsTests {

    @Test
    void withProfileChangesOnlyHowGroupsAreProfiled() {
        SegmentSettings base = LoopConfig.builder()
                .strategy("kmeans")
                .parameter("k", "4")
                .kRange(3, 6)
                .minSegmentSize(25)
                .build()
                .baseSettings();
        ProfileOptions byJump = ProfileOptions.defaults().withRankBy(RankBy.JUMP);

        SegmentSettings changed = base.withProfile(byJump);

        assertThat(changed.profile()).isEqualTo(byJump);
        assertThat(changed).usingRecursiveComparison().ignoringFields("profile").isEqualTo(base);
    }
}
