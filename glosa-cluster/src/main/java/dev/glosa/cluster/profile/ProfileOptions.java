package dev.glosa.cluster.profile;

import dev.glosa.core.aggregate.MonthlyAggregator;
import dev.glosa.core.table.PersonalFields;
import dev.glosa.core.table.Role;
import dev.glosa.core.text.Language;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How groups are profiled and ranked.
 *
 * @param glosaColumn the glosa amount column (a missing amount counts as 0)
 * @param billedColumn the billed amount column; when the table lacks it the glosa rate is {@code NaN}
 * @param jumpColumn the glosa jump column, used for the trend word and {@link RankBy#JUMP}; {@code null} or absent
 *     from the table: no trend
 * @param reasonColumn the reason code column; {@code null} or absent from the table: no reasons
 * @param categoryColumns the category columns searched for distinctive values; empty means every category column
 *     of the table except the segment keys, the reason column and the personal columns; a personal column named here
 *     is refused
 *
 * @param liftBasis what shares are measured in
 * @param minSupport the least share of the group a value must hold to be reported, in (0, 1]
 * @param minLift the least lift a value must reach to be reported, above 1
 * @param maxLifts at most this many distinctive values per group
 * @param maxReasons at most this many reason codes per group
 * @param rankBy what the priority ranking sorts on
 * @param personalOverrides column name (case ignored) to {@code false} to let a column that
 *     {@link PersonalFields#detect} finds personal describe groups, or {@code true} to keep one it does not find out
 *     of every description; a group is never described by a personal column otherwise, whatever
 *     {@code categoryColumns} says, because its label and distinctive values are written in clear
 * @param language the language of the labels (default English)
 */
public record ProfileOptions(
        String glosaColumn,
        String billedColumn,
        String jumpColumn,
        String reasonColumn,
        List<String> categoryColumns,
        LiftBasis liftBasis,
        double minSupport,
        double minLift,
        int maxLifts,
        int maxReasons,
        RankBy rankBy,
        Map<String, Boolean> personalOverrides,
        Language language) {

    /**
     * Checks every value and copies the column list.
     *
     * @param glosaColumn as {@link #glosaColumn()}
     * @param billedColumn as {@link #billedColumn()}
     * @param jumpColumn as {@link #jumpColumn()}; {@code null} for its default
     * @param reasonColumn as {@link #reasonColumn()}
     * @param categoryColumns as {@link #categoryColumns()}
     * @param liftBasis as {@link #liftBasis()}
     * @param minSupport as {@link #minSupport()}
     * @param minLift as {@link #minLift()}
     * @param maxLifts as {@link #maxLifts()}
     * @param maxReasons as {@link #maxReasons()}
     * @param rankBy as {@link #rankBy()}
     * @param personalOverrides as {@link #personalOverrides()}; {@code null} for its default
     * @param language as {@link #language()}; {@code null} for its default
     */
    public ProfileOptions {
        Objects.requireNonNull(glosaColumn, "glosaColumn");
        Objects.requireNonNull(billedColumn, "billedColumn");
        categoryColumns = List.copyOf(categoryColumns);
        Objects.requireNonNull(liftBasis, "liftBasis");
        Objects.requireNonNull(rankBy, "rankBy");
        if (!(minSupport > 0 && minSupport <= 1)) {
            throw new IllegalArgumentException("minSupport must be in (0, 1], found " + minSupport);
        }
        if (!(minLift > 1) || Double.isInfinite(minLift)) {
            throw new IllegalArgumentException("minLift must be a finite number above 1, found " + minLift);
        }
        if (maxLifts < 0) {
            throw new IllegalArgumentException("maxLifts must be >= 0, found " + maxLifts);
        }
        if (maxReasons < 0) {
            throw new IllegalArgumentException("maxReasons must be >= 0, found " + maxReasons);
        }
        if (rankBy == RankBy.JUMP && jumpColumn == null) {
            throw new IllegalArgumentException("rankBy JUMP needs a jumpColumn, found null");
        }
        personalOverrides = personalOverrides == null ? Map.of() : Map.copyOf(personalOverrides);
        language = language == null ? Language.EN : language;
    }

    /**
     * Options in English.
     *
     * @param glosaColumn as {@link #glosaColumn()}
     * @param billedColumn as {@link #billedColumn()}
     * @param jumpColumn as {@link #jumpColumn()}
     * @param reasonColumn as {@link #reasonColumn()}
     * @param categoryColumns as {@link #categoryColumns()}
     * @param liftBasis as {@link #liftBasis()}
     * @param minSupport as {@link #minSupport()}
     * @param minLift as {@link #minLift()}
     * @param maxLifts as {@link #maxLifts()}
     * @param maxReasons as {@link #maxReasons()}
     * @param rankBy as {@link #rankBy()}
     * @param personalOverrides as {@link #personalOverrides()}
     */
    public ProfileOptions(
            String glosaColumn,
            String billedColumn,
            String jumpColumn,
            String reasonColumn,
            List<String> categoryColumns,
            LiftBasis liftBasis,
            double minSupport,
            double minLift,
            int maxLifts,
            int maxReasons,
            RankBy rankBy,
            Map<String, Boolean> personalOverrides) {
        this(
                glosaColumn,
                billedColumn,
                jumpColumn,
                reasonColumn,
                categoryColumns,
                liftBasis,
                minSupport,
                minLift,
                maxLifts,
                maxReasons,
                rankBy,
                personalOverrides,
                Language.EN);
    }

    /**
     * {@return the same options with labels in {@code language}}
     *
     * @param language the language of the labels
     */
    public ProfileOptions withLanguage(Language language) {
        return new ProfileOptions(
                glosaColumn,
                billedColumn,
                jumpColumn,
                reasonColumn,
                categoryColumns,
                liftBasis,
                minSupport,
                minLift,
                maxLifts,
                maxReasons,
                rankBy,
                personalOverrides,
                language);
    }

    /**
     * Options without personal overrides: no personal column describes a group.
     *
     * @param glosaColumn as {@link #glosaColumn()}
     * @param billedColumn as {@link #billedColumn()}
     * @param jumpColumn as {@link #jumpColumn()}
     * @param reasonColumn as {@link #reasonColumn()}
     * @param categoryColumns as {@link #categoryColumns()}
     * @param liftBasis as {@link #liftBasis()}
     * @param minSupport as {@link #minSupport()}
     * @param minLift as {@link #minLift()}
     * @param maxLifts as {@link #maxLifts()}
     * @param maxReasons as {@link #maxReasons()}
     * @param rankBy as {@link #rankBy()}
     */
    public ProfileOptions(
            String glosaColumn,
            String billedColumn,
            String jumpColumn,
            String reasonColumn,
            List<String> categoryColumns,
            LiftBasis liftBasis,
            double minSupport,
            double minLift,
            int maxLifts,
            int maxReasons,
            RankBy rankBy) {
        this(
                glosaColumn,
                billedColumn,
                jumpColumn,
                reasonColumn,
                categoryColumns,
                liftBasis,
                minSupport,
                minLift,
                maxLifts,
                maxReasons,
                rankBy,
                Map.of());
    }

    /**
     * The defaults: the canonical columns ({@code glosa_amount}, {@code billed_amount}, {@code glosa_jump},
     * {@code reason_code}), every other category column that is not personal ({@link PersonalFields#detect}), lifts
     * by glosa share with support 10% and lift 1.2, five values and three reasons per group, ranked by total glosa.
     *
     * @return the default options
     */
    public static ProfileOptions defaults() {
        return new ProfileOptions(
                Role.GLOSA_AMOUNT.column(),
                Role.BILLED_AMOUNT.column(),
                MonthlyAggregator.GLOSA_JUMP,
                Role.REASON_CODE.column(),
                List.of(),
                LiftBasis.GLOSA,
                0.10,
                1.2,
                5,
                3,
                RankBy.GLOSA);
    }

    /**
     * {@return the same options ranked by {@code by}}
     *
     * @param by what the ranking sorts on
     */
    public ProfileOptions withRankBy(RankBy by) {
        return new ProfileOptions(
                glosaColumn,
                billedColumn,
                jumpColumn,
                reasonColumn,
                categoryColumns,
                liftBasis,
                minSupport,
                minLift,
                maxLifts,
                maxReasons,
                by,
                personalOverrides,
                language);
    }

    /**
     * The same options searching only {@code columns} for distinctive values (empty: every category column that is
     * not personal).
     *
     * @param columns the columns searched
     * @return the options
     */
    public ProfileOptions withCategoryColumns(List<String> columns) {
        return new ProfileOptions(
                glosaColumn,
                billedColumn,
                jumpColumn,
                reasonColumn,
                columns,
                liftBasis,
                minSupport,
                minLift,
                maxLifts,
                maxReasons,
                rankBy,
                personalOverrides,
                language);
    }

    /**
     * {@return the same options with another lift basis and thresholds}
     *
     * @param basis what shares are measured in
     * @param support the least share of the group a value must hold
     * @param lift the least lift, above 1
     * @param max at most this many distinctive values per group
     */
    public ProfileOptions withLifts(LiftBasis basis, double support, double lift, int max) {
        return new ProfileOptions(
                glosaColumn,
                billedColumn,
                jumpColumn,
                reasonColumn,
                categoryColumns,
                basis,
                support,
                lift,
                max,
                maxReasons,
                rankBy,
                personalOverrides,
                language);
    }

    /**
     * The same options with other personal overrides: column name to {@code false} (may describe groups although
     * found personal) or {@code true} (never describes groups), as a CSV mapping's {@code personal:} entries give them.
     *
     * @param overrides column name to personal or not
     * @return the options
     */
    public ProfileOptions withPersonalOverrides(Map<String, Boolean> overrides) {
        return new ProfileOptions(
                glosaColumn,
                billedColumn,
                jumpColumn,
                reasonColumn,
                categoryColumns,
                liftBasis,
                minSupport,
                minLift,
                maxLifts,
                maxReasons,
                rankBy,
                overrides,
                language);
    }
}
