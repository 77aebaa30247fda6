package dev.glosa.io.tiss;

import static dev.glosa.io.tiss.TissColumns.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import dev.glosa.io.tiss.TissGenerator.Shape;
import dev.glosa.io.tiss.TissGenerator.Spec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Generated demonstrativos of every shape, in both versions, read back. */
class TissShapesTests {

    private static TissReadResult read(Spec spec) throws Exception {
        return TissTestData.read(TissInput.of("gen.xml", () -> TissGenerator.open(spec)));
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void everyShapeReadsBackToWhatTheGeneratorWroteInBothVersions(Shape shape) throws Exception {
        for (String version : List.of("3.05.00", "4.01.00")) {
            Spec spec = Spec.of(version, shape, 11).withSize(7, 3, 4);
            TissGenerator.Summary expected = TissGenerator.summary(spec);
            TissReadResult result = read(spec);
            GlosaTable t = result.table();

            assertThat(t.rowCount()).as(version).isEqualTo(expected.rows());
            int coded = 0;
            for (int r = 0; r < t.rowCount(); r++) {
                coded += t.category(Role.REASON_CODE).isMissing(r) ? 0 : 1;
            }
            assertThat(coded).as(version).isEqualTo(expected.glosaRows());
            assertThat(TissTestData.sum(t, BILLED_AMOUNT)).as(version).isEqualTo(expected.billed());
            assertThat(TissTestData.sum(t, PAID_AMOUNT)).as(version).isEqualTo(expected.paid());
            assertThat(TissTestData.sum(t, GLOSA_AMOUNT)).as(version).isEqualTo(expected.glosa());
            assertThat(result.report().mismatches()).as(version).isEmpty();
            assertThat(result.report().warnings()).as(version).isEmpty();
            assertThat(result.report().unknownReasonCodes()).as(version).isEmpty();
            assertThat(result.report().files().get(0).version()).isEqualTo(version);
            assertThat(result.report().files().get(0).items()).isEqualTo(expected.items());
            assertThat(result.report().files().get(0).guides()).isEqualTo(expected.guides());
        }
    }

    @Test
    void severalGlosasOfOneItemAreOneRowEachAndTheItemAmountsAreCountedOnce() throws Exception {
        String xml = TissTestData.demonstrativo(
                "345678",
                "7654321",
                TissTestData.protocol(
                        "P1",
                        "2025-02-05",
                        null,
                        TissTestData.guide(
                                "G1",
                                new String[0],
                                TissTestData.item(
                                        1,
                                        "20",
                                        "90000001",
                                        "300.00",
                                        "300.00",
                                        "150.00",
                                        "100.00",
                                        "2107",
                                        "50.00",
                                        "1714"),
                                TissTestData.totals("Guia", "300.00", "300.00", "150.00", "150.00")),
                        TissTestData.totals("Protocolo", "300.00", "300.00", "150.00", "150.00")),
                TissTestData.geral("300.00", "300.00", "150.00", "150.00"));
        TissReadResult result = TissTestData.read(TissTestData.input("multi.xml", xml));
        GlosaTable t = result.table();

        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.category(Role.REASON_CODE).get(0)).isEqualTo("2107");
        assertThat(t.category(Role.REASON_CODE).get(1)).isEqualTo("1714");
        assertThat(t.doubles(Role.GLOSA_AMOUNT).values()).containsExactly(100.0, 50.0);
        assertThat(t.category(ROW_PART).get(0)).isEqualTo(PART_AMOUNTS);
        assertThat(t.category(ROW_PART).get(1)).isEqualTo(PART_GLOSA_ONLY);
        assertThat(t.doubles(Role.BILLED_AMOUNT).values()).containsExactly(300.0, 0.0);
        assertThat(t.doubles(Role.PAID_AMOUNT).values()).containsExactly(150.0, 0.0);
        assertThat(t.doubles(QUANTITY).values()).containsExactly(1.0, 0.0);
        assertThat(t.category(REASON_GROUP).get(1)).isEqualTo("Regra de Valorização");
        assertThat(t.category(Role.GLOSA_TYPE).get(1)).isEqualTo(GlosaTypeMapping.CONTRATUAL);
        assertThat(t.longs(ITEM_SEQ).values()).containsExactly(1L, 1L);
        assertThat(result.report().mismatches()).isEmpty();
    }

