package dev.glosa.io.powerbi;

import java.util.List;
import java.util.Locale;

/**
 * How the star schema treats patient-identifying columns.
 *
 * <p>A column is an identifier when its name equals, ignoring case, one of {@link #identifierColumns()}. The fixed
 * columns of the star schema ({@code hospital}, {@code payer}, {@code competence}, the amounts, ...) are never
 * identifiers.
 *
 * <p>When {@link #identifierPolicy()} is {@code null} (no explicit choice) the writer pseudonymises if a key is available
 * (from {@link #pseudonymKey()} or the environment variable {@value #KEY_ENVIRONMENT_VARIABLE}) and otherwise refuses
 * to write a table that has identifier columns, naming the three choices. {@link IdentifierPolicy#PSEUDONYMISE} needs a
 * key of at least {@value #MIN_KEY_LENGTH} characters; its pseudonyms are the first 96 bits of
 * {@code HMAC-SHA256(key, value text)} as 24 lower-case hex digits.
 *
 * @param identifierPolicy what to do with identifier columns; {@code null} means not chosen (see above)
 * @param pseudonymKey the HMAC key; {@code null} to take it from {@value #KEY_ENVIRONMENT_VARIABLE}
 * @param identifierColumns the names of the identifier columns
 */
public record WriterOptions(IdentifierPolicy identifierPolicy, String pseudonymKey, List<String> identifierColumns) {

    /** The environment variable the pseudonym key is read from when the options carry none. */
    public static final String KEY_ENVIRONMENT_VARIABLE = "GLOSA_PSEUDONYM_KEY";

    /** The shortest key accepted, in characters. */
    public static final int MIN_KEY_LENGTH = 16;

    /**
     * The identifier columns recognised by default: claim and AIH numbers, CPF (patient, authoriser, manager), CNS,
     * health-plan card numbers, birth dates, postal code, prenatal registration, and patient names.
     */
    public static final List<String> DEFAULT_IDENTIFIER_COLUMNS = dev.glosa.core.table.PersonalFields.NAMES;

    /** Checks the key length and copies the column list. */
    public WriterOptions {
        if (pseudonymKey != null && pseudonymKey.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("the pseudonym key must have at least " + MIN_KEY_LENGTH
                    + " characters, found " + pseudonymKey.length());
        }
        identifierColumns = List.copyOf(identifierColumns);
        for (String c : identifierColumns) {
            if (c.isBlank()) {
                throw new IllegalArgumentException("identifier column names must not be blank, found " + identifierColumns);
            }
        }
    }

    /** No explicit choice, no key in the options, the default identifier columns. */
    public static WriterOptions defaults() {
        return new WriterOptions(null, null, DEFAULT_IDENTIFIER_COLUMNS);
    }

    /** Pseudonymises the default identifier columns with {@code key}. */
    public static WriterOptions pseudonymise(String key) {
        return new WriterOptions(IdentifierPolicy.PSEUDONYMISE, key, DEFAULT_IDENTIFIER_COLUMNS);
    }

    /** The same options with another policy. */
    public WriterOptions withIdentifierPolicy(IdentifierPolicy policy) {
        return new WriterOptions(policy, pseudonymKey, identifierColumns);
    }

    /** The same options with another key ({@code null} to use the environment). */
    public WriterOptions withPseudonymKey(String key) {
        return new WriterOptions(identifierPolicy, key, identifierColumns);
    }

    /** The same options with another list of identifier columns. */
    public WriterOptions withIdentifierColumns(List<String> columns) {
        return new WriterOptions(identifierPolicy, pseudonymKey, columns);
    }

    /** Whether {@code column} is an identifier column. */
    public boolean isIdentifier(String column) {
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
     * @throws IllegalArgumentException naming the identifier columns and the three choices, as the write would
     */
    public void checkIdentifiers(java.util.Collection<String> columns) {
        List<String> present = new java.util.ArrayList<>();
        for (String c : columns) {
            if (isIdentifier(c)) {
                present.add(c);
            }
        }
        Identifiers.resolve(this, System.getenv(), present);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "WriterOptions[identifierPolicy=" + (identifierPolicy == null ? "not chosen"
                : identifierPolicy.name().toLowerCase(Locale.ROOT)) + ", pseudonymKey="
                + (pseudonymKey == null ? "from " + KEY_ENVIRONMENT_VARIABLE : "(set)") + ", identifierColumns="
                + identifierColumns + "]";
    }
}
