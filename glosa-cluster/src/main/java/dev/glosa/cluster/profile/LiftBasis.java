package dev.glosa.cluster.profile;

/** What a category's share of a group (and of its segment) is measured in. */
public enum LiftBasis {
    /**
     * Share of the glosa: "MATERIAL carries 82% of the group's glosa against 31% of the segment's". Negative amounts
     * count as 0; a group (or segment) with no positive glosa falls back to {@link #ROWS}.
     */
    GLOSA,
    /** Share of the rows. */
    ROWS
}
