package dev.glosa.io.tiss;

import static dev.glosa.io.tiss.GlosaTypeMapping.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Grouping;
import dev.glosa.core.table.Role;
import dev.glosa.io.tiss.TissGenerator.Shape;
import dev.glosa.io.tiss.TissGenerator.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping from Tabela 38 group (or code) to glosa type. */
class GlosaTypeMappingTests {

    @Test
    void everyGroupOfTheShippedTableHasAType() {
        GlosaTypeMapping m = GlosaTypeMapping.defaults();
        for (String group : Tabela38.defaultTable().groups()) {
            assertThat(m.typeOf(null, group)).as(group).isIn(ADMINISTRATIVA, TECNICA, CONTRATUAL);
        }
        assertThat(m.typeOf("1001", "Elegibilidade")).isEqualTo(ADMINISTRATIVA);
        assertThat(m.typeOf("1903", "Diária")).isEqualTo(TECNICA);
        assertThat(m.typeOf("1714", "Regra de Valorização")).isEqualTo(CONTRATUAL);
        assertThat(m.typeOf("9999", null)).isEqualTo(INDEFINIDA);
    }

    @Test
    void groupsMatchWithoutRegardToCaseAccentsOrSpacing() {
        GlosaTypeMapping m = GlosaTypeMapping.defaults();

        assertThat(m.typeOf(null, "AUTORIZACAO/SOLICITACAO")).isEqualTo(ADMINISTRATIVA);
        assertThat(m.typeOf(null, "  regra de valorizacao ")).isEqualTo(CONTRATUAL);
        assertThat(m.typeOf(null, "Taxas e Alugueis")).isEqualTo(CONTRATUAL);
    }

    @Test
    void groupsAndCodesCanBeOverriddenAndACodeWinsOverItsGroup() {
        GlosaTypeMapping m = GlosaTypeMapping.defaults()
                .withGroups(Map.of("Material", CONTRATUAL, "Odontologia", "odontológica"))
                .withCode("1702", ADMINISTRATIVA)
                .withUnknownType("outra");

        assertThat(m.typeOf("2008", "Material")).isEqualTo(CONTRATUAL);
        assertThat(m.typeOf("3001", "Odontologia")).isEqualTo("odontológica");
        assertThat(m.typeOf("1702", "Regra de Valorização")).isEqualTo(ADMINISTRATIVA);
        assertThat(m.typeOf("1705", "Regra de Valorização")).isEqualTo(CONTRATUAL);
        assertThat(m.typeOf("3101", null)).isEqualTo("outra");
        assertThat(m.groupTypes()).containsEntry("Odontologia", "odontológica");
        assertThat(GlosaTypeMapping.defaults().typeOf("2008", "Material")).isEqualTo(TECNICA);
    }

    @Test
    void aSmallConfigFileOverridesTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tipos.conf");
        Files.writeString(file, """
                # glosa types of our network
                Medicamento = contratual
                1809 = técnica
                * = a classificar
                """);
        GlosaTypeMapping m = GlosaTypeMapping.defaults().withOverrides(file);

        assertThat(m.typeOf("2107", "Medicamento")).isEqualTo(CONTRATUAL);
        assertThat(m.typeOf("1809", "Procedimento")).isEqualTo(TECNICA);
        assertThat(m.typeOf("3101", null)).isEqualTo("a classificar");
        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, "Medicamento contratual\n");
        assertThatThrownBy(() -> GlosaTypeMapping.defaults().withOverrides(bad))
                .isInstanceOf(TissFormatException.class)
                .hasMessageContaining("bad.conf:1:")
                .hasMessageContaining("'group = type'");
    }

    @Test
    void blankNamesAndTypesAreRefused() {
        assertThatThrownBy(() -> GlosaTypeMapping.defaults().withGroup(" ", TECNICA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> GlosaTypeMapping.defaults().withGroup("Guia", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("glosa type of Guia");
        assertThatThrownBy(() -> GlosaTypeMapping.defaults().withCode("10a1", TECNICA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'10a1'");
    }

    @Test
    void everyRowGetsAGlosaTypeSoSegmentsHospitalPayerTypeExist() throws Exception {
        Spec spec = Spec.of("4.01.00", Shape.MIXED, 4).withSize(12, 3, 4);
        GlosaTable t = TissTestData.read(TissInput.of("mixed.xml", () -> TissGenerator.open(spec)))
                .table();

        for (int r = 0; r < t.rowCount(); r++) {
            assertThat(t.category(Role.GLOSA_TYPE).isMissing(r)).isFalse();
        }
        Grouping segments = t.groupBy(Role.HOSPITAL.column(), Role.PAYER.column(), Role.GLOSA_TYPE.column());
        Set<String> types = new HashSet<>();
        for (int g = 0; g < segments.groupCount(); g++) {
            types.add(segments.key(g).get(2));
            assertThat(segments.key(g).subList(0, 2)).containsExactly("1234567", "345678");
        }
        assertThat(types).contains(ADMINISTRATIVA, TECNICA, CONTRATUAL, SEM_GLOSA);
    }
}
