package dev.glosa.io.powerbi;

import dev.glosa.core.table.PersonalFields;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The identifier treatment of one write, resolved from the options, the environment and the columns present. */
final class Identifiers {
    /** The policy recorded when no column needed one and none was chosen. */
    static final String NONE = "none";

    private final IdentifierPolicy policy;
    private final Pseudonymiser pseudonymiser;
    private final List<String> present;
    private final Set<String> names;

    private Identifiers(IdentifierPolicy policy, Pseudonymiser pseudonymiser, List<PersonalFields.Detected> present) {
        this.policy = policy;
        this.pseudonymiser = pseudonymiser;
        this.present = present.stream().map(PersonalFields.Detected::column).toList();
        this.names = new HashSet<>(this.present);
    }

    /**
     * Resolves the treatment of the identifier columns {@code present}.
     *
     * @throws IllegalArgumentException when identifiers are present and no treatment can be chosen, naming the options
     */
    static Identifiers resolve(
            WriterOptions options, Map<String, String> environment, List<PersonalFields.Detected> present) {
        String key = options.pseudonymKey();
        if (key == null) {
            String env = environment.get(WriterOptions.KEY_ENVIRONMENT_VARIABLE);
            if (env != null && !env.isBlank()) {
                if (env.length() < WriterOptions.MIN_KEY_LENGTH) {
                    throw new IllegalArgumentException(
                            "the pseudonym key in " + WriterOptions.KEY_ENVIRONMENT_VARIABLE + " must have at least "
                                    + WriterOptions.MIN_KEY_LENGTH + " characters, found " + env.length());
                }
                key = env;
            }
        }
        IdentifierPolicy policy = options.identifierPolicy();
        if (policy == null && key != null) {
            policy = IdentifierPolicy.PSEUDONYMISE;
        }
        if (present.isEmpty()) {
            return new Identifiers(
                    policy,
                    policy == IdentifierPolicy.PSEUDONYMISE && key != null ? new Pseudonymiser(key) : null,
                    present);
        }
        if (policy == null || policy == IdentifierPolicy.PSEUDONYMISE && key == null) {
            throw new IllegalArgumentException("columns "
                    + present.stream().map(PersonalFields.Detected::column).toList() + " identify patients ("
                    + present.stream()
                            .map(d -> d.column() + ": " + d.reason())
                            .collect(java.util.stream.Collectors.joining("; "))
                    + ") and "
                    + (policy == null ? "no identifier policy was chosen" : "identifier policy PSEUDONYMISE has no key")
                    + ": set a pseudonym key of at least " + WriterOptions.MIN_KEY_LENGTH
                    + " characters (configuration "
                    + "pseudonymKey or environment variable " + WriterOptions.KEY_ENVIRONMENT_VARIABLE
                    + ") to pseudonymise them, or choose identifier policy DROP to leave them out or KEEP_CLEAR to "
                    + "write them as they are");
        }
        return new Identifiers(
                policy, policy == IdentifierPolicy.PSEUDONYMISE ? new Pseudonymiser(key) : null, present);
    }

    /** Whether {@code column}, not a fixed column of the schema, is an identifier. */
    boolean applies(String column) {
        return names.contains(column);
    }

    /** Whether identifier {@code column} is written as it is: the policy keeps identifiers in clear. */
    boolean keepsClear(String column) {
        return applies(column) && policy == IdentifierPolicy.KEEP_CLEAR;
    }

    /** Whether identifier {@code column} is left out. */
    boolean drops(String column) {
        return applies(column) && policy == IdentifierPolicy.DROP;
    }

    /** Whether identifier {@code column} is written as pseudonyms. */
    boolean pseudonymises(String column) {
        return applies(column) && policy == IdentifierPolicy.PSEUDONYMISE;
    }

    /** The pseudonym of {@code text}. */
    String pseudonym(String text) {
        return pseudonymiser.pseudonym(text);
    }

    /** The key's fingerprint, or {@code null} when nothing is pseudonymised. */
    String keyId() {
        return pseudonymiser == null || present.isEmpty() ? null : pseudonymiser.keyId();
    }

    /** The policy as {@code runs.csv} and the manifest record it. */
    String policyName() {
        return policy == null ? NONE : policy.name().toLowerCase(Locale.ROOT);
    }

    /** The identifier columns present in this run's data. */
    List<String> present() {
        return present;
    }
}
