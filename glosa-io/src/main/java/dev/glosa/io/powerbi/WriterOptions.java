package dev.glosa.io.powerbi;

import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.PersonalFields;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the star schema treats patient-identifying columns.
 *
 * <p>A column is an identifier when {@link PersonalFields#detect} finds it personal in the analysed table (by its exact
 * name, the words of its name or its content), or when its name equals, ignoring case, one of
 * {@link #identifierColumns()}; {@link #personalOverrides()} decide either way over both. The fixed columns of the
 * star schema ({@code hospital}, {@code payer}, {@code competence}, the amounts, ...) are never identifiers.
 *
 * <p>When {@link #identifierPolicy()} is {@code null} (no explicit choice) the writer pseudonymises if a key is available
 * (from {@link #pseudonymKey()} or the environment variable {@value #KEY_ENVIRONMENT_VARIABLE}) and otherwise refuses
 * to write a table that has identifier columns, naming the three choices. {@link IdentifierPolicy#PSEUDONYMISE} needs a
 * key of at least {@value #MIN_KEY_LENGTH} characters; its pseudonyms are the first 96 bits of
 * {@code HMAC-SHA256(key, value text)} as 24 lower-case hex digits.
 *
 * @param identifierPolicy what to do with identifier columns; {@code null} means not chosen (see above)
 * @param pseudonymKey the HMAC key; {@code null} to take it from {@value #KEY_ENVIRONMENT_VARIABLE}
 * @param identifierColumns names treated as identifiers besides those {@link PersonalFields} finds
 * @param personalOverrides column name (case ignored) to {@code true} (an identifier whatever its name and content) or
 *     {@code false} (not one: written in clear); the same map the profile options take
 * @param keepWeeks how many weeks ({@code as_of} dates) of {@code fact_glosa} the folder keeps, the latest ones;
 *     0 keeps every week (the default here; a run's configuration defaults to 12). Other tables keep every week.
 * @param bom whether every CSV file starts with a UTF-8 byte order mark, so Excel in pt-BR opens it in columns
 */
public record WriterOptions(
        IdentifierPolicy identifierPolicy,
        String pseudonymKey,
        List<String> identifierColumns,
        Map<String, Boolean> personalOverrides,
        int keepWeeks,
        boolean bom) {

    /** The environment variable the pseudonym key is read from when the options carry none. */
    public static final String KEY_ENVIRONMENT_VARIABLE = "GLOSA_PSEUDONYM_KEY";

    /** The shortest key accepted, in characters. */
    public static final int MIN_KEY_LENGTH = 16;

    /**
     * The names {@link PersonalFields} recognises exactly ({@link PersonalFields#NAMES}): claim and AIH numbers, CPF,
     * CNS, health-plan card numbers, birth dates, postal code, prenatal registration, patient names, guide numbers.
     * Identifiers are found by the words of their names and by content as well, whatever this list holds.
     */
    public static final List<String> DEFAULT_IDENTIFIER_COLUMNS = dev.glosa.core.table.PersonalFields.NAMES;

    /**
     * Checks the key length and copies the column list and the overrides.
     *
     * @param identifierPolicy as {@link #identifierPolicy()}
     * @param pseudonymKey as {@link #pseudonymKey()}; {@code null} for its default
     * @param identifierColumns as {@link #identifierColumns()}
     * @param personalOverrides as {@link #personalOverrides()}; {@code null} for its default
     * @param keepWeeks as {@link #keepWeeks()}
     * @param bom as {@link #bom()}
     */
    public WriterOptions {
        if (pseudonymKey != null && pseudonymKey.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("the pseudonym key must have at least " + MIN_KEY_LENGTH
                    + " characters, found " + pseudonymKey.length());
        }
        identifierColumns = List.copyOf(identifierColumns);
        for (String c : identifierColumns) {
            if (c.isBlank()) {
                throw new IllegalArgumentException(
                        "identifier column names must not be blank, found " + identifierColumns);
            }
        }
        personalOverrides = personalOverrides == null ? Map.of() : Map.copyOf(personalOverrides);
        if (keepWeeks < 0) {
            throw new IllegalArgumentException("keepWeeks must be 0 (every week) or more, found " + keepWeeks);
        }
    }

    /**
     * Options keeping every week, without a byte order mark.
     *
     * @param identifierPolicy as {@link #identifierPolicy()}
     * @param pseudonymKey as {@link #pseudonymKey()}
     * @param identifierColumns as {@link #identifierColumns()}
     * @param personalOverrides as {@link #personalOverrides()}
     */
    public WriterOptions(
            IdentifierPolicy identifierPolicy,
            String pseudonymKey,
            List<String> identifierColumns,
            Map<String, Boolean> personalOverrides) {
        this(identifierPolicy, pseudonymKey, identifierColumns, personalOverrides, 0, false);
    }

    /**
     * {@return the same options keeping the latest {@code weeks} weeks of facts (0: every week)}
     *
     * @param weeks the weeks kept, 0 for every week
     */
    public WriterOptions withKeepWeeks(int weeks) {
        return new WriterOptions(identifierPolicy, pseudonymKey, identifierColumns, personalOverrides, weeks, bom);
    }

    /**
     * {@return the same options with or without a UTF-8 byte order mark at the start of every CSV file}
     *
     * @param withBom whether every file starts with a byte order mark
     */
    public WriterOptions withBom(boolean withBom) {
        return new WriterOptions(
                identifierPolicy, pseudonymKey, identifierColumns, personalOverrides, keepWeeks, withBom);
    }

    /**
     * Options without personal overrides.
     *
     * @param identifierPolicy as {@link #identifierPolicy()}
     * @param pseudonymKey as {@link #pseudonymKey()}
     * @param identifierColumns as {@link #identifierColumns()}
     */
    public WriterOptions(IdentifierPolicy identifierPolicy, String pseudonymKey, List<String> identifierColumns) {
        this(identifierPolicy, pseudonymKey, identifierColumns, Map.of());
    }

    /**
     * No explicit choice, no key in the options, the default identifier columns.
     *
     * @return the options
     */
    public static WriterOptions defaults() {
        return new WriterOptions(null, null, DEFAULT_IDENTIFIER_COLUMNS);
    }

    /**
     * Pseudonymises the default identifier columns with {@code key}.
     *
     * @param key the HMAC key, at least 16 characters
     * @return the options
     */
    public static WriterOptions pseudonymise(String key) {
        return new WriterOptions(IdentifierPolicy.PSEUDONYMISE, key, DEFAULT_IDENTIFIER_COLUMNS);
    }

    /**
     * {@return the same options with another policy}
     *
     * @param policy the policy
     */
    public WriterOptions withIdentifierPolicy(IdentifierPolicy policy) {
        return new WriterOptions(policy, pseudonymKey, identifierColumns, personalOverrides, keepWeeks, bom);
    }

    /**
     * {@return the same options with another key ({@code null} to use the environment)}
     *
     * @param key the key, or {@code null}
     */
    public WriterOptions withPseudonymKey(String key) {
        return new WriterOptions(identifierPolicy, key, identifierColumns, personalOverrides, keepWeeks, bom);
    }

    /**
     * {@return the same options with another list of identifier columns}
     *
     * @param columns the identifier columns
     */
    public WriterOptions withIdentifierColumns(List<String> columns) {
        return new WriterOptions(identifierPolicy, pseudonymKey, columns, personalOverrides, keepWeeks, bom);
    }

    /**
     * The same options with other personal overrides: column name to {@code true} (an identifier) or {@code false}
     * (not one), as a CSV mapping's {@code personal:} entries give them ({@code CsvMapping.personalOverrides()}).
     *
     * @param overrides column name to identifier or not
     * @return the options
     */
    public WriterOptions withPersonalOverrides(Map<String, Boolean> overrides) {
        return new WriterOptions(identifierPolicy, pseudonymKey, identifierColumns, overrides, keepWeeks, bom);
    }

    /**
     * {@return whether a column of that name is an identifier by override, by its name or by {@link
     * #identifierColumns()}}
     *
     * @param column the column's name
     */
    public boolean isIdentifier(String column) {
        Boolean o = overrides().get(column.toLowerCase(Locale.ROOT));
        return o != null ? o : PersonalFields.isPersonal(column) || listed(column);
    }

    /**
     * {@return the identifier columns of {@code table}, in table order, each with why it is one}
     *
     * @param table the table
     */
    public List<PersonalFields.Detected> identifiersOf(GlosaTable table) {
        Map<String, Boolean> decided = new LinkedHashMap<>(overrides());
        for (String c : identifierColumns) {
            if (!PersonalFields.isPersonal(c)) {
                decided.putIfAbsent(c.toLowerCase(Locale.ROOT), true);
            }
        }
        return PersonalFields.detect(table, decided);
    }

    private Map<String, Boolean> overrides() {
        Map<String, Boolean> out = new HashMap<>();
        personalOverrides.forEach((k, v) -> out.put(k.trim().toLowerCase(Locale.ROOT), v));
        return out;
    }

    private boolean listed(String column) {
        for (String c : identifierColumns) {
            if (c.equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks, before any data is read, that a write of a table with {@code columns} can treat its identifiers: when one
     * of them is an identifier, a policy must be chosen or a key given (in the options or in
     * {@value #KEY_ENVIRONMENT_VARIABLE}). A caller that knows its source carries identifiers (SIH files always carry
     * AIH numbers) calls it first, so a run never reads and clusters for minutes only to stop at the write.
     *
     * @param columns the columns the write will see
     * @throws IllegalArgumentException naming the identifier columns and the three choices, as the write would
     */
    public void checkIdentifiers(java.util.Collection<String> columns) {
        List<PersonalFields.Detected> present = new java.util.ArrayList<>();
        for (String c : columns) {
            if (isIdentifier(c)) {
                present.add(new PersonalFields.Detected(c, "named as an identifier"));
            }
        }
        Identifiers.resolve(this, System.getenv(), present);
    }

    /**
     * Checks, before the clustering, that a write of {@code table} can treat its identifiers, found as the write finds
     * them ({@link #identifiersOf}: by override, name and content).
     *
     * @param table the table the write will see
     * @throws IllegalArgumentException naming the identifier columns, why each is one, and the three choices
     */
    public void checkIdentifiers(GlosaTable table) {
        Identifiers.resolve(this, System.getenv(), identifiersOf(table));
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "WriterOptions[identifierPolicy="
                + (identifierPolicy == null
                        ? "not chosen"
                        : identifierPolicy.name().toLowerCase(Locale.ROOT)) + ", pseudonymKey="
                + (pseudonymKey == null ? "from " + KEY_ENVIRONMENT_VARIABLE : "(set)") + ", identifierColumns="
                + identifierColumns + ", personalOverrides=" + personalOverrides + "]";
    }
}
