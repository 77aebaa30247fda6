package dev.glosa.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class GlosaTableTests {

    private static GlosaTable sample() {
        TableBuilder b = GlosaTable.builder(4);
        CategoryColumn.Builder hospital = b.category(Role.HOSPITAL.column());
        DoubleColumn.Builder glosa = b.doubles(Role.GLOSA_AMOUNT.column());
        LongColumn.Builder claim = b.longs(Role.CLAIM_ID.column());
        MonthColumn.Builder month = b.months(Role.COMPETENCE.column());
        DateColumn.Builder admission = b.dates(Role.ADMISSION_DATE.column());
        String[] h = {"B", "A", "B", null};
        for (int i = 0; i < 4; i++) {
            hospital.add(h[i]);
            glosa.add(i * 10.5);
            claim.add(1_234_567_890_120L + i);
            month.add(YearMonth.of(2021, 11 + i % 2));
            admission.add(i == 2 ? null : LocalDate.of(2021, 11, 1 + i));
        }
        return b.build();
    }

    @Test
    void builderKeepsValuesAndMissingMarkers() {
        GlosaTable t = sample();
        assertThat(t.rowCount()).isEqualTo(4);
        assertThat(t.columnNames())
                .containsExactly("hospital", "glosa_amount", "claim_id", "competence", "admission_date");
        assertThat(t.category(Role.HOSPITAL).get(0)).isEqualTo("B");
        assertThat(t.category(Role.HOSPITAL).code(2))
                .isEqualTo(t.category(Role.HOSPITAL).code(0));
        assertThat(t.category(Role.HOSPITAL).isMissing(3)).isTrue();
        assertThat(t.category(Role.HOSPITAL).cardinality()).isEqualTo(2);
        assertThat(t.doubles(Role.GLOSA_AMOUNT).sum()).isEqualTo(63.0);
        assertThat(t.months(Role.COMPETENCE).text(1)).isEqualTo("2021-12");
        assertThat(t.dates(Role.ADMISSION_DATE).text(2)).isEmpty();
        assertThat(t.dates(Role.ADMISSION_DATE).get(1)).isEqualTo(LocalDate.of(2021, 11, 2));
    }

    @Test
    void builderRejectsColumnsOfDifferentLengths() {
        TableBuilder b = GlosaTable.builder();
        b.doubles("a").add(1).add(2);
        b.doubles("b").add(1);
        assertThatThrownBy(b::build).hasMessageContaining("'b' has 1 rows but column 'a' has 2");
    }

    @Test
    void roleColumnsMustHaveTheRoleType() {
        assertThatThrownBy(() -> GlosaTable.of(DoubleColumn.of("hospital", 1.0)))
                .hasMessageContaining("plays role HOSPITAL and must be CATEGORY, found DOUBLE");
    }

    @Test
    void missingColumnErrorListsTheColumnsPresent() {
        assertThatThrownBy(() -> sample().column("payer"))
                .hasMessageContaining("no column 'payer'")
                .hasMessageContaining("hospital");
        assertThatThrownBy(() -> sample().doubles("hospital")).hasMessageContaining("is CATEGORY, expected DOUBLE");
    }

    @Test
    void filterSelectProjectAndWithShareOrCopyOnlyWhatTheyMust() {
        GlosaTable t = sample();
        GlosaTable f = t.filter(r -> t.doubles("glosa_amount").get(r) > 10);
        assertThat(f.rowCount()).isEqualTo(3);
        assertThat(f.longs("claim_id").get(0)).isEqualTo(1_234_567_890_121L);
        assertThat(t.filter(r -> true)).isSameAs(t);
        GlosaTable p = t.project("claim_id", "hospital");
        assertThat(p.columnNames()).containsExactly("claim_id", "hospital");
        assertThat(p.column("hospital")).isSameAs(t.column("hospital"));
        GlosaTable w = t.with(DoubleColumn.of("glosa_amount", 1, 2, 3, 4));
        assertThat(w.columnNames()).isEqualTo(t.columnNames());
        assertThat(w.doubles("glosa_amount").sum()).isEqualTo(10);
        assertThat(t.select(new int[] {3, 3}).category("hospital").isMissing(1)).isTrue();
    }

    @Test
    void groupingOrdersKeysAndPutsMissingLast() {
        GlosaTable t = sample();
        Grouping g = t.groupBy("hospital", "competence");
        assertThat(g.groupCount()).isEqualTo(3);
        assertThat(g.key(0)).containsExactly("A", "2021-12");
        assertThat(g.key(1)).containsExactly("B", "2021-11");
        assertThat(g.rows(1)).containsExactly(0, 2);
        assertThat(g.key(2)).containsExactly("", "2021-12");
        assertThat(g.groupOf(2)).isEqualTo(1);
        assertThat(GlosaTable.builder().build().groupBy(new String[0]).groupCount())
                .isZero();
    }

    @Test
    void groupingRefusesDoubleColumns() {
        assertThatThrownBy(() -> sample().groupBy("glosa_amount")).hasMessageContaining("DOUBLE column");
    }

    @Test
    void doubleTextIsPlainDecimal() {
        assertThat(DoubleColumn.format(1234.56)).isEqualTo("1234.56");
        assertThat(DoubleColumn.format(1e20)).isEqualTo("100000000000000000000");
        assertThat(DoubleColumn.format(3.0)).isEqualTo("3");
        assertThat(DoubleColumn.format(Double.NaN)).isEmpty();
        assertThat(DoubleColumn.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    @Test
    void monthIndexWrapsJanuaryToDecember() {
        int jan = MonthColumn.toIndex(2022, 1);
        assertThat(MonthColumn.fromIndex(jan - 1)).isEqualTo(YearMonth.of(2021, 12));
        assertThat(MonthColumn.format(jan)).isEqualTo("2022-01");
    }
}
