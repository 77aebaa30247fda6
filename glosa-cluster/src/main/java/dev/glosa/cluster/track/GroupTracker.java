package dev.glosa.cluster.track;

import dev.glosa.core.result.GroupIds;
import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.GroupStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Gives the groups of a segment ids that stay the same from one run to the next.
 *
 * <p><b>Ids.</b> A group's id is {@code segmentId + "-G" + serial}, for example {@code S3f9a0c12b4e7-G3}; noise is
 * {@code segmentId + "-N"}. Serials count up per segment and continue from the highest serial the previous state
 * holds, so an id is never given to two different groups of a segment, and the segment id makes it unique across
 * segments. A counter was chosen over a hash of run and label because it is short, readable in a dashboard slicer
 * ("G3 of this segment"), needs no run id, and is a pure function of the previous state and this run. In the first
 * run serials follow the rank in the segment (G1 is the costliest group); new groups of later runs get the next
 * serials in rank order. To keep the counter from going back, the state always keeps the segment's highest-serial
 * record, even after it left the absence window.
 *
 * <p><b>Distance</b> between a group {@code a} of this run and a recorded group {@code b}:
 * <pre>
 *   d(a, b) = sqrt( Σ_f ((a_f − b_f) / s_f)² ) + w · |ln(share_a / share_b)|
 * </pre>
 * where {@code a_f, b_f} are the groups' feature centres in original units, {@code s_f} the pooled segment standard
 * deviation of feature {@code f} ({@code sqrt((σ_now² + σ_then²) / 2)}, whichever is known when one is missing),
 * and
 * {@code share} the group's share of its segment's rows, weighted by {@code w = sizeWeight}. So the first term is
 * the Euclidean distance between centres in units of the segment's spread, which makes dimensions of very different
 * scales (reais and rates) comparable and is unaffected by a uniform growth of the whole segment; the second keeps a
 * small group from taking the id of a large one at the same place. Only features finite in both centres count; a
 * feature with no spread contributes 0 when the centres are equal and 1 otherwise; with no common feature the
 * distance is infinite.
 *
 * <p><b>Matching.</b> This run's groups (noise aside) and the recorded groups of the segment absent for at most
 * {@code maxAbsentRuns} runs are paired by the Hungarian algorithm on that distance; pairs farther apart than
 * {@code maxDistance} are forbidden (they cost more than any valid set of pairs), so the assignment first makes as
 * many valid pairs as possible and then minimises their total distance. A paired group keeps its id
 * ({@link GroupStatus#KEPT}), the others get fresh ids ({@link GroupStatus#NEW}). Noise keeps {@code -N} when the
 * previous state has noise within the window. Recorded groups seen in the previous run (absent 0 runs) that pair with
 * nothing are reported as vanished.
 */
public final class GroupTracker {
    private static final double FORBIDDEN = 1e9;
    private static final double TINY_SHARE = 1e-12;

    private GroupTracker() {}

    /**
     * Matches one segment's groups to the previous state of that segment.
     *
     * @param segmentId the segment's id
     * @param current this run's profiles of the segment, in rank order (fresh serials follow this order)
     * @param spreads the segment's standard deviation of each feature in this run, original units
     * @param previous the previous state's records of this segment (any order; may be empty)
     * @param options the threshold, size weight and absence window
     * @return the profiles with ids and statuses, the vanished groups and the state to persist
     * @throws IllegalArgumentException if a record belongs to another segment, two records share an id or a serial,
     *     or there are two noise profiles
     */
    public static SegmentTracking track(
            String segmentId,
            List<GroupProfile> current,
            Map<String, Double> spreads,
            List<GroupRecord> previous,
            TrackOptions options) {
        Objects.requireNonNull(segmentId, "segmentId");
        checkPrevious(segmentId, previous);
        int maxSerial = 0;
        GroupRecord highest = null;
        GroupRecord previousNoise = null;
        List<GroupRecord> candidates = new ArrayList<>();
        for (GroupRecord r : previous) {
            if (r.serial() > maxSerial) {
                maxSerial = r.serial();
                highest = r;
            }
            if (r.runsAbsent() <= options.maxAbsentRuns()) {
                if (r.isNoise()) {
                    previousNoise = r;
                } else {
                    candidates.add(r);
                }
            }
        }
        candidates.sort(Comparator.comparingInt(GroupRecord::serial));

        List<Integer> regular = new ArrayList<>();
        int noise = -1;
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i).cluster() < 0) {
                if (noise >= 0) {
                    throw new IllegalArgumentException("segment " + segmentId + " has two noise profiles");
                }
                noise = i;
            } else {
                regular.add(i);
            }
        }

        int n = regular.size();
        int m = candidates.size();
        double[] cost = new double[n * m];
        for (int i = 0; i < n; i++) {
            GroupProfile p = current.get(regular.get(i));
            for (int j = 0; j < m; j++) {
                double d = distance(p.featureCentres(), spreads, p.rowShare(), candidates.get(j), options.sizeWeight());
                cost[i * m + j] = d <= options.maxDistance() ? d : FORBIDDEN;
            }
        }
        int[] match = Hungarian.assign(cost, n, m);

        String[] ids = new String[current.size()];
        int[] serials = new int[current.size()];
        GroupStatus[] status = new GroupStatus[current.size()];
        Set<String> matched = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int j = match[i];
            if (j >= 0 && cost[i * m + j] <= options.maxDistance()) {
                GroupRecord r = candidates.get(j);
                int c = regular.get(i);
                ids[c] = r.groupId();
                serials[c] = r.serial();
                status[c] = GroupStatus.KEPT;
                matched.add(r.groupId());
            }
        }
        int next = maxSerial;
        for (int i = 0; i < n; i++) {
            int c = regular.get(i);
            if (ids[c] == null) {
                serials[c] = ++next;
                ids[c] = GroupIds.group(segmentId, serials[c]);
                status[c] = GroupStatus.NEW;
            }
        }
        if (noise >= 0) {
            ids[noise] = GroupIds.noise(segmentId);
            serials[noise] = 0;
            status[noise] = previousNoise != null ? GroupStatus.KEPT : GroupStatus.NEW;
            if (previousNoise != null) {
                matched.add(previousNoise.groupId());
            }
        }

        List<GroupProfile> profiles = new ArrayList<>(current.size());
        List<GroupRecord> state = new ArrayList<>();
        for (int c = 0; c < current.size(); c++) {
            GroupProfile p = current.get(c).withGroupId(ids[c]).withStatus(status[c]);
            profiles.add(p);
            state.add(new GroupRecord(
                    segmentId,
                    ids[c],
                    serials[c],
                    p.cluster(),
                    p.rows(),
                    p.rowShare(),
                    p.glosaAmount(),
                    p.featureCentres(),
                    spreads,
                    0,
                    p.label()));
        }
        List<GroupRecord> vanished = new ArrayList<>();
        for (GroupRecord r : sorted(previous)) {
            if (!matched.contains(r.groupId())) {
                if (r.runsAbsent() == 0) {
                    vanished.add(r);
                }
                if (r.runsAbsent() + 1 <= options.maxAbsentRuns()) {
                    state.add(r.absentOnceMore());
                }
            }
        }
        keepHighest(state, highest);
        state.sort(Comparator.comparingInt(GroupRecord::serial));
        return new SegmentTracking(profiles, vanished, state);
    }

    /**
     * The outcome for a segment of the previous state that has no rows in this run: its groups seen last run vanish,
     * the others age by one run.
     *
     * @param options the tracking options
     * @return the segment's tracking outcome
     * @param previous the previous state's records of that segment
     */
    public static SegmentTracking absent(List<GroupRecord> previous, TrackOptions options) {
        if (previous.isEmpty()) {
            return new SegmentTracking(List.of(), List.of(), List.of());
        }
        String segmentId = previous.get(0).segmentId();
        checkPrevious(segmentId, previous);
        List<GroupRecord> vanished = new ArrayList<>();
        List<GroupRecord> state = new ArrayList<>();
        GroupRecord highest = null;
        for (GroupRecord r : sorted(previous)) {
            highest = r;
            if (r.runsAbsent() == 0) {
                vanished.add(r);
            }
            if (r.runsAbsent() + 1 <= options.maxAbsentRuns()) {
                state.add(r.absentOnceMore());
            }
        }
        keepHighest(state, highest);
        state.sort(Comparator.comparingInt(GroupRecord::serial));
        return new SegmentTracking(List.of(), vanished, state);
    }

    /**
     * The distance between a group of this run and a recorded group (see the class description).
     *
     * @return the distance, 0 for the same group
     * @param centres the group's feature centres, original units
     * @param spreads this run's segment spread of each feature
     * @param rowShare the group's share of its segment's rows
     * @param recorded the recorded group
     * @param sizeWeight the weight of the size term
     */
    public static double distance(
            Map<String, Double> centres,
            Map<String, Double> spreads,
            double rowShare,
            GroupRecord recorded,
            double sizeWeight) {
        double ss = 0;
        int used = 0;
        for (Map.Entry<String, Double> e : centres.entrySet()) {
            Double other = recorded.centres().get(e.getKey());
            if (other == null || e.getValue() == null) {
                continue;
            }
            double a = e.getValue();
            double b = other;
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                continue;
            }
            double s = pooled(spreads.get(e.getKey()), recorded.spreads().get(e.getKey()));
            double t = s > 0 ? (a - b) / s : (a == b ? 0 : 1);
            ss += t * t;
            used++;
        }
        if (used == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double ratio = Math.max(rowShare, TINY_SHARE) / Math.max(recorded.rowShare(), TINY_SHARE);
        double size = sizeWeight == 0 ? 0 : sizeWeight * Math.abs(Math.log(ratio));
        return Math.sqrt(ss) + size;
    }

    private static double pooled(Double now, Double then) {
        boolean a = now != null && Double.isFinite(now);
        boolean b = then != null && Double.isFinite(then);
        if (a && b) {
            return Math.sqrt(0.5 * (now * now + then * then));
        }
        return a ? now : b ? then : Double.NaN;
    }

    private static void keepHighest(List<GroupRecord> state, GroupRecord highest) {
        if (highest == null) {
            return;
        }
        int max = 0;
        for (GroupRecord r : state) {
            max = Math.max(max, r.serial());
        }
        if (max < highest.serial()) {
            state.add(highest.absentOnceMore());
        }
    }

    private static List<GroupRecord> sorted(List<GroupRecord> records) {
        List<GroupRecord> s = new ArrayList<>(records);
        s.sort(Comparator.comparingInt(GroupRecord::serial));
        return s;
    }

    private static void checkPrevious(String segmentId, List<GroupRecord> previous) {
        Set<String> ids = new HashSet<>();
        Set<Integer> serials = new HashSet<>();
        for (GroupRecord r : previous) {
            if (!r.segmentId().equals(segmentId)) {
                throw new IllegalArgumentException(
                        "record " + r.groupId() + " belongs to segment " + r.segmentId() + ", not to " + segmentId);
            }
            if (!ids.add(r.groupId())) {
                throw new IllegalArgumentException(
                        "two records of segment " + segmentId + " share the id " + r.groupId());
            }
            if (!serials.add(r.serial())) {
                throw new IllegalArgumentException(
                        "two records of segment " + segmentId + " share the serial " + r.serial());
            }
        }
    }
}
