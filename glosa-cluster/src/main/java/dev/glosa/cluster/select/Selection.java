package dev.glosa.cluster.select;

import dev.glosa.cluster.spi.Clustering;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a {@link ModelSelector} chose for one segment: the partition, the criterion, every k tried with its score.
 *
 * <p>The clustering returned is the very partition that was scored; nothing is refitted.
 */
public final class Selection {

    /** How the segment was handled. */
    public enum Status {
        /** No rows: nothing to cluster. */
        SKIPPED_EMPTY,
        /** One row: one group. */
        ONE_ROW,
        /** All rows identical: one group. */
        IDENTICAL_ROWS,
        /** Too few distinct rows to try the smallest k of the range (2 rows, for example): one group. */
        TOO_FEW_ROWS,
        /** Several k were tried and the best by the criterion kept. */
        K_SEARCHED,
        /** The strategy ran once (it has no {@code k}, as DBSCAN) and its result was scored. */
        SINGLE_RUN
    }

    private final Status status;
    private final String strategyId;
    private final String criterion;
    private final Clustering clustering;
    private final int[] ksTried;
    private final double[] scores;
    private final int chosenK;
    private final double score;
    private final Double eps;

    Selection(
            Status status,
            String strategyId,
            String criterion,
            Clustering clustering,
            int[] ksTried,
            double[] scores,
            int chosenK,
            double score,
            Double eps) {
        this.status = status;
        this.strategyId = strategyId;
        this.criterion = criterion;
        this.clustering = clustering;
        this.ksTried = ksTried;
        this.scores = scores;
        this.chosenK = chosenK;
        this.score = score;
        this.eps = eps;
    }

    /** {@return how the segment was handled} */
    public Status status() {
        return status;
    }

    /** {@return the id of the strategy used} */
    public String strategyId() {
        return strategyId;
    }

    /** {@return the id of the criterion used} */
    public String criterion() {
        return criterion;
    }

    /** {@return the chosen partition; empty only when the segment had no rows} */
    public Optional<Clustering> clustering() {
        return Optional.ofNullable(clustering);
    }

    /** {@return the clusters of the chosen partition (empty when there were no rows)} */
    public int[] clusters() {
        return clustering == null ? new int[0] : clustering.clusters();
    }

    /** {@return the values of k tried, in order (empty when no search ran)} */
    public int[] ksTried() {
        return ksTried.clone();
    }

    /**
     * {@return the criterion's score for each k tried, aligned with {@link #ksTried()}; {@code NaN} where undefined}
     */
    public double[] scores() {
        return scores.clone();
    }

    /** {@return the number of clusters chosen (for DBSCAN, the number found); 0 when there were no rows} */
    public int chosenK() {
        return chosenK;
    }

    /**
     * {@return the criterion's score of the returned partition; {@code NaN} when undefined (one group, for instance)}
     */
    public double score() {
        return score;
    }

    /** {@return the neighbourhood radius used, for a strategy with an {@code eps} parameter} */
    public OptionalDouble eps() {
        return eps == null ? OptionalDouble.empty() : OptionalDouble.of(eps);
    }

    @Override
    public String toString() {
        return "Selection[" + status + ", " + strategyId + ", " + criterion + ", k=" + chosenK + ", score=" + score
                + (eps == null ? "" : ", eps=" + eps) + ", tried=" + Arrays.toString(ksTried) + "]";
    }
}
