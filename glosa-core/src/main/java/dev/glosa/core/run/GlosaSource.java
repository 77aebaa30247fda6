package dev.glosa.core.run;

import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.table.GlosaTable;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where one run's glosa rows come from: SIH files, an ERP export, TISS XML, a database, generated data.
 *
 * <p>The pipeline calls {@link #check()} and {@link #identifierColumns()} before anything is read, so a mistake that
 * can be seen without the data (a missing file, the same file given twice, identifiers with no treatment chosen) is
 * reported at once whatever the input's size; then {@link #read} once.
 */
public interface GlosaSource {

    /** {@return a few words for messages, e.g. {@code "SIH files: 11 RD, 7 RJ, 7 ER"}} */
    String describe();

    /**
     * Checks what can be checked without reading the rows: files exist and are distinct, a connection opens.
     *
     * @throws IOException when the source cannot be reached
     * @throws IllegalArgumentException when the source is wrongly given, naming what to fix
     */
    default void check() throws IOException {}

    /**
     * The identifier columns the rows will carry for certain (SIH files always carry AIH numbers), known before
     * reading so the identifier treatment is checked first; empty when only the data can tell.
     *
     * @return the identifier columns, possibly none
     */
    default List<String> identifierColumns() {
        return List.of();
    }

    /**
     * The source's own decisions on which columns are personal, by column name (a CSV mapping's {@code personal:}
     * entries): {@code true} makes a column personal whatever its name, {@code false} clears one its name or content
     * would make personal. Empty by default: names and content decide.
     *
     * @return column name to personal or not
     */
    default Map<String, Boolean> personalOverrides() {
        return Map.of();
    }

    /**
     * The names this source knows for key codes (the demo's hospitals), asked after {@link #read}; none by default.
     * The configuration's dimension files override them.
     *
     * @return the names, {@link dev.glosa.core.text.KeyNames#none()} when none
     */
    default dev.glosa.core.text.KeyNames names() {
        return dev.glosa.core.text.KeyNames.none();
    }

    /** {@return whether the rows are generated (no real patient in them), so a non-secret pseudonym key may be used} */
    default boolean generated() {
        return false;
    }

    /**
     * Reads the rows.
     *
     * @return the rows and what the run must record about them
     * @param context the run's date, the file a source may quarantine bad rows to, and the log
     * @throws IOException when reading fails
     * @throws IllegalArgumentException when the input is malformed, naming the file, row and column
     */
    SourceBatch read(RunContext context) throws IOException;

    /**
     * The tables this source adds once the run's groups are known (the TISS source's appeal figures per group), written
     * with the star schema as {@link SourceBatch#sideTables()} are; none by default.
     *
     * @param analysed the table the run analysed, as prepared from this source's rows
     * @param groups every segment's rows (counted in {@code analysed}) and group ids
     * @return the tables, possibly none
     */
    default List<SideTable> groupSideTables(GlosaTable analysed, List<SegmentAssignment> groups) {
        return List.of();
    }
}
