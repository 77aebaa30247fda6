package dev.glosa.run;

import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupStatus;
import dev.glosa.core.segment.SegmentKey;
import dev.glosa.core.text.KeyNames;
import dev.glosa.core.text.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The end of a run on the console: the costliest groups with their segment's keys by name (hospital, payer, glosa
 * type, or the keys the configuration chose), amount, share of the segment, week-over-week status and label,
 * aligned in columns, in the run's language.
 */
final class TopList {
    /** How many groups the list shows. */
    static final int SIZE = 10;
    /** A kept group whose glosa moved less than this share of last week's is "kept", else grown or shrunk. */
    static final double STEADY = 0.05;

    private static final int MAX_NAME = 32;

    private TopList() {}

    /**
     * The list's lines: a title, a header and one line per group, at most {@link #SIZE}.
     *
     * @param ranking the run's groups, costliest first
     * @param keys each segment's key, by segment id
     * @param previous last week's glosa of each group, by cluster id
     */
    static List<String> lines(
            List<GroupProfile> ranking,
            Map<String, SegmentKey> keys,
            Map<String, Double> previous,
            KeyNames names,
            Messages text) {
        List<GroupProfile> top = ranking.subList(0, Math.min(SIZE, ranking.size()));
        List<String> keyColumns = new ArrayList<>();
        for (GroupProfile p : top) {
            SegmentKey k = keys.get(p.segmentId());
            if (k != null) {
                for (String c : k.columns()) {
                    if (!keyColumns.contains(c)) {
                        keyColumns.add(c);
                    }
                }
            }
        }
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[keyColumns.size() + 5];
        int h = 0;
        header[h++] = text.text("top.rank");
        for (String c : keyColumns) {
            header[h++] = text.has("key." + c) ? text.text("key." + c) : c;
        }
        header[h++] = text.text("top.amount");
        header[h++] = text.text("top.share");
        header[h++] = text.text("top.week");
        header[h] = text.text("top.label");
        rows.add(header);
        for (GroupProfile p : top) {
            String[] r = new String[header.length];
            int i = 0;
            r[i++] = Integer.toString(p.rankOverall());
            SegmentKey k = keys.get(p.segmentId());
            for (String c : keyColumns) {
                String code = k == null ? null : k.value(c);
                r[i++] = shorten(code == null ? "" : names.display(c, code));
            }
            r[i++] = text.money(p.glosaAmount());
            r[i++] = text.percent(p.glosaShare());
            r[i++] = week(p, previous.get(p.groupId()), text);
            r[i] = p.label() == null ? "" : p.label();
            rows.add(r);
        }
        int[] width = new int[header.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], length(r[i]));
            }
        }
        int amount = keyColumns.size() + 1;
        List<String> out = new ArrayList<>();
        out.add(text.text("top.title", Integer.toString(top.size())));
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder(" ");
            for (int i = 0; i < r.length; i++) {
                boolean right = i == 0 || i == amount || i == amount + 1;
                String pad = " ".repeat(width[i] - length(r[i]));
                sb.append(' ');
                if (i == r.length - 1) {
                    sb.append(r[i]);
                } else {
                    sb.append(right ? pad + r[i] : r[i] + pad).append(' ');
                }
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }

    /** New; or kept, grown or shrunk with the change in money against last week. */
    static String week(GroupProfile p, Double previous, Messages text) {
        if (p.status() == GroupStatus.NEW || previous == null) {
            return text.text("status.new");
        }
        double change = p.glosaAmount() - previous;
        String status = Math.abs(change) <= STEADY * Math.abs(previous)
                ? "status.kept"
                : change > 0 ? "status.grown" : "status.shrunk";
        return text.text(status) + " " + text.moneyChange(change);
    }

    private static String shorten(String s) {
        return length(s) <= MAX_NAME ? s : s.substring(0, s.offsetByCodePoints(0, MAX_NAME - 1)) + "…";
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