    @Test
    void aGuideLevelCutOnPaidItemsIsAGuideRowWhosePaidAdjustmentKeepsReleasedTotalsRight() throws Exception {
        String xml = TissTestData.demonstrativo(
                "345678",
                "7654321",
                TissTestData.protocol(
                        "P1",
                        "2025-02-05",
                        null,
                        TissTestData.guide(
                                "G1",
                                new String[] {"1704", "1099"},
                                TissTestData.item(1, "22", "10101012", "200.00", "200.00", "200.00")
                                        + TissTestData.item(2, "22", "40304361", "100.00", "100.00", "100.00"),
                                TissTestData.totals("Guia", "300.00", "300.00", "260.00", "40.00")),
                        TissTestData.totals("Protocolo", "300.00", "300.00", "260.00", "40.00")),
                TissTestData.geral("300.00", "300.00", "260.00", "40.00"));
        TissReadResult result = TissTestData.read(TissTestData.input("guide-cut.xml", xml));
        GlosaTable t = result.table();

        assertThat(t.rowCount()).isEqualTo(4);
        assertThat(t.category(GLOSA_LEVEL).get(2)).isEqualTo("guide");
        assertThat(t.category(ROW_PART).get(2)).isEqualTo(PART_GLOSA_ONLY);
        assertThat(t.category(Role.REASON_CODE).get(2)).isEqualTo("1704");
        assertThat(t.doubles(Role.GLOSA_AMOUNT).get(2)).isEqualTo(40.0);
        assertThat(t.doubles(Role.PAID_AMOUNT).get(2)).isEqualTo(-40.0);
        assertThat(t.doubles(Role.BILLED_AMOUNT).get(2)).isZero();
        // the second guide code keeps its row, with no amount of its own
        assertThat(t.category(Role.REASON_CODE).get(3)).isEqualTo("1099");
        assertThat(t.doubles(Role.GLOSA_AMOUNT).get(3)).isZero();
        assertThat(TissTestData.sum(t, PAID_AMOUNT)).isEqualTo(260.0);
        assertThat(TissTestData.sum(t, GLOSA_AMOUNT)).isEqualTo(40.0);
        assertThat(result.report().mismatches()).isEmpty();
    }

