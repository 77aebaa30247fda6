package dev.glosa.core.run;

import dev.glosa.core.table.GlosaTable;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The rows a source read, by what they are; the pipeline prepares each kind its own way (SUS files are reconciled,
 * ERP lines aggregated by month, TISS items taken as they are).
 */
public sealed interface SourceRows {

    /**
     * DATASUS SIH tables: paid AIHs, rejected AIHs and, when given, their rejection errors.
     *
     * @param rd the RD rows (paid), in the order the files were given
     * @param rj the RJ rows (rejected), in the order the files were given ("first occurrence" follows it)
     * @param er the ER rows (one per rejection error), or {@code null} when no ER file was given
     */
    record Sih(GlosaTable rd, GlosaTable rj, GlosaTable er) implements SourceRows {
        /**
         * Checks that RD and RJ are given.
         *
         * @param rd the paid AIHs
         * @param rj the rejected AIHs
         * @param er the rejection errors, or {@code null} when none were given
         */
        public Sih {
            Objects.requireNonNull(rd, "rd");
            Objects.requireNonNull(rj, "rj");
        }
    }

    /**
     * DATASUS SIH claims already reconciled where the rows live (glosa-spark runs the core's reconciler on ranges of
     * AIH numbers on its executors): what {@link dev.glosa.core.reconcile.Reconciler} gives for the same files, errors
     * attached as {@code SihRejections} attaches them.
     *
     * @param claims one row per claim, the reconciler's columns first
     * @param report the reconciliation's counts and totals
     * @param indicators the glosa indicators of {@code claims}, as {@code Indicators.standard} computes them
     * @param rejectedWithoutError how many RJ rows no ER row matched; {@code -1} when no ER input was given
     */
    record ReconciledSih(
            GlosaTable claims,
            dev.glosa.core.reconcile.ReconciliationReport report,
            java.util.List<dev.glosa.core.indicator.IndicatorRow> indicators,
            long rejectedWithoutError)
            implements SourceRows {
        /**
         * Checks that every part is given.
         *
         * @param claims one row per claim
         * @param report the reconciliation's counts and totals
         * @param indicators the glosa indicators of the claims
         * @param rejectedWithoutError how many RJ rows no ER row matched, {@code -1} without ER
         */
        public ReconciledSih {
            Objects.requireNonNull(claims, "claims");
            Objects.requireNonNull(report, "report");
            indicators = java.util.List.copyOf(indicators);
        }
    }

    /**
     * Glosa lines of an ERP (an export or a query), one row per line or per aggregated line.
     *
     * @param lines the lines, with the canonical role columns
     * @param month the month to analyse, or {@code null} for the last closed month before the run's date
     */
    record ErpLines(GlosaTable lines, YearMonth month) implements SourceRows {
        /**
         * Checks that the lines are given.
         *
         * @param lines the glosa lines
         * @param month the month to analyse, or {@code null} for the last closed month before the run's date
         */
        public ErpLines {
            Objects.requireNonNull(lines, "lines");
        }
    }

    /**
     * TISS items: one row per item and glosa code, guide- and protocol-level glosas as rows of their level.
     *
     * @param items the items
     */
    record TissItems(GlosaTable items) implements SourceRows {
        /**
         * Checks that the items are given.
         *
         * @param items the TISS rows
         */
        public TissItems {
            Objects.requireNonNull(items, "items");
        }
    }
}
