package dev.glosa.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndicatorRowTests {

    @Test
    void withScopeRenamesTheScopeAndKeepsTheFigures() {
        IndicatorRow row =
                new IndicatorRow(IndicatorRow.OVERALL, "", "2025-01", 10, 3, 0.3, 0.1, 0.6, 900.0, 100.0, 0.11, 50.0);

        IndicatorRow renamed = row.withScope("overall:competence");

        assertThat(renamed.scope()).isEqualTo("overall:competence");
        assertThat(renamed).usingRecursiveComparison().ignoringFields("scope").isEqualTo(row);
    }
}
