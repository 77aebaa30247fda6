package dev.glosa.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.cluster.loop.LoopConfig;
import dev.glosa.cluster.loop.SegmentInput;
import dev.glosa.core.segment.SegmentKey;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What one segment's message to an executor holds. The results of the segments run on Spark are compared with the
 * core's in {@link SparkJobTests}; here, that a message does not grow with the rest of the table.
 */
class SparkSegmentExecutorTests {

    @Test
    void aSegmentsMessageCarriesOnlyTheTextValuesItsRowsUse() {
        int rows = 100_000;
        String[] aih = new String[rows];
        String[] cnes = new String[rows];
        double[] amount = new double[rows];
        for (int r = 0; r < rows; r++) {
            aih[r] = String.format("%013d", 2_900_000_000_000L + 7L * r);
            cnes[r] = r < 50 ? "2025788" : "2025836";
            amount[r] = 100 + r % 977;
        }
        GlosaTable table = GlosaTable.of(
                CategoryColumn.of("N_AIH", aih), CategoryColumn.of("CNES", cnes), DoubleColumn.of("VAL_GLOSA", amount));
        SegmentKey key = new SegmentKey(List.of("CNES"), List.of("2025788"));
        int[] segment = new int[50];
        for (int i = 0; i < segment.length; i++) {
            segment[i] = i;
        }
        SegmentInput in = new SegmentInput(
                key, table, segment, LoopConfig.builder().build().settingsFor(key), List.of(), 42);

        byte[] message = SparkSegmentExecutor.message(in);

        // With the whole table's dictionaries the message of these 50 rows held all 100,000 AIH numbers.
        assertThat(message.length).isLessThan(4_000);
        GlosaTable sent = Wire.decode(message, SegmentInput.class).table();
        assertThat(sent.rowCount()).isEqualTo(50);
        assertThat(sent.category("N_AIH").cardinality()).isEqualTo(50);
        assertThat(sent.category("CNES").dictionary()).containsExactly("2025788");
        for (int i = 0; i < 50; i++) {
            assertThat(sent.category("N_AIH").get(i)).isEqualTo(aih[i]);
            assertThat(sent.doubles("VAL_GLOSA").get(i)).isEqualTo(amount[i]);
        }
    }

    @Test
    void aSegmentsTextColumnKeepsItsRowsValuesAndTheWholeDictionarysOrder() {
        // Dictionary c, a, b, d (codes 0-3); the rows use d, a, nothing and a again.
        CategoryColumn column =
                CategoryColumn.ofCodes("I_ITEM", new int[] {0, 3, 1, -1, 1, 2}, new String[] {"c", "a", "b", "d"});
        GlosaTable table = GlosaTable.of(column);

        CategoryColumn cut =
                SparkSegmentExecutor.segmentTable(table, new int[] {1, 2, 3, 4}).category("I_ITEM");

        // a came before d in the whole dictionary, so it does in the segment's: the codes keep their order.
        assertThat(cut.dictionary()).containsExactly("a", "d");
        assertThat(cut.codes()).containsExactly(1, 0, CategoryColumn.MISSING, 0);
    }

    @Test
    void segmentsGoInAFewTasksPerCoreAndMoreWhenTheirBytesWouldMakeLargeTasks() {
        long megabyte = SparkSegmentExecutor.TASK_BYTES;
        assertThat(SparkSegmentExecutor.batches(6_789, 2, megabyte / 2)).isEqualTo(8);
        // 4 M AIHs: some 48 MB of segments, which in 8 tasks Spark warned about (6 MB each).
        assertThat(SparkSegmentExecutor.batches(6_789, 2, 48 * megabyte)).isEqualTo(49);
        assertThat(SparkSegmentExecutor.batches(3, 2, 48 * megabyte)).isEqualTo(3);
        assertThat(SparkSegmentExecutor.batches(1, 64, 0)).isEqualTo(1);
    }
}
