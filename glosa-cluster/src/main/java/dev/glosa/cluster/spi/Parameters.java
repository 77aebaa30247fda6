package dev.glosa.cluster.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Checked values for the parameters of one {@link ParameterSpace}; immutable.
 *
 * <p>Every value was checked by its {@link Parameter} when it was set, so a strategy reads them without further
 * validation. An automatic parameter may be unset; the strategy then chooses the value itself.
 */
public final class Parameters {
    private final ParameterSpace space;
    private final TreeMap<String, Object> values;

    Parameters(ParameterSpace space, TreeMap<String, Object> values) {
        this.space = space;
        this.values = values;
    }

    /** {@return the space these values belong to} */
    public ParameterSpace space() {
        return space;
    }

    /**
     * {@return whether the parameter has a value (automatic parameters may not)}
     *
     * @param name the parameter's name
     */
    public boolean isSet(String name) {
        space.get(name);
        return values.containsKey(name);
    }

    /**
     * The value of an integer parameter.
     *
     * @param name the parameter's name
     * @return the value
     * @throws IllegalArgumentException if it is unknown, not an integer parameter, or unset
     */
    public int getInt(String name) {
        return (Integer) required(name, Parameter.IntParameter.class);
    }

    /**
     * The value of a real parameter.
     *
     * @param name the parameter's name
     * @return the value
     * @throws IllegalArgumentException if it is unknown, not a real parameter, or unset
     */
    public double getDouble(String name) {
        return (Double) required(name, Parameter.RealParameter.class);
    }

    /**
     * The value of a choice parameter.
     *
     * @param name the parameter's name
     * @return the value
     * @throws IllegalArgumentException if it is unknown, not a choice parameter, or unset
     */
    public String getChoice(String name) {
        return (String) required(name, Parameter.ChoiceParameter.class);
    }

    /**
     * {@return the value of an integer parameter, empty when unset}
     *
     * @param name the parameter's name
     */
    public OptionalInt findInt(String name) {
        typed(name, Parameter.IntParameter.class);
        Object v = values.get(name);
        return v == null ? OptionalInt.empty() : OptionalInt.of((Integer) v);
    }

    /**
     * {@return the value of a real parameter, empty when unset}
     *
     * @param name the parameter's name
     */
    public OptionalDouble findDouble(String name) {
        typed(name, Parameter.RealParameter.class);
        Object v = values.get(name);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of((Double) v);
    }

    /**
     * A copy with one value replaced, checked by its parameter.
     *
     * @param name the parameter's name
     * @param value the new value
     * @return the copy
     * @throws IllegalArgumentException for an unknown name or a value that breaks the rule
     */
    public Parameters with(String name, Object value) {
        Object checked = space.get(name).check(value);
        TreeMap<String, Object> m = new TreeMap<>(values);
        m.put(name, checked);
        return new Parameters(space, m);
    }

    /**
     * {@return a copy with one value parsed from configuration text}
     *
     * @param name the parameter's name
     * @param text its value, as a configuration file writes it
     */
    public Parameters withText(String name, String text) {
        Object checked = space.get(name).parse(text);
        TreeMap<String, Object> m = new TreeMap<>(values);
        m.put(name, checked);
        return new Parameters(space, m);
    }

    /**
     * A copy with an automatic parameter unset.
     *
     * @param name the parameter's name
     * @return the copy
     * @throws IllegalArgumentException if the parameter has a default and so cannot be automatic
     */
    public Parameters automatic(String name) {
        Parameter p = space.get(name);
        if (p.defaultValue() != null) {
            throw new IllegalArgumentException("parameter '" + name + "' of strategy '" + space.owner()
                    + "' is not automatic (default " + p.defaultValue() + ")");
        }
        TreeMap<String, Object> m = new TreeMap<>(values);
        m.remove(name);
        return new Parameters(space, m);
    }

    /** {@return the set values, sorted by name, as {@code Integer}, {@code Double} or {@code String}} */
    public SortedMap<String, Object> values() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /** {@return every parameter as text in declaration order, {@code "auto"} for an unset automatic one} */
    public Map<String, String> asText() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : space.names()) {
            Object v = values.get(name);
            m.put(name, v == null ? "auto" : String.valueOf(v));
        }
        return Collections.unmodifiableMap(m);
    }

    private Object required(String name, Class<? extends Parameter> type) {
        typed(name, type);
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("parameter '" + name + "' of strategy '" + space.owner()
                    + "' is automatic and unset here; use find... to read it");
        }
        return v;
    }

    private void typed(String name, Class<? extends Parameter> type) {
        Parameter p = space.get(name);
        if (!type.isInstance(p)) {
            throw new IllegalArgumentException("parameter '" + name + "' of strategy '" + space.owner() + "' is a "
                    + p.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && p.space.owner().equals(space.owner()) && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(space.owner(), values);
    }

    @Override
    public String toString() {
        return space.owner() + asText();
    }
}
