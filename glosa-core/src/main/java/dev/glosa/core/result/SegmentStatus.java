package dev.glosa.core.result;

/** How the clustering of one segment ended. */
public enum SegmentStatus {
    /** Clustered: its groups were chosen by the strategy and the criterion. */
    CLUSTERED,
    /** Below the minimum size: all its rows form one group. */
    TOO_SMALL,
    /** The clustering failed; the reason is recorded and the run went on. */
    FAILED
}
