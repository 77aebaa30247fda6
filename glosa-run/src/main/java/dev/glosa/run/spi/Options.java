package dev.glosa.run.spi;

import dev.glosa.run.GlosaRunException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one command: {@code --name value}, {@code --name=value}, repeated or multi-valued options
 * ({@code --rd a.dbc b.dbc}) and flags, checked against what the command accepts; a wrong value is a
 * {@link GlosaRunException} naming the option.
 */
public final class Options {
    /** The earliest date a run can be dated: SIH files begin in 1992. */
    static final LocalDate FIRST_DATE = LocalDate.of(1990, 1, 1);
    /** The latest date a run can be dated. */
    static final LocalDate LAST_DATE = LocalDate.of(2999, 12, 31);

    private final String command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private java.util.function.Function<String, String> environment = System::getenv;

    private Options(String command) {
        this.command = command;
    }

    /**
     * Parses {@code argv} for {@code command}.
     *
     * @param command the command's name, for the errors ({@code sus}, {@code csv}...)
     * @param argv the arguments after the command's name
     * @param valued options that take one or more values
     * @param flags options that take none
     * @return the options given
     * @throws GlosaRunException for an unknown option, a flag given a value or an option without one
     */
    public static Options parse(String command, String[] argv, Set<String> valued, Set<String> flags) {
        Options a = new Options(command);
        String current = null;
        for (String arg : argv) {
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    if (inline != null) {
                        throw GlosaRunException.badInput(null, "error.option.noValue", name);
                    }
                    a.values.put(name, List.of());
                    current = null;
                } else if (valued.contains(name)) {
                    a.values.computeIfAbsent(name, k -> new ArrayList<>());
                    if (inline != null) {
                        a.values.get(name).add(inline);
                        current = null;
                    } else {
                        current = name;
                    }
                } else {
                    throw GlosaRunException.badInput(null, "error.option.unknown", name, command);
                }
            } else if (current != null) {
                a.values.get(current).add(arg);
            } else {
                a.values.computeIfAbsent("", k -> new ArrayList<>()).add(arg);
            }
        }
        for (Map.Entry<String, List<String>> e : a.values.entrySet()) {
            if (!e.getKey().isEmpty()
                    && valued.contains(e.getKey())
                    && e.getValue().isEmpty()) {
                throw GlosaRunException.badInput(null, "error.option.needsValue", e.getKey());
            }
        }
        return a;
    }

    /**
     * Options already parsed (by the command line's parser), for {@code command}: each option's name without
     * {@code --} and its values in order (none for a flag), and the arguments that are not options under {@code ""}.
     *
     * @param command the command's name, for the errors
     * @param values each option's values
     * @return the options
     */
    public static Options of(String command, Map<String, List<String>> values) {
        Options a = new Options(command);
        values.forEach((name, v) -> a.values.put(name, List.copyOf(v)));
        return a;
    }

    /** {@return no options: what a library caller gives a sink or source that needs none} */
    public static Options none() {
        return new Options("glosa");
    }

    /**
     * These options reading environment variables from {@code lookup} instead of the process's (tests give their
     * own); secrets such as database passwords come from there, never from an option.
     *
     * @param lookup the variable's value by name, {@code null} when unset
     * @return these options
     */
    public Options withEnvironment(java.util.function.Function<String, String> lookup) {
        this.environment = java.util.Objects.requireNonNull(lookup, "lookup");
        return this;
    }

    /**
     * {@return the environment variable {@code name}, or {@code null}}
     *
     * @param name the variable's name
     */
    public String getenv(String name) {
        return environment.apply(name);
    }

    /**
     * {@return whether option {@code --name} was given (with or without a value)}
     *
     * @param name the option's name without {@code --}
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** {@return the arguments that are not options, in order} */
    public List<String> positional() {
        return values.getOrDefault("", List.of());
    }

    /**
     * {@return every value of {@code --name}, in order; empty when it was not given}
     *
     * @param name the option's name without {@code --}
     */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /**
     * {@return the one value of {@code --name}, or {@code fallback}; more than one value is an error}
     *
     * @param name the option's name without {@code --}
     * @param fallback the value when the option is absent, may be {@code null}
     */
    public String one(String name, String fallback) {
        List<String> v = all(name);
        if (v.size() > 1) {
            throw GlosaRunException.badInput(null, "error.option.oneValue", name, v);
        }
        return v.isEmpty() ? fallback : v.get(0);
    }

    /**
     * {@return the one value of {@code --name}; its absence is an error naming it}
     *
     * @param name the option's name without {@code --}
     */
    public String required(String name) {
        String v = one(name, null);
        if (v == null) {
            throw GlosaRunException.badInput(null, "error.option.required", name);
        }
        return v;
    }

    /**
     * {@return every value of {@code --name} as a path}
     *
     * @param name the option's name without {@code --}
     */
    public List<Path> paths(String name) {
        return all(name).stream().map(Path::of).toList();
    }

    /**
     * {@return the value of {@code --name} as a whole number in {@code [min, max]}, or {@code fallback}}
     *
     * @param name the option's name without {@code --}
     * @param fallback the value when the option is absent
     * @param min the smallest value accepted
     * @param max the largest value accepted
     */
    public int integer(String name, int fallback, int min, int max) {
        String v = one(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v.replace("_", ""));
            if (i < min || i > max) {
                throw GlosaRunException.badInput(null, "error.option.between", name, min, max, v);
            }
            return i;
        } catch (NumberFormatException e) {
            throw GlosaRunException.badInput(null, "error.option.whole", name, v);
        }
    }

    /**
     * {@return the value of {@code --name} as a whole number, or {@code fallback}}
     *
     * @param name the option's name without {@code --}
     * @param fallback the value when the option is absent
     */
    public long longValue(String name, long fallback) {
        String v = one(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw GlosaRunException.badInput(null, "error.option.whole", name, v);
        }
    }

    /**
     * {@return the value of {@code --name} as a date {@code yyyy-MM-dd} between 1990 and 2999, or {@code fallback}}
     *
     * @param name the option's name without {@code --}
     * @param fallback the value when the option is absent, may be {@code null}
     */
    public LocalDate date(String name, LocalDate fallback) {
        String v = one(name, null);
        if (v == null) {
            return fallback;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw GlosaRunException.badInput(e, "error.option.date", name, printable(v));
        }
        // A run's date ends up in ids, file names and Power BI's calendar: a year of five digits is a typo.
        if (d.isBefore(FIRST_DATE) || d.isAfter(LAST_DATE)) {
            throw GlosaRunException.badInput(null, "error.option.dateRange", name, FIRST_DATE, LAST_DATE, printable(v));
        }
        return d;
    }

    /**
     * {@return the value of {@code name} as a month {@code yyyy-MM}, or {@code null} when absent}
     *
     * @param name the option's name without {@code --}
     */
    public YearMonth month(String name) {
        String v = one(name, null);
        if (v == null) {
            return null;
        }
        try {
            return YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            throw GlosaRunException.badInput(e, "error.option.month", name, printable(v));
        }
    }

    /**
     * {@code text} with every control character (a NUL or an escape sequence from a damaged file, a line break inside
     * a value) written as a backslash, {@code u} and four hex digits, so that what a file or an argument holds can
     * never move the cursor, clear the screen or split one error into two lines of a scheduler's log.
     *
     * @param text what a file or an argument holds, may be {@code null}
     * @return the text safe to print on one line
     */
    public static String printable(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (control) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }
}
