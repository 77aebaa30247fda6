package dev.glosa.io.dbf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.TableBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldColumnTests {

    @TempDir
    Path dir;

    @Test
    void theNaturalKindFollowsTheDeclaredType() {
        assertThat(FieldColumn.Kind.natural(new DbfField("A", DbfFieldType.CHARACTER, 10, 0, 1)))
                .isEqualTo(FieldColumn.Kind.TEXT);
        assertThat(FieldColumn.Kind.natural(new DbfField("A", DbfFieldType.NUMERIC, 18, 0, 1)))
                .isEqualTo(FieldColumn.Kind.LONG);
        assertThat(FieldColumn.Kind.natural(new DbfField("A", DbfFieldType.NUMERIC, 19, 0, 1)))
                .isEqualTo(FieldColumn.Kind.DOUBLE);
        assertThat(FieldColumn.Kind.natural(new DbfField("A", DbfFieldType.NUMERIC, 10, 2, 1)))
                .isEqualTo(FieldColumn.Kind.DOUBLE);
        assertThat(FieldColumn.Kind.natural(new DbfField("A", DbfFieldType.FLOAT, 10, 0, 1)))
                .isEqualTo(FieldColumn.Kind.DOUBLE);
        assertThat(FieldColumn.Kind.natural(new DbfField("A", DbfFieldType.DATE, 8, 0, 1)))
                .isEqualTo(FieldColumn.Kind.DATE);
        assertThat(FieldColumn.Kind.natural(new DbfField("A", DbfFieldType.LOGICAL, 1, 0, 1)))
                .isEqualTo(FieldColumn.Kind.LOGICAL);
        assertThat(FieldColumn.Kind.LOGICAL.type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(FieldColumn.Kind.DATE_1900.type()).isEqualTo(ColumnType.DATE);
    }

    @Test
    void eachKindParsesTheFieldIntoItsColumnWithBlanksMissing() throws IOException {
        Path file = dir.resolve("f.dbf");
        try (DbfWriter w = DbfWriter.builder()
                .character("UF", 4)
                .character("DT6", 6)
                .character("DT8", 8)
                .numeric("N", 5, 0)
                .logical("OK")
                .open(file)) {
            w.setString(0, "SP")
                    .setString(1, "991231")
                    .setString(2, "20240229")
                    .setLong(3, 42)
                    .setLogical(4, true);
            w.endRecord();
            w.setString(0, "RJ").setLogical(4, false);
            w.endRecord();
            w.setString(0, "SP").setLogical(4, null);
            w.endRecord();
        }
        TableBuilder tb = GlosaTable.builder();
        FieldColumn[] plan;
        try (DbfCursor c = DbfCursor.open(file)) {
            plan = new FieldColumn[] {
                FieldColumn.of(FieldColumn.Kind.TEXT, 0, tb, "uf"),
                FieldColumn.of(FieldColumn.Kind.DATE_1900, 1, tb, "d6"),
                FieldColumn.of(FieldColumn.Kind.DATE, 2, tb, "d8"),
                FieldColumn.of(FieldColumn.Kind.DOUBLE, 3, tb, "n"),
                FieldColumn.natural(c.header().fields().get(4), 4, tb)
            };
            while (c.next()) {
                for (FieldColumn f : plan) {
                    f.append(c);
                }
            }
        }
        GlosaTable t = tb.build();
        assertThat(t.columnNames()).containsExactly("uf", "d6", "d8", "n", "OK");
        assertThat(t.category("uf").cardinality()).isEqualTo(2);
        assertThat(t.category("uf").code(2)).isEqualTo(t.category("uf").code(0));
        assertThat(t.dates("d6").get(0)).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(t.dates("d8").get(0)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(t.dates("d8").isMissing(1)).isTrue();
        assertThat(t.doubles("n").get(0)).isEqualTo(42.0);
        assertThat(t.doubles("n").get(1)).isNaN();
        assertThat(t.category("OK").get(0)).isEqualTo("T");
        assertThat(t.category("OK").get(1)).isEqualTo("F");
        assertThat(t.category("OK").isMissing(2)).isTrue();
    }

    @Test
    void aFieldThatDoesNotParseNamesTheRecordAndField() throws IOException {
        Path file = dir.resolve("bad.dbf");
        try (DbfWriter w = DbfWriter.builder().character("N", 4).open(file)) {
            w.setString(0, "12x");
            w.endRecord();
        }
        TableBuilder tb = GlosaTable.builder();
        try (DbfCursor c = DbfCursor.open(file)) {
            FieldColumn n = FieldColumn.of(FieldColumn.Kind.LONG, 0, tb, "n");
            c.next();
            assertThatThrownBy(() -> n.append(c))
                    .isInstanceOf(MalformedFileException.class)
                    .hasMessageContaining("record")
                    .hasMessageContaining("N");
        }
    }
}
