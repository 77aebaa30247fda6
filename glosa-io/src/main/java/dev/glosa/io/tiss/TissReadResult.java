package dev.glosa.io.tiss;

import dev.glosa.core.table.GlosaTable;
import java.util.List;

/**
 * The outcome of a TISS read: the glosa table, the read report and the appeal recovery indicator.
 *
 * @param table one row per item (one per glosa code of an item), plus the rows of glosas given at guide or protocol
 *     level; columns in {@link TissColumns}
 * @param report files, totals that do not add up, warnings, unknown codes, appeal counts
 * @param recoveryRates recovered over glosa per operator × reason group × competence month
 *     ({@link RecoveryRates#compute(GlosaTable)})
 */
public record TissReadResult(GlosaTable table, TissReadReport report, List<RecoveryRate> recoveryRates) {
    /**
     * Copies the indicator list.
     *
     * @param table as {@link #table()}
     * @param report as {@link #report()}
     * @param recoveryRates as {@link #recoveryRates()}
     */
    public TissReadResult {
        recoveryRates = List.copyOf(recoveryRates);
    }
}
