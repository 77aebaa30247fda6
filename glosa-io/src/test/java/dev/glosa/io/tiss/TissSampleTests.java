package dev.glosa.io.tiss;

import static dev.glosa.io.tiss.TissColumns.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped samples in {@code ../shared/data/tiss} (skipped when the folder is absent). */
class TissSampleTests {
    private static final String DEMO = "sample_demonstrativoAnaliseConta_v4_01_00_SYNTHETIC.xml";
    private static final String RECURSO = "sample_recursoGlosa_app-tiss-schemas.xml";

    @Test
    void sampleDemonstrativoGivesOneRowPerItemAndOneForTheGuideOnlyGlosa() throws Exception {
        TissReadResult result = TissReader.read(TissTestData.tissDir().resolve(DEMO));
        GlosaTable t = result.table();

        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.category(Role.PAYER).get(0)).isEqualTo("999999");
        assertThat(t.category(PAYER_NAME).get(0)).isEqualTo("OPERADORA EXEMPLO");
        assertThat(t.category(Role.HOSPITAL).get(0)).isEqualTo("1234567");
        assertThat(t.category(PROVIDER_CODE).get(0)).isEqualTo("12345678");
        assertThat(t.category(PROTOCOL_NUMBER).get(0)).isEqualTo("P000998877");
        assertThat(t.months(Role.COMPETENCE).get(0)).isEqualTo(YearMonth.of(2025, 2));
        assertThat(t.category(TISS_VERSION).get(0)).isEqualTo("4.01.00");

        // item 1: paid in full, no reason code
        assertThat(t.category(GUIDE_NUMBER).get(0)).isEqualTo("G-0001");
        assertThat(t.category(OPERATOR_GUIDE_NUMBER).get(0)).isEqualTo("OP-778899");
        assertThat(t.category(CARD_NUMBER).get(0)).isEqualTo("00112233445566");
        assertThat(t.longs(ITEM_SEQ).get(0)).isEqualTo(1);
        assertThat(t.dates(SERVICE_DATE).get(0)).isEqualTo(LocalDate.of(2025, 1, 20));
        assertThat(t.category(PROCEDURE_CODE).get(0)).isEqualTo("31009336");
        assertThat(t.doubles(Role.BILLED_AMOUNT).get(0)).isEqualTo(1500.0);
        assertThat(t.doubles(Role.GLOSA_AMOUNT).get(0)).isZero();
        assertThat(t.category(Role.REASON_CODE).isMissing(0)).isTrue();
        assertThat(t.category(Role.GLOSA_TYPE).get(0)).isEqualTo(GlosaTypeMapping.SEM_GLOSA);

        // item 2: 120.00 denied under 2107 (medicamento)
        assertThat(t.category(Role.REASON_CODE).get(1)).isEqualTo("2107");
        assertThat(t.category(REASON_GROUP).get(1)).isEqualTo("Medicamento");
        assertThat(t.category(Role.GLOSA_TYPE).get(1)).isEqualTo(GlosaTypeMapping.TECNICA);
        assertThat(t.doubles(Role.GLOSA_AMOUNT).get(1)).isEqualTo(120.0);
        assertThat(t.doubles(Role.PAID_AMOUNT).get(1)).isEqualTo(180.0);
        assertThat(t.category(GLOSA_LEVEL).get(1)).isEqualTo("item");

        // guide G-0002 has no items: the guide-level glosa 1001 is a row of its own
        assertThat(t.category(GUIDE_NUMBER).get(2)).isEqualTo("G-0002");
        assertThat(t.category(GLOSA_LEVEL).get(2)).isEqualTo("guide");
        assertThat(t.category(ROW_PART).get(2)).isEqualTo(PART_AMOUNTS);
        assertThat(t.category(Role.REASON_CODE).get(2)).isEqualTo("1001");
        assertThat(t.category(REASON_GROUP).get(2)).isEqualTo("Elegibilidade");
        assertThat(t.category(Role.GLOSA_TYPE).get(2)).isEqualTo(GlosaTypeMapping.ADMINISTRATIVA);
        assertThat(t.doubles(Role.GLOSA_AMOUNT).get(2)).isEqualTo(250.0);
        assertThat(t.longs(ITEM_SEQ).isMissing(2)).isTrue();

