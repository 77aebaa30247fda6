package dev.glosa.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlosaTableConcatTests {

    @Test
    void rowsFollowThePartsInOrderAndColumnsAreTheUnionInOrderOfFirstAppearance() {
        GlosaTable a = GlosaTable.of(CategoryColumn.of("uf", "SP", "RJ"), LongColumn.of("n", 1, 2));
        GlosaTable b = GlosaTable.of(LongColumn.of("n", 3), DateColumn.of("admitted", LocalDate.of(2021, 3, 4)));
        GlosaTable t = GlosaTable.concat(List.of(a, b));
        assertThat(t.columnNames()).containsExactly("uf", "n", "admitted");
        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.longs("n").values()).containsExactly(1, 2, 3);
        assertThat(t.category("uf").get(1)).isEqualTo("RJ");
        assertThat(t.category("uf").isMissing(2)).isTrue();
        assertThat(t.dates("admitted").isMissing(0)).isTrue();
        assertThat(t.dates("admitted").get(2)).isEqualTo(LocalDate.of(2021, 3, 4));
    }

    @Test
    void categoriesOfDifferentPartsShareOneDictionary() {
        GlosaTable a = GlosaTable.of(CategoryColumn.of("uf", "SP", null, "RJ"));
        GlosaTable b = GlosaTable.of(CategoryColumn.of("uf", "RJ", "MG", "SP"));
        CategoryColumn uf = GlosaTable.concat(List.of(a, b)).category("uf");
        assertThat(uf.cardinality()).isEqualTo(3);
        assertThat(uf.code(0)).isEqualTo(uf.code(5));
        assertThat(uf.code(2)).isEqualTo(uf.code(3));
        assertThat(uf.isMissing(1)).isTrue();
        assertThat(uf.get(4)).isEqualTo("MG");
    }

    @Test
    void longAndDoubleBecomeDoubleWithMissingLongsAsNaN() {
        LongColumn.Builder n = new LongColumn.Builder("v", 2);
        n.add(7).addMissing();
        GlosaTable a = GlosaTable.of(n.build());
        GlosaTable b = GlosaTable.of(DoubleColumn.of("v", 1.5));
        Column v = GlosaTable.concat(List.of(a, b)).column("v");
        assertThat(v.type()).isEqualTo(ColumnType.DOUBLE);
        DoubleColumn d = (DoubleColumn) v;
        assertThat(d.get(0)).isEqualTo(7.0);
        assertThat(d.get(1)).isNaN();
        assertThat(d.get(2)).isEqualTo(1.5);
    }

    @Test
    void anyOtherTypeMixBecomesACategoryOfTheText() {
        GlosaTable a = GlosaTable.of(LongColumn.of("code", 301));
        GlosaTable b = GlosaTable.of(CategoryColumn.of("code", "A01"));
        GlosaTable c = GlosaTable.of(MonthColumn.of("code", YearMonth.of(2020, 1)));
        CategoryColumn code = GlosaTable.concat(List.of(a, b, c)).category("code");
        assertThat(List.of(code.get(0), code.get(1), code.get(2))).containsExactly("301", "A01", "2020-01");
    }

    @Test
    void monthsAndMissingPartsOfEveryTypeKeepTheirRows() {
        GlosaTable a = GlosaTable.of(MonthColumn.of("m", YearMonth.of(2019, 12)), DoubleColumn.of("x", 2.0));
        GlosaTable b = GlosaTable.of(CategoryColumn.of("other", "z"));
        GlosaTable t = GlosaTable.concat(List.of(b, a));
        assertThat(t.columnNames()).containsExactly("other", "m", "x");
        assertThat(t.months("m").isMissing(0)).isTrue();
        assertThat(t.months("m").text(1)).isEqualTo("2019-12");
        assertThat(t.doubles("x").get(0)).isNaN();
        assertThat(t.doubles("x").get(1)).isEqualTo(2.0);
    }

    @Test
    void oneTableIsReturnedAsItIsAndNoneIsAnError() {
        GlosaTable a = GlosaTable.of(LongColumn.of("n", 1));
        assertThat(GlosaTable.concat(List.of(a))).isSameAs(a);
        assertThatThrownBy(() -> GlosaTable.concat(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }
}
