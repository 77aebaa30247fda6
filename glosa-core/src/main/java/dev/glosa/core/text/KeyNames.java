package dev.glosa.core.text;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The names of key codes by column: hospital CNES to hospital name, payer code to payer name, glosa type to its
 * description, or any key column a configuration chose. Immutable; {@link #and} layers names given by the user over
 * names glosa knows.
 *
 * <p>Anyone who shows a segment key calls {@link #display}: the name when one is known, else the code.
 */
public final class KeyNames {
    private static final KeyNames NONE = new KeyNames(Map.of());

    private final Map<String, Map<String, String>> byColumn;

    private KeyNames(Map<String, Map<String, String>> byColumn) {
        this.byColumn = byColumn;
    }

    /**
     * No names: every key shows as its code.
     *
     * @return names for no code
     */
    public static KeyNames none() {
        return NONE;
    }

    /**
     * {@return the names of the codes of one column (code to name; blank names are ignored)}
     *
     * @param column the key column, e.g. {@code hospital}
     * @param names code to name
     */
    public static KeyNames of(String column, Map<String, String> names) {
        Objects.requireNonNull(column, "column");
        Map<String, String> copy = new TreeMap<>();
        names.forEach((code, name) -> {
            if (code != null && name != null && !name.isBlank()) {
                copy.put(code.trim(), name.trim());
            }
        });
        return copy.isEmpty() ? NONE : new KeyNames(Map.of(column, Map.copyOf(copy)));
    }

    /**
     * {@return these names with {@code over}'s on top: where both name a code, {@code over} wins}
     *
     * @param over the names that win
     */
    public KeyNames and(KeyNames over) {
        if (over.byColumn.isEmpty()) {
            return this;
        }
        if (byColumn.isEmpty()) {
            return over;
        }
        Map<String, Map<String, String>> merged = new HashMap<>();
        for (Map<String, Map<String, String>> layer : java.util.List.of(byColumn, over.byColumn)) {
            layer.forEach((column, names) ->
                    merged.computeIfAbsent(column, c -> new LinkedHashMap<>()).putAll(names));
        }
        Map<String, Map<String, String>> frozen = new HashMap<>();
        merged.forEach((c, m) -> frozen.put(c, Map.copyOf(m)));
        return new KeyNames(Map.copyOf(frozen));
    }

    /**
     * {@return the name of {@code code} in {@code column}, or {@code null} when none is known}
     *
     * @param column the key column
     * @param code the code
     */
    public String name(String column, String code) {
        if (code == null) {
            return null;
        }
        Map<String, String> names = byColumn.get(column);
        return names == null ? null : names.get(code.trim());
    }

    /**
     * {@return the name of {@code code} in {@code column} when known, else the code itself ({@code ""} for a missing
     * code)}
     *
     * @param column the key column
     * @param code the code, may be {@code null}
     */
    public String display(String column, String code) {
        String name = name(column, code);
        return name != null ? name : code == null ? "" : code;
    }

    /**
     * {@return the names of one column, code to name, sorted by code (empty when none)}
     *
     * @param column the key column
     */
    public Map<String, String> column(String column) {
        Map<String, String> names = byColumn.get(column);
        return names == null ? Map.of() : new TreeMap<>(names);
    }

    /** {@return whether no name is known} */
    public boolean isEmpty() {
        return byColumn.isEmpty();
    }

    @Override
    public String toString() {
        Map<String, Integer> counts = new TreeMap<>();
        byColumn.forEach((c, m) -> counts.put(c, m.size()));
        return "KeyNames" + counts;
    }
}
