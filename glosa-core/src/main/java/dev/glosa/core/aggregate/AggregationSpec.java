package dev.glosa.core.aggregate;

import dev.glosa.core.table.Role;
import java.util.List;
import java.util.Objects;

/**
 * What {@link MonthlyAggregator} groups by and which columns it sums.
 *
 * @param dimensions the columns to group by besides the month (category, long, date or month columns)
 * @param monthColumn the month column ({@code competence} by default)
 * @param billedColumn the billed amount
 * @param glosaColumn the denied amount
 * @param linesColumn a column holding a count of glosa lines per row ({@code QTD_LINHAS_GLOSA}), or {@code null} to
 *     count rows
 * @param billedPreviousColumn a column holding the previous month's billed amount, or {@code null} to derive it from
 *     the table's previous month
 * @param glosaPreviousColumn a column holding the previous month's glosa, or {@code null} to derive it
 */
public record AggregationSpec(
        List<String> dimensions,
        String monthColumn,
        String billedColumn,
        String glosaColumn,
        String linesColumn,
        String billedPreviousColumn,
        String glosaPreviousColumn) {

    /**
     * Checks the spec and copies the dimensions.
     *
     * @param dimensions as {@link #dimensions()}
     * @param monthColumn as {@link #monthColumn()}
     * @param billedColumn as {@link #billedColumn()}
     * @param glosaColumn as {@link #glosaColumn()}
     * @param linesColumn as {@link #linesColumn()}
     * @param billedPreviousColumn as {@link #billedPreviousColumn()}; {@code null} for its default
     * @param glosaPreviousColumn as {@link #glosaPreviousColumn()}; {@code null} for its default
     */
    public AggregationSpec {
        dimensions = List.copyOf(dimensions);
        Objects.requireNonNull(monthColumn, "monthColumn");
        Objects.requireNonNull(billedColumn, "billedColumn");
        Objects.requireNonNull(glosaColumn, "glosaColumn");
        if ((billedPreviousColumn == null) != (glosaPreviousColumn == null)) {
            throw new IllegalArgumentException("billedPreviousColumn (" + billedPreviousColumn
                    + ") and glosaPreviousColumn (" + glosaPreviousColumn + ") must be given together or not at all");
        }
        if (dimensions.contains(monthColumn)) {
            throw new IllegalArgumentException("the month column '" + monthColumn + "' must not also be a dimension");
        }
    }

    /**
     * Groups by {@code dimensions} × {@code competence}, summing the canonical billed and glosa columns.
     *
     * @param dimensions the columns every row is grouped by besides the month
     * @return the specification
     */
    public static AggregationSpec of(List<String> dimensions) {
        return new AggregationSpec(
                dimensions,
                Role.COMPETENCE.column(),
                Role.BILLED_AMOUNT.column(),
                Role.GLOSA_AMOUNT.column(),
                null,
                null,
                null);
    }

    /**
     * {@return the same spec counting glosa lines from {@code column}}
     *
     * @param column the column holding each row's count of glosa lines
     */
    public AggregationSpec withLines(String column) {
        return new AggregationSpec(
                dimensions, monthColumn, billedColumn, glosaColumn, column, billedPreviousColumn, glosaPreviousColumn);
    }

    /**
     * {@return the same spec taking the previous month's amounts from the given columns instead of deriving them}
     *
     * @param billedPrevious the column of the previous month's billed amount
     * @param glosaPrevious the column of the previous month's glosa
     */
    public AggregationSpec withPreviousColumns(String billedPrevious, String glosaPrevious) {
        return new AggregationSpec(
                dimensions, monthColumn, billedColumn, glosaColumn, linesColumn, billedPrevious, glosaPrevious);
    }
}
