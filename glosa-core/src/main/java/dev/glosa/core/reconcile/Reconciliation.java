package dev.glosa.core.reconcile;

import dev.glosa.core.table.GlosaTable;
import java.util.Objects;

/**
 * The result of reconciling rejected and paid claims.
 *
 * @param claims one row per claim of rejected ∪ paid; see {@link Reconciler} for its columns
 * @param report counts and totals of what the reconciliation did
 */
public record Reconciliation(GlosaTable claims, ReconciliationReport report) {
    /**
     * Checks both parts are present.
     *
     * @param claims as {@link #claims()}
     * @param report as {@link #report()}
     */
    public Reconciliation {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(report, "report");
    }
}
