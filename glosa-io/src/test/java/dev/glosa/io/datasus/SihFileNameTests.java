package dev.glosa.io.datasus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.io.dbf.DbfFormat;
import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.sih.SihSystem;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SihFileNameTests {

    @Test
    void namesAFileAsDatasusDoesInTheFolderOfItsEra() {
        SihFileName rj = new SihFileName(SihSystem.RJ, "mt", YearMonth.of(2021, 11));
        assertThat(rj.fileName()).isEqualTo("RJMT2111.dbc");
        assertThat(rj.remotePath()).isEqualTo("/dissemin/publicos/SIHSUS/200801_/Dados/RJMT2111.dbc");
        assertThat(new SihFileName(SihSystem.RD, "DF", YearMonth.of(1997, 5)).remotePath())
                .isEqualTo("/dissemin/publicos/SIHSUS/199201_200712/Dados/RDDF9705.dbc");
        assertThat(new SihFileName(SihSystem.RD, "RR", YearMonth.of(2007, 12)).folder())
                .isEqualTo(SihFileName.OLD_FOLDER);
        assertThat(new SihFileName(SihSystem.RD, "RR", YearMonth.of(2008, 1)).folder())
                .isEqualTo(SihFileName.CURRENT_FOLDER);
    }

    @Test
    void namesAgreeWithTheGeneratorsNames() {
        for (SihSystem s : SihSystem.values()) {
            YearMonth m = YearMonth.of(2021, 6);
            assertThat(new SihFileName(s, "MT", m).fileName()).isEqualTo(SihFiles.fileName(s, 51, m, DbfFormat.DBC));
        }
    }

    @Test
    void parsesNamesInAnyCaseAndPlacesTwoDigitYearsInTheirCentury() {
        assertThat(SihFileName.parse("rdrr9504.DBC"))
                .isEqualTo(new SihFileName(SihSystem.RD, "RR", YearMonth.of(1995, 4)));
        assertThat(SihFileName.parse("ERSE2003")).isEqualTo(new SihFileName(SihSystem.ER, "SE", YearMonth.of(2020, 3)));
        assertThat(SihFileName.parse("SPAP0710.dbc").month()).isEqualTo(YearMonth.of(2007, 10));
        assertThatThrownBy(() -> SihFileName.parse("XXMT2111.dbc")).hasMessageContaining("RD, RJ, ER or SP");
        assertThatThrownBy(() -> SihFileName.parse("RDMT2113.dbc")).hasMessageContaining("not 01-12");
        assertThatThrownBy(() -> SihFileName.parse("RDXX2111.dbc"))
                .hasMessageContaining("27 states")
                .hasMessageContaining("'XX'");
        assertThatThrownBy(() -> SihFileName.parse("RDMT211.dbc")).hasMessageContaining("GGUFAAMM.dbc");
    }

    @Test
    void expandsGroupsStatesAndMonthsInOrder() {
        List<SihFileName> files = SihFileName.expand(
                List.of(SihSystem.RD, SihSystem.RJ),
                List.of("MT", "AC"),
                YearMonth.of(2021, 12),
                YearMonth.of(2022, 1));
        assertThat(files)
                .extracting(SihFileName::fileName)
                .containsExactly(
                        "RDMT2112.dbc",
                        "RDMT2201.dbc",
                        "RDAC2112.dbc",
                        "RDAC2201.dbc",
                        "RJMT2112.dbc",
                        "RJMT2201.dbc",
                        "RJAC2112.dbc",
                        "RJAC2201.dbc");
        assertThatThrownBy(() -> SihFileName.expand(
                        List.of(SihSystem.RD), List.of("MT"), YearMonth.of(2021, 12), YearMonth.of(2021, 6)))
                .hasMessageContaining("(2021-06) is before the first (2021-12)");
        assertThatThrownBy(() -> new SihFileName(SihSystem.RD, "MT", YearMonth.of(1991, 12)))
                .hasMessageContaining("1992-01");
    }

    @Test
    void availabilityNamesTheFoldersAndFirstMonthsOfEachGroup() {
        assertThat(SihFileName.availability(SihSystem.RJ)).contains("2008-01").contains("200801_");
        assertThat(SihFileName.availability(SihSystem.ER)).contains("only in").contains("2011");
        assertThat(SihFileName.availability(SihSystem.RD)).contains("1992-01").contains("199201_200712");
    }
}
