package dev.glosa.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.io.generate.SihSample;
import dev.glosa.io.tiss.TissColumns;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreparationTests {

    @Test
    void susSaysHowManyRejectedAihsFoundNoErrorInEr() {
        SihSample sample = SihGenerator.generate(SihGeneratorConfig.defaults(3).withTotalClaims(2000));
        Prepared all = Preparation.sus("t", sample.rd(), sample.rj(), sample.er(), RunConfig.defaults(), List.of());
        assertThat(all.warnings()).isEmpty();
        GlosaTable firstHalf = sample.er()
                .select(java.util.stream.IntStream.range(0, sample.er().rowCount() / 2)
                        .toArray());
        Prepared half = Preparation.sus("t", sample.rd(), sample.rj(), firstHalf, RunConfig.defaults(), List.of());
        assertThat(half.warnings()).singleElement().asString().contains("RJ rows have no error in the ER files");
        Prepared none = Preparation.sus("t", sample.rd(), sample.rj(), null, RunConfig.defaults(), List.of());
        assertThat(none.warnings()).singleElement().asString().contains("no ER files given");
    }

    @Test
    void tissGlosaRateIsTakenAgainstTheUnitTheGlosaWasGivenOn() {
        // Item 1 of guide G1 billed 200 with two codes (50 on its amounts row, 30 on a glosa-only row); a guide-level
        // cut of 20 on G1 (no item); item 1 of guide G2 billed 100 with 10.
        GlosaTable t = GlosaTable.of(
                CategoryColumn.of(TissColumns.SOURCE_FILE, "f", "f", "f", "f"),
                CategoryColumn.of(TissColumns.PROTOCOL_NUMBER, "P", "P", "P", "P"),
                CategoryColumn.of(TissColumns.GUIDE_NUMBER, "G1", "G1", "G1", "G2"),
                LongColumn.of(TissColumns.ITEM_SEQ, 1, 1, LongColumn.MISSING, 1),
                CategoryColumn.of("hospital", "H", "H", "H", "H"),
                CategoryColumn.of("payer", "O", "O", "O", "O"),
                CategoryColumn.of("glosa_type", "t", "t", "t", "t"),
                MonthColumn.of(
                        "competence",
                        YearMonth.of(2024, 1),
                        YearMonth.of(2024, 1),
                        YearMonth.of(2024, 1),
                        YearMonth.of(2024, 1)),
                DoubleColumn.of("billed_amount", 200, 0, 0, 100),
                DoubleColumn.of("paid_amount", 150, 0, -20, 90),
                DoubleColumn.of("glosa_amount", 50, 30, 20, 10));
        Prepared p = Preparation.tiss("tiss", t, List.of());
        DoubleColumn rate = p.analysed().doubles("glosa_rate");
        assertThat(rate.get(0)).isCloseTo(0.25, within(1e-12));
        assertThat(rate.get(1)).isCloseTo(0.15, within(1e-12));
        assertThat(rate.get(2)).isCloseTo(0.10, within(1e-12));
        assertThat(rate.get(3)).isCloseTo(0.10, within(1e-12));
        assertThat(p.clusterRows()).containsExactly(0, 1, 2, 3);
    }
}
