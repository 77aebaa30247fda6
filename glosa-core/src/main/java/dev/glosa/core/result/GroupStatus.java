package dev.glosa.core.result;

/** Whether a group matched a group of the previous run. */
public enum GroupStatus {
    /** No group of the previous run matched: a fresh id was drawn. */
    NEW,
    /** It matched a group of the previous run and kept its id. */
    KEPT
}
