package dev.glosa.cluster.select;

import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameter;
import dev.glosa.cluster.spi.Parameters;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses the number of clusters of one segment by a {@link Criterion}, or scores a strategy that has no k.
 *
 * <p>For a strategy with an integer parameter {@code k}, every k from {@code kMin} to
 * {@code min(kMax, n - 1, distinct rows)} is tried (both ends included) with the same seed, and the best score
 * wins; ties go to the smaller k, and so do near ties: the smallest k whose score is within {@code nearTie} (a
 * share of the best score's magnitude, {@value #DEFAULT_NEAR_TIE} by default) of the best is chosen. On planted
 * segments with heavy-tailed amounts the best score often belongs to a k that splits a noisy group in two by a hair
 * (three times as many overshoots as undershoots); with the rule the planted k is found in about 6 points more of
 * those segments, and well-separated ones stay above 99% (docs/quality.md). The partition returned is the one
 * that was scored. For any other strategy (DBSCAN) the strategy runs once and its result is scored; the radius it
 * used is reported.
 *
 * <p>Small segments: 0 rows are skipped, 1 row or all-identical rows give one group, and a segment too small to
 * try {@code kMin} (2 rows with the default range) gives one group too. A one-group result labels every row 0,
 * with the mean as centroid.
 *
 * @param strategy the strategy to run
 * @param criterion how partitions are compared
 * @param kMin smallest k to try, at least 2
 * @param kMax largest k to try, at least {@code kMin}
 * @param nearTie how close to the best score, as a share of its magnitude, a smaller k may score and still be
 *     chosen, in [0, 1); 0 keeps the best score
 */
public record ModelSelector(ClusteringStrategy strategy, Criterion criterion, int kMin, int kMax, double nearTie) {

    /** The default near-tie tolerance: 2% of the best score. */
    public static final double DEFAULT_NEAR_TIE = 0.02;

    /** Default range, as the reference project: 2 .. min(15, n - 1). */
    public static final int DEFAULT_K_MIN = 2;
    /** Default upper end of the k range, before the cap at {@code n - 1}. */
    public static final int DEFAULT_K_MAX = 15;

    /**
     * Checks the range.
     *
     * @param strategy as {@link #strategy()}
     * @param criterion as {@link #criterion()}
     * @param kMin as {@link #kMin()}
     * @param kMax as {@link #kMax()}
     * @param nearTie as {@link #nearTie()}
     */
    public ModelSelector {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(criterion, "criterion");
        if (kMin < 2) {
            throw new IllegalArgumentException("kMin must be >= 2, found " + kMin);
        }
        if (kMax < kMin) {
            throw new IllegalArgumentException("kMax (" + kMax + ") must be >= kMin (" + kMin + ")");
        }
        if (!(nearTie >= 0 && nearTie < 1)) {
            throw new IllegalArgumentException("nearTie must be in [0, 1), found " + nearTie);
        }
    }

    /**
     * A selector with the {@linkplain #DEFAULT_NEAR_TIE default near-tie tolerance}.
     *
     * @param strategy the clustering strategy
     * @param criterion scores each k
     * @param kMin the smallest k tried
     * @param kMax the largest k tried
     */
    public ModelSelector(ClusteringStrategy strategy, Criterion criterion, int kMin, int kMax) {
        this(strategy, criterion, kMin, kMax, DEFAULT_NEAR_TIE);
    }

    /**
     * {@return a selector with the {@linkplain Criterion#defaultCriterion() default criterion} and the range 2 .. 15}
     *
     * @param strategy the clustering strategy
     */
    public static ModelSelector of(ClusteringStrategy strategy) {
        return new ModelSelector(strategy, Criterion.defaultCriterion(), DEFAULT_K_MIN, DEFAULT_K_MAX);
    }

    /**
     * {@return the same selector with another criterion}
     *
     * @param c the criterion
     */
    public ModelSelector withCriterion(Criterion c) {
        return new ModelSelector(strategy, c, kMin, kMax, nearTie);
    }

    /**
     * {@return the same selector with another k range}
     *
     * @param min the smallest k tried
     * @param max the largest k tried
     */
    public ModelSelector withKRange(int min, int max) {
        return new ModelSelector(strategy, criterion, min, max, nearTie);
    }

    /**
     * {@return the same selector with another near-tie tolerance (0: the best score wins)}
     *
     * @param tolerance the tolerance, 0 to 1
     */
    public ModelSelector withNearTie(double tolerance) {
        return new ModelSelector(strategy, criterion, kMin, kMax, tolerance);
    }

    /**
     * Selects with the strategy's default parameters.
     *
     * @param data the points of one segment
     * @param seed the seed of every clustering and score
     * @return the chosen partition and every k's score
     */
    public Selection select(FeatureMatrix data, long seed) {
        return select(data, strategy.parameters().defaults(), seed);
    }

    /**
     * Selects a partition of {@code data}.
     *
     * @return the chosen partition and every k's score
     * @param data the points of one segment
     * @param parameters the strategy's parameters; {@code k}, if present, is overridden by the search
     * @param seed the seed of every clustering and of the criterion's sampling
     */
    public Selection select(FeatureMatrix data, Parameters parameters, long seed) {
        int n = data.rows();
        String id = strategy.id();
        Optional<Parameter> kParam =
                strategy.parameters().find(ClusteringStrategy.K).filter(p -> p instanceof Parameter.IntParameter);
        if (n == 0) {
            return new Selection(
                    Selection.Status.SKIPPED_EMPTY,
                    id,
                    criterion.id(),
                    null,
                    new int[0],
                    new double[0],
                    0,
                    Double.NaN,
                    null);
        }
        if (n == 1) {
            return oneGroup(Selection.Status.ONE_ROW, data, parameters, kParam.isPresent(), seed);
        }
        int distinct = DistinctRows.count(data);
        if (distinct == 1) {
            return oneGroup(Selection.Status.IDENTICAL_ROWS, data, parameters, kParam.isPresent(), seed);
        }
        if (kParam.isEmpty()) {
            Clustering c = strategy.cluster(data, parameters, seed);
            double s = criterion.score(data, c.clusters(), seed);
            Double eps = null;
            if (c.parameters()
                    .space()
                    .find(ClusteringStrategy.EPS)
                    .filter(p -> p instanceof Parameter.RealParameter)
                    .isPresent()) {
                var e = c.parameters().findDouble(ClusteringStrategy.EPS);
                eps = e.isPresent() ? e.getAsDouble() : null;
            }
            return new Selection(
                    Selection.Status.SINGLE_RUN, id, criterion.id(), c, new int[0], new double[0], c.k(), s, eps);
        }
        int hi = Math.min(Math.min(kMax, n - 1), distinct);
        if (hi < kMin) {
            return oneGroup(Selection.Status.TOO_FEW_ROWS, data, parameters, true, seed);
        }
        int count = hi - kMin + 1;
        int[] ks = new int[count];
        double[] scores = new double[count];
        Clustering best = null;
        double bestScore = Double.NaN;
        int bestK = 0;
        java.util.List<Clustering> runs = strategy.clusterEachK(data, parameters, kMin, hi, seed);
        Criterion.Scorer scorer = criterion.prepare(data, seed);
        for (int i = 0; i < count; i++) {
            int k = kMin + i;
            Clustering c = runs.get(i);
            double s = scorer.score(c.clusters());
            ks[i] = k;
            scores[i] = s;
            if (best == null || criterion.isBetter(s, bestScore)) {
                best = c;
                bestScore = s;
                bestK = k;
            }
        }
        if (nearTie > 0 && !Double.isNaN(bestScore)) {
            // parsimony: the smallest k scoring within nearTie of the best, so noise does not split a group
            for (int i = 0; i < count; i++) {
                if (!Double.isNaN(scores[i]) && Math.abs(scores[i] - bestScore) <= nearTie * Math.abs(bestScore)) {
                    best = runs.get(i);
                    bestScore = scores[i];
                    bestK = ks[i];
                    break;
                }
            }
        }
        return new Selection(Selection.Status.K_SEARCHED, id, criterion.id(), best, ks, scores, bestK, bestScore, null);
    }

    private Selection oneGroup(
            Selection.Status status, FeatureMatrix data, Parameters parameters, boolean hasK, long seed) {
        int n = data.rows();
        int d = data.dims();
        double[] x = data.values();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                mean[t] += x[i * d + t];
            }
        }
        for (int t = 0; t < d; t++) {
            mean[t] /= n;
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            inertia += Partition.dist2(x, i * d, mean, 0, d);
        }
        Parameters p = parameters;
        if (hasK) {
            p = parameters.with(ClusteringStrategy.K, 1);
        }
        Clustering c = Clustering.builder(strategy.id(), p, seed, new int[n])
                .centroids(mean, d)
                .inertia(inertia)
                .iterations(0, true)
                .build();
        return new Selection(status, strategy.id(), criterion.id(), c, new int[0], new double[0], 1, Double.NaN, null);
    }
}
