package dev.glosa.cluster.profile;

/** What puts one group ahead of another in the priority ranking. */
public enum RankBy {
    /** Total glosa of the group: the money at stake. */
    GLOSA,
    /** The group's glosa jump over the previous month (sum of the jump column): the money that is growing. */
    JUMP
}
