package dev.glosa.io.tiss;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TissRecordWithersTests {

    @Test
    void aFileSummaryWithSchemaErrorsKeepsItsCounts() {
        TissReadReport.FileSummary summary = new TissReadReport.FileSummary(
                "a.xml", TissReadReport.FileKind.DEMONSTRATIVO, "4.01.00", 1, 2, 3, 4, 5, 0, 0, 0);

        TissReadReport.FileSummary checked = summary.withSchemaErrors(7);

        assertThat(checked.schemaErrors()).isEqualTo(7);
        assertThat(checked)
                .usingRecursiveComparison()
                .ignoringFields("schemaErrors")
                .isEqualTo(summary);
    }

    @Test
    void anAppealLineWithItsOriginKeepsWhatWasAppealed() {
        AppealRecord line = new AppealRecord(
                true,
                TissLevel.ITEM,
                "r.xml",
                12,
                null,
                null,
                "1001",
                "OP1001",
                2,
                "20",
                "90000001",
                "2107",
                10000,
                3000,
                (char) 0);

        AppealRecord completed = line.withOrigin("345678", "P1");

        assertThat(completed.payer()).isEqualTo("345678");
        assertThat(completed.protocol()).isEqualTo("P1");
        assertThat(completed)
                .usingRecursiveComparison()
                .ignoringFields("payer", "protocol")
                .isEqualTo(line);
    }
}