        // declared totals: informado 2050, liberado 1680, glosa 370 at protocol and demonstrativo level
        assertThat(TissTestData.sum(t, BILLED_AMOUNT)).isEqualTo(2050.0);
        assertThat(TissTestData.sum(t, PAID_AMOUNT)).isEqualTo(1680.0);
        assertThat(TissTestData.sum(t, GLOSA_AMOUNT)).isEqualTo(370.0);
        assertThat(result.report().mismatches()).isEmpty();
        assertThat(result.report().clean()).isTrue();
        assertThat(result.report().files()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(TissReadReport.FileKind.DEMONSTRATIVO);
            assertThat(f.version()).isEqualTo("4.01.00");
            assertThat(f.guides()).isEqualTo(2);
            assertThat(f.items()).isEqualTo(2);
            assertThat(f.rows()).isEqualTo(3);
        });
    }

    @Test
    void sampleDemonstrativoIsValidAgainstTheOfflineSchema() throws Exception {
        Path dir = TissTestData.tissDir();
        TissSchemaValidator validator = TissSchemaValidator.fromDirectory(dir);

        assertThat(validator.validate(dir.resolve(DEMO))).isEmpty();
        TissReadResult strict = TissReader.create(
                        TissOptions.defaults().withValidation(TissOptions.Validation.STRICT, dir))
                .readPaths(dir.resolve(DEMO));
        assertThat(strict.table().rowCount()).isEqualTo(3);
        assertThat(strict.report().files().get(0).schemaErrors()).isZero();
    }

    @Test
    void sampleRecursoIsReadAndItsAppealsAreReportedWhenNoGlosaMatchesThem() throws Exception {
        Path dir = TissTestData.tissDir();
        TissReadResult result = TissReader.read(dir.resolve(DEMO), dir.resolve(RECURSO));

        TissReadReport report = result.report();
        assertThat(report.files())
                .extracting(TissReadReport.FileSummary::kind)
                .containsExactly(TissReadReport.FileKind.DEMONSTRATIVO, TissReadReport.FileKind.RECURSO_GLOSA);
        assertThat(report.appealsRead()).isEqualTo(2);
        assertThat(report.appealsMatched()).isZero();
        assertThat(report.warnings())
                .hasSize(2)
                .allSatisfy(w ->
                        assertThat(w).contains(RECURSO).contains("code 1714").contains("matches no glosa row"));
        assertThat(report.warnings().get(0))
                .contains("guide (shape 999999999, value masked)")
                .doesNotContain("125697572")
                .contains("item 15");
        assertThat(result.table().longs(APPEALED).values()).containsOnly(0L);
    }

    @Test
    void sampleRecursoIsValidAgainstTheOfflineSchema() throws Exception {
        Path dir = TissTestData.tissDir();
        assertThat(TissSchemaValidator.fromDirectory(dir).validate(dir.resolve(RECURSO)))
                .isEmpty();
    }

    @Test
    void recoveryRatesOfTheSampleHaveOneGroupPerReasonGroupWithNothingRecovered() throws Exception {
        TissReadResult result = TissReader.read(TissTestData.tissDir().resolve(DEMO));

        assertThat(result.recoveryRates())
                .extracting(RecoveryRate::key)
                .containsExactly(
                        List.of("999999", "Elegibilidade", "2025-02"), List.of("999999", "Medicamento", "2025-02"));
        assertThat(result.recoveryRates()).extracting(RecoveryRate::glosaAmount).containsExactly(250.0, 120.0);
        assertThat(result.recoveryRates())
                .allSatisfy(r -> assertThat(r.recoveryRate()).isZero());
    }
}
