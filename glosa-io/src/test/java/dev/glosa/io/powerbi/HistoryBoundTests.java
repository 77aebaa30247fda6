package dev.glosa.io.powerbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history.keepWeeks} bounds the facts, and {@code csv.bom} starts every file with a byte order mark. */
class HistoryBoundTests {
    private static final List<ColumnSpec> COLUMNS = List.of(
            ColumnSpec.of("run_id", CellType.TEXT, "run"),
            ColumnSpec.of("as_of", CellType.DATE, "as of"),
            ColumnSpec.of("v", CellType.TEXT, "value"));

    @TempDir
    Path dir;

    private void week(Path target, LocalDate asOf, int keepWeeks, boolean bom) throws IOException {
        Path temp = dir.resolve("temp.csv");
        RowSource rows = RowSource.of(List.of(
                new String[] {"r" + asOf, asOf.toString(), "a"}, new String[] {"r" + asOf, asOf.toString(), "b"}));
        HistoryFile.merge(target, temp, COLUMNS, rows, asOf.toString(), Map.of(), keepWeeks, bom);
        Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static TreeSet<String> dates(Path file) throws IOException {
        TreeSet<String> dates = new TreeSet<>();
        try (Csv.RecordReader r = HistoryFile.open(file)) {
            r.next();
            for (String[] c; (c = r.next()) != null; ) {
                dates.add(c[1]);
            }
        }
        return dates;
    }

    @Test
    void thirteenWeeklyRunsKeepTheLatestTwelveWeeksOfFacts() throws IOException {
        Path fact = dir.resolve("fact_glosa.csv");
        LocalDate first = LocalDate.of(2026, 9, 7);
        for (int w = 0; w < 13; w++) {
            week(fact, first.plusWeeks(w), 12, false);
        }
        TreeSet<String> kept = dates(fact);
        assertThat(kept).hasSize(12);
        assertThat(kept.first()).isEqualTo(first.plusWeeks(1).toString());
        assertThat(kept.last()).isEqualTo(first.plusWeeks(12).toString());
        assertThat(Files.readAllLines(fact)).hasSize(1 + 12 * 2);
    }

    @Test
    void reRunningAnOldWeekKeepsTheLatestWeeksAndZeroKeepsEveryWeek() throws IOException {
        Path fact = dir.resolve("fact_glosa.csv");
        LocalDate first = LocalDate.of(2026, 9, 7);
        for (int w = 0; w < 4; w++) {
            week(fact, first.plusWeeks(w), 0, false);
        }
        assertThat(dates(fact)).hasSize(4);
        week(fact, first.plusWeeks(1), 2, false);
        // the two latest dates, weeks 3 and 2, stay; week 0 goes; week 1 is this run's own and is always written
        assertThat(dates(fact))
                .containsExactly(
                        first.plusWeeks(1).toString(),
                        first.plusWeeks(2).toString(),
                        first.plusWeeks(3).toString());
    }

    @Test
    void aByteOrderMarkStartsTheFileAndIsReadBackAsNothing() throws IOException {
        Path file = dir.resolve("dim_group.csv");
        week(file, LocalDate.of(2026, 11, 23), 0, true);
        week(file, LocalDate.of(2026, 11, 30), 0, true);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
        assertThat(new String(bytes, StandardCharsets.UTF_8).indexOf('\uFEFF', 1))
                .isEqualTo(-1);
        assertThat(dates(file)).hasSize(2);
        assertThat(new String(bytes, StandardCharsets.UTF_8).substring(1)).startsWith("run_id,as_of,v\r\n");
    }
}
