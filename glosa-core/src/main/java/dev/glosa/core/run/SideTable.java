package dev.glosa.core.run;

import dev.glosa.core.table.GlosaTable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A table a source adds to the run's outputs beside the star schema, such as the appeal cycle's {@code fact_appeal}
 * and {@code appeal_pending}: every sink writes it as it writes the star schema's tables, with the run's id and as-of
 * first, a re-run of the week replacing that week's rows.
 *
 * @param name the table's name: lower-case letters, digits and {@code _}, starting with a letter (the folder's file is
 *     the name and {@code .csv})
 * @param oneRowPer what one row is, in a few words, for {@code manifest.json}
 * @param table the rows; its columns follow {@code run_id} and {@code as_of}, which it must not have
 */
public record SideTable(String name, String oneRowPer, GlosaTable table) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /**
     * Checks the name and the columns.
     *
     * @param name as {@link #name()}
     * @param oneRowPer as {@link #oneRowPer()}
     * @param table as {@link #table()}
     */
    public SideTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(oneRowPer, "oneRowPer");
        Objects.requireNonNull(table, "table");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a side table's name is lower-case letters, digits and '_', starting with a letter; found '" + name
                            + "'");
        }
        for (String reserved : new String[] {"run_id", "as_of"}) {
            if (table.has(reserved)) {
                throw new IllegalArgumentException(
                        "side table " + name + " has a column '" + reserved + "', which the writer fills");
            }
        }
    }
}
