package dev.glosa.io.sih;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.io.dbf.DbfField;
import dev.glosa.io.dbf.DbfFieldType;
import dev.glosa.io.dbf.MalformedFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SihLayoutsTests {

    @ParameterizedTest
    @CsvSource({
        "ER_2011plus_from_ERSE2003.csv, ER 2011+",
        "RD_1995_from_RDRR9504.csv, RD 1995",
        "RD_1997_from_RDDF9705.csv, RD 1997",
        "RD_2008_2011_from_RDSC0907.csv, RD 2008-2011",
        "RD_2014_from_RDAP1405.csv, RD 2014",
        "RD_2016plus_from_RDAC2301.csv, RD 2016+",
        "RJ_2006_2007_from_RJAL0611.csv, RJ 2006-2007",
        "RJ_2008plus_from_RJES1205.csv, RJ 2008+",
        "SP_2004_from_SPRR0406.csv, SP 2004",
        "SP_2007_from_SPAP0710.csv, SP 2007",
        "SP_2016plus_from_SPRR1604.csv, SP 2016+",
    })
    void everyReferenceLayoutIsRecognisedExactlyFromItsFieldsAlone(String csv, String label) throws IOException {
        List<DbfField> fields = Layouts.fields(Layouts.folder().resolve(csv));
        List<String> warnings = new ArrayList<>();
        SihLayouts.Era era = SihLayouts.recognise("anonymous.dbf", fields, warnings);
        assertThat(era).isNotNull();
        assertThat(era.layout().label()).isEqualTo(label);
        assertThat(warnings).isEmpty();
        String source = csv.substring(csv.indexOf("from_") + 5, csv.length() - 4);
        assertThat(SihLayouts.recognise("/some/dir/" + source + ".dbc", fields, warnings)
                        .layout()
                        .label())
                .isEqualTo(label);
    }

    @Test
    void everyLayoutFileOfTheFolderIsCoveredByAKnownEra() throws IOException {
        List<Path> csvs;
        try (Stream<Path> s = Files.list(Layouts.folder())) {
            csvs = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(csvs).hasSize(SihLayouts.ERAS.size());
        for (Path csv : csvs) {
            List<String> warnings = new ArrayList<>();
            assertThat(SihLayouts.recognise("x.dbf", Layouts.fields(csv), warnings))
                    .as(csv.toString())
                    .isNotNull();
            assertThat(warnings).as(csv.toString()).isEmpty();
        }
    }

    @Test
    void aLayoutWithAFieldMoreOrLessGetsTheClosestEraAndAWarning() throws IOException {
        List<DbfField> fields =
                new ArrayList<>(Layouts.fields(Layouts.folder().resolve("RD_2016plus_from_RDAC2301.csv")));
        fields.remove(fields.size() - 1);
        DbfField last = fields.get(fields.size() - 1);
        fields.add(new DbfField("NOVO_CAMPO", DbfFieldType.CHARACTER, 3, 0, last.offset() + last.length()));
        List<String> warnings = new ArrayList<>();
        SihLayouts.Era era = SihLayouts.recognise("RDAC2401.dbc", fields, warnings);
        assertThat(era.layout()).isEqualTo(new SihLayout(SihSystem.RD, "2016+"));
        assertThat(warnings)
                .containsExactly(
                        "fields differ from layout RD 2016+ (closest known): missing [TPDISEC9], extra [NOVO_CAMPO]");
    }

    @Test
    void fileNameAndFieldsMustAgreeOnTheSystem() throws IOException {
        List<DbfField> er = Layouts.fields(Layouts.folder().resolve("ER_2011plus_from_ERSE2003.csv"));
        assertThatThrownBy(() -> SihLayouts.recognise("RDSE2003.dbc", er, new ArrayList<>()))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage("RDSE2003.dbc: file name announces SIH system RD but its fields are those of ER");
    }

    @Test
    void unrelatedFieldsAreNotAnSihLayout() throws MalformedFileException {
        List<DbfField> fields = List.of(new DbfField("NOME", DbfFieldType.CHARACTER, 10, 0, 1));
        assertThat(SihLayouts.recognise("pessoas.dbf", fields, new ArrayList<>()))
                .isNull();
        assertThat(SihLayouts.recognise("RDAC2301.dbf", fields, new ArrayList<>()))
                .isNull();
    }

    @Test
    void systemComesFromTheDatasusFileNamePattern() {
        assertThat(SihLayouts.systemFromName("RDAC2301.dbc")).isEqualTo(SihSystem.RD);
        assertThat(SihLayouts.systemFromName("rjes1205.DBF")).isEqualTo(SihSystem.RJ);
        assertThat(SihLayouts.systemFromName("ERSP1906a.dbc")).isEqualTo(SihSystem.ER);
        assertThat(SihLayouts.systemFromName("SPRR0406.dbc")).isEqualTo(SihSystem.SP);
        assertThat(SihLayouts.systemFromName("PAAC2301.dbc")).isNull();
        assertThat(SihLayouts.systemFromName("RD.dbc")).isNull();
    }
}
