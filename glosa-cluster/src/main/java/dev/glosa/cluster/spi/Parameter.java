package dev.glosa.cluster.spi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One tunable parameter of a {@link ClusteringStrategy}: a name, a type, a default and the values it accepts.
 *
 * <p>A parameter whose default is {@code null} is <em>automatic</em>: when no value is given the strategy chooses one
 * from the data (DBSCAN's {@code eps}, for instance) and reports it in {@link Clustering#parameters()}.
 */
public sealed interface Parameter permits Parameter.IntParameter, Parameter.RealParameter, Parameter.ChoiceParameter {

    /** {@return the name used in configuration files and in {@link Parameters}} */
    String name();

    /** {@return one line saying what the parameter does} */
    String description();

    /** {@return the default value, or {@code null} when the strategy chooses it from the data} */
    Object defaultValue();

    /**
     * Checks a typed value and returns it in canonical form ({@code Integer}, {@code Double} or {@code String}).
     *
     * @param value the value
     * @return the value in canonical form
     * @throws IllegalArgumentException naming the parameter, the rule and the value
     */
    Object check(Object value);

    /**
     * Parses text from a configuration file and checks it.
     *
     * @param text the text
     * @return the value in canonical form
     * @throws IllegalArgumentException naming the parameter, the rule and the text
     */
    Object parse(String text);

    /** An integer parameter in {@code [min, max]}. */
    record IntParameter(String name, Integer defaultValue, int min, int max, String description) implements Parameter {
        /**
         * Checks the range and that the default lies in it.
         *
         * @param name as {@link #name()}
         * @param description as {@link #description()}
         * @param defaultValue as {@link #defaultValue()}
         * @param min as {@link #min()}
         * @param max as {@link #max()}
         */
        public IntParameter {
            checkName(name);
            if (min > max) {
                throw new IllegalArgumentException(
                        "parameter '" + name + "': min (" + min + ") must be <= max (" + max + ")");
            }
            if (defaultValue != null && (defaultValue < min || defaultValue > max)) {
                throw new IllegalArgumentException("parameter '" + name + "': default (" + defaultValue
                        + ") must be in [" + min + ", " + max + "]");
            }
            Objects.requireNonNull(description, "description");
        }

        @Override
        public Object check(Object value) {
            if (!(value instanceof Integer)
                    && !(value instanceof Long)
                    && !(value instanceof Short)
                    && !(value instanceof Byte)) {
                throw new IllegalArgumentException("parameter '" + name + "' must be an integer in [" + min + ", " + max
                        + "], found " + describe(value));
            }
            long v = ((Number) value).longValue();
            if (v < min || v > max) {
                throw new IllegalArgumentException(
                        "parameter '" + name + "' must be in [" + min + ", " + max + "], found " + v);
            }
            return (int) v;
        }

        @Override
        public Object parse(String text) {
            try {
                return check(Long.parseLong(text.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "parameter '" + name + "' must be an integer in [" + min + ", " + max + "], found '" + text
                                + "'",
                        e);
            }
        }
    }

    /** A real parameter in {@code [min, max]} (finite values only). */
    record RealParameter(String name, Double defaultValue, double min, double max, String description)
            implements Parameter {
        /**
         * Checks the range and that the default lies in it.
         *
         * @param name as {@link #name()}
         * @param description as {@link #description()}
         * @param defaultValue as {@link #defaultValue()}
         * @param min as {@link #min()}
         * @param max as {@link #max()}
         */
        public RealParameter {
            checkName(name);
            if (!(min <= max)) {
                throw new IllegalArgumentException(
                        "parameter '" + name + "': min (" + min + ") must be <= max (" + max + ")");
            }
            if (defaultValue != null && !(defaultValue >= min && defaultValue <= max)) {
                throw new IllegalArgumentException("parameter '" + name + "': default (" + defaultValue
                        + ") must be in [" + min + ", " + max + "]");
            }
            Objects.requireNonNull(description, "description");
        }

        @Override
        public Object check(Object value) {
            if (!(value instanceof Number)) {
                throw new IllegalArgumentException("parameter '" + name + "' must be a number in [" + min + ", " + max
                        + "], found " + describe(value));
            }
            double v = ((Number) value).doubleValue();
            if (!Double.isFinite(v) || v < min || v > max) {
                throw new IllegalArgumentException(
                        "parameter '" + name + "' must be a finite number in [" + min + ", " + max + "], found " + v);
            }
            return v;
        }

        @Override
        public Object parse(String text) {
            try {
                return check(Double.parseDouble(text.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "parameter '" + name + "' must be a number in [" + min + ", " + max + "], found '" + text + "'",
                        e);
            }
        }
    }

    /** A parameter taking one of a fixed list of lower-case words. */
    record ChoiceParameter(String name, String defaultValue, List<String> choices, String description)
            implements Parameter {
        /**
         * Copies the choices and checks that the default is one of them.
         *
         * @param name as {@link #name()}
         * @param description as {@link #description()}
         * @param defaultValue as {@link #defaultValue()}
         * @param choices as {@link #choices()}
         */
        public ChoiceParameter {
            checkName(name);
            choices = List.copyOf(choices);
            if (choices.isEmpty()) {
                throw new IllegalArgumentException("parameter '" + name + "' needs at least one choice");
            }
            if (defaultValue != null && !choices.contains(defaultValue)) {
                throw new IllegalArgumentException(
                        "parameter '" + name + "': default '" + defaultValue + "' must be one of " + choices);
            }
            Objects.requireNonNull(description, "description");
        }

        @Override
        public Object check(Object value) {
            if (value instanceof String s) {
                String v = s.trim().toLowerCase(Locale.ROOT);
                if (choices.contains(v)) {
                    return v;
                }
            } else if (value instanceof Enum<?> e) {
                return check(e.name());
            }
            throw new IllegalArgumentException(
                    "parameter '" + name + "' must be one of " + choices + ", found " + describe(value));
        }

        @Override
        public Object parse(String text) {
            return check(text);
        }
    }

    private static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException(
                    "parameter name must be a letter followed by letters, digits, '_', '.' or '-', found '" + name
                            + "'");
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : "'" + value + "' (" + value.getClass().getSimpleName() + ")";
    }
}
