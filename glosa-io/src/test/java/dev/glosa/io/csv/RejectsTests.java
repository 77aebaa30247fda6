package dev.glosa.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.table.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsTests {

    @TempDir
    Path dir;

    @Test
    void aRejectsFileGuardsFormulasAndQuotesSemicolonsInEveryCell() throws IOException {
        Path file = dir.resolve("rejects.csv");
        Rejects r = Rejects.open("=src.csv", file);
        r.add(2, "-COL", "value", RejectReason.NOT_A_NUMBER, "=1+1", "@detail");
        r.add(3, null, null, RejectReason.FIELD_COUNT, null, "a;b");
        r.finish();
        assertThat(Files.readString(file))
                .isEqualTo("source;line;column;reason;detail;value\n"
                        + "'=src.csv;2;'-COL;NOT_A_NUMBER;'@detail;'=1+1\n"
                        + "'=src.csv;3;;FIELD_COUNT;\"a;b\";\n");
    }

    @Test
    void aValueThatAlreadyStartsWithApostrophesBeforeAFormulaGetsOneMore() throws IOException {
        // The rejects file now shares the Power BI tables' guard; before, "'=x" was written as it was.
        assertThat(Rejects.line("s", 1, "C", RejectReason.NOT_A_NUMBER, "d", "'=x"))
                .isEqualTo("s;1;C;NOT_A_NUMBER;d;''=x\n");
        assertThat(Rejects.line("s", 1, "C", RejectReason.NOT_A_NUMBER, "d", "'quoted"))
                .isEqualTo("s;1;C;NOT_A_NUMBER;d;'quoted\n");
    }

    @Test
    void theCsvReaderWritesItsRejectsInTheSameFormat() throws IOException {
        CsvMapping mapping = CsvMapping.of(
                        "m",
                        List.of(ColumnMapping.of("MES", Role.COMPETENCE), ColumnMapping.of("VALOR", Role.GLOSA_AMOUNT)))
                .withMaxRejectShare(1.0);
        Path file = dir.resolve("rejects.csv");
        CsvReader.read(
                new ByteArrayInputStream("MES;VALOR\n2024-01;=2+2\n2024-01;1\n".getBytes(StandardCharsets.UTF_8)),
                "in.csv",
                mapping,
                file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("in.csv;2;VALOR;NOT_A_NUMBER;").endsWith(";'=2+2");
    }
}
