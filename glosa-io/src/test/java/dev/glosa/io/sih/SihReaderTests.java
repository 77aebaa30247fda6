package dev.glosa.io.sih;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import dev.glosa.io.dbf.DbfReader;
import dev.glosa.io.dbf.MalformedFileException;
import dev.glosa.io.dbf.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SihReaderTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "RDAC2203.dbc, RD 2016+, 4185", "RDAC2301.dbc, RD 2016+, 4165", "RDAC2302.dbc, RD 2016+, 4834",
        "RDRR1412.dbc, RD 2016+, 1690", "RDSE1506.dbc, RD 2016+, 8088", "RDSC0907.dbc, RD 2008-2011, 35063",
        "RDRR0801.dbf, RD 2008-2011, 1475", "RDAP1405.dbf, RD 2014, 58", "RDDF9705.dbc, RD 1997, 12353",
        "RDRR9504.dbc, RD 1995, 586", "RJES1205.dbc, RJ 2008+, 1624", "RJAL0611.dbc, RJ 2006-2007, 1290",
        "RJAL0705.dbc, RJ 2006-2007, 925", "RJGO0711.dbc, RJ 2006-2007, 1286", "RJPE0703.dbc, RJ 2006-2007, 1084",
        "RJPI0705.dbc, RJ 2006-2007, 902", "ERBA1701.dbc, ER 2011+, 12282", "ERSP1906.dbc, ER 2011+, 13477",
        "ERSE2003.dbc, ER 2011+, 25", "ERRR1204.dbc, ER 2011+, 22", "ERAP1202.dbc, ER 2011+, 1",
        "SPRR1604.dbc, SP 2016+, 40394", "SPRR0406.dbc, SP 2004, 4982", "SPAP0710.dbc, SP 2007, 0",
    })
    void everyRealFileIsRecognisedAndMappedToTheRoles(String name, String layout, int rows) throws IOException {
        SihTable t = SihReader.read(SharedData.datasus(name));
        SihFileReport report = t.files().get(0);
        assertThat(report.layout().label()).isEqualTo(layout);
        assertThat(report.warnings()).isEmpty();
        assertThat(report.read().recordsRead()).isEqualTo(rows);
        GlosaTable g = t.table();
        assertThat(g.rowCount()).isEqualTo(rows);
        for (Role role : new Role[] {
            Role.CLAIM_ID, Role.HOSPITAL, Role.PAYER, Role.COMPETENCE, Role.ADMISSION_DATE, Role.DISCHARGE_DATE
        }) {
            assertThat(g.has(role)).as(name + " " + role).isTrue();
            assertThat(g.column(role).type()).isEqualTo(role.type());
        }
        SihSystem system = t.system();
        assertThat(g.has(Role.BILLED_AMOUNT)).isEqualTo(system == SihSystem.RD || system == SihSystem.RJ);
        assertThat(g.has(Role.PAID_AMOUNT)).isEqualTo(system == SihSystem.RD);
        assertThat(g.has(Role.REASON_CODE)).isEqualTo(system == SihSystem.ER);
        assertThat(g.has(Role.GLOSA_TYPE)).isEqualTo(system == SihSystem.ER);
        for (int r = 0; r < rows; r++) {
            assertThat(g.category(Role.PAYER).get(r)).isEqualTo("SUS");
            assertThat(g.longs(Role.CLAIM_ID).isMissing(r)).isFalse();
            assertThat(g.months(Role.COMPETENCE).isMissing(r)).isFalse();
        }
    }

    @Test
    void rdac2301PaysAih1222100605088TwiceAsPrincipalAndLongStay() throws IOException {
        GlosaTable g = SihReader.read(SharedData.datasus("RDAC2301.dbc")).table();
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < g.rowCount(); r++) {
            if (g.longs(Role.CLAIM_ID).get(r) == 1_222_100_605_088L) {
                rows.add(r);
            }
        }
        assertThat(rows).containsExactly(3725, 3726);
        assertThat(g.doubles(Role.BILLED_AMOUNT).get(3725)).isEqualTo(1391.63);
        assertThat(g.doubles(Role.PAID_AMOUNT).get(3725)).isEqualTo(1391.63);
        assertThat(g.doubles(Role.PAID_AMOUNT).get(3726)).isEqualTo(1341.93);
        assertThat(g.category("IDENT").get(3725)).isEqualTo("1");
        assertThat(g.category("IDENT").get(3726)).isEqualTo("5");
        assertThat(g.category(Role.HOSPITAL).get(3725)).isEqualTo("2000857");
        assertThat(g.months(Role.COMPETENCE).get(3725)).isEqualTo(YearMonth.of(2023, 1));
        assertThat(g.dates(Role.ADMISSION_DATE).get(3726)).isEqualTo(LocalDate.of(2022, 12, 3));
        assertThat(g.dates(Role.DISCHARGE_DATE).get(3725)).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(g.dates(Role.DISCHARGE_DATE).get(3726)).isEqualTo(LocalDate.of(2023, 1, 28));
        assertThat(g.doubles(SihReader.AGE_YEARS).get(3725)).isEqualTo(28.0);
        assertThat(g.category("GESTAO").get(3725)).isEqualTo("2");
        assertThat(g.column("MORTE").type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(g.column("DIAS_PERM").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(g.column("UTI_MES_TO").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(g.category("PROC_REA").get(0)).isEqualTo("0303070129");
        assertThat(g.category("DIAG_PRINC").get(0)).isEqualTo("K808");
        assertThat(g.has("N_AIH")).isFalse();
        assertThat(g.has("VAL_TOT")).isFalse();
        assertThat(g.has("REMESSA")).isTrue();
    }

    @Test
    void the1995LayoutUsesTwoDigitYearsTenDigitClaimsAndTheCnpjAsHospital() throws IOException {
        GlosaTable g = SihReader.read(SharedData.datasus("RDRR9504.dbc")).table();
        assertThat(g.longs(Role.CLAIM_ID).get(0)).isEqualTo(1_435_631_406L);
        assertThat(g.category(Role.HOSPITAL).get(0)).isEqualTo("34811331000123");
        assertThat(g.months(Role.COMPETENCE).get(0)).isEqualTo(YearMonth.of(1995, 4));
        assertThat(g.dates(Role.ADMISSION_DATE).get(0)).isEqualTo(LocalDate.of(1995, 4, 14));
        assertThat(g.dates(Role.DISCHARGE_DATE).get(0)).isEqualTo(LocalDate.of(1995, 4, 15));
        assertThat(g.doubles(Role.BILLED_AMOUNT).get(0)).isEqualTo(62.7);
        assertThat(g.doubles(SihReader.AGE_YEARS).get(0)).isEqualTo(25.0);
        assertThat(g.category("NASC").get(0)).isEqualTo("690901");
    }

    @Test
    void ageInYearsFollowsTheUnitCodeOnEveryRow() throws IOException {
        for (String name : new String[] {"RDAC2301.dbc", "RDDF9705.dbc", "RJES1205.dbc"}) {
            Path file = SharedData.datasus(name);
            GlosaTable raw = DbfReader.read(file).table();
            GlosaTable g = SihReader.read(file).table();
            int[] seen = new int[6];
            for (int r = 0; r < g.rowCount(); r++) {
                long age = raw.longs("IDADE").get(r);
                String unit = raw.category("COD_IDADE").get(r);
                double expected = switch (unit) {
                    case "2" -> age / 365.25;
                    case "3" -> age / 12.0;
                    case "4" -> age;
                    case "5" -> 100 + age;
                    default -> Double.NaN;
                };
                seen[Integer.parseInt(unit)]++;
                // Boxed, so that NaN (unknown unit) equals NaN.
                assertThat(Double.valueOf(g.doubles(SihReader.AGE_YEARS).get(r)))
                        .as(name + " row " + r)
                        .isEqualTo(Double.valueOf(expected));
                assertThat(g.doubles(Role.BILLED_AMOUNT).get(r))
                        .isEqualTo(raw.doubles("VAL_TOT").get(r));
            }
            assertThat(seen[4]).isPositive();
        }
    }

    @Test
    void errorFileRowsCarryTheirCodeDescriptionAndGroup() throws IOException {
        GlosaTable g = SihReader.read(SharedData.datasus("ERSE2003.dbc")).table();
        assertThat(g.longs(Role.CLAIM_ID).get(3)).isEqualTo(2_820_101_013_840L);
        assertThat(g.longs(Role.CLAIM_ID).get(4)).isEqualTo(2_820_101_013_840L);
        assertThat(g.category(Role.HOSPITAL).get(3)).isEqualTo("0002534");
        assertThat(g.category(Role.REASON_CODE).get(3)).isEqualTo("060038");
        assertThat(g.category(Role.REASON_CODE).get(4)).isEqualTo("060149");
        assertThat(g.category(Role.GLOSA_TYPE).get(3)).isEqualTo("06");
        assertThat(g.category(SihReader.REASON_DESCRIPTION).get(3))
                .isEqualTo(SihErrorCodes.standard().description("060038"))
                .isNotBlank();
        assertThat(g.category(SihReader.GLOSA_TYPE_DESCRIPTION).get(3)).startsWith("CRITICA PROCEDIMENTOS REALIZADOS");
        assertThat(g.months(Role.COMPETENCE).get(3)).isEqualTo(YearMonth.of(2020, 3));
        assertThat(g.dates(Role.ADMISSION_DATE).get(3)).isEqualTo(LocalDate.of(2019, 11, 4));
        assertThat(g.dates(Role.DISCHARGE_DATE).get(3)).isEqualTo(LocalDate.of(2019, 12, 4));
    }

    @Test
    void professionalServiceLayoutsMapTheirOwnFieldNames() throws IOException {
        GlosaTable old = SihReader.read(SharedData.datasus("SPRR0406.dbc")).table();
        assertThat(old.longs(Role.CLAIM_ID).get(0)).isEqualTo(2_920_482_202L);
        assertThat(old.category(Role.HOSPITAL).get(0)).isEqualTo("26989350023248");
        assertThat(old.months(Role.COMPETENCE).get(0)).isEqualTo(YearMonth.of(2004, 6));
        assertThat(old.dates(Role.ADMISSION_DATE).get(0)).isEqualTo(LocalDate.of(2004, 6, 3));
        assertThat(old.doubles("SP_VALATO").get(0)).isEqualTo(120.99);
        GlosaTable recent = SihReader.read(SharedData.datasus("SPRR1604.dbc")).table();
        assertThat(recent.longs(Role.CLAIM_ID).get(0)).isEqualTo(1_416_100_142_732L);
        assertThat(recent.category(Role.HOSPITAL).get(0)).isEqualTo("2566168");
        assertThat(recent.doubles("SP_VALATO").get(1)).isEqualTo(20.27);
    }

    @Test
    void droppingOtherColumnsKeepsRolesDimensionsAndMeasures() throws IOException {
        GlosaTable g = SihReader.read(
                        SharedData.datasus("RDAC2301.dbc"),
                        SihReadOptions.defaults().withoutOtherColumns())
                .table();
        assertThat(g.columnNames())
                .containsExactly(
                        "claim_id",
                        "hospital",
                        "payer",
                        "competence",
                        "billed_amount",
                        "paid_amount",
                        "admission_date",
                        "discharge_date",
                        "age_years",
                        "ESPEC",
                        "IDENT",
                        "SEXO",
                        "UTI_MES_TO",
                        "PROC_REA",
                        "DIAG_PRINC",
                        "GESTAO",
                        "DIAS_PERM",
                        "MORTE",
                        "CAR_INT",
                        "COMPLEX",
                        "FINANC");
    }

    @Test
    void readingManyFilesInParallelGivesTheSameTablesAsOneThreadInFileOrder() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String n : new String[] {
            "RDAC2302.dbc",
            "RDRR9504.dbc",
            "RJES1205.dbc",
            "RDAC2301.dbc",
            "ERSE2003.dbc",
            "RJAL0611.dbc",
            "ERRR1204.dbc",
            "RDAP1405.dbf"
        }) {
            files.add(SharedData.datasus(n));
        }
        SihBatch one = SihReader.readAll(files, SihReadOptions.defaults().withThreads(1));
        SihBatch four = SihReader.readAll(files, SihReadOptions.defaults().withThreads(4));
        assertThat(one.tables()).extracting(SihTable::system).containsExactly(SihSystem.RD, SihSystem.RJ, SihSystem.ER);
        for (SihTable a : one.tables()) {
            GlosaTable x = a.table();
            GlosaTable y = four.table(a.system()).table();
            assertSameContent(x, y);
        }
        SihTable rd = one.table(SihSystem.RD);
        assertThat(rd.files())
                .extracting(SihFileReport::file)
                .containsExactly(
                        files.get(0).toString(),
                        files.get(1).toString(),
                        files.get(3).toString(),
                        files.get(7).toString());
        assertThat(rd.table().rowCount()).isEqualTo(4834 + 586 + 4165 + 58);
        GlosaTable first = SihReader.read(files.get(0)).table();
        GlosaTable oldEra = SihReader.read(files.get(1)).table();
        assertThat(rd.table().longs(Role.CLAIM_ID).get(0))
                .isEqualTo(first.longs(Role.CLAIM_ID).get(0));
        assertThat(rd.table().longs(Role.CLAIM_ID).get(4834))
                .isEqualTo(oldEra.longs(Role.CLAIM_ID).get(0));
        // Columns of one era only are missing in the rows of the others.
        assertThat(rd.table().category("DIAGSEC1").isMissing(4834)).isTrue();
        assertThat(rd.table().category("COD_ARQ").isMissing(0)).isTrue();
        assertThat(rd.table().category("COD_ARQ").get(4834)).isEqualTo("2");
    }

    @Test
    void erasWhoseFieldTypesDifferStackIntoCommonColumnTypes() throws IOException {
        Path old = SharedData.datasus("SPRR0406.dbc");
        Path recent = SharedData.datasus("SPRR1604.dbc");
        SihTable sp = SihReader.readAll(
                        List.of(old, recent), SihReadOptions.defaults().withThreads(2))
                .table(SihSystem.SP);
        GlosaTable g = sp.table();
        assertThat(g.rowCount()).isEqualTo(4982 + 40394);
        // SP_NUM_PR is N(7) in 2004 and C(8) later: the stacked column is text.
        assertThat(g.column("SP_NUM_PR").type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(g.category("SP_NUM_PR").get(0)).isEqualTo("3668");
        // SP_QTD_ATO is N in both: it stays a number; SP_VALATO keeps its decimals.
        assertThat(g.column("SP_QTD_ATO").type()).isEqualTo(ColumnType.LONG);
        assertThat(g.doubles("SP_VALATO").get(0)).isEqualTo(120.99);
        assertThat(g.doubles("SP_VALATO").get(4982 + 1)).isEqualTo(20.27);
        assertThat(g.longs(Role.CLAIM_ID).get(4982)).isEqualTo(1_416_100_142_732L);
        assertThat(g.category(Role.HOSPITAL).get(0)).isEqualTo("26989350023248");
        assertThat(g.category(Role.HOSPITAL).get(4982)).isEqualTo("2566168");
        assertThat(g.category("SP_GESTOR").isMissing(0)).isTrue();
        assertThat(g.category("SP_GESTOR").get(4982)).isEqualTo("140000");
        assertThat(sp.files()).extracting(f -> f.layout().label()).containsExactly("SP 2004", "SP 2016+");
    }

    private static void assertSameContent(GlosaTable x, GlosaTable y) {
        assertThat(y.columnNames()).isEqualTo(x.columnNames());
        assertThat(y.rowCount()).isEqualTo(x.rowCount());
        for (Column c : x.columns()) {
            Column d = y.column(c.name());
            assertThat(d.type()).isEqualTo(c.type());
            for (int r = 0; r < x.rowCount(); r++) {
                assertThat(d.text(r)).isEqualTo(c.text(r));
            }
            if (c instanceof CategoryColumn cat) {
                assertThat(((CategoryColumn) d).dictionary()).isEqualTo(cat.dictionary());
            }
        }
    }

    @Test
    void aClaimNumberWithTheWrongDigitCountFailsNamingFileRecordAndField() throws IOException {
        Path file = dir.resolve("ERXX2001.dbf");
        Layouts.write(
                file,
                Layouts.fields(Layouts.folder().resolve("ER_2011plus_from_ERSE2003.csv")),
                List.of(
                        Map.of(
                                "AIH",
                                "2820100231850",
                                "CNES",
                                "6568343",
                                "ANO",
                                "2020",
                                "MES",
                                "01",
                                "CO_ERRO",
                                "060082"),
                        Map.of(
                                "AIH",
                                "282010023185",
                                "CNES",
                                "6568343",
                                "ANO",
                                "2020",
                                "MES",
                                "01",
                                "CO_ERRO",
                                "060082")));
        assertThatThrownBy(() -> SihReader.read(file))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(file + ": byte ")
                .hasMessageEndingWith("record 2, field AIH (C,13,0) = 'shape 999999999999, value masked': claim number"
                        + " must have 13 digits")
                .message()
                .doesNotContain("282010023185");
    }

    @Test
    void impossibleValuesFailWithTheirRecordAndField() throws IOException {
        List<dev.glosa.io.dbf.DbfField> er = Layouts.fields(Layouts.folder().resolve("ER_2011plus_from_ERSE2003.csv"));
        Path month = dir.resolve("ERXX2002.dbf");
        Layouts.write(month, er, List.of(Map.of("AIH", "2820100231850", "ANO", "2020", "MES", "13")));
        assertThatThrownBy(() -> SihReader.read(month))
                .hasMessageEndingWith("record 1, field MES (C,2,0) = '13': competence month must be 1..12");
        Path date = dir.resolve("ERXX2003.dbf");
        Layouts.write(date, er, List.of(Map.of("AIH", "2820100231850", "DT_INTER", "20200230")));
        assertThatThrownBy(() -> SihReader.read(date))
                .hasMessageEndingWith("record 1, field DT_INTER (C,10,0) = '20200230': not a valid calendar date");
        Path code = dir.resolve("ERXX2004.dbf");
        Layouts.write(code, er, List.of(Map.of("AIH", "2820100231850", "CO_ERRO", "6008")));
        assertThatThrownBy(() -> SihReader.read(code))
                .hasMessageEndingWith("record 1, field CO_ERRO (C,6,0) = '6008': CO_ERRO must have 6 digits");
        Path notSih = dir.resolve("other.dbf");
        try (var w = dev.glosa.io.dbf.DbfWriter.builder().character("NOME", 5).open(notSih)) {
            w.endRecord();
        }
        assertThatThrownBy(() -> SihReader.read(notSih))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage(notSih + ": not a known SIH layout (RD, RJ, ER or SP): fields [NOME]");
    }
}