    @Test
    void aGuideCodeExplainingUncodedItemDenialsAddsTheGlosaWithoutAPaidAdjustment() throws Exception {
        // the operator zeroed the item's released value and put the reason at guide level only
        String xml = TissTestData.demonstrativo(
                "345678",
                "7654321",
                TissTestData.protocol(
                        "P1",
                        "2025-02-05",
                        null,
                        TissTestData.guide(
                                "G1",
                                new String[] {"1001"},
                                TissTestData.item(1, "22", "10101012", "80.00", "80.00", "0.00"),
                                TissTestData.totals("Guia", "80.00", "80.00", "0.00", "80.00")),
                        TissTestData.totals("Protocolo", "80.00", "80.00", "0.00", "80.00")),
                TissTestData.geral("80.00", "80.00", "0.00", "80.00"));
        TissReadResult result = TissTestData.read(TissTestData.input("uncoded-items.xml", xml));
        GlosaTable t = result.table();

        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.doubles(Role.GLOSA_AMOUNT).values()).containsExactly(0.0, 80.0);
        assertThat(t.doubles(Role.PAID_AMOUNT).values()).containsExactly(0.0, 0.0);
        assertThat(t.category(GLOSA_LEVEL).get(1)).isEqualTo("guide");
        assertThat(result.report().mismatches()).isEmpty();
        assertThat(result.report().warnings()).isEmpty();
    }

    @Test
    void protocolOnlyAndProtocolLevelGlosasAreRowsAtProtocolLevel() throws Exception {
        TissReadResult only = read(Spec.of("4.01.00", Shape.PROTOCOL_ONLY, 3).withSize(2, 1, 1));
        GlosaTable t = only.table();
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.category(GLOSA_LEVEL).dictionary()).containsExactly("protocol");
        assertThat(t.category(GUIDE_NUMBER).isMissing(0)).isTrue();
        assertThat(t.category(ROW_PART).get(0)).isEqualTo(PART_AMOUNTS);
        assertThat(t.category(REASON_GROUP).get(0))
                .isEqualTo(Tabela38.defaultTable()
                        .group(t.category(Role.REASON_CODE).get(0)));

        TissReadResult onTop =
                read(Spec.of("4.01.00", Shape.PROTOCOL_LEVEL_ON_GUIDES, 3).withSize(2, 2, 2));
        GlosaTable u = onTop.table();
        int protocolRows = 0;
        for (int r = 0; r < u.rowCount(); r++) {
            if ("protocol".equals(u.category(GLOSA_LEVEL).get(r))) {
                protocolRows++;
                assertThat(u.category(ROW_PART).get(r)).isEqualTo(PART_GLOSA_ONLY);
                assertThat(u.doubles(Role.GLOSA_AMOUNT).get(r)).isPositive();
                assertThat(u.doubles(Role.PAID_AMOUNT).get(r))
                        .isEqualTo(-u.doubles(Role.GLOSA_AMOUNT).get(r));
            }
        }
        assertThat(protocolRows).isEqualTo(2);
        assertThat(onTop.report().mismatches()).isEmpty();
    }

    @Test
    void isoAndUtf8FilesGiveTheSameTable() throws Exception {
        Spec iso = Spec.of("3.05.00", Shape.MIXED, 5).withSize(6, 2, 3);
        Spec utf = iso.withEncoding(StandardCharsets.UTF_8);
        GlosaTable a = read(iso).table();
        GlosaTable b = read(utf).table();

        assertThat(TissTestData.rowsAsText(b)).isEqualTo(TissTestData.rowsAsText(a));
        assertThat(a.category(PAYER_NAME).get(0)).isEqualTo("OPERADORA SAÚDE & VIDA");
        assertThat(a.category(PROVIDER_NAME).get(0)).isEqualTo("HOSPITAL SÃO LUCAS");
        assertThat(List.of(a.category(PROCEDURE_DESCRIPTION).dictionary())).contains("DIÁRIA DE APARTAMENTO");
    }

    @Test
    void withoutCnesTheHospitalIsTheProviderCode() throws Exception {
        GlosaTable t = read(Spec.of("4.01.00", Shape.ITEM_LEVEL, 5).withParties("111222", null))
                .table();

        assertThat(t.category(Role.HOSPITAL).dictionary()).containsExactly("PRE0042");
        assertThat(t.category(CNES).cardinality()).isZero();
        assertThat(t.category(Role.PAYER).dictionary()).containsExactly("111222");
    }

    @Test
    void numericGuideNumbersFillClaimIdAndTextOnesLeaveItMissing() {
        assertThat(TissFileParser.claimId("100000001")).isEqualTo(100000001L);
        assertThat(TissFileParser.claimId("000123")).isEqualTo(123L);
        assertThat(TissFileParser.claimId("G-0001")).isEqualTo(Long.MIN_VALUE);
        assertThat(TissFileParser.claimId("1234567890123456789")).isEqualTo(Long.MIN_VALUE);
        assertThat(TissFileParser.claimId(null)).isEqualTo(Long.MIN_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.05.00", "4.01.00"})
    void theSameSpecGivesTheSameBytesAndTheSameTable(String version) throws Exception {
        Spec spec = Spec.of(version, Shape.MIXED, 99).withBrokenTotals(0.3);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        TissGenerator.write(spec, a);
        TissGenerator.write(spec, b);

        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
        assertThat(TissTestData.rowsAsText(read(spec).table()))
                .isEqualTo(TissTestData.rowsAsText(read(spec).table()));
    }

    @Test
    void itemsWithoutGlosaCanBeLeftOutWhileTotalsStillCheckAgainstEveryItem() throws Exception {
        Spec spec = Spec.of("4.01.00", Shape.ITEM_LEVEL, 8).withGlosaRate(0.3);
        TissReadResult all = read(spec);
        TissReadResult glosed = TissTestData.read(
                TissOptions.defaults().withItemsWithoutGlosa(false),
                TissInput.of("gen.xml", () -> TissGenerator.open(spec)));

        CategoryColumn reason = glosed.table().category(Role.REASON_CODE);
        for (int r = 0; r < glosed.table().rowCount(); r++) {
            assertThat(reason.isMissing(r)).isFalse();
        }
        assertThat(glosed.table().rowCount()).isLessThan(all.table().rowCount());
        assertThat(TissTestData.sum(glosed.table(), GLOSA_AMOUNT))
                .isEqualTo(TissTestData.sum(all.table(), GLOSA_AMOUNT));
        assertThat(glosed.report().mismatches()).isEmpty();
    }

    @Test
    void competenceCanComeFromTheStatementDate() throws Exception {
        Spec spec = Spec.of("4.01.00", Shape.ITEM_LEVEL, 8).withSize(3, 1, 1);
        GlosaTable byProtocol = read(spec).table();
        GlosaTable byStatement = TissTestData.read(
                        TissOptions.defaults().withCompetence(TissOptions.Competence.STATEMENT_DATE),
                        TissInput.of("gen.xml", () -> TissGenerator.open(spec)))
                .table();

        assertThat(byProtocol.months(Role.COMPETENCE).get(0)).isEqualTo(java.time.YearMonth.of(2025, 1));
        assertThat(byStatement.months(Role.COMPETENCE).get(0)).isEqualTo(java.time.YearMonth.of(2025, 6));
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void generatedFilesAreValidAgainstTheAnsSchemas(Shape shape) throws Exception {
        TissSchemaValidator validator = TissSchemaValidator.fromDirectory(TissTestData.tissDir());
        for (String version : List.of("3.05.00", "4.01.00")) {
            Spec spec = Spec.of(version, shape, 21).withBrokenTotals(0.5);
            assertThat(validator.validate(TissInput.of(version + ".xml", () -> TissGenerator.open(spec))))
                    .as(version)
                    .isEmpty();
        }
    }
}
