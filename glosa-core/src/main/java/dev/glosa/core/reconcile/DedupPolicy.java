package dev.glosa.core.reconcile;

/** Which row of a claim that stands in the rejected file more than once represents it. */
public enum DedupPolicy {
    /** The first occurrence in input order, with all its columns: the reference analysis's rule. */
    FIRST,
    /** The last occurrence in input order: the most recent re-presentation when files are given oldest first. */
    LAST,
    /** The occurrence with the largest rejected amount (the first of them on a tie). */
    MAX_VALUE
}
