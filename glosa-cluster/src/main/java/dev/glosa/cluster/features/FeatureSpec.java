package dev.glosa.cluster.features;

import dev.glosa.core.table.GlosaTable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which table columns become features, and how; {@link #encode} turns the rows of one segment into a
 * {@link FeatureSet}.
 *
 * <p>The {@link #reference()} spec is the one of the reference project: the aggregator's four columns
 * {@value #GLOSA_AMOUNT}, {@value #GLOSA_RATE}, {@value #GLOSA_JUMP} and {@value #GLOSA_RATE_JUMP}, all z-scored
 * within the segment.
 *
 * @param features the features in output order; a column may appear once
 */
public record FeatureSpec(List<Feature> features) {
    /** Denied amount this month (GLOSA_ATUAL). */
    public static final String GLOSA_AMOUNT = "glosa_amount";
    /** Denied over billed this month (IND_GLOSA). */
    public static final String GLOSA_RATE = "glosa_rate";
    /** Denied amount this month minus last month (SALTO_VALOR). */
    public static final String GLOSA_JUMP = "glosa_jump";
    /** Rate this month minus rate last month (SALTO_INDICE). */
    public static final String GLOSA_RATE_JUMP = "glosa_rate_jump";

    /**
     * Copies the list and checks it is non-empty without repeated columns.
     *
     * @param features as {@link #features()}
     */
    public FeatureSpec {
        features = List.copyOf(features);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("a feature spec needs at least one feature, found none");
        }
        Set<String> seen = new HashSet<>();
        for (Feature f : features) {
            if (!seen.add(f.column())) {
                throw new IllegalArgumentException("feature column '" + f.column() + "' appears twice in the spec");
            }
        }
    }

    /**
     * {@return a spec of the given features}
     *
     * @param features the features, in order
     */
    public static FeatureSpec of(Feature... features) {
        return new FeatureSpec(List.of(features));
    }

    /** {@return the reference spec: the four aggregator columns, z-scored, weight 1, failing on missing values} */
    public static FeatureSpec reference() {
        return of(
                Feature.numeric(GLOSA_AMOUNT, Transform.Z_SCORE),
                Feature.numeric(GLOSA_RATE, Transform.Z_SCORE),
                Feature.numeric(GLOSA_JUMP, Transform.Z_SCORE),
                Feature.numeric(GLOSA_RATE_JUMP, Transform.Z_SCORE));
    }

    /**
     * The default transform of a numeric column by its kind: money amounts and jumps in money
     * ({@value #GLOSA_AMOUNT}, {@value #GLOSA_JUMP}, and any column whose name says amount, value or jump:
     * {@code amount}, {@code valor}, {@code glosa}, {@code billed}, {@code paid}, {@code jump}, {@code salto}) on the
     * signed log scale ({@link Transform#LOG_Z_SCORE}); a rate, a share or any other column as it is
     * ({@link Transform#Z_SCORE}). Both are then standardised by mean and standard deviation: on planted segments
     * of a few groups the median/IQR scaling measured worse (a quartile often falls inside one group, so the scale
     * of a feature jumps with how its groups happen to sit; see docs/quality.md), and the lines far from everything,
     * the reason to want a robust scale, are set aside before k is chosen ({@link
     * dev.glosa.cluster.select.OutlierRule}). {@link Transform#LOG_ROBUST} and {@link Transform#ROBUST} remain a
     * feature's choice.
     *
     * @param column the column's name
     * @return the transform
     */
    public static Transform defaultTransform(String column) {
        String c = column.toLowerCase(java.util.Locale.ROOT);
        if (c.contains("rate") || c.contains("indice") || c.contains("ind_") || c.contains("share")) {
            return Transform.Z_SCORE;
        }
        for (String money : new String[] {"amount", "valor", "glosa", "billed", "paid", "jump", "salto"}) {
            if (c.contains(money)) {
                return Transform.LOG_Z_SCORE;
            }
        }
        return Transform.Z_SCORE;
    }

    /**
     * The default spec: the reference project's four columns, each with its kind's transform
     * ({@link #defaultTransform}): glosa and jump in value on the signed log scale, rate and jump in rate as they
     * are, then standardised; weight 1, failing on missing values.
     *
     * @return the spec
     */
    public static FeatureSpec moneyAware() {
        return of(
                Feature.numeric(GLOSA_AMOUNT, defaultTransform(GLOSA_AMOUNT)),
                Feature.numeric(GLOSA_RATE, defaultTransform(GLOSA_RATE)),
                Feature.numeric(GLOSA_JUMP, defaultTransform(GLOSA_JUMP)),
                Feature.numeric(GLOSA_RATE_JUMP, defaultTransform(GLOSA_RATE_JUMP)));
    }

    /**
     * Encodes every row of the table.
     *
     * @param table the table
     * @return the encoded features of every row, with their fitted parameters
     */
    public FeatureSet encode(GlosaTable table) {
        int[] rows = new int[table.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return encode(table, rows);
    }

    /**
     * Encodes the given rows of the table (one segment); transform parameters are fitted on these rows only.
     *
     * @param table the table
     * @param rows the segment's rows
     * @return the encoded features of those rows, with their fitted parameters
     * @throws IllegalArgumentException naming the column (and row) for a missing column, a wrong column type or a
     *         value that cannot be encoded
     */
    public FeatureSet encode(GlosaTable table, int[] rows) {
        return FeatureEncoder.encode(this, table, rows);
    }
}
