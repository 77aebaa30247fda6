package dev.glosa.io.powerbi;

import static dev.glosa.io.powerbi.CellType.DATE;
import static dev.glosa.io.powerbi.CellType.DATETIME;
import static dev.glosa.io.powerbi.CellType.INTEGER;
import static dev.glosa.io.powerbi.CellType.MONTH;
import static dev.glosa.io.powerbi.CellType.NUMBER;
import static dev.glosa.io.powerbi.CellType.TEXT;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed columns of every table, in header order. The Power Query scripts in {@code powerbi/} list exactly these
 * names and types; a test keeps them in step.
 */
final class Schema {
    static final String RUN_ID = "run_id";
    static final String AS_OF = "as_of";

    private static final ColumnSpec C_RUN_ID = ColumnSpec.of(
            RUN_ID,
            TEXT,
            "the run that wrote the row: yyyyMMdd of as_of, '-', 8 hex digits of the configuration's SHA-256");
    private static final ColumnSpec C_AS_OF = ColumnSpec.of(
            AS_OF, DATE, "the date the run analysed the data as of; one run per as_of, a re-run replaces its rows");

    /** fact_glosa.csv: these, then every other column of the analysed table in its order. */
    static final List<ColumnSpec> FACT = List.of(
            C_RUN_ID,
            C_AS_OF,
            ColumnSpec.of("segment_id", TEXT, "the row's segment (empty when the row is in no clustered segment)"),
            ColumnSpec.of("group_id", TEXT, "the row's group, stable across runs (empty when in no group)"),
            ColumnSpec.of("segment_key", TEXT, "run_id:segment_id, the key of dim_segment"),
            ColumnSpec.of("group_key", TEXT, "run_id:segment_id:group_id, the key of dim_group"),
            ColumnSpec.of("hospital", TEXT, "the care provider (CNES in SUS)"),
            ColumnSpec.of("payer", TEXT, "the payer (operator, or SUS)"),
            ColumnSpec.of("glosa_type", TEXT, "the kind of denial"),
            ColumnSpec.of("competence", MONTH, "the billing month, yyyy-MM"),
            ColumnSpec.of("billed_amount", NUMBER, "the amount billed"),
            ColumnSpec.of("glosa_amount", NUMBER, "the amount denied"),
            ColumnSpec.of("paid_amount", NUMBER, "the amount paid"));

    /** Columns the analysed table must not have: the writer fills them; they are the first columns of {@link #FACT}. */
    static final List<String> FACT_RESERVED =
            List.of(RUN_ID, AS_OF, "segment_id", "group_id", "segment_key", "group_key");

    /** dim_segment.csv, up to the segment key columns; key columns other than these three follow. */
    static final List<ColumnSpec> SEGMENT_HEAD = List.of(
            C_RUN_ID,
            C_AS_OF,
            ColumnSpec.of("segment_id", TEXT, "the segment's id, the same in every run for the same key"),
            ColumnSpec.of("hospital", TEXT, "the segment's hospital (empty when not a key column)"),
            ColumnSpec.of("payer", TEXT, "the segment's payer (empty when not a key column)"),
            ColumnSpec.of("glosa_type", TEXT, "the segment's glosa type (empty when not a key column)"));

    /** dim_segment.csv, after the key columns. */
    static final List<ColumnSpec> SEGMENT_TAIL = List.of(
            ColumnSpec.of("rows", INTEGER, "rows in the segment"),
            ColumnSpec.of("glosa_amount", NUMBER, "the segment's total glosa"),
            ColumnSpec.of("strategy", TEXT, "the clustering strategy (kmeans, dbscan, ...)"),
            ColumnSpec.of("k", INTEGER, "the number of groups chosen, noise not counted"),
            ColumnSpec.of("quality_metric", TEXT, "the criterion that chose k (silhouette, ...)"),
            ColumnSpec.of("quality", NUMBER, "the criterion's value for the chosen partition"),
            ColumnSpec.of("status", TEXT, "clustered, too_small or failed"),
            ColumnSpec.of("reason", TEXT, "why the segment failed or was not clustered"),
            ColumnSpec.of(
                    "parameters",
                    TEXT,
                    "the strategy's parameters, name=value; ... sorted by name, with how each"
                            + " feature was encoded (feature.column=transform and fitted values) and the outlier rule"),
            ColumnSpec.of("quality_by_k", TEXT, "the criterion for every k tried, k=value; ..."),
            ColumnSpec.of("groups", INTEGER, "the number of groups profiled"),
            ColumnSpec.of("key_columns", TEXT, "the segment key's columns, in order, separated by '|'"),
            ColumnSpec.of("segment_key", TEXT, "run_id:segment_id"));

