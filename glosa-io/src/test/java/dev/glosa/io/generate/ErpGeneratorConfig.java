package dev.glosa.io.generate;

import java.time.YearMonth;

/**
 * What {@link ErpGenerator} generates: the segments, their lines, the months and the planted groups.
 *
 * <p>A segment is one hospital × payer × glosa type; a line is one expense type × sector × procedure group ×
 * attendance type inside it, present in every month. The last month is the analysed one: inside each segment its lines
 * fall into {@code minGroups} to {@code maxGroups} planted groups (drawn per segment) that are well separated in the
 * reference feature space (glosa this month, glosa rate, jump in value, jump in rate).
 *
 * @param seed the seed; the same configuration gives the same table
 * @param hospitals the number of hospitals, 1 to 500
 * @param payers the number of payers, 1 to 100
 * @param glosaTypes the number of glosa types, 1 to {@value ErpGenerator#GLOSA_TYPE_COUNT}
 * @param segmentShare the share of hospital × payer × glosa type combinations that have lines, in (0, 1]
 * @param firstMonth the first month of receipt
 * @param months the number of months, 2 to 120; the last is the analysed month
 * @param linesPerSegment the mean number of lines of a segment (each segment draws 0.5 to 1.5 times it), at least
 *     {@code maxGroups * minGroupSize} and at most {@link ErpGenerator#LINE_COMBINATIONS}
 * @param minGroups the fewest planted groups in a segment, at least 1
 * @param maxGroups the most planted groups in a segment, {@code minGroups} to 15
 * @param minGroupSize the fewest lines of a planted group, at least 1
 * @param groupSpread the standard deviation of a line around its group's centre in the latent box, in (0, 0.5]; the
 *     default {@value #DEFAULT_GROUP_SPREAD} keeps groups far apart (centres are at least
 *     {@value ErpGenerator#MIN_CENTRE_DISTANCE} apart), larger values make them overlap so model selection is put
 *     to the test (k-means++ with five restarts and the silhouette finds the planted k in all segments at 0.06, about
 *     90% at 0.15, about two thirds at 0.25)
 * @param logNoise heavy tails: the standard deviation of a log-normal factor that multiplies each line's amounts
 *     (glosa and billed, this month and every earlier one, so rates keep), in [0, 1]; 0 (the default) leaves the
 *     amounts as planted
 * @param extremeShare heavy tails: the share of lines, in [0, 0.2], whose amounts are multiplied again by a factor
 *     drawn uniformly from {@value ErpGenerator#EXTREME_MIN} to {@value ErpGenerator#EXTREME_MAX}; such a line is
 *     marked in {@link ErpSample#extreme()}; 0 (the default) plants none
 */
