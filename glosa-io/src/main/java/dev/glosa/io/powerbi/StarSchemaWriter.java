package dev.glosa.io.powerbi;

import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.run.RunOutput;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.text.KeyNames;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes a run's results as a Power BI-ready star schema that accumulates history, and reads back the previous run's
 * groups for the tracker.
 *
 * <p>The folder holds five tables and a manifest:
 * <ul>
 *   <li>{@value #FACT_GLOSA}: one row per analysed row (a reconciled claim, an aggregated glosa line) with its segment
 *       and group, then every other column of the analysed table; rows in no segment have an empty
 *       {@code segment_id} and {@code group_id};</li>
 *   <li>{@value #DIM_SEGMENT}: one row per segment (its key, size, money, strategy, k, quality, status);</li>
 *   <li>{@value #DIM_GROUP}: one row per group (money, shares, ranks, label, new or kept, centres, reasons);</li>
 *   <li>{@value #INDICATORS}: one row per scope and period (glosa rate with its Wilson interval, value ratio);</li>
 *   <li>{@value #RUNS}: one row per run (when, inputs with their SHA-256, configuration hash, counts, status);</li>
 *   <li>{@value #MANIFEST}: the tables' columns and types, and the last run.</li>
 * </ul>
 *
 * <p>Format: UTF-8 without byte-order mark, RFC 4180 (comma, CRLF, quotes only where needed), a header row, ISO dates
 * ({@code as_of} {@code yyyy-MM-dd}, {@code competence} {@code yyyy-MM}), numbers in plain decimal with {@code .} and no
 * exponent, empty cells for missing values. Money is rounded half-up to the cent and rates to six decimals (see
 * {@code Decimals}; the manifest gives each such column's {@code decimals}); other numbers are the shortest text that
 * reads back to the same double.
 * Text cells that a spreadsheet would take for a formula ({@code = + - @}, tab or CR first) get a leading {@code '};
 * numeric cells never do, so {@code -12.5} stays a number.
 *
 * <p>History: every table keeps the rows of earlier runs. Writing replaces the rows that have the run's
 * {@code as_of} (a re-run of a week never duplicates it) and keeps the file in {@code as_of} order. A column this run
 * lacks is left empty in its rows; a column it adds is left empty in earlier rows.
 *
 * <p>Safety: a lock ({@code .glosa.lock}) refuses a second concurrent writer with {@link FolderLockedException}; a
 * command opens the folder with {@link OutputFolder#open(Path)} before it reads any data, which checks it and holds
 * the lock for the whole run, and the write then works under that lock. Every file is first written in full to a
 * temporary file in the folder; the files are then renamed into place as one step, through a journal
 * ({@code .glosa-commit}) that whoever opens the folder next (a writer, or {@link #previousState} and
 * {@link #previousGroups}) completes, so a failed or killed run leaves either the earlier outputs or the new ones,
 * never a mix of the two weeks. Patient identifiers are handled
 * as {@link WriterOptions} says. Same inputs, configuration, seed and {@code as_of} give the same bytes in every file
 * except the {@code started_at} and {@code finished_at} cells of {@code runs.csv}.
 */
public final class StarSchemaWriter {
    /** The fact table. */
    public static final String FACT_GLOSA = "fact_glosa.csv";
    /** The segments. */
    public static final String DIM_SEGMENT = "dim_segment.csv";
    /** The groups. */
    public static final String DIM_GROUP = "dim_group.csv";
    /** The indicators. */
    public static final String INDICATORS = "indicators.csv";
    /** The runs. */
    public static final String RUNS = "runs.csv";
    /** The tracker's state, for the next run's stable group ids (internal; no dashboard needs it). */
    public static final String GROUP_STATE = "group_state.csv";
    /** The manifest. */
    public static final String MANIFEST = "manifest.json";

    private StarSchemaWriter() {}

    /**
     * Writes the run into {@code folder} (created if needed), replacing any earlier rows of the same {@code as_of}.
     *
     * @param folder the output folder
     * @param run the run's record
     * @param analysed the analysed rows; {@code outcomes}' assignments index its rows
     * @param outcomes every segment's outcome, in the order to write them
     * @param indicators the indicator rows, in the order to write them
     * @param options the identifier treatment
     * @return what was written
     * @throws FolderLockedException if another run is writing the folder (a folder this process opened with
     *     {@link OutputFolder#open(Path)} is written under its lock)
     * @throws IllegalArgumentException if the inputs disagree (a row in two segments, a reserved column name, a changed
     *     pseudonym key or column type) or identifier columns are present without a chosen treatment
     * @throws IOException if a file cannot be read or written; the earlier outputs are then left as they were
     */
    public static WriteReport write(
            Path folder,
            RunRecord run,
            GlosaTable analysed,
            List<SegmentResult> outcomes,
            List<IndicatorRow> indicators,
            WriterOptions options)
            throws IOException {
        return WriteJob.write(
                folder, run, analysed, outcomes, indicators, options, System.getenv(), WriteJob.Hook.NONE);
    }

    /**
     * Writes the run as {@link #write(Path, RunRecord, GlosaTable, List, List, WriterOptions)} does, plus the
     * tracker's {@code state} into {@value #GROUP_STATE}, in the same all-or-nothing set of renames.
     *
     * @param folder the output folder
     * @param run the run's record
     * @param analysed the table the run analysed
     * @param outcomes every segment's outcome
     * @param indicators the indicator rows
     * @param state the groups to match next week
     * @param options the identifier treatment and CSV settings
     * @return what was written
     * @throws IOException when a file cannot be written; the folder is then unchanged
     */
    public static WriteReport write(
            Path folder,
            RunRecord run,
            GlosaTable analysed,
            List<SegmentResult> outcomes,
            List<IndicatorRow> indicators,
            List<GroupRecord> state,
            WriterOptions options)
            throws IOException {
        return WriteJob.write(
                folder,
                run,
                analysed,
                outcomes,
                indicators,
                java.util.Objects.requireNonNull(state, "state"),
                options,
                System.getenv(),
                WriteJob.Hook.NONE);
    }

    /**
     * Writes the run as {@link #write(Path, RunRecord, GlosaTable, List, List, List, WriterOptions)} does, with the
     * dimension tables ({@code dim_hospital}, {@code dim_payer}, {@code dim_glosa_type}, {@code dim_date},
     * {@code dim_run}) naming the codes by {@code names}.
     *
     * @param folder the output folder
     * @param run the run's record
     * @param analysed the table the run analysed
     * @param outcomes every segment's outcome
     * @param indicators the indicator rows
     * @param state the groups to match next week
     * @param options the identifier treatment and CSV settings
     * @param names the names of the key codes
     * @return what was written
     * @throws IOException when a file cannot be written; the folder is then unchanged
     */
    public static WriteReport write(
            Path folder,
            RunRecord run,
            GlosaTable analysed,
            List<SegmentResult> outcomes,
            List<IndicatorRow> indicators,
            List<GroupRecord> state,
            WriterOptions options,
            KeyNames names)
            throws IOException {
        return WriteJob.write(
                folder,
                run,
                analysed,
                outcomes,
                indicators,
                java.util.Objects.requireNonNull(state, "state"),
                List.of(),
                options,
                java.util.Objects.requireNonNull(names, "names"),
                System.getenv(),
                WriteJob.Hook.NONE);
    }

    /**
     * Writes everything a sink receives from one run: the star schema, the tracker's state, the dimension tables named
     * by {@code out.names()}, and the source's side tables ({@code fact_appeal.csv}, ...), each with its history, in
     * one commit.
     *
     * @param folder the output folder
     * @param out what the sink received
     * @param options the identifier treatment and CSV settings
     * @return what was written
     * @throws IOException when a file cannot be written; the folder is then unchanged
     */
    public static WriteReport write(Path folder, RunOutput out, WriterOptions options) throws IOException {
        return WriteJob.write(
                folder,
                out.run(),
                out.analysed(),
                out.segments(),
                out.indicators(),
                out.state(),
                out.sideTables(),
                options,
                out.names(),
                System.getenv(),
                WriteJob.Hook.NONE);
    }

    /**
     * The tracker's state written by the latest run dated before {@code asOf}, to match this run's groups against;
     * empty when the folder has no earlier run.
     *
     * @param folder the output folder
     * @param asOf the run's date
     * @return the groups of the latest earlier run, or none
     * @throws IOException if the file cannot be read or a cell does not parse, naming the file, line and column
     */
    public static List<GroupRecord> previousState(Path folder, LocalDate asOf) throws IOException {
        OutputFolder.finishPendingCommit(folder);
        return GroupReader.previousState(folder, asOf);
    }

    /**
     * The groups of the latest run dated before {@code asOf}, as written in {@value #DIM_GROUP}, for the tracker
     * that keeps group ids stable; empty when the folder has no earlier run.
     *
     * <p>Every field is read back as written: {@code featureCentres} from {@code centres}, the reasons and distinctive
     * categories from their JSON columns, the label from {@code label} and the algorithm's number for the group from
     * {@code cluster}.
     *
     * @param folder the output folder
     * @param asOf the run's date
     * @return the groups of the latest earlier run, or none
     * @throws IOException if the file cannot be read or a cell does not parse, naming the file, line and column
     */
    public static List<GroupProfile> previousGroups(Path folder, LocalDate asOf) throws IOException {
        OutputFolder.finishPendingCommit(folder);
        return GroupReader.previous(folder, asOf);
    }
}
