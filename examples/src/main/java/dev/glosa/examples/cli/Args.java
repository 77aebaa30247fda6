package dev.glosa.examples.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one command: {@code --name value}, {@code --name=value}, repeated or multi-valued options
 * ({@code --rd a.dbc b.dbc}) and flags, checked against what the command accepts.
 */
final class Args {
    /** The earliest date a run can be dated: SIH files begin in 1992. */
    static final LocalDate FIRST_DATE = LocalDate.of(1990, 1, 1);
    /** The latest date a run can be dated. */
    static final LocalDate LAST_DATE = LocalDate.of(2999, 12, 31);
    private final String command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Args(String command) {
        this.command = command;
    }

    /**
     * Parses {@code argv} for {@code command}.
     *
     * @param valued options that take one or more values
     * @param flags options that take none
     */
    static Args parse(String command, String[] argv, Set<String> valued, Set<String> flags) {
        Args a = new Args(command);
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
                        throw new CliException(CliException.USAGE, "--" + name + " takes no value");
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
                    throw new CliException(CliException.USAGE, "unknown option --" + name
                            + " (see glosa " + command + " --help)");
                }
            } else if (current != null) {
                a.values.get(current).add(arg);
            } else {
                a.values.computeIfAbsent("", k -> new ArrayList<>()).add(arg);
            }
        }
        for (Map.Entry<String, List<String>> e : a.values.entrySet()) {
            if (!e.getKey().isEmpty() && valued.contains(e.getKey()) && e.getValue().isEmpty()) {
                throw new CliException(CliException.USAGE, "--" + e.getKey() + " needs a value");
            }
        }
        return a;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** Arguments that are not options, in order. */
    List<String> positional() {
        return values.getOrDefault("", List.of());
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    String one(String name, String fallback) {
        List<String> v = all(name);
        if (v.size() > 1) {
            throw new CliException(CliException.USAGE, "--" + name + " takes one value, found " + v);
        }
        return v.isEmpty() ? fallback : v.get(0);
    }

    String required(String name) {
        String v = one(name, null);
        if (v == null) {
            throw new CliException(CliException.USAGE, "--" + name + " is required");
        }
        return v;
    }

    List<Path> paths(String name) {
        return all(name).stream().map(Path::of).toList();
    }

    int integer(String name, int fallback, int min, int max) {
        String v = one(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v.replace("_", ""));
            if (i < min || i > max) {
                throw new CliException(CliException.USAGE, "--" + name + " must be between " + min
                        + " and " + max + ", found " + v);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new CliException(CliException.USAGE, "--" + name + " must be a whole number, found '"
                    + v + "'");
        }
    }

    long longValue(String name, long fallback) {
        String v = one(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new CliException(CliException.USAGE, "--" + name + " must be a whole number, found '"
                    + v + "'");
        }
    }

    LocalDate date(String name, LocalDate fallback) {
        String v = one(name, null);
        if (v == null) {
            return fallback;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new CliException(CliException.USAGE, "--" + name + " must be a date like 2026-11-23, found '"
                    + Console.printable(v) + "'");
        }
        // A run's date ends up in ids, file names and Power BI's calendar: a year of five digits is a typo.
        if (d.isBefore(FIRST_DATE) || d.isAfter(LAST_DATE)) {
            throw new CliException(CliException.USAGE, "--" + name + " must be a date between " + FIRST_DATE + " and "
                    + LAST_DATE + ", found '" + Console.printable(v) + "'");
        }
        return d;
    }
}