public record ErpGeneratorConfig(
        long seed,
        int hospitals,
        int payers,
        int glosaTypes,
        double segmentShare,
        YearMonth firstMonth,
        int months,
        int linesPerSegment,
        int minGroups,
        int maxGroups,
        int minGroupSize,
        double groupSpread,
        double logNoise,
        double extremeShare) {

    /** The default {@code groupSpread}: centres stand more than ten standard deviations apart. */
    public static final double DEFAULT_GROUP_SPREAD = 0.06;

    /** The heavy-tail mode's noise of the benchmarks: 30% log-normal noise on the amounts. */
    public static final double HEAVY_LOG_NOISE = 0.3;

    /** The heavy-tail mode's share of extreme lines of the benchmarks: 2%. */
    public static final double HEAVY_EXTREME_SHARE = 0.02;

    /** The most rows one configuration may generate. */
    public static final long MAX_ROWS = 50_000_000L;

    /** Checks every component; see the record description for the ranges. */
    public ErpGeneratorConfig {
        check("hospitals", hospitals, 1, 500);
        check("payers", payers, 1, 100);
        check("glosaTypes", glosaTypes, 1, ErpGenerator.GLOSA_TYPE_COUNT);
        if (!(segmentShare > 0 && segmentShare <= 1)) {
            throw new IllegalArgumentException("segmentShare must be in (0, 1], found " + segmentShare);
        }
        if (firstMonth == null) {
            throw new IllegalArgumentException("firstMonth must not be null");
        }
        if (firstMonth.getYear() < 1900 || firstMonth.plusMonths(months).getYear() > 9999) {
            throw new IllegalArgumentException(
                    "the months must lie between 1900 and 9999, found " + firstMonth + " plus " + months + " months");
        }
        check("months", months, 2, 120);
        check("minGroups", minGroups, 1, 15);
        check("maxGroups", maxGroups, minGroups, 15);
        check("minGroupSize", minGroupSize, 1, 10_000);
        check("linesPerSegment", linesPerSegment, maxGroups * minGroupSize, ErpGenerator.LINE_COMBINATIONS);
        if (!(groupSpread > 0 && groupSpread <= 0.5)) {
            throw new IllegalArgumentException("groupSpread must be in (0, 0.5], found " + groupSpread);
        }
        if (!(logNoise >= 0 && logNoise <= 1)) {
            throw new IllegalArgumentException("logNoise must be in [0, 1], found " + logNoise);
        }
        if (!(extremeShare >= 0 && extremeShare <= 0.2)) {
            throw new IllegalArgumentException("extremeShare must be in [0, 0.2], found " + extremeShare);
        }
        long rows = (long) hospitals * payers * glosaTypes * (linesPerSegment * 3L / 2) * months;
        if (rows > MAX_ROWS) {
            throw new IllegalArgumentException("hospitals x payers x glosaTypes x 1.5 linesPerSegment x months must be"
                    + " at most " + MAX_ROWS + ", found " + rows);
        }
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", found " + value);
        }
    }

    /**
     * Defaults: 6 hospitals, 8 payers, 4 glosa types, 80% of the segments present, 13 months from January 2024 (the
     * analysed month is January 2025), 40 lines per segment, 2 to 6 groups of at least 4 lines: about 80,000 rows.
     */
    public static ErpGeneratorConfig defaults(long seed) {
        return new ErpGeneratorConfig(
                seed, 6, 8, 4, 0.8, YearMonth.of(2024, 1), 13, 40, 2, 6, 4, DEFAULT_GROUP_SPREAD, 0, 0);
    }

    /** The same configuration with other segment counts. */
    public ErpGeneratorConfig withSegments(int newHospitals, int newPayers, int newGlosaTypes, double newShare) {
        return new ErpGeneratorConfig(
                seed,
                newHospitals,
                newPayers,
                newGlosaTypes,
                newShare,
                firstMonth,
                months,
                linesPerSegment,
                minGroups,
                maxGroups,
                minGroupSize,
                groupSpread,
                logNoise,
                extremeShare);
    }

    /** The same configuration with other months. */
    public ErpGeneratorConfig withMonths(YearMonth newFirstMonth, int newMonths) {
        return new ErpGeneratorConfig(
                seed,
                hospitals,
                payers,
                glosaTypes,
                segmentShare,
                newFirstMonth,
                newMonths,
                linesPerSegment,
                minGroups,
                maxGroups,
                minGroupSize,
                groupSpread,
                logNoise,
                extremeShare);
    }

    /** The same configuration with other line and group counts. */
    public ErpGeneratorConfig withGroups(
            int newLinesPerSegment, int newMinGroups, int newMaxGroups, int newMinGroupSize) {
        return new ErpGeneratorConfig(
                seed,
                hospitals,
                payers,
                glosaTypes,
                segmentShare,
                firstMonth,
                months,
                newLinesPerSegment,
                newMinGroups,
                newMaxGroups,
                newMinGroupSize,
                groupSpread,
                logNoise,
                extremeShare);
    }

    /** The same configuration with another seed. */
    public ErpGeneratorConfig withSeed(long newSeed) {
        return new ErpGeneratorConfig(
                newSeed,
                hospitals,
                payers,
                glosaTypes,
                segmentShare,
                firstMonth,
                months,
                linesPerSegment,
                minGroups,
                maxGroups,
                minGroupSize,
                groupSpread,
                logNoise,
                extremeShare);
    }

    /** The same configuration with another spread of the lines around their group's centre. */
    public ErpGeneratorConfig withGroupSpread(double newSpread) {
        return new ErpGeneratorConfig(
                seed,
                hospitals,
                payers,
                glosaTypes,
                segmentShare,
                firstMonth,
                months,
                linesPerSegment,
                minGroups,
                maxGroups,
                minGroupSize,
                newSpread,
                logNoise,
                extremeShare);
    }

    /**
     * The same configuration with heavy tails: log-normal noise of standard deviation {@code newLogNoise} on every
     * line's amounts and a share {@code newExtremeShare} of extreme lines (see the record description).
     */
    public ErpGeneratorConfig withHeavyTails(double newLogNoise, double newExtremeShare) {
        return new ErpGeneratorConfig(
                seed,
                hospitals,
                payers,
                glosaTypes,
                segmentShare,
                firstMonth,
                months,
                linesPerSegment,
                minGroups,
                maxGroups,
                minGroupSize,
                groupSpread,
                newLogNoise,
                newExtremeShare);
    }

    /** The analysed month: the last one. */
    public YearMonth analysedMonth() {
        return firstMonth.plusMonths(months - 1L);
    }
}
