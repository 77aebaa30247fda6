package dev.glosa.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupIdsTests {

    @Test
    void groupAndNoiseIdsExtendTheSegmentId() {
        assertThat(GroupIds.group("S3f9a0c12b4e7", 3)).isEqualTo("S3f9a0c12b4e7-G3");
        assertThat(GroupIds.noise("S3f9a0c12b4e7")).isEqualTo("S3f9a0c12b4e7-N");
    }

    @Test
    void rowKeysPrefixTheIdsWithTheRun() {
        assertThat(GroupIds.segmentKey("20261123-d5a28058", "S3f9a0c12b4e7"))
                .isEqualTo("20261123-d5a28058:S3f9a0c12b4e7");
        assertThat(GroupIds.groupKey("20261123-d5a28058", "S3f9a0c12b4e7", "S3f9a0c12b4e7-G3"))
                .isEqualTo("20261123-d5a28058:S3f9a0c12b4e7:S3f9a0c12b4e7-G3");
    }
}
