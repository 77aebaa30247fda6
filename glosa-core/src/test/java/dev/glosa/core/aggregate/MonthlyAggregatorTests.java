package dev.glosa.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.MonthColumn;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthlyAggregatorTests {
    static final YearMonth DEC = YearMonth.of(2021, 12);
    static final YearMonth JAN = YearMonth.of(2022, 1);

    static GlosaTable lines() {
        return GlosaTable.of(
                CategoryColumn.of("hospital", "H1", "H1", "H1", "H2", "H2"),
                MonthColumn.of("competence", DEC, JAN, JAN, JAN, DEC),
                DoubleColumn.of("billed_amount", 1000, 600, 400, 0, 300),
                DoubleColumn.of("glosa_amount", 100, 150, Double.NaN, 30, 60));
    }

    @Test
    void januaryTakesItsPreviousMonthFromDecember() {
        GlosaTable a = MonthlyAggregator.aggregate(lines(), AggregationSpec.of(List.of("hospital")));
        // Rows ordered by hospital then month: H1 Dec, H1 Jan, H2 Dec, H2 Jan.
        assertThat(a.rowCount()).isEqualTo(4);
        assertThat(a.months("competence").get(1)).isEqualTo(JAN);
        assertThat(a.doubles("billed_amount").get(1)).isEqualTo(1000);
        assertThat(a.doubles("glosa_amount").get(1)).isEqualTo(150);
        assertThat(a.doubles("billed_previous").get(1)).isEqualTo(1000);
        assertThat(a.doubles("glosa_previous").get(1)).isEqualTo(100);
        assertThat(a.doubles("glosa_rate").get(1)).isCloseTo(0.15, within(1e-12));
        assertThat(a.doubles("glosa_rate_previous").get(1)).isCloseTo(0.10, within(1e-12));
        assertThat(a.doubles("glosa_jump").get(1)).isEqualTo(50);
        assertThat(a.doubles("glosa_rate_jump").get(1)).isCloseTo(0.05, within(1e-12));
        assertThat(a.doubles("glosa_lines").get(1)).isEqualTo(2);
    }

    @Test
    void nothingBilledGivesRateZeroAndMissingPreviousMonthIsZero() {
        GlosaTable a = MonthlyAggregator.aggregate(lines(), AggregationSpec.of(List.of("hospital")));
        // H2 Jan: billed 0, glosa 30 -> rate 0; H2 Dec has no month before it -> previous 0.
        assertThat(a.doubles("glosa_rate").get(3)).isZero();
        assertThat(a.doubles("glosa_rate_jump").get(3)).isCloseTo(-0.2, within(1e-12));
        assertThat(a.doubles("billed_previous").get(2)).isZero();
        assertThat(a.doubles("glosa_jump").get(2)).isEqualTo(60);
    }

    @Test
    void previousMonthColumnsWinOverDerivation() {
        GlosaTable t = lines().with(DoubleColumn.of("COBRADO_ANTERIOR", 1, 2, 3, 4, 5))
                .with(DoubleColumn.of("GLOSA_ANTERIOR", 1, 1, 1, 1, 1))
                .with(DoubleColumn.of("QTD", 3, 4, 5, 6, 7));
        GlosaTable a = MonthlyAggregator.aggregate(
                t,
                AggregationSpec.of(List.of("hospital"))
                        .withPreviousColumns("COBRADO_ANTERIOR", "GLOSA_ANTERIOR")
                        .withLines("QTD"));
        assertThat(a.doubles("billed_previous").get(1)).isEqualTo(5);
        assertThat(a.doubles("glosa_previous").get(1)).isEqualTo(2);
        assertThat(a.doubles("glosa_lines").get(1)).isEqualTo(9);
        assertThat(MonthlyAggregator.month(a, "competence", MonthColumn.toIndex(JAN))
                        .rowCount())
                .isEqualTo(2);
    }

    @Test
    void rowWithoutMonthIsNamed() {
        GlosaTable t = GlosaTable.of(
                MonthColumn.of("competence", DEC, null),
                DoubleColumn.of("billed_amount", 1, 2),
                DoubleColumn.of("glosa_amount", 1, 2));
        assertThatThrownBy(() -> MonthlyAggregator.aggregate(t, AggregationSpec.of(List.of())))
                .hasMessage("row 1: 'competence' is missing; every row needs a month");
    }

    @Test
    void emptyTableAggregatesToEmpty() {
        GlosaTable t = GlosaTable.of(
                CategoryColumn.of("hospital"),
                MonthColumn.of("competence"),
                DoubleColumn.of("billed_amount"),
                DoubleColumn.of("glosa_amount"));
        assertThat(MonthlyAggregator.aggregate(t, AggregationSpec.of(List.of("hospital")))
                        .rowCount())
                .isZero();
    }
}
