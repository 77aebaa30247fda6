package dev.glosa.cluster.profile;

import dev.glosa.core.result.GroupProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The priority rank of every group of a run, across segments, by money at stake.
 */
public final class Ranking {
    private Ranking() {}

    /**
     * The profiles with {@link GroupProfile#rankOverall()} set: 1 for the group with the largest total glosa (or
     * glosa jump, with {@link RankBy#JUMP}); ties go to the larger total glosa, then to the earlier profile in the
     * given order (segment order, then rank in segment, when the list comes from a loop run). A {@code NaN} metric
     * ranks last.
     *
     * @param profiles the profiles of a run, in a deterministic order
     * @param by what to sort on
     * @return the same profiles in the same order, ranks filled in
     */
    public static List<GroupProfile> rankOverall(List<GroupProfile> profiles, RankBy by) {
        int m = profiles.size();
        double[] metric = new double[m];
        double[] glosa = new double[m];
        int[] position = new int[m];
        for (int i = 0; i < m; i++) {
            GroupProfile p = profiles.get(i);
            metric[i] = by == RankBy.JUMP ? p.glosaJump() : p.glosaAmount();
            glosa[i] = p.glosaAmount();
            position[i] = i;
        }
        Integer[] order = GroupProfiler.rankOrder(metric, glosa, position);
        int[] rank = new int[m];
        for (int r = 0; r < m; r++) {
            rank[order[r]] = r + 1;
        }
        List<GroupProfile> out = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            out.add(profiles.get(i).withRanks(profiles.get(i).rankInSegment(), rank[i]));
        }
        return out;
    }

    /**
     * {@return the profiles sorted by {@link GroupProfile#rankOverall()}, 1 first}
     *
     * @param profiles the profiles
     */
    public static List<GroupProfile> byOverallRank(List<GroupProfile> profiles) {
        GroupProfile[] a = profiles.toArray(new GroupProfile[0]);
        Arrays.sort(a, (x, y) -> Integer.compare(x.rankOverall(), y.rankOverall()));
        return List.of(a);
    }
}
