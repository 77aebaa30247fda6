package dev.glosa.io.powerbi;

/**
 * What the writer does with the columns that identify a patient (claim number, card number, CPF, CNS, birth date).
 */
public enum IdentifierPolicy {
    /**
     * Replaces every value by a keyed HMAC-SHA256 pseudonym: the same value and key give the same pseudonym, so rows
     * still join across tables and runs, but nobody without the key can recover or test a value.
     */
    PSEUDONYMISE,
    /** Leaves the columns out of every output. */
    DROP,
    /** Writes the values as they are; only for folders whose readers may see patient data. */
    KEEP_CLEAR
}
