package dev.glosa.cluster.loop;

import dev.glosa.cluster.features.Feature;
import dev.glosa.cluster.features.FeatureSpec;
import dev.glosa.cluster.profile.ProfileOptions;
import dev.glosa.cluster.select.Criterion;
import dev.glosa.cluster.select.ModelSelector;
import dev.glosa.cluster.select.OutlierRule;
import dev.glosa.cluster.track.TrackOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything one segment is clustered, profiled and tracked with: the run's configuration with the segment's
 * override, if any, applied. Plain values only.
 *
 * @param features how rows become points (encoded per segment: transforms are fitted on the segment's rows)
 * @param strategy the id of the clustering strategy in the {@link dev.glosa.cluster.spi.StrategyRegistry}
 * @param parameters the strategy's parameters as configuration text (unset ones take their defaults); {@code k} is
 *     chosen by the search when the strategy has one
 * @param criterion the id of the model selection criterion ({@code silhouette}, {@code simplified-silhouette}, ...)
 * @param kMin the smallest k tried, at least 2
 * @param kMax the largest k tried, at least {@code kMin} (capped per segment at rows - 1)
 * @param minSegmentSize segments with fewer rows are not clustered: their rows form one group marked too small
 * @param profile how groups are profiled and ranked
 * @param track how groups are matched to the previous run's
 * @param outliers which lines are set aside as the segment's outliers before k is chosen
 * @param nearTie the smallest k scoring within this share of the best score is chosen
 *     ({@link ModelSelector#nearTie()}), in [0, 1)
 */
public record SegmentSettings(
        FeatureSpec features,
        String strategy,
        Map<String, String> parameters,
        String criterion,
        int kMin,
        int kMax,
        int minSegmentSize,
        ProfileOptions profile,
        TrackOptions track,
        OutlierRule outliers,
        double nearTie) {

    /**
     * Checks every value and copies the parameters (sorted by name).
     *
     * @param features as {@link #features()}
     * @param strategy as {@link #strategy()}; {@code null} for its default
     * @param parameters as {@link #parameters()}
     * @param criterion as {@link #criterion()}
     * @param kMin as {@link #kMin()}
     * @param kMax as {@link #kMax()}
     * @param minSegmentSize as {@link #minSegmentSize()}
     * @param profile as {@link #profile()}
     * @param track as {@link #track()}
     * @param outliers as {@link #outliers()}
     * @param nearTie as {@link #nearTie()}
     */
    public SegmentSettings {
        Objects.requireNonNull(features, "features");
        if (strategy == null || strategy.isBlank()) {
            throw new IllegalArgumentException("strategy must be a strategy id, found '" + strategy + "'");
        }
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        Criterion.byId(Objects.requireNonNull(criterion, "criterion"));
        if (kMin < 2) {
            throw new IllegalArgumentException("kMin must be >= 2, found " + kMin);
        }
        if (kMax < kMin) {
            throw new IllegalArgumentException("kMax (" + kMax + ") must be >= kMin (" + kMin + ")");
        }
        if (minSegmentSize < 1) {
            throw new IllegalArgumentException("minSegmentSize must be >= 1, found " + minSegmentSize);
        }
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(outliers, "outliers");
        if (!(nearTie >= 0 && nearTie < 1)) {
            throw new IllegalArgumentException("nearTie must be in [0, 1), found " + nearTie);
        }
    }

    /**
     * {@return these settings with another way of profiling and ranking groups, every other setting unchanged}
     *
     * @param profile the profile options
     */
    public SegmentSettings withProfile(ProfileOptions profile) {
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
     * The columns of the numeric features, in spec order: the profile reports each group's mean of these in original
     * units, and tracking compares groups on them. Categorical features are described by the profile's lifts instead.
     *
     * @return the columns, in spec order
     */
    public List<String> numericColumns() {
        List<String> out = new ArrayList<>();
        for (Feature f : features.features()) {
            if (f instanceof Feature.Numeric) {
                out.add(f.column());
            }
        }
        return List.copyOf(out);
    }
}
