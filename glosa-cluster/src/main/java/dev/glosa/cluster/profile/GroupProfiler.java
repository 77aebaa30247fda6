package dev.glosa.cluster.profile;

import dev.glosa.core.result.CategoryLift;
import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupStatus;
import dev.glosa.core.result.ReasonShare;
import dev.glosa.core.segment.SegmentKey;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.PersonalFields;
import dev.glosa.core.text.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Describes every group of one segment: money, shares, rate, feature centres in original units, distinctive
 * categories, top reason codes, a short label and the rank inside the segment.
 *
 * <p>Money: a missing glosa, billed or jump value counts as 0 (as in the reference input). Sums use Neumaier's
 * compensated summation, so the groups' glosa adds up to the segment's to well under a cent. Noise (cluster
 * {@code -1}) is a group of its own.
 *
 * <p>Feature centres are the mean of each feature's source column over the group's rows, in the column's own units
 * (missing values skipped; {@code NaN} when the group has none), whatever transform the clustering applied.
 *
 * <p>Distinctive categories: for each category column and value, the value's share of the group and of the segment
 * ({@link LiftBasis}); a value is reported when its group share reaches {@code minSupport} and its lift (group share
 * over segment share) reaches {@code minLift}; highest lift first, then highest group share. Missing values are never
 * reported but still count in the denominators.
 *
 * <p>The outliers (cluster {@code -1}) read "outliers — lines — money, share of the segment"
 * ({@link #outliersLabel}). Every other group's label reads "value level [and trend] — distinctive values — money,
 * share of the segment", for example
 * {@code high value and rising — MATERIAL, UTI — R$ 1.2M, 41% of the segment} (in pt-BR
 * {@code valor alto e em alta — MATERIAL, UTI — R$ 1,2 mi, 41% do segmento}), in {@link ProfileOptions#language}:
 * <ul>
 *   <li>value level: the group's mean glosa against the segment's, "high value" from 1.5 times, "low value" up to
 *       2/3, "mid value" between ({@code whole segment} when there is one group);
 *   <li>trend (only with a jump column): the group's mean jump over its mean glosa of the previous month
 *       ({@code mean glosa - mean jump}): "rising" above +10%, "falling" below -10%, else "stable"; with no
 *       previous glosa, "rising" when the jump is positive;
 *   <li>distinctive values: up to two, from different columns, preferring values held by at least half the group;
 *   <li>money in the language's short form ({@link Messages#moneyShort}).
 * </ul>
 */
public final class GroupProfiler {
    private static final double HIGH = 1.5;
    private static final double LOW = 2.0 / 3.0;
    private static final double TREND = 0.10;
    private static final double MAJORITY = 0.5;

    private GroupProfiler() {}

    /**
     * Profiles the groups of one segment.
     *
     * @param table the table the rows belong to
     * @param key the segment's key; its columns are never searched for distinctive values
     * @param rows the segment's table rows
     * @param clusters one cluster per row ({@code -1} = noise)
     * @param featureColumns the source columns of the clustering features (numeric), in feature order
     * @param options what to compute
     * @return the groups, costliest first, and the segment's totals
     * @throws IllegalArgumentException if the arrays differ in length, a cluster is below -1, or a column is missing
     *     or of the wrong type
     */
    public static SegmentProfile profile(
            GlosaTable table,
            SegmentKey key,
            int[] rows,
            int[] clusters,
            List<String> featureColumns,
            ProfileOptions options) {
        int n = rows.length;
        if (clusters.length != n) {
            throw new IllegalArgumentException(
                    "clusters (" + clusters.length + ") must be as many as rows (" + n + ")");
        }
        String segmentId = key.id();

        // Groups in cluster order, noise first.
        int maxCluster = -1;
        for (int i = 0; i < n; i++) {
            if (clusters[i] < -1) {
                throw new IllegalArgumentException(
                        "cluster of segment row " + i + " must be >= -1, found " + clusters[i]);
            }
            maxCluster = Math.max(maxCluster, clusters[i]);
        }
        int[] groupOfCluster = new int[maxCluster + 2];
        Arrays.fill(groupOfCluster, -1);
        for (int i = 0; i < n; i++) {
            groupOfCluster[clusters[i] + 1] = 0;
        }
        int groups = 0;
        for (int l = 0; l < groupOfCluster.length; l++) {
            if (groupOfCluster[l] == 0) {
                groupOfCluster[l] = groups++;
            }
        }
        int[] groupCluster = new int[groups];
        for (int l = 0; l < groupOfCluster.length; l++) {
            if (groupOfCluster[l] >= 0) {
                groupCluster[groupOfCluster[l]] = l - 1;
            }
        }
        int[] gi = new int[n];
        int[] size = new int[groups];
        for (int i = 0; i < n; i++) {
            gi[i] = groupOfCluster[clusters[i] + 1];
            size[gi[i]]++;
        }

        double[] glosa = amounts(table.doubles(options.glosaColumn()), rows);
        boolean hasBilled = table.has(options.billedColumn());
        double[] billed = hasBilled ? amounts(table.doubles(options.billedColumn()), rows) : null;
        boolean hasJump = options.jumpColumn() != null && table.has(options.jumpColumn());
        double[] jump = hasJump ? amounts(table.doubles(options.jumpColumn()), rows) : null;

        double[] glosaSum = groupSums(glosa, gi, groups);
        double[] billedSum = hasBilled ? groupSums(billed, gi, groups) : null;
        double[] jumpSum = hasJump ? groupSums(jump, gi, groups) : null;
        double segGlosa = sum(glosa);
        double segBilled = hasBilled ? sum(billed) : Double.NaN;
        double[] median = groupMedians(glosa, gi, size);

        // Feature centres and the segment's spread, in original units.
        int d = featureColumns.size();
        double[] centre = new double[groups * d];
        Map<String, Double> spread = new LinkedHashMap<>();
        for (int f = 0; f < d; f++) {
            String name = featureColumns.get(f);
            double[] x = numeric(table, name, rows);
            double[] s = new double[groups];
            int[] c = new int[groups];
            double total = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                double v = x[i];
                if (!Double.isNaN(v)) {
                    s[gi[i]] += v;
                    c[gi[i]]++;
                    total += v;
                    count++;
                }
            }
            for (int g = 0; g < groups; g++) {
                centre[g * d + f] = c[g] == 0 ? Double.NaN : s[g] / c[g];
            }
            double mean = count == 0 ? Double.NaN : total / count;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double v = x[i];
                if (!Double.isNaN(v)) {
                    ss += (v - mean) * (v - mean);
                }
            }
            spread.put(name, count == 0 ? Double.NaN : Math.sqrt(ss / count));
        }

        List<List<CategoryLift>> lifts = lifts(table, key, rows, glosa, gi, size, options);
        List<List<ReasonShare>> reasons = reasons(table, rows, glosa, gi, size, glosaSum, options);

        // Rank inside the segment.
        double[] metric = options.rankBy() == RankBy.JUMP ? jumpSum : glosaSum;
        Integer[] order = rankOrder(metric, glosaSum, groupCluster);
        int[] rank = new int[groups];
        for (int r = 0; r < groups; r++) {
            rank[order[r]] = r + 1;
        }

        double segMean = n == 0 ? 0 : segGlosa / n;
        Messages text = Messages.of(options.language());
        List<GroupProfile> out = new ArrayList<>(groups);
        for (int r = 0; r < groups; r++) {
            int g = order[r];
            int cluster = groupCluster[g];
            Map<String, Double> centres = new LinkedHashMap<>();
            for (int f = 0; f < d; f++) {
                centres.put(featureColumns.get(f), centre[g * d + f]);
            }
            double mean = glosaSum[g] / size[g];
            double share = segGlosa == 0 ? 0 : glosaSum[g] / segGlosa;
            double rate = hasBilled && billedSum[g] != 0 ? glosaSum[g] / billedSum[g] : Double.NaN;
            double jumpTotal = hasJump ? jumpSum[g] : Double.NaN;
            String label = cluster < 0
                    ? outliersLabel(text, size[g], glosaSum[g], share)
                    : describe(
                            text,
                            cluster,
                            groups,
                            mean,
                            segMean,
                            hasJump ? jumpSum[g] / size[g] : Double.NaN,
                            lifts.get(g),
                            glosaSum[g],
                            share);
            out.add(new GroupProfile(
                    segmentId,
                    segmentId + "#" + cluster,
                    cluster,
                    size[g],
                    (double) size[g] / n,
                    glosaSum[g],
                    mean,
                    median[g],
                    share,
                    rate,
                    jumpTotal,
                    centres,
                    lifts.get(g),
                    reasons.get(g),
                    label,
                    rank[g],
                    0,
                    GroupStatus.NEW));
        }
        return new SegmentProfile(segmentId, n, segGlosa, segBilled, spread, out);
    }

    /** Group indices sorted by metric (descending, {@code NaN} last), then glosa descending, then cluster. */
    static Integer[] rankOrder(double[] metric, double[] glosa, int[] cluster) {
        Integer[] order = new Integer[metric.length];
        for (int g = 0; g < order.length; g++) {
            order[g] = g;
        }
        Arrays.sort(order, (a, b) -> {
            int c = descendingNaNLast(metric[a], metric[b]);
            if (c != 0) {
                return c;
            }
            c = descendingNaNLast(glosa[a], glosa[b]);
            return c != 0 ? c : Integer.compare(cluster[a], cluster[b]);
        });
        return order;
    }

    static int descendingNaNLast(double a, double b) {
        boolean na = Double.isNaN(a);
        boolean nb = Double.isNaN(b);
        if (na || nb) {
            return Boolean.compare(na, nb);
        }
        return Double.compare(b, a);
    }

    /**
     * The label of a segment's outliers (cluster -1: the lines set aside before k was chosen, or a density strategy's
     * noise), for example {@code outliers — 3 lines — R$ 1.2M, 41% of the segment}. The one place its words live.
     */
    static String outliersLabel(Messages text, long rows, double total, double share) {
        return text.text(
                rows == 1 ? "label.outliers.one" : "label.outliers",
                String.valueOf(rows),
                text.moneyShort(total),
                text.percentShort(share));
    }

    private static String describe(
            Messages text,
            int cluster,
            int groups,
            double mean,
            double segMean,
            double meanJump,
            List<CategoryLift> lifts,
            double total,
            double share) {
        String level;
        if (groups == 1) {
            level = text.text("label.whole");
        } else if (segMean <= 0) {
            level = text.text(mean > 0 ? "label.high" : "label.none");
        } else {
            double ratio = mean / segMean;
            level = text.text(ratio >= HIGH ? "label.high" : ratio <= LOW ? "label.low" : "label.mid");
        }
        StringBuilder sb = new StringBuilder();
        if (!Double.isNaN(meanJump)) {
            double previous = mean - meanJump;
            String trend;
            if (previous > 0) {
                double rel = meanJump / previous;
                trend = rel > TREND ? "label.rising" : rel < -TREND ? "label.falling" : "label.stable";
            } else {
                trend = meanJump > 0 ? "label.rising" : "label.stable";
            }
            sb.append(text.text("label.trend", level, text.text(trend)));
        } else {
            sb.append(level);
        }
        List<CategoryLift> picked = new ArrayList<>(2);
        Set<String> columns = new HashSet<>();
        for (CategoryLift l : lifts) {
            if (picked.size() < 2 && l.shareInGroup() >= MAJORITY && columns.add(l.column())) {
                picked.add(l);
            }
        }
        if (picked.isEmpty() && !lifts.isEmpty()) {
            picked.add(lifts.get(0));
        }
        if (!picked.isEmpty()) {
            sb.append(" — ");
            for (int i = 0; i < picked.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(picked.get(i).value());
            }
        }
        sb.append(" — ").append(text.text("label.share", text.moneyShort(total), text.percentShort(share)));
        return sb.toString();
    }

    private static List<List<CategoryLift>> lifts(
            GlosaTable table,
            SegmentKey key,
            int[] rows,
            double[] glosa,
            int[] gi,
            int[] size,
            ProfileOptions options) {
        int n = rows.length;
        int groups = size.length;
        List<String> columns = categoryColumns(table, key, options);
        double[] pos = new double[n];
        for (int i = 0; i < n; i++) {
            pos[i] = glosa[i] > 0 ? glosa[i] : 0;
        }
        double[] posGroup = groupSums(pos, gi, groups);
        double posSeg = sum(pos);
        boolean[] byGlosa = new boolean[groups];
        for (int g = 0; g < groups; g++) {
            byGlosa[g] = options.liftBasis() == LiftBasis.GLOSA && posGroup[g] > 0 && posSeg > 0;
        }
        List<List<CategoryLift>> out = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            out.add(new ArrayList<>());
        }
        for (String name : columns) {
            CategoryColumn col = table.category(name);
            int[] local = new int[n];
            int[] codes = localCodes(col, rows, local);
            int u = codes.length;
            double[] segRows = new double[u];
            double[] segPos = new double[u];
            double[] grpRows = new double[groups * u];
            double[] grpPos = new double[groups * u];
            for (int i = 0; i < n; i++) {
                int v = local[i];
                if (v >= 0) {
                    segRows[v] += 1;
                    segPos[v] += pos[i];
                    grpRows[gi[i] * u + v] += 1;
                    grpPos[gi[i] * u + v] += pos[i];
                }
            }
            for (int g = 0; g < groups; g++) {
                for (int v = 0; v < u; v++) {
                    double sg = byGlosa[g] ? grpPos[g * u + v] / posGroup[g] : grpRows[g * u + v] / size[g];
                    double ss = byGlosa[g] ? segPos[v] / posSeg : segRows[v] / n;
                    if (ss > 0 && sg >= options.minSupport()) {
                        double lift = sg / ss;
                        if (lift >= options.minLift()) {
                            out.get(g).add(new CategoryLift(name, col.value(codes[v]), sg, ss, lift));
                        }
                    }
                }
            }
        }
        Comparator<CategoryLift> cmp = Comparator.comparingDouble(CategoryLift::lift)
                .reversed()
                .thenComparing(
                        Comparator.comparingDouble(CategoryLift::shareInGroup).reversed())
                .thenComparing(CategoryLift::column)
                .thenComparing(CategoryLift::value);
        for (int g = 0; g < groups; g++) {
            List<CategoryLift> l = out.get(g);
            l.sort(cmp);
            out.set(g, List.copyOf(l.subList(0, Math.min(l.size(), options.maxLifts()))));
        }
        return out;
    }

    private static List<String> categoryColumns(GlosaTable table, SegmentKey key, ProfileOptions options) {
        if (!options.categoryColumns().isEmpty()) {
            for (String c : options.categoryColumns()) {
                table.category(c);
            }
            refusePersonal(table, options);
            return options.categoryColumns();
        }
        List<String> candidates = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c.type() == ColumnType.CATEGORY
                    && !key.columns().contains(c.name())
                    && !c.name().equals(options.reasonColumn())) {
                candidates.add(c.name());
            }
        }
        Set<String> personal = PersonalFields.detectNames(
                table.project(candidates.toArray(String[]::new)), options.personalOverrides());
        List<String> out = new ArrayList<>();
        for (String c : candidates) {
            if (!personal.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Refuses category columns named in {@code options} that are personal: a group's label and distinctive values
     * quote the values in clear.
     *
     * @param table the table the groups come from
     * @param options the profile options
     * @throws IllegalArgumentException naming the column, why it is personal and the override that allows it
     */
    public static void refusePersonal(GlosaTable table, ProfileOptions options) {
        List<PersonalFields.Detected> personal = PersonalFields.detect(
                table.project(options.categoryColumns().toArray(String[]::new)), options.personalOverrides());
        if (!personal.isEmpty()) {
            throw new IllegalArgumentException("profile columns " + personal + " hold personal data, which a group's "
                    + "label would quote in clear: leave them out of the category columns, or set their personal "
                    + "override to false (ProfileOptions.withPersonalOverrides, or personal: false in the CSV mapping) "
                    + "if they identify nobody");
        }
    }

    private static List<List<ReasonShare>> reasons(
            GlosaTable table,
            int[] rows,
            double[] glosa,
            int[] gi,
            int[] size,
            double[] glosaSum,
            ProfileOptions options) {
        int groups = size.length;
        List<List<ReasonShare>> out = new ArrayList<>(groups);
        if (options.reasonColumn() == null || !table.has(options.reasonColumn()) || options.maxReasons() == 0) {
            for (int g = 0; g < groups; g++) {
                out.add(List.of());
            }
            return out;
        }
        CategoryColumn col = table.category(options.reasonColumn());
        int n = rows.length;
        int[] local = new int[n];
        int[] codes = localCodes(col, rows, local);
        int u = codes.length;
        long[] count = new long[groups * u];
        double[] amount = new double[groups * u];
        double[] comp = new double[groups * u];
        for (int i = 0; i < n; i++) {
            int v = local[i];
            if (v >= 0) {
                int cell = gi[i] * u + v;
                count[cell]++;
                neumaier(amount, comp, cell, glosa[i]);
            }
        }
        Comparator<ReasonShare> cmp = Comparator.comparingDouble(ReasonShare::glosaAmount)
                .reversed()
                .thenComparing(Comparator.comparingLong(ReasonShare::rows).reversed())
                .thenComparing(ReasonShare::code);
        for (int g = 0; g < groups; g++) {
            List<ReasonShare> l = new ArrayList<>();
            for (int v = 0; v < u; v++) {
                int cell = g * u + v;
                if (count[cell] > 0) {
                    double a = amount[cell] + comp[cell];
                    double share = glosaSum[g] > 0 ? a / glosaSum[g] : (double) count[cell] / size[g];
                    l.add(new ReasonShare(col.value(codes[v]), count[cell], a, share));
                }
            }
            l.sort(cmp);
            out.add(List.copyOf(l.subList(0, Math.min(l.size(), options.maxReasons()))));
        }
        return out;
    }

    /** The distinct non-missing codes of the rows, sorted; {@code local[i]} is the index of row i's code or -1. */
    private static int[] localCodes(CategoryColumn col, int[] rows, int[] local) {
        int n = rows.length;
        int[] sorted = new int[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = col.code(rows[i]);
        }
        int[] raw = sorted.clone();
        Arrays.sort(sorted);
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (sorted[i] >= 0 && (u == 0 || sorted[i] != sorted[u - 1])) {
                sorted[u++] = sorted[i];
            }
        }
        int[] codes = Arrays.copyOf(sorted, u);
        for (int i = 0; i < n; i++) {
            local[i] = raw[i] < 0 ? -1 : Arrays.binarySearch(codes, raw[i]);
        }
        return codes;
    }

    private static double[] amounts(DoubleColumn col, int[] rows) {
        double[] x = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double v = col.get(rows[i]);
            x[i] = Double.isNaN(v) ? 0 : v;
        }
        return x;
    }

    /** The values of a numeric (double or long) column at {@code rows}, {@code NaN} where missing. */
    static double[] numeric(GlosaTable table, String name, int[] rows) {
        Column c = table.column(name);
        double[] x = new double[rows.length];
        if (c instanceof DoubleColumn dc) {
            for (int i = 0; i < rows.length; i++) {
                x[i] = dc.get(rows[i]);
            }
        } else if (c instanceof LongColumn lc) {
            for (int i = 0; i < rows.length; i++) {
                long v = lc.get(rows[i]);
                x[i] = v == LongColumn.MISSING ? Double.NaN : v;
            }
        } else {
            throw new IllegalArgumentException(
                    "feature column '" + name + "' must be DOUBLE or LONG, found " + c.type());
        }
        return x;
    }

    private static double[] groupSums(double[] x, int[] gi, int groups) {
        double[] s = new double[groups];
        double[] c = new double[groups];
        for (int i = 0; i < x.length; i++) {
            neumaier(s, c, gi[i], x[i]);
        }
        for (int g = 0; g < groups; g++) {
            s[g] += c[g];
        }
        return s;
    }

    private static double sum(double[] x) {
        double[] s = new double[1];
        double[] c = new double[1];
        for (double v : x) {
            neumaier(s, c, 0, v);
        }
        return s[0] + c[0];
    }

    /**
     * Adds {@code v} to {@code s[i]} keeping the lost low-order part in {@code c[i]}: A. Neumaier,
     * "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen", ZAMM 54(1), 1974
     * (DOI 10.1002/zamm.19740540106).
     */
    private static void neumaier(double[] s, double[] c, int i, double v) {
        double t = s[i] + v;
        if (Math.abs(s[i]) >= Math.abs(v)) {
            c[i] += (s[i] - t) + v;
        } else {
            c[i] += (v - t) + s[i];
        }
        s[i] = t;
    }

    private static double[] groupMedians(double[] x, int[] gi, int[] size) {
        int groups = size.length;
        int[] start = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
            start[g + 1] = start[g] + size[g];
        }
        int[] fill = Arrays.copyOf(start, groups);
        double[] byGroup = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            byGroup[fill[gi[i]]++] = x[i];
        }
        double[] median = new double[groups];
        for (int g = 0; g < groups; g++) {
            int from = start[g];
            int to = start[g + 1];
            Arrays.sort(byGroup, from, to);
            int m = to - from;
            median[g] = m % 2 == 1 ? byGroup[from + m / 2] : 0.5 * (byGroup[from + m / 2 - 1] + byGroup[from + m / 2]);
        }
        return median;
    }
}
