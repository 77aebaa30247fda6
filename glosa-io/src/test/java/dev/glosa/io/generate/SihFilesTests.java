package dev.glosa.io.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.reconcile.Reconciler;
import dev.glosa.core.reconcile.Reconciliation;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.Role;
import dev.glosa.io.dbf.CrcStatus;
import dev.glosa.io.dbf.DbfFormat;
import dev.glosa.io.dbf.DbfReader;
import dev.glosa.io.dbf.SharedData;
import dev.glosa.io.sih.SihBatch;
import dev.glosa.io.sih.SihFileReport;
import dev.glosa.io.sih.SihReadOptions;
import dev.glosa.io.sih.SihReader;
import dev.glosa.io.sih.SihRejections;
import dev.glosa.io.sih.SihSystem;
import dev.glosa.io.sih.SihTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SihFilesTests {

    /** Eight hospitals of Mato Grosso, June to December 2021 in RJ and three more months in RD: 8,400 claims. */
    private static final SihSample SAMPLE =
            SihGenerator.generate(SihGeneratorConfig.defaults(2024).withHospitals(8));

    @TempDir
    Path dir;

    /** Every column of {@code expected} is in {@code actual} with the same type and the same value in every row. */
    static void assertSameColumns(String what, GlosaTable expected, GlosaTable actual) {
        assertThat(actual.rowCount()).as(what + " rows").isEqualTo(expected.rowCount());
        for (Column c : expected.columns()) {
            assertThat(actual.has(c.name())).as(what + " has " + c.name()).isTrue();
            Column a = actual.column(c.name());
            assertThat(a.type()).as(what + " " + c.name()).isEqualTo(c.type());
            for (int r = 0; r < expected.rowCount(); r++) {
                boolean same = switch (c.type()) {
                    case LONG -> ((LongColumn) c).get(r) == ((LongColumn) a).get(r);
                    case DOUBLE ->
                        Double.doubleToLongBits(((DoubleColumn) c).get(r))
                                == Double.doubleToLongBits(((DoubleColumn) a).get(r));
                    case DATE -> ((DateColumn) c).epochDay(r) == ((DateColumn) a).epochDay(r);
                    case MONTH -> ((MonthColumn) c).index(r) == ((MonthColumn) a).index(r);
                    case CATEGORY -> Objects.equals(((CategoryColumn) c).get(r), ((CategoryColumn) a).get(r));
                };
                if (!same) {
                    throw new AssertionError(what + " column " + c.name() + " row " + r + ": generated '" + c.text(r)
                            + "' but read '" + a.text(r) + "'");
                }
            }
        }
    }

    private static List<String> names(List<Path> files) {
        List<String> out = new ArrayList<>();
        for (Path p : files) {
            out.add(p.getFileName().toString());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(DbfFormat.class)
    void theSihReaderReadsBackEveryGeneratedColumn(DbfFormat format) throws IOException {
        SihFileSet files = SihFiles.write(SAMPLE, dir, format);
        SihBatch batch =
                SihReader.readAll(files.all(), SihReadOptions.defaults().withThreads(2));
        assertSameColumns("RD", SAMPLE.rd(), batch.table(SihSystem.RD).table());
        assertSameColumns("RJ", SAMPLE.rj(), batch.table(SihSystem.RJ).table());
        assertSameColumns("ER", SAMPLE.er(), batch.table(SihSystem.ER).table());
        for (SihTable t : batch.tables()) {
            for (SihFileReport report : t.files()) {
                assertThat(report.layout().label())
                        .as(report.file())
                        .isEqualTo(
                                switch (t.system()) {
                                    case RD -> "RD 2016+";
                                    case RJ -> "RJ 2008+";
                                    case ER -> "ER 2011+";
                                    case SP -> "none";
                                });
                assertThat(report.warnings()).as(report.file()).isEmpty();
                assertThat(report.read().warnings()).as(report.file()).isEmpty();
                assertThat(report.read().crc()).isEqualTo(format == DbfFormat.DBC ? CrcStatus.OK : CrcStatus.ABSENT);
            }
        }
        // The newborns' ages in days and the deaths make it into the files too.
        DoubleColumn age = SAMPLE.rd().doubles("age_years");
        boolean days = false;
        for (int r = 0; r < age.size() && !days; r++) {
            days = age.get(r) > 0 && age.get(r) < 1;
        }
        assertThat(days).as("some age in days").isTrue();
        assertThat(SAMPLE.rd().category("MORTE").codeOf("1")).isNotNegative();
    }

    @Test
    void theFilesReconcileToTheSameReportAsTheSampleInMemory() throws IOException {
        SihFileSet files = SihFiles.write(SAMPLE, dir);
        SihBatch batch = SihReader.readAll(files.all());
        GlosaTable rj = SihRejections.attachErrors(
                batch.table(SihSystem.RJ).table(), batch.table(SihSystem.ER).table());
        Reconciliation fromFiles =
                Reconciler.sih().reconcile(rj, batch.table(SihSystem.RD).table());
        Reconciliation inMemory =
                Reconciler.sih().reconcile(SihRejections.attachErrors(SAMPLE.rj(), SAMPLE.er()), SAMPLE.rd());
        assertThat(fromFiles.report()).isEqualTo(inMemory.report());
        assertThat(fromFiles.report().claims()).isEqualTo(8 * 7 * 150);
        GlosaTable expected = inMemory.claims()
                .project(Reconciler.OUTPUT_COLUMNS.toArray(new String[0]))
                .with(inMemory.claims().column(Role.REASON_CODE.column()))
                .with(inMemory.claims().column(SihRejections.ERROR_CODES));
        assertSameColumns("reconciled", expected, fromFiles.claims());
    }

    @Test
    void filesAreNamedAsDatasusNamesThemOnePerSystemAndMonth() throws IOException {
        SihFileSet files = SihFiles.write(SAMPLE, dir);
        assertThat(names(files.rd()))
                .containsExactly(
                        "RDMT2106.dbc",
                        "RDMT2107.dbc",
                        "RDMT2108.dbc",
                        "RDMT2109.dbc",
                        "RDMT2110.dbc",
                        "RDMT2111.dbc",
                        "RDMT2112.dbc",
                        "RDMT2201.dbc",
                        "RDMT2202.dbc",
                        "RDMT2203.dbc");
        assertThat(names(files.rj()))
                .containsExactly(
                        "RJMT2106.dbc",
                        "RJMT2107.dbc",
                        "RJMT2108.dbc",
                        "RJMT2109.dbc",
                        "RJMT2110.dbc",
                        "RJMT2111.dbc",
                        "RJMT2112.dbc");
        assertThat(names(files.er()))
                .containsExactly(
                        "ERMT2106.dbc",
                        "ERMT2107.dbc",
                        "ERMT2108.dbc",
                        "ERMT2109.dbc",
                        "ERMT2110.dbc",
                        "ERMT2111.dbc",
                        "ERMT2112.dbc");
        assertThat(files.all())
                .hasSize(24)
                .startsWith(files.rd().get(0))
                .endsWith(files.er().get(6));
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.count()).as("no temporary file left").isEqualTo(24);
        }
        assertThat(SihFiles.fileName(SihSystem.RJ, 12, YearMonth.of(2023, 1), DbfFormat.DBF))
                .isEqualTo("RJAC2301.dbf");
        assertThat(SihFiles.stateAbbreviation(35)).isEqualTo("SP");
        assertThat(SihFiles.stateAbbreviation(53)).isEqualTo("DF");
    }

    @Test
    void theRecordsLookLikeRealOnes() throws IOException {
        SihFileSet files = SihFiles.write(SAMPLE, dir);
        GlosaTable rd = DbfReader.read(files.rd().get(2)).table();
        assertThat(rd.columns()).hasSize(113);
        int r = 0;
        assertThat(rd.category("UF_ZI").get(r)).isEqualTo("510000");
        assertThat(rd.category("ANO_CMPT").get(r)).isEqualTo("2021");
        assertThat(rd.category("MES_CMPT").get(r)).isEqualTo("08");
        assertThat(rd.category("REMESSA").get(r)).isEqualTo("HE51000001N202108.DTS");
        assertThat(rd.longs("SEQUENCIA").get(rd.rowCount() - 1)).isEqualTo(rd.rowCount());
        assertThat(rd.category("PROC_SOLIC").get(r))
                .isEqualTo(rd.category("PROC_REA").get(r));
        assertThat(rd.doubles("VAL_SH").get(r)).isEqualTo(rd.doubles("VAL_TOT").get(r));
        assertThat(rd.doubles("VAL_SP").get(r)).isZero();
        assertThat(rd.category("CID_MORTE").get(r)).isEqualTo("0000");
        assertThat(rd.category("CGC_HOSP").get(r)).isNull();
        LocalDate admitted =
                LocalDate.parse(rd.category("DT_INTER").get(r), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        LocalDate born = LocalDate.parse(rd.category("NASC").get(r), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(rd.category("COD_IDADE").get(r)).isEqualTo("4");
        assertThat(born.plusYears(rd.longs("IDADE").get(r))).isEqualTo(admitted);
        GlosaTable rj = DbfReader.read(files.rj().get(0)).table();
        assertThat(rj.columns()).hasSize(90);
        assertThat(rj.category("ST_SITUAC").get(0)).isEqualTo("1");
        assertThat(rj.doubles("VAL_SH").get(0)).isZero();
        GlosaTable er = DbfReader.read(files.er().get(0)).table();
        assertThat(er.columns()).hasSize(13);
        assertThat(er.category("UF_RES").get(0)).isEqualTo("51");
    }

    @Test
    void theSameSampleGivesTheSameBytes() throws IOException {
        SihFileSet a = SihFiles.write(SAMPLE, dir.resolve("a"));
        SihSample again =
                SihGenerator.generate(SihGeneratorConfig.defaults(2024).withHospitals(8));
        SihFileSet b = SihFiles.write(again, dir.resolve("b"));
        assertThat(b.all()).hasSameSizeAs(a.all());
        for (int i = 0; i < a.all().size(); i++) {
            assertThat(Files.readAllBytes(b.all().get(i)))
                    .as(a.all().get(i).toString())
                    .isEqualTo(Files.readAllBytes(a.all().get(i)));
        }
        // Header date from the competence, not the clock: the month after.
        assertThat(DbfReader.read(a.rd().get(0)).report().format()).isEqualTo(DbfFormat.DBC);
        byte[] bytes = Files.readAllBytes(a.rd().get(0));
        assertThat(LocalDate.of(1900 + bytes[1], bytes[2], bytes[3])).isEqualTo(LocalDate.of(2021, 7, 1));
    }

    @Test
    void aMonthWithoutRowsStillGetsItsEmptyFile() throws IOException {
        SihSample none = SihGenerator.generate(SihGeneratorConfig.defaults(3)
                .withHospitals(2)
                .withMonths(YearMonth.of(2019, 11), 3, 1)
                .withClaimsPerHospitalMonth(5)
                .withRates(0, 0, 0, 0, 0, 0));
        SihFileSet files = SihFiles.write(none, dir, DbfFormat.DBF);
        assertThat(names(files.rj())).containsExactly("RJMT1911.dbf", "RJMT1912.dbf", "RJMT2001.dbf");
        assertThat(names(files.rd())).containsExactly("RDMT1911.dbf", "RDMT1912.dbf", "RDMT2001.dbf", "RDMT2002.dbf");
        SihBatch batch = SihReader.readAll(files.all());
        assertThat(batch.table(SihSystem.RJ).table().rowCount()).isZero();
        assertThat(batch.table(SihSystem.ER).table().rowCount()).isZero();
        assertThat(batch.table(SihSystem.RD).table().rowCount()).isEqualTo(2 * 3 * 5);
    }

    @Test
    void aValueTheLayoutCannotHoldIsRefusedNamingFileRecordAndRow() {
        GlosaTable rd = SAMPLE.rd();
        double[] amounts = new double[rd.rowCount()];
        DoubleColumn paid = rd.doubles(Role.PAID_AMOUNT);
        for (int r = 0; r < amounts.length; r++) {
            amounts[r] = r == 3 ? paid.get(r) + 0.001 : paid.get(r);
        }
        GlosaTable odd = rd.with(DoubleColumn.of(Role.BILLED_AMOUNT.column(), amounts))
                .with(DoubleColumn.of(Role.PAID_AMOUNT.column(), amounts));
        SihSample bad = new SihSample(odd, SAMPLE.rj(), SAMPLE.er(), SAMPLE.config());
        assertThatThrownBy(() -> SihFiles.write(bad, dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("RDMT2106.dbc: record 4 (RD row 3): billed_amount ")
                .hasMessageEndingWith("has more than two decimals, which VAL_TOT cannot hold");
        SihSample nowhere = new SihSample(
                SAMPLE.rd(), SAMPLE.rj(), SAMPLE.er(), SAMPLE.config().withStateCode(20));
        assertThatThrownBy(() -> SihFiles.write(nowhere, dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IBGE code of a Brazilian state")
                .hasMessageEndingWith("found 20");
    }

    @Test
    void agesGoToTheUnitThatReadsBackExactly() {
        assertThat(SihFiles.ageCode(Double.NaN)).isEqualTo(-1);
        assertThat(SihFiles.ageCode(0)).isEqualTo(400);
        assertThat(SihFiles.ageCode(57)).isEqualTo(457);
        assertThat(SihFiles.ageCode(103)).isEqualTo(503);
        assertThat(SihFiles.ageCode(12 / 365.25)).isEqualTo(212);
        assertThat(SihFiles.ageCode(0.5)).isEqualTo(306);
        assertThat(SihFiles.ageCode(5 / (365.25 * 24))).isEqualTo(105);
        assertThatThrownBy(() -> SihFiles.ageCode(2.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("age_years 2.5 is not a whole number");
    }

    @Test
    void theLayoutsAreThoseOfTheRealFiles() throws IOException {
        Path layouts = SharedData.datasus().resolve("layouts");
        assertThat(spec(layouts.resolve("RD_2016plus_from_RDAC2301.csv"))).isEqualTo(SihFiles.RD_LAYOUT);
        assertThat(spec(layouts.resolve("RJ_2008plus_from_RJES1205.csv"))).isEqualTo(SihFiles.RJ_LAYOUT);
        assertThat(spec(layouts.resolve("ER_2011plus_from_ERSE2003.csv"))).isEqualTo(SihFiles.ER_LAYOUT);
    }

    /** A layout CSV ({@code field;type;length;decimals;offset}) in the compact form of {@link SihFiles}. */
    private static String spec(Path csv) throws IOException {
        List<String> parts = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] c = line.split(";");
                parts.add(c[0] + " " + c[1] + c[2] + (c[3].equals("0") ? "" : "." + c[3]));
            }
        }
        return String.join(" ", parts);
    }
}