    /** dim_group.csv: one row per group. */
    static final List<ColumnSpec> GROUP = List.of(
            C_RUN_ID,
            C_AS_OF,
            ColumnSpec.of("group_id", TEXT, "the group's id, stable across runs"),
            ColumnSpec.of("segment_id", TEXT, "the group's segment"),
            ColumnSpec.of("rows", INTEGER, "rows in the group"),
            ColumnSpec.of("glosa_amount", NUMBER, "the group's total glosa"),
            ColumnSpec.of("glosa_share", NUMBER, "the group's share of its segment's glosa, 0 to 1"),
            ColumnSpec.of("rank_in_segment", INTEGER, "1 for the costliest group of its segment"),
            ColumnSpec.of("rank_overall", INTEGER, "1 for the costliest group of the run"),
            ColumnSpec.of("label", TEXT, "a short description of the group"),
            ColumnSpec.of("status", TEXT, "new, or kept when the id was kept from the previous run"),
            ColumnSpec.of(
                    "cluster",
                    INTEGER,
                    "the algorithm's number for the group in this run (-1 for the outliers); changes from run to run, unlike group_id"),
            ColumnSpec.of("kind", TEXT, "group, or outliers for the lines set aside as far from every group"),
            ColumnSpec.of("row_share", NUMBER, "the group's share of its segment's rows, 0 to 1"),
            ColumnSpec.of("glosa_mean", NUMBER, "mean glosa per row"),
            ColumnSpec.of("glosa_median", NUMBER, "median glosa per row"),
            ColumnSpec.of("glosa_rate", NUMBER, "glosa over billed, 0 to 1"),
            ColumnSpec.of("glosa_jump", NUMBER, "the change of the group's glosa over the previous month"),
            ColumnSpec.of("top_reasons", TEXT, "the reason codes carrying most of the glosa: code share% (rows); ..."),
            ColumnSpec.of(
                    "distinctive",
                    TEXT,
                    "the categories that set the group apart: column=value share% vs segment% (xlift); ..."),
            ColumnSpec.of(
                    "centres", TEXT, "the mean of each feature in original units, a JSON object in feature order"),
            ColumnSpec.of("top_reasons_json", TEXT, "top_reasons as a JSON array, for programs"),
            ColumnSpec.of("distinctive_json", TEXT, "distinctive as a JSON array, for programs"),
            ColumnSpec.of("hospital", TEXT, "the segment's hospital (empty when not a key column)"),
            ColumnSpec.of("payer", TEXT, "the segment's payer (empty when not a key column)"),
            ColumnSpec.of("glosa_type", TEXT, "the segment's glosa type (empty when not a key column)"),
            ColumnSpec.of("segment_key", TEXT, "run_id:segment_id, the key of dim_segment"),
            ColumnSpec.of("group_key", TEXT, "run_id:segment_id:group_id"));

    /**
     * group_state.csv: what the tracker remembers of every group, including groups absent for a few runs, so the next
     * run can keep their ids. Internal to glosa; a dashboard has no need of it.
     */
    static final List<ColumnSpec> GROUP_STATE = List.of(
            C_RUN_ID,
            C_AS_OF,
            ColumnSpec.of("segment_id", TEXT, "the group's segment"),
            ColumnSpec.of("group_id", TEXT, "the group's stable id"),
            ColumnSpec.of("serial", INTEGER, "the group's number in its segment, 0 for noise"),
            ColumnSpec.of("cluster", INTEGER, "the algorithm's number for the group in the run that last saw it"),
            ColumnSpec.of("rows", INTEGER, "rows in the group when last seen"),
            ColumnSpec.of("row_share", NUMBER, "its share of the segment's rows when last seen"),
            ColumnSpec.of("glosa_amount", NUMBER, "its glosa when last seen"),
            ColumnSpec.of("centres", TEXT, "the mean of each feature in original units, a JSON object"),
            ColumnSpec.of("spreads", TEXT, "the segment's standard deviation of each feature, a JSON object"),
            ColumnSpec.of("runs_absent", INTEGER, "0 when seen by this run, n when missing for n runs"),
            ColumnSpec.of("label", TEXT, "the group's description when last seen"));

