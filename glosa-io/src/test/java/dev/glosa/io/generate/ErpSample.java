package dev.glosa.io.generate;

import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import java.util.Arrays;
import java.util.Objects;

/**
 * Generated ERP glosa lines with the planted group of every row of the analysed month.
 *
 * <p>Rows are in month order; the rows of the analysed (last) month are the last ones, from
 * {@link #firstAnalysedRow()} to the end. {@link #plantedGroups()} is aligned with the rows: the planted group of an
 * analysed row, numbered from 0 inside its segment (hospital × payer × glosa type), and {@code -1} for the rows of
 * earlier months.
 *
 * @param table the glosa lines
 * @param plantedGroups the planted group of every row, {@code -1} outside the analysed month (copied in and out)
 * @param firstAnalysedRow the index of the first row of the analysed month
 * @param config the configuration that generated the table
 * @param extreme whether each row belongs to a line the heavy-tail mode made extreme (all false without it; copied
 *     in and out)
 */
public record ErpSample(
        GlosaTable table, int[] plantedGroups, int firstAnalysedRow, ErpGeneratorConfig config, boolean[] extreme) {

    /** Checks that the labels are aligned with the rows and copies them. */
    public ErpSample {
        if (table == null || plantedGroups == null || config == null || extreme == null) {
            throw new IllegalArgumentException("table, plantedGroups, config and extreme must not be null");
        }
        if (extreme.length != table.rowCount()) {
            throw new IllegalArgumentException(
                    "extreme has " + extreme.length + " flags but the table has " + table.rowCount() + " rows");
        }
        if (plantedGroups.length != table.rowCount()) {
            throw new IllegalArgumentException("plantedGroups has " + plantedGroups.length
                    + " labels but the table has " + table.rowCount() + " rows");
        }
        if (firstAnalysedRow < 0 || firstAnalysedRow > table.rowCount()) {
            throw new IllegalArgumentException(
                    "firstAnalysedRow must be between 0 and " + table.rowCount() + ", found " + firstAnalysedRow);
        }
        plantedGroups = plantedGroups.clone();
        extreme = extreme.clone();
    }

    /** A copy of the extreme flag of every row. */
    @Override
    public boolean[] extreme() {
        return extreme.clone();
    }

    /** Whether {@code row} belongs to a line the heavy-tail mode made extreme. */
    public boolean isExtreme(int row) {
        return extreme[row];
    }

    /** A copy of the planted group of every row. */
    @Override
    public int[] plantedGroups() {
        return plantedGroups.clone();
    }

    /** The planted group of {@code row}, {@code -1} outside the analysed month. */
    public int plantedGroup(int row) {
        return plantedGroups[row];
    }

    /** The table with the planted groups as a {@code double} column {@code planted_group} ({@code NaN} = none). */
    public GlosaTable tableWithPlantedGroups() {
        double[] v = new double[plantedGroups.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = plantedGroups[i] < 0 ? Double.NaN : plantedGroups[i];
        }
        return table.with(DoubleColumn.of("planted_group", v));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErpSample s
                && s.firstAnalysedRow == firstAnalysedRow
                && s.table.equals(table)
                && Arrays.equals(s.plantedGroups, plantedGroups)
                && s.config.equals(config)
                && Arrays.equals(s.extreme, extreme);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, Arrays.hashCode(plantedGroups), firstAnalysedRow, config, Arrays.hashCode(extreme));
    }

    @Override
    public String toString() {
        return "ErpSample[" + table + ", first analysed row " + firstAnalysedRow + ", " + config + "]";
    }
}
