package dev.glosa.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.GlosaTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTests {

    @Test
    void onlyOccurringCombinationsInKeyOrderAsViews() {
        GlosaTable t = GlosaTable.of(
                CategoryColumn.of("hospital", "H2", "H1", "H2", "H1"),
                CategoryColumn.of("payer", "SUS", "P1", "SUS", "P2"),
                CategoryColumn.of("glosa_type", "adm", "adm", "adm", "tec"));
        List<Segment> s = Segmenter.split(t);
        assertThat(s)
                .extracting(x -> x.key().describe())
                .containsExactly(
                        "hospital=H1 · payer=P1 · glosa_type=adm",
                        "hospital=H1 · payer=P2 · glosa_type=tec",
                        "hospital=H2 · payer=SUS · glosa_type=adm");
        assertThat(s.get(2).rows()).containsExactly(0, 2);
        assertThat(s.get(2).key().value("payer")).isEqualTo("SUS");
    }

    @Test
    void segmentIdDependsOnlyOnTheKey() {
        SegmentKey a = new SegmentKey(List.of("hospital", "payer"), List.of("H1", "SUS"));
        SegmentKey b = new SegmentKey(List.of("hospital", "payer"), List.of("H1", "SUS"));
        SegmentKey c = new SegmentKey(List.of("hospital", "payer"), List.of("H1S", "US"));
        assertThat(a.id()).isEqualTo(b.id()).matches("S[0-9a-f]{12}");
        assertThat(a.id()).isNotEqualTo(c.id());
    }

    @Test
    void emptyKeyListGivesOneSegmentAndEmptyTableNone() {
        GlosaTable t = GlosaTable.of(CategoryColumn.of("hospital", "H1", "H2"));
        assertThat(Segmenter.split(t, List.of()))
                .hasSize(1)
                .first()
                .extracting(Segment::size)
                .isEqualTo(2);
        assertThat(Segmenter.split(GlosaTable.of(CategoryColumn.of("hospital")), List.of("hospital")))
                .isEmpty();
    }
}
