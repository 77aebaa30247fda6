package dev.glosa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.cluster.loop.LoopResult;
import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.result.SegmentStatus;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CustomStrategyExampleTests {

    @Test
    void loopRunsTheCustomStrategyByIdAndEverySegmentsBandsDoNotOverlap() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        LoopResult loop = CustomStrategyExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("clustering strategies found: [", "quantile-bands");
        assertThat(loop.segments()).hasSize(2 * 2 * 2);
        DoubleColumn glosa = CustomStrategyExample.analysedMonth().doubles(Role.GLOSA_AMOUNT);
        for (SegmentResult s : loop.segments()) {
            assertThat(s.status()).isEqualTo(SegmentStatus.CLUSTERED);
            assertThat(s.strategy()).isEqualTo(QuantileBandsStrategy.ID);
            assertThat(s.k()).isEqualTo(4);
            assertThat(s.profiles()).hasSize(4);
            assertThat(printed).contains(s.key().describe());
            // Order the bands by their lowest glosa: each must end below the next one's start.
            SegmentAssignment a = s.assignment();
            double[] low = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            double[] high = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (int i = 0; i < a.size(); i++) {
                double v = glosa.get(a.row(i));
                low[a.cluster(i)] = Math.min(low[a.cluster(i)], v);
                high[a.cluster(i)] = Math.max(high[a.cluster(i)], v);
            }
            for (int b = 0; b < 4; b++) {
                for (int c = 0; c < 4; c++) {
                    if (b != c && low[b] < low[c]) {
                        assertThat(high[b])
                                .as("%s band %d vs %d", s.key().describe(), b, c)
                                .isLessThan(low[c]);
                    }
                }
            }
        }
    }
}
