package dev.glosa.cluster.loop;

import dev.glosa.cluster.features.FeatureSpec;
import dev.glosa.cluster.profile.ProfileOptions;
import dev.glosa.cluster.select.Criterion;
import dev.glosa.cluster.select.ModelSelector;
import dev.glosa.cluster.select.OutlierRule;
import dev.glosa.cluster.track.TrackOptions;
import dev.glosa.core.segment.SegmentKey;
import dev.glosa.core.segment.Segmenter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The configuration of one loop run, checked when it is built.
 *
 * <p>The thread count changes how fast a run goes, never what it produces: each segment's seed comes from
 * {@code seed} and the segment's id ({@link SegmentJob#segmentSeed}).
 *
 * @param segmentKeys the columns that split the table into segments (empty: the whole table is one segment)
 * @param features how a segment's rows become points, encoded per segment
 * @param strategy the clustering strategy id
 * @param parameters the strategy's parameters as configuration text
 * @param criterion the model selection criterion id
 * @param kMin the smallest k tried, at least 2
 * @param kMax the largest k tried, at least {@code kMin}
 * @param minSegmentSize segments with fewer rows form one group marked too small, at least 1
 * @param seed the run's seed
 * @param threads the number of worker threads, at least 1
 * @param overrides per-segment settings, see {@link SegmentOverride}
 * @param profile how groups are profiled and ranked
 * @param track how groups are matched to the previous run's
 * @param outliers which lines of a segment are set aside as its outliers before k is chosen
 *     ({@link OutlierRule#defaults()}; {@link OutlierRule#off()} sets none aside)
 * @param nearTie the smallest k scoring within this share of the best score is chosen
 *     ({@link ModelSelector#DEFAULT_NEAR_TIE} by default; 0 keeps the best score)
 */
public record LoopConfig(
        List<String> segmentKeys,
        FeatureSpec features,
        String strategy,
        Map<String, String> parameters,
        String criterion,
        int kMin,
        int kMax,
        int minSegmentSize,
        long seed,
        int threads,
        List<SegmentOverride> overrides,
        ProfileOptions profile,
        TrackOptions track,
        OutlierRule outliers,
        double nearTie) {

    /** The default minimum segment size. */
    public static final int DEFAULT_MIN_SEGMENT_SIZE = 10;

    /** The default strategy id, k-means. */
    public static final String DEFAULT_STRATEGY = "kmeans";

    /**
     * Checks every value and copies the collections.
     *
     * @param segmentKeys as {@link #segmentKeys()}
     * @param features as {@link #features()}
     * @param strategy as {@link #strategy()}
     * @param parameters as {@link #parameters()}
     * @param criterion as {@link #criterion()}
     * @param kMin as {@link #kMin()}
     * @param kMax as {@link #kMax()}
     * @param minSegmentSize as {@link #minSegmentSize()}
     * @param seed as {@link #seed()}
     * @param threads as {@link #threads()}
     * @param overrides as {@link #overrides()}
     * @param profile as {@link #profile()}
     * @param track as {@link #track()}
     * @param outliers as {@link #outliers()}
     * @param nearTie as {@link #nearTie()}
     */
    public LoopConfig {
        segmentKeys = List.copyOf(segmentKeys);
        if (new HashSet<>(segmentKeys).size() != segmentKeys.size()) {
            throw new IllegalArgumentException("segmentKeys name a column twice: " + segmentKeys);
        }
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        overrides = List.copyOf(overrides);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
        // Checks features, strategy, criterion, k range and minimum size.
        new SegmentSettings(
                features,
                strategy,
                parameters,
                criterion,
                kMin,
                kMax,
                minSegmentSize,
                profile,
                track,
                outliers,
                nearTie);
        for (SegmentOverride o : overrides) {
            for (String column : o.keyValues().keySet()) {
                if (!segmentKeys.contains(column)) {
                    throw new IllegalArgumentException("override of " + o.describe() + " names '" + column
                            + "', which is not a segment key " + segmentKeys);
                }
            }
        }
    }

    /**
     * The defaults: hospital × payer × glosa type segments, the reference features with their kinds' transforms
     * ({@link FeatureSpec#moneyAware()}), outliers set aside by {@link OutlierRule#defaults()}, k-means with k from 2 to 15 chosen by the
     * {@linkplain Criterion#defaultCriterion() default criterion} (the simplified silhouette), minimum segment size
     * {@value #DEFAULT_MIN_SEGMENT_SIZE}, seed 0, one thread per available processor, default profile and track
     * options.
     *
     * @return the default configuration
     */
    public static LoopConfig defaults() {
        return builder().build();
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from this configuration} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.segmentKeys = segmentKeys;
        b.features = features;
        b.strategy = strategy;
        b.parameters = new TreeMap<>(parameters);
        b.criterion = criterion;
        b.kMin = kMin;
        b.kMax = kMax;
        b.minSegmentSize = minSegmentSize;
        b.seed = seed;
        b.threads = threads;
        b.overrides = new ArrayList<>(overrides);
        b.profile = profile;
        b.track = track;
        b.outliers = outliers;
        b.nearTie = nearTie;
        return b;
    }

    /** {@return the settings of a segment without override} */
    public SegmentSettings baseSettings() {
        return new SegmentSettings(
                features,
                strategy,
                parameters,
                criterion,
                kMin,
                kMax,
                minSegmentSize,
                profile,
                track,
                outliers,
                nearTie);
    }

    /**
     * {@return the settings of the segment with that key: the base settings with its override, if any, applied}
     *
     * @param key the segment's key
     */
    public SegmentSettings settingsFor(SegmentKey key) {
        SegmentOverride best = overrideFor(key);
        return best == null ? baseSettings() : best.applyTo(baseSettings());
    }

    /** The override that applies to the segment with that key, or {@code null}. */
    SegmentOverride overrideFor(SegmentKey key) {
        SegmentOverride best = null;
        for (SegmentOverride o : overrides) {
            if (o.matches(key) && (best == null || o.specificity() > best.specificity())) {
                best = o;
            }
        }
        return best;
    }

    /** Builds a {@link LoopConfig}; every setter returns the builder. */
    public static final class Builder {
        private List<String> segmentKeys = Segmenter.DEFAULT_KEYS;
        private FeatureSpec features = FeatureSpec.moneyAware();
        private String strategy = DEFAULT_STRATEGY;
        private TreeMap<String, String> parameters = new TreeMap<>();
        private String criterion = Criterion.defaultCriterion().id();
        private int kMin = ModelSelector.DEFAULT_K_MIN;
        private int kMax = ModelSelector.DEFAULT_K_MAX;
        private int minSegmentSize = DEFAULT_MIN_SEGMENT_SIZE;
        private long seed;
        private int threads = Runtime.getRuntime().availableProcessors();
        private List<SegmentOverride> overrides = new ArrayList<>();
        private ProfileOptions profile = ProfileOptions.defaults();
        private TrackOptions track = TrackOptions.defaults();
        private OutlierRule outliers = OutlierRule.defaults();
        private double nearTie = ModelSelector.DEFAULT_NEAR_TIE;

        private Builder() {}

        /**
         * Sets the segment key columns.
         *
         * @param keys the key columns, in order
         * @return this builder
         */
        public Builder segmentKeys(List<String> keys) {
            this.segmentKeys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * Sets the features.
         *
         * @param f the features
         * @return this builder
         */
        public Builder features(FeatureSpec f) {
            this.features = f;
            return this;
        }

        /**
         * Sets the strategy id; its parameters are cleared.
         *
         * @param id the id
         * @return this builder
         */
        public Builder strategy(String id) {
            this.strategy = id;
            this.parameters = new TreeMap<>();
            return this;
        }

        /**
         * Sets one strategy parameter as configuration text.
         *
         * @param name the parameter's name
         * @param value its value, as a configuration file writes it
         * @return this builder
         */
        public Builder parameter(String name, String value) {
            this.parameters.put(name, value);
            return this;
        }

        /**
         * Sets the criterion id.
         *
         * @param id the id
         * @return this builder
         */
        public Builder criterion(String id) {
            this.criterion = id;
            return this;
        }

        /**
         * Sets the k range, both ends included.
         *
         * @param min the smallest k tried, at least 2
         * @param max the largest k tried
         * @return this builder
         */
        public Builder kRange(int min, int max) {
            this.kMin = min;
            this.kMax = max;
            return this;
        }

        /**
         * Sets the minimum segment size.
         *
         * @param min segments with fewer rows are one group, marked too small
         * @return this builder
         */
        public Builder minSegmentSize(int min) {
            this.minSegmentSize = min;
            return this;
        }

        /**
         * Sets the run's seed.
         *
         * @param s the seed
         * @return this builder
         */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * Sets the worker thread count.
         *
         * @param n the thread count, at least 1
         * @return this builder
         */
        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        /**
         * Adds an override.
         *
         * @param o the override, applied after those added before
         * @return this builder
         */
        public Builder override(SegmentOverride o) {
            this.overrides.add(Objects.requireNonNull(o, "override"));
            return this;
        }

        /**
         * Sets the profile options.
         *
         * @param p the profile options
         * @return this builder
         */
        public Builder profile(ProfileOptions p) {
            this.profile = p;
            return this;
        }

        /**
         * Sets which lines are set aside as outliers ({@link OutlierRule#off()}: none).
         *
         * @param o the rule
         * @return this builder
         */
        public Builder outliers(OutlierRule o) {
            this.outliers = java.util.Objects.requireNonNull(o, "outliers");
            return this;
        }

        /**
         * Sets the near-tie tolerance of the k search (0: the best score wins).
         *
         * @param tolerance the tolerance, 0 to 1
         * @return this builder
         */
        public Builder nearTie(double tolerance) {
            this.nearTie = tolerance;
            return this;
        }

        /**
         * Sets the track options.
         *
         * @param t the track options
         * @return this builder
         */
        public Builder track(TrackOptions t) {
            this.track = t;
            return this;
        }

        /**
         * The configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the rule and the value if a setting is invalid
         */
        public LoopConfig build() {
            return new LoopConfig(
                    segmentKeys,
                    features,
                    strategy,
                    parameters,
                    criterion,
                    kMin,
                    kMax,
                    minSegmentSize,
                    seed,
                    threads,
                    overrides,
                    profile,
                    track,
                    outliers,
                    nearTie);
        }
    }
}