    /** indicators.csv. */
    static final List<ColumnSpec> INDICATORS = List.of(
            C_RUN_ID,
            C_AS_OF,
            ColumnSpec.of("scope", TEXT, "overall, overall:<month column>, or the column the row is split by"),
            ColumnSpec.of("scope_key", TEXT, "the value of that column (empty for overall)"),
            ColumnSpec.of("period", MONTH, "the month the row covers, yyyy-MM (empty for all periods)"),
            ColumnSpec.of("claims", INTEGER, "reconciled claims"),
            ColumnSpec.of("glosa_claims", INTEGER, "claims whose status is rejected"),
            ColumnSpec.of("glosa_rate", NUMBER, "indicator 1: glosa_claims / claims"),
            ColumnSpec.of("glosa_rate_ci_low", NUMBER, "lower bound of the 95% Wilson interval of glosa_rate"),
            ColumnSpec.of("glosa_rate_ci_high", NUMBER, "upper bound of the 95% Wilson interval of glosa_rate"),
            ColumnSpec.of("paid_amount", NUMBER, "the sum of paid amounts"),
            ColumnSpec.of("glosa_amount", NUMBER, "the sum of glosa amounts"),
            ColumnSpec.of("glosa_value_ratio", NUMBER, "indicator 2: glosa_amount / paid_amount"),
            ColumnSpec.of("recovered_amount", NUMBER, "paid for claims first rejected (situation B)"),
            ColumnSpec.of(
                    "hospital",
                    TEXT,
                    "the hospital of a row whose scope is hospital (its scope_key), empty otherwise; relates the row"
                            + " to dim_hospital"));

    /** runs.csv. */
    static final List<ColumnSpec> RUNS = List.of(
            C_RUN_ID,
            C_AS_OF,
            ColumnSpec.of("started_at", DATETIME, "when the run started, UTC"),
            ColumnSpec.of("finished_at", DATETIME, "when the run finished, UTC"),
            ColumnSpec.of("inputs", TEXT, "the input files as a JSON array of {path, sha256, rows}"),
            ColumnSpec.of("config_sha256", TEXT, "the SHA-256 of the configuration"),
            ColumnSpec.of("rows_in", INTEGER, "rows read from the inputs"),
            ColumnSpec.of("rows_rejected", INTEGER, "input rows rejected"),
            ColumnSpec.of("segments", INTEGER, "segments written"),
            ColumnSpec.of("groups", INTEGER, "groups written"),
            ColumnSpec.of("status", TEXT, "ok, partial or failed"),
            ColumnSpec.of("fact_rows", INTEGER, "rows written to fact_glosa"),
            ColumnSpec.of("glosa_total", NUMBER, "the total glosa of the analysed rows"),
            ColumnSpec.of("identifier_policy", TEXT, "pseudonymise, drop or keep_clear"),
            ColumnSpec.of("reconciled_claims", INTEGER, "claims after SUS reconciliation (empty when none)"),
            ColumnSpec.of("rejected_duplicates", INTEGER, "rejected rows folded as re-presentations (empty when none)"),
            ColumnSpec.of(
                    "naive_glosa_total", NUMBER, "the rejected total counting every rejected row (empty when none)"),
            ColumnSpec.of("glosa_version", TEXT, "the glosa library version"),
            ColumnSpec.of("java_version", TEXT, "the Java runtime version"));

    private Schema() {}

    /** The fixed columns of dim_segment, without the extra key columns. */
    static List<ColumnSpec> segmentFixed() {
        List<ColumnSpec> all = new ArrayList<>(SEGMENT_HEAD);
        all.addAll(SEGMENT_TAIL);
        return all;
    }

    static List<String> names(List<ColumnSpec> specs) {
        List<String> out = new ArrayList<>(specs.size());
        for (ColumnSpec c : specs) {
            out.add(c.name());
        }
        return out;
    }
}
