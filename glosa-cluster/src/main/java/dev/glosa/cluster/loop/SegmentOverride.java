package dev.glosa.cluster.loop;

import dev.glosa.core.segment.SegmentKey;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Settings that replace the run's for some segments: one segment by id, or every segment whose key has the given
 * values (a subset of the key columns, such as {@code hospital=2001}).
 *
 * <p>At most one override applies to a segment: one naming the segment's id wins over key-value ones, then the one
 * naming more key columns, then the earlier in the list. A {@code null} setting keeps the run's value. Parameters
 * are merged over the run's when the strategy stays the same, and start from the new strategy's defaults when it
 * changes. An override that matches no segment of a run is ignored, since segments come and go from week to week.
 *
 * @param segmentId the segment id to match, or {@code null} to match by key values
 * @param keyValues key column to value, all of which must match; empty when matching by id
 * @param strategy another strategy id, or {@code null}
 * @param parameters parameters as configuration text (may be empty)
 * @param criterion another criterion id, or {@code null}
 * @param kMin another smallest k, or {@code null}
 * @param kMax another largest k, or {@code null}
 * @param minSegmentSize another minimum segment size, or {@code null}
 */
public record SegmentOverride(
        String segmentId,
        Map<String, String> keyValues,
        String strategy,
        Map<String, String> parameters,
        String criterion,
        Integer kMin,
        Integer kMax,
        Integer minSegmentSize) {

    /**
     * Checks that exactly one way of matching is given and copies the maps.
     *
     * @param segmentId as {@link #segmentId()}; {@code null} for its default
     * @param keyValues as {@link #keyValues()}
     * @param strategy as {@link #strategy()}
     * @param parameters as {@link #parameters()}
     * @param criterion as {@link #criterion()}
     * @param kMin as {@link #kMin()}
     * @param kMax as {@link #kMax()}
     * @param minSegmentSize as {@link #minSegmentSize()}
     */
    public SegmentOverride {
        keyValues = Collections.unmodifiableSortedMap(new TreeMap<>(keyValues));
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        if ((segmentId == null) == keyValues.isEmpty()) {
            throw new IllegalArgumentException("an override matches either a segment id or key values, found id "
                    + segmentId + " and key values " + keyValues);
        }
    }

    /**
     * {@return an override of the segment with that id (see {@link SegmentKey#id()}) that changes nothing yet}
     *
     * @param segmentId the segment's id
     */
    public static SegmentOverride forSegment(String segmentId) {
        return new SegmentOverride(
                Objects.requireNonNull(segmentId, "segmentId"), Map.of(), null, Map.of(), null, null, null, null);
    }

    /**
     * {@return an override of every segment whose key has these values, that changes nothing yet}
     *
     * @param keyValues key column to value
     */
    public static SegmentOverride forKeys(Map<String, String> keyValues) {
        if (keyValues.isEmpty()) {
            throw new IllegalArgumentException("forKeys needs at least one key value, found none");
        }
        return new SegmentOverride(null, keyValues, null, Map.of(), null, null, null, null);
    }

    /**
     * {@return the same override with another strategy}
     *
     * @param id the strategy id
     */
    public SegmentOverride withStrategy(String id) {
        return new SegmentOverride(segmentId, keyValues, id, parameters, criterion, kMin, kMax, minSegmentSize);
    }

    /**
     * {@return the same override with one more parameter}
     *
     * @param name the parameter's name
     * @param value its value, as configuration text
     */
    public SegmentOverride withParameter(String name, String value) {
        TreeMap<String, String> p = new TreeMap<>(parameters);
        p.put(name, value);
        return new SegmentOverride(segmentId, keyValues, strategy, p, criterion, kMin, kMax, minSegmentSize);
    }

    /**
     * {@return the same override with another criterion}
     *
     * @param id the criterion id
     */
    public SegmentOverride withCriterion(String id) {
        return new SegmentOverride(segmentId, keyValues, strategy, parameters, id, kMin, kMax, minSegmentSize);
    }

    /**
     * {@return the same override with another k range}
     *
     * @param min the smallest k
     * @param max the largest k
     */
    public SegmentOverride withKRange(int min, int max) {
        return new SegmentOverride(segmentId, keyValues, strategy, parameters, criterion, min, max, minSegmentSize);
    }

    /**
     * {@return the same override with another minimum segment size}
     *
     * @param min the minimum segment size
     */
    public SegmentOverride withMinSegmentSize(int min) {
        return new SegmentOverride(segmentId, keyValues, strategy, parameters, criterion, kMin, kMax, min);
    }

    /**
     * {@return whether this override applies to the segment with that key}
     *
     * @param key the segment's key
     */
    public boolean matches(SegmentKey key) {
        if (segmentId != null) {
            return segmentId.equals(key.id());
        }
        for (Map.Entry<String, String> e : keyValues.entrySet()) {
            if (!e.getValue().equals(key.value(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** How specific the override is: higher wins. */
    int specificity() {
        return segmentId != null ? Integer.MAX_VALUE : keyValues.size();
    }

    /**
     * {@return {@code base} with this override's settings applied}
     *
     * @param base the settings to change
     */
    public SegmentSettings applyTo(SegmentSettings base) {
        String s = strategy == null ? base.strategy() : strategy;
        Map<String, String> p;
        if (s.equals(base.strategy())) {
            TreeMap<String, String> merged = new TreeMap<>(base.parameters());
            merged.putAll(parameters);
            p = merged;
        } else {
            p = parameters;
        }
        return new SegmentSettings(
                base.features(),
                s,
                p,
                criterion == null ? base.criterion() : criterion,
                kMin == null ? base.kMin() : kMin,
                kMax == null ? base.kMax() : kMax,
                minSegmentSize == null ? base.minSegmentSize() : minSegmentSize,
                base.profile(),
                base.track(),
                base.outliers(),
                base.nearTie());
    }

    /** {@return {@code id=...} or {@code hospital=2001, payer=X} for messages} */
    public String describe() {
        return segmentId != null ? "segment " + segmentId : "segments with " + keyValues;
    }
}
