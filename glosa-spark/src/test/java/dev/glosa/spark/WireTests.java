package dev.glosa.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver's stacking of the partitions' claims from their bytes, against the core's concatenation. */
class WireTests {

    private static GlosaTable part(String[] cnes, double[] amount, long[] aih, LocalDate[] dates, YearMonth[] months) {
        return GlosaTable.of(
                CategoryColumn.of("CNES", cnes),
                DoubleColumn.of("VAL_TOT", amount),
                LongColumn.of("N_AIH", aih),
                DateColumn.of("DT_INTER", dates),
                MonthColumn.of("competence", months));
    }

    private static final GlosaTable FIRST = part(
            new String[] {"2025788", "2025836", null},
            new double[] {1.5, Double.NaN, 0.1 + 0.2},
            new long[] {4_121_100_000_001L, LongColumn.MISSING, 4_121_100_000_003L},
            new LocalDate[] {LocalDate.of(2021, 6, 1), null, LocalDate.of(2021, 6, 30)},
            new YearMonth[] {YearMonth.of(2021, 6), YearMonth.of(2021, 7), null});
    private static final GlosaTable SECOND = part(
            new String[] {"9999999", "2025788"},
            new double[] {-0.0, 1e300},
            new long[] {4_121_100_000_004L, 4_121_100_000_005L},
            new LocalDate[] {null, LocalDate.of(2022, 1, 2)},
            new YearMonth[] {YearMonth.of(2022, 1), YearMonth.of(2022, 1)});
    private static final GlosaTable EMPTY =
            part(new String[0], new double[0], new long[0], new LocalDate[0], new YearMonth[0]);

    @Test
    void partsWithTheSameColumnsStackAsTheCoreConcatenatesThem() {
        List<GlosaTable> parts = List.of(FIRST, EMPTY, SECOND);

        GlosaTable stacked = Wire.stack(encoded(parts));

        assertSame(stacked, GlosaTable.concat(parts));
        // Codes in order of first appearance, part after part, as the core's concatenation gives them.
        assertThat(stacked.category("CNES").dictionary()).containsExactly("2025788", "2025836", "9999999");
        assertThat(stacked.category("CNES").codes()).containsExactly(0, 1, -1, 2, 0);
        assertThat(Double.doubleToRawLongBits(stacked.doubles("VAL_TOT").get(3)))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void partsWhoseColumnsDifferAreConcatenatedAsTheCoreDoes() {
        GlosaTable withoutDates = SECOND.without("DT_INTER");
        GlosaTable otherOrder = GlosaTable.of(
                SECOND.column("VAL_TOT"),
                SECOND.column("CNES"),
                SECOND.column("N_AIH"),
                SECOND.column("DT_INTER"),
                SECOND.column("competence"));

        assertSame(Wire.stack(encoded(List.of(FIRST, withoutDates))), GlosaTable.concat(List.of(FIRST, withoutDates)));
        assertSame(Wire.stack(encoded(List.of(FIRST, otherOrder))), GlosaTable.concat(List.of(FIRST, otherOrder)));
        assertSame(Wire.stack(encoded(List.of(SECOND))), SECOND);
    }

    private static List<byte[]> encoded(List<GlosaTable> parts) {
        List<byte[]> out = new ArrayList<>();
        for (GlosaTable t : parts) {
            out.add(Wire.encode(t));
        }
        return out;
    }

    /** Same columns in the same order, each with the same type and values (doubles to the bit, codes and all). */
    private static void assertSame(GlosaTable actual, GlosaTable expected) {
        assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (Column e : expected.columns()) {
            Column a = actual.column(e.name());
            assertThat(a.type()).as(e.name()).isEqualTo(e.type());
            for (int r = 0; r < e.size(); r++) {
                assertThat(a.isMissing(r)).as(e.name() + " row " + r).isEqualTo(e.isMissing(r));
                assertThat(a.text(r)).as(e.name() + " row " + r).isEqualTo(e.text(r));
            }
            if (e instanceof CategoryColumn ec) {
                assertThat(((CategoryColumn) a).dictionary()).isEqualTo(ec.dictionary());
                assertThat(((CategoryColumn) a).codes()).isEqualTo(ec.codes());
            }
            if (e instanceof DoubleColumn ed) {
                for (int r = 0; r < e.size(); r++) {
                    assertThat(Double.doubleToRawLongBits(((DoubleColumn) a).get(r)))
                            .isEqualTo(Double.doubleToRawLongBits(ed.get(r)));
                }
            }
        }
    }
}
