package dev.glosa.io.powerbi;

import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.run.RunOutput;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.run.SideTable;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import dev.glosa.core.text.KeyNames;
import dev.glosa.io.text.CsvCells;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tables of one run exactly as the star-schema writer builds them ({@code fact_glosa}, {@code dim_segment},
 * {@code dim_group}, {@code indicators}, {@code group_state} when the tracker's state is given, {@code runs} last),
 * for a sink other than the folder, such as a database.
 *
 * <p>Cells are the texts the folder's CSV files hold: numbers in plain decimal, ISO dates, {@code yyyy-MM} months,
 * empty for a missing value, and text guarded against spreadsheet formulas ({@link #plainText(String)} undoes that).
 */
public final class RunTables {
    /** One planned table: its file, what one row is, its key, and its header and rows. */
    record Planned(String file, String oneRowPer, List<String> key, Tables.Built built) {}

    /** Files of the folder that are not a run's tables, so no side table may take their names. */
    private static final java.util.Set<String> RESERVED =
            java.util.Set.of(StarSchemaWriter.GROUP_STATE, LegacyNames.DIM_CLUSTER, "rejects.csv");

    final Identifiers ids;
    final Manifest.RunCounts counts;
    final List<Planned> plan;

    private RunTables(Identifiers ids, Manifest.RunCounts counts, List<Planned> plan) {
        this.ids = ids;
        this.counts = counts;
        this.plan = List.copyOf(plan);
    }

    /**
     * Builds the tables of a run; the arguments are those of
     * {@link StarSchemaWriter#write(java.nio.file.Path, RunRecord, GlosaTable, List, List, List, WriterOptions)}, with
     * {@code state} {@code null} to leave the tracker's table out.
     *
     * @param run the run's record
     * @param analysed the table the run analysed
     * @param outcomes every segment's outcome
     * @param indicators the indicator rows
     * @param state the groups to match next week
     * @param options the identifier treatment and CSV settings
     * @return the tables
     * @throws IllegalArgumentException if the inputs disagree or identifier columns lack a chosen treatment
     */
    public static RunTables of(
            RunRecord run,
            GlosaTable analysed,
            List<SegmentResult> outcomes,
            List<IndicatorRow> indicators,
            List<GroupRecord> state,
            WriterOptions options) {
        return of(run, analysed, outcomes, indicators, state, List.of(), options, System.getenv());
    }

    /**
     * Builds every table of a run a sink receives: the star schema, the tracker's state and the source's side tables
     * ({@link RunOutput#sideTables()}), each side table after the star schema's and before {@code runs}.
     *
     * @param out what the sink received
     * @param options the identifier treatment and CSV settings
     * @return the tables
     * @throws IllegalArgumentException if the inputs disagree, identifier columns lack a chosen treatment, or a side
     *     table is named as one of the star schema's
     */
    public static RunTables of(RunOutput out, WriterOptions options) {
        return of(
                out.run(),
                out.analysed(),
                out.segments(),
                out.indicators(),
                out.state(),
                out.sideTables(),
                options,
                System.getenv());
    }

    static RunTables of(
            RunRecord run,
            GlosaTable analysed,
            List<SegmentResult> outcomes,
            List<IndicatorRow> indicators,
            List<GroupRecord> state,
            List<SideTable> sideTables,
            WriterOptions options,
            Map<String, String> environment) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(analysed, "analysed");
        Objects.requireNonNull(options, "options");
        outcomes = List.copyOf(outcomes);
        indicators = List.copyOf(indicators);
        Identifiers ids =
                Identifiers.resolve(options, environment, Tables.identifierColumns(analysed, outcomes, options));
        int groups = 0;
        for (SegmentResult o : outcomes) {
            groups += o.profiles().size();
        }
        double glosaAmount = analysed.has(Role.GLOSA_AMOUNT)
                ? analysed.doubles(Role.GLOSA_AMOUNT).sum()
                : Double.NaN;
        Manifest.RunCounts counts = new Manifest.RunCounts(outcomes.size(), groups, analysed.rowCount(), glosaAmount);
        List<Planned> plan = new ArrayList<>(List.of(
                new Planned(
                        StarSchemaWriter.FACT_GLOSA,
                        "analysed row",
                        List.of("as_of", "row order"),
                        Tables.fact(run, analysed, outcomes, ids)),
                new Planned(
                        StarSchemaWriter.DIM_SEGMENT,
                        "segment",
                        List.of("as_of", "segment_id"),
                        Tables.segments(run, outcomes, ids)),
                new Planned(
                        StarSchemaWriter.DIM_GROUP,
                        "group",
                        List.of("as_of", "segment_id", "group_id"),
                        Tables.groups(run, outcomes, ids)),
                new Planned(
                        StarSchemaWriter.INDICATORS,
                        "scope x period",
                        List.of("as_of", "scope", "scope_key", "period"),
                        Tables.indicators(run, indicators)),
                new Planned(StarSchemaWriter.RUNS, "run", List.of("as_of"), Tables.runs(run, counts, ids))));
        if (state != null) {
            plan.add(
                    plan.size() - 1,
                    new Planned(
                            StarSchemaWriter.GROUP_STATE,
                            "tracked group",
                            List.of("as_of", "segment_id", "group_id"),
                            Tables.groupState(run, state)));
        }
        for (SideTable side : sideTables) {
            String file = side.name() + ".csv";
            if (plan.stream().anyMatch(p -> p.file().equals(file))
                    || DimensionTables.FILES.contains(file)
                    || RESERVED.contains(file)) {
                throw new IllegalArgumentException(
                        "a side table is named " + side.name() + ", as a table of the star schema; rename it");
            }
            plan.add(
                    plan.size() - 1,
                    new Planned(file, side.oneRowPer(), List.of("as_of", "row order"), Tables.side(run, side, ids)));
        }
        return new RunTables(ids, counts, plan);
    }

    /**
     * One dimension table of a run ({@code dim_hospital}, {@code dim_payer}, {@code dim_glosa_type}, {@code dim_date},
     * {@code dim_run}) with this run's rows, one per value of its first column, its key. A sink keeps the rows it
     * already holds, replaces those of the same key, and flags only the latest {@code as_of} of {@code dim_run} as
     * latest, as the folder's files do.
     *
     * @param name the table's name, e.g. {@code dim_hospital}
     * @param columnNames the header, key first
     * @param columnTypes each column's type, as {@link Table#columnTypes()} names them
     * @param rows this run's rows, cells as the CSV files hold them
     */
    public record Dimension(String name, List<String> columnNames, List<String> columnTypes, List<String[]> rows) {
        /**
         * Copies the lists.
         *
         * @param name as {@link #name()}
         * @param columnNames as {@link #columnNames()}
         * @param columnTypes as {@link #columnTypes()}
         * @param rows as {@link #rows()}
         */
        public Dimension {
            columnNames = List.copyOf(columnNames);
            columnTypes = List.copyOf(columnTypes);
            rows = List.copyOf(rows);
        }
    }

    /**
     * The dimension tables of a run, named as the folder's {@code dim_*.csv} files and holding what this run adds to
     * them.
     *
     * @param run the run
     * @param analysed the analysed table (its hospitals, payers, glosa types and months)
     * @param indicators the run's indicators (their months)
     * @param names the names of the keys' codes
     * @return the dimensions, in the folder's order
     */
    public static List<Dimension> dimensions(
            RunRecord run, GlosaTable analysed, List<IndicatorRow> indicators, KeyNames names) {
        List<Dimension> out = new ArrayList<>();
        for (DimensionTables.Dimension d : DimensionTables.of(run, analysed, indicators, names)) {
            List<String> types = new ArrayList<>();
            for (ColumnSpec c : d.columns()) {
                types.add(c.type().id);
            }
            String f = d.file();
            out.add(new Dimension(f.substring(0, f.length() - ".csv".length()), d.header(), types, d.rows()));
        }
        return out;
    }

    /** {@return the tables, {@code runs} last} */
    public List<Table> tables() {
        List<Table> out = new ArrayList<>(plan.size());
        for (Planned p : plan) {
            out.add(new Table(p));
        }
        return out;
    }

    /** {@return the pseudonym key's id when identifiers are pseudonymised, else {@code null}} */
    public String keyId() {
        return ids.keyId();
    }

    /**
     * {@return the text a guarded cell stands for (a leading {@code '} before a formula character removed)}
     *
     * @param cell the cell as written
     */
    public static String plainText(String cell) {
        return CsvCells.unguard(cell);
    }

    /**
     * The tracker's state read back from rows of {@code group_state} (cells as the CSV holds them, text unguarded or
     * not), for a sink that keeps it elsewhere than the folder.
     *
     * @param header the table's header
     * @param rows its rows' cells
     * @return the groups' records
     * @param source names the rows in messages
     * @throws IOException naming the source, row and column when a cell does not parse
     */
    public static List<GroupRecord> groupRecords(String source, List<String> header, List<String[]> rows)
            throws IOException {
        return GroupReader.groupRecords(
                source, LegacyNames.header(StarSchemaWriter.GROUP_STATE, header.toArray(new String[0])), rows);
    }

    /**
     * The tables and columns glosa 0.1 named otherwise, for a sink that keeps the tables elsewhere than the folder and
     * renames them once: table name (without {@code .csv}) to its columns' renames, old name to new. The table
     * {@code dim_cluster} itself became {@code dim_group} ({@link #LEGACY_GROUP_TABLE}).
     *
     * @return table name to its columns' renames
     */
    public static Map<String, Map<String, String>> legacyColumnRenames() {
        return LegacyNames.columnRenames();
    }

    /** The name glosa 0.1 gave the table of groups, {@code dim_group} today. */
    public static final String LEGACY_GROUP_TABLE = "dim_cluster";

    /** One table of the run. */
    public static final class Table {
        private final Planned planned;

        Table(Planned planned) {
            this.planned = planned;
        }

        /** {@return the table's name: its file name without {@code .csv}} */
        public String name() {
            String f = planned.file();
            return f.endsWith(".csv") ? f.substring(0, f.length() - 4) : f;
        }

        /**
         * {@return the columns that identify a row within the table ({@code row order} for the fact table's row
         * position)}
         */
        public List<String> key() {
            return planned.key();
        }

        /** {@return the header, in order} */
        public List<String> columnNames() {
            return Schema.names(planned.built().columns());
        }

        /**
         * Each column's type: {@code text}, {@code number}, {@code integer}, {@code date}, {@code month} or
         * {@code datetime}.
         *
         * @return the types, one per column
         */
        public List<String> columnTypes() {
            List<String> out = new ArrayList<>();
            for (ColumnSpec c : planned.built().columns()) {
                out.add(c.type().id);
            }
            return out;
        }

        /** {@return the number of rows this run adds} */
        public int size() {
            return planned.built().rows().size();
        }

        /**
         * Fills {@code cells} (one per column) with row {@code i}'s cell texts.
         *
         * @param i the row, from 0
         * @param cells where the texts go
         */
        public void fill(int i, String[] cells) {
            planned.built().rows().fill(i, cells);
        }
    }
}
