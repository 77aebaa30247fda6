package dev.glosa.core.sus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.GlosaTable;
import org.junit.jupiter.api.Test;

class SusColumnsTests {

    @Test
    void icdChaptersFollowTheTenthRevisionBoundaries() {
        assertThat(SusColumns.icdChapter("A09")).startsWith("I ");
        assertThat(SusColumns.icdChapter("B99")).startsWith("I ");
        assertThat(SusColumns.icdChapter("C50")).startsWith("II ");
        assertThat(SusColumns.icdChapter("D48")).startsWith("II ");
        assertThat(SusColumns.icdChapter("D50")).startsWith("III ");
        assertThat(SusColumns.icdChapter("H59")).startsWith("VII ");
        assertThat(SusColumns.icdChapter("H60")).startsWith("VIII ");
        assertThat(SusColumns.icdChapter("J189")).startsWith("X ");
        assertThat(SusColumns.icdChapter("J18.9")).startsWith("X ");
        assertThat(SusColumns.icdChapter("O800")).startsWith("XV ");
        assertThat(SusColumns.icdChapter("S72")).startsWith("XIX ");
        assertThat(SusColumns.icdChapter("T98")).startsWith("XIX ");
        assertThat(SusColumns.icdChapter("V01")).startsWith("XX ");
        assertThat(SusColumns.icdChapter("Y98")).startsWith("XX ");
        assertThat(SusColumns.icdChapter("Z38")).startsWith("XXI ");
        assertThat(SusColumns.icdChapter("U07")).startsWith("XXII ");
        assertThat(SusColumns.icdChapter("")).isNull();
        assertThat(SusColumns.icdChapter("0000")).isNull();
    }

    @Test
    void procedureGroupComesFromTheFirstTwoDigits() {
        assertThat(SusColumns.procedureGroup("0303140151")).isEqualTo("03 Procedimentos clínicos");
        assertThat(SusColumns.procedureGroup("0411010034")).startsWith("04 ");
        assertThat(SusColumns.procedureGroup("0911010034")).isNull();
        assertThat(SusColumns.procedureGroup(null)).isNull();
    }

    @Test
    void specialtyNamesTheKnownBedSpecialties() {
        assertThat(SusColumns.specialty("02")).isEqualTo("02 Obstétrico");
        assertThat(SusColumns.specialty("87")).isEqualTo("87 Especialidade 87");
        assertThat(SusColumns.specialty(" ")).isNull();
    }

    @Test
    void deriveAddsBothColumnsAndLeavesUnknownCodesMissing() {
        GlosaTable t = GlosaTable.of(
                CategoryColumn.of("PROC_REA", "0303140151", "xx", null),
                CategoryColumn.of("DIAG_PRINC", "J189", "I10", "??"));
        GlosaTable d = SusColumns.derive(t);
        assertThat(d.category(SusColumns.PROCEDURE_GROUP).get(0)).startsWith("03 ");
        assertThat(d.category(SusColumns.PROCEDURE_GROUP).isMissing(1)).isTrue();
        assertThat(d.category(SusColumns.PROCEDURE_GROUP).isMissing(2)).isTrue();
        assertThat(d.category(SusColumns.ICD_CHAPTER).get(1)).startsWith("IX ");
        assertThat(d.category(SusColumns.ICD_CHAPTER).isMissing(2)).isTrue();
    }
}
