package dev.glosa.run;

import dev.glosa.cluster.features.FeatureSpec;
import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.reconcile.ReconciliationReport;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.table.GlosaTable;
import java.util.List;
import java.util.Map;

/**
 * What a source hands to the job: the rows to write, which of them to cluster, the indicators, and the provenance.
 *
 * @param source a word for messages: {@code sus}, {@code csv}, {@code tiss}, {@code demo}
 * @param analysed the rows of the fact table
 * @param clusterRows the rows of {@code analysed} to segment and cluster (ascending), or {@code null} for all
 * @param defaultFeatures the features used when the configuration names none
 * @param profileColumns the category columns searched for what sets a group apart (empty: every category column)
 * @param indicators the indicator rows
 * @param inputs the files read, with their checksums
 * @param rowsIn the rows read from the inputs
 * @param rowsRejected the rows quarantined by the readers
 * @param reconciliation the SUS reconciliation report, or {@code null}
 * @param warnings what the analyst should know about the inputs (printed and logged)
 * @param personalOverrides the source's own decisions on which columns are personal (a CSV mapping's
 *     {@code personal:} entries), given to the profile and the writer alike
 */
record Prepared(
        String source,
        GlosaTable analysed,
        int[] clusterRows,
        FeatureSpec defaultFeatures,
        List<String> profileColumns,
        List<IndicatorRow> indicators,
        List<RunRecord.Input> inputs,
        long rowsIn,
        long rowsRejected,
        ReconciliationReport reconciliation,
        List<String> warnings,
        Map<String, Boolean> personalOverrides) {

    /** Copies the rows, the warnings and the overrides. */
    Prepared {
        clusterRows = clusterRows == null ? null : clusterRows.clone();
        warnings = List.copyOf(warnings);
        personalOverrides = personalOverrides == null ? Map.of() : Map.copyOf(personalOverrides);
    }

    /** The same with other warnings. */
    Prepared withWarnings(List<String> others) {
        return new Prepared(
                source,
                analysed,
                clusterRows,
                defaultFeatures,
                profileColumns,
                indicators,
                inputs,
                rowsIn,
                rowsRejected,
                reconciliation,
                others,
                personalOverrides);
    }

    /** {@return a copy of the rows to cluster, or {@code null} for all} */
    @Override
    public int[] clusterRows() {
        return clusterRows == null ? null : clusterRows.clone();
    }
}
