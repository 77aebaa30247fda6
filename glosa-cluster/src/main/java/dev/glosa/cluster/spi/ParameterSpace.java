package dev.glosa.cluster.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parameters a strategy accepts, in a fixed order, with their types, defaults and ranges.
 *
 * <p>{@link #parse(Map)} turns the text of a configuration file into checked {@link Parameters}; names it does not
 * know are errors, so a typo never silently falls back to a default.
 */
public final class ParameterSpace {
    private final String owner;
    private final Map<String, Parameter> byName;

    private ParameterSpace(String owner, Map<String, Parameter> byName) {
        this.owner = owner;
        this.byName = byName;
    }

    /**
     * A space of the given parameters.
     *
     * @param parameters the parameters
     * @return the space
     * @param owner the strategy id, used in error messages
     * @throws IllegalArgumentException if two parameters share a name
     */
    public static ParameterSpace of(String owner, Parameter... parameters) {
        Map<String, Parameter> m = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (m.put(p.name(), p) != null) {
                throw new IllegalArgumentException(
                        "strategy '" + owner + "' declares parameter '" + p.name() + "' twice");
            }
        }
        return new ParameterSpace(owner, m);
    }

    /** {@return the strategy id this space belongs to} */
    public String owner() {
        return owner;
    }

    /** {@return the parameters in declaration order} */
    public List<Parameter> parameters() {
        return List.copyOf(byName.values());
    }

    /**
     * {@return whether a parameter of that name exists}
     *
     * @param name the parameter's name
     */
    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /**
     * {@return the parameter of that name, if any}
     *
     * @param name the parameter's name
     */
    public Optional<Parameter> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The parameter of that name.
     *
     * @param name the parameter's name
     * @return the parameter
     * @throws IllegalArgumentException listing the known names if there is none
     */
    public Parameter get(String name) {
        Parameter p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException(
                    "strategy '" + owner + "' has no parameter '" + name + "'; known: " + byName.keySet());
        }
        return p;
    }

    /** {@return the parameters at their defaults; automatic parameters are left unset} */
    public Parameters defaults() {
        TreeMap<String, Object> values = new TreeMap<>();
        for (Parameter p : byName.values()) {
            if (p.defaultValue() != null) {
                values.put(p.name(), p.defaultValue());
            }
        }
        return new Parameters(this, values);
    }

    /**
     * The defaults overridden by the given text values; a blank value or {@code "auto"} leaves an automatic parameter
     * unset.
     *
     * @param text parameter name to its text value
     * @return the parameters
     * @throws IllegalArgumentException for an unknown name or a value that breaks the parameter's rule
     */
    public Parameters parse(Map<String, String> text) {
        TreeMap<String, Object> values = new TreeMap<>(defaults().values());
        for (Map.Entry<String, String> e : new TreeMap<>(text).entrySet()) {
            Parameter p = get(e.getKey());
            String v = e.getValue() == null ? "" : e.getValue().trim();
            if (v.isEmpty() || v.equalsIgnoreCase("auto")) {
                if (p.defaultValue() != null) {
                    throw new IllegalArgumentException("parameter '" + p.name() + "' of strategy '" + owner
                            + "' is not automatic and needs a value, found '" + e.getValue() + "'");
                }
                values.remove(p.name());
            } else {
                values.put(p.name(), p.parse(v));
            }
        }
        return new Parameters(this, values);
    }

    /** {@return the names of all parameters, in declaration order} */
    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    @Override
    public String toString() {
        return "ParameterSpace[" + owner + ": " + byName.values() + "]";
    }
}
