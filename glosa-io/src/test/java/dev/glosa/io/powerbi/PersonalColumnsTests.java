package dev.glosa.io.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.result.CategoryLift;
import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.GlosaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Personal columns whose names are on no fixed list, found by the words of their names or by their content, are
 * pseudonymised, dropped or kept in clear like the listed ones, and never quoted in a group's label.
 */
class PersonalColumnsTests {
    @TempDir
    Path dir;

    /** Valid CPFs (check digits computed), one per row of the fixture. */
    private static final String[] CPFS = {
        "398.259.791-94",
        "907.483.378-06",
        "876.232.860-30",
        "129.040.479-80",
        "666.972.510-85",
        "273.464.686-27",
        "958.969.350-48",
        "492.589.913-97",
        "944.117.715-60",
        "162.046.610-43"
    };

    private static final String[] NAMES = {
        "MARIA DA SILVA",
        "JOSE SOUZA",
        "ANA LIMA",
        "PEDRO ALVES",
        "RITA MOTA",
        "LUIS COSTA",
        "CARLA DIAS",
        "JOAO REIS",
        "BIA NUNES",
        "RUI PAIVA"
    };
    private static final String[] BIRTHS = {
        "07/08/1990",
        "12/01/1944",
        "30/03/1975",
        "01/12/2001",
        "15/06/1960",
        "22/02/1938",
        "09/09/1985",
        "18/11/2012",
        "03/04/1952",
        "28/07/1999"
    };
    private static final String[] CARDS = {
        "00012345678901",
        "00012345678902",
        "00012345678903",
        "00012345678904",
        "00012345678905",
        "00012345678906",
        "00012345678907",
        "00012345678908",
        "00012345678909",
        "00012345678910"
    };
    /** The same CPFs without punctuation under a name that says nothing: found by content. */
    private static final String[] DOCS =
            Stream.of(CPFS).map(c -> c.replaceAll("[^0-9]", "")).toArray(String[]::new);

    private static GlosaTable table() {
        return Fixture.table()
                .with(CategoryColumn.of("CPF_PACIENTE", CPFS))
                .with(CategoryColumn.of("NOME_PACIENTE", NAMES))
                .with(CategoryColumn.of("DT_NASCIMENTO", BIRTHS))
                .with(CategoryColumn.of("CARTEIRINHA", CARDS))
                .with(CategoryColumn.of("DOC", DOCS))
                .with(CategoryColumn.of(
                        "NOME_CONVENIO",
                        "Plano A",
                        "Plano A",
                        "Plano B",
                        "Plano B",
                        "Plano A",
                        "Plano A",
                        "Plano B",
                        "Plano B",
                        "Plano A",
                        "Plano A"));
    }

    private void write(GlosaTable t, List<SegmentResult> outcomes, WriterOptions options) throws IOException {
        WriteJob.write(
                dir,
                Fixture.run(Fixture.WEEK1),
                t,
                outcomes,
                Fixture.indicators(t),
                List.of(),
                options,
                Map.of(),
                WriteJob.Hook.NONE);
    }

    private String everything() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                sb.append(Files.readString(f));
            }
        }
        return sb.toString();
    }

    @Test
    void identifiersUnderAnyNameOrFoundByContentLeaveOnlyAsPseudonyms() throws IOException {
        write(table(), Fixture.outcomes(false), WriterOptions.pseudonymise(Fixture.KEY));

        String all = everything();
        for (String[] values : List.of(CPFS, NAMES, BIRTHS, CARDS, DOCS)) {
            for (String v : values) {
                assertThat(all).doesNotContain(v);
            }
        }
        assertThat(all).contains("Plano A");
        CsvFile fact = CsvFile.read(dir.resolve(StarSchemaWriter.FACT_GLOSA));
        assertThat(fact.column("NOME_PACIENTE").get(0)).isEqualTo(new Pseudonymiser(Fixture.KEY).pseudonym(NAMES[0]));
        assertThat(Files.readString(dir.resolve(StarSchemaWriter.MANIFEST)))
                .contains("CPF_PACIENTE", "NOME_PACIENTE", "DT_NASCIMENTO", "CARTEIRINHA", "\"DOC\"");
    }

    @Test
    void withoutAPolicyTheRunStopsNamingEveryPersonalColumnAndWhy() {
        assertThatThrownBy(() -> write(table(), Fixture.outcomes(false), WriterOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[claim_id, NASC, CPF_PACIENTE, NOME_PACIENTE, DT_NASCIMENTO, CARTEIRINHA, DOC]")
                .hasMessageContaining("DOC: 100% of 10 values sampled are valid CPFs")
                .hasMessageContaining("NOME_PACIENTE: word NOME of the name")
                .hasMessageContaining(WriterOptions.KEY_ENVIRONMENT_VARIABLE);
        assertThat(dir.resolve(StarSchemaWriter.FACT_GLOSA)).doesNotExist();
    }

    @Test
    void dropLeavesThemOutAndAnOverrideKeepsOneInClear() throws IOException {
        write(
                table(),
                Fixture.outcomes(false),
                WriterOptions.defaults()
                        .withIdentifierPolicy(IdentifierPolicy.DROP)
                        .withPersonalOverrides(Map.of("nome_paciente", false)));

        CsvFile fact = CsvFile.read(dir.resolve(StarSchemaWriter.FACT_GLOSA));
        assertThat(fact.header())
                .doesNotContain("CPF_PACIENTE", "DT_NASCIMENTO", "CARTEIRINHA", "DOC", "NASC")
                .contains("NOME_PACIENTE", "NOME_CONVENIO");
        assertThat(fact.column("NOME_PACIENTE").get(0)).isEqualTo(NAMES[0]);
    }

    @Test
    void aGroupDescribedByAPersonalColumnIsRefused() {
        List<SegmentResult> outcomes = new ArrayList<>();
        for (SegmentResult o : Fixture.outcomes(false)) {
            List<GroupProfile> profiles = new ArrayList<>();
            for (GroupProfile p : o.profiles()) {
                profiles.add(new GroupProfile(
                        p.segmentId(),
                        p.groupId(),
                        p.cluster(),
                        p.rows(),
                        p.rowShare(),
                        p.glosaAmount(),
                        p.glosaMean(),
                        p.glosaMedian(),
                        p.glosaShare(),
                        p.glosaRate(),
                        p.glosaJump(),
                        p.featureCentres(),
                        List.of(new CategoryLift("NOME_PACIENTE", NAMES[0], 1, 0.2, 5)),
                        p.topReasons(),
                        "high value — " + NAMES[0],
                        p.rankInSegment(),
                        p.rankOverall(),
                        p.status()));
            }
            outcomes.add(o.withProfiles(profiles));
        }

        assertThatThrownBy(() -> write(table(), outcomes, WriterOptions.pseudonymise(Fixture.KEY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("identifier column 'NOME_PACIENTE'");
        assertThat(dir.resolve(StarSchemaWriter.DIM_GROUP)).doesNotExist();
    }
}
