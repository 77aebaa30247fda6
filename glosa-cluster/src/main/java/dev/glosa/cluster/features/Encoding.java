package dev.glosa.cluster.features;

/** How a categorical column becomes numbers. */
public enum Encoding {
    /** One 0/1 column per frequent value, plus one for every other value (missing included) when there are any. */
    ONE_HOT,
    /** One column holding the share of rows that have the row's value (missing counts as one value). */
    FREQUENCY
}
