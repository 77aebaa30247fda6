package dev.glosa.report;

import dev.glosa.core.text.KeyNames;
import dev.glosa.io.powerbi.HistoryTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The tables of one week of an output folder, and the run history around it: what the report is drawn from.
 *
 * @param asOf the week's date
 * @param previousAsOf the latest earlier week in the folder, or {@code null} for the first
 * @param runs every run of the folder ({@code runs.csv})
 * @param run the week's row of {@code runs}
 * @param segments the week's {@code dim_segment.csv}
 * @param clusters the week's {@code dim_group.csv}
 * @param previousClusters the previous week's {@code dim_group.csv}, empty for the first week
 * @param indicators the week's {@code indicators.csv}
 * @param situations claims, glosa and paid amount by SUS situation of the week's fact rows, empty when the rows have
 *     no situation
 * @param segmentRows the week's fact rows of the segments drawn as scatters ({@link #scatterSegments}), clustered rows
 *     only; the other fact rows are read once and not held
 * @param names the names of the segment keys' codes, from the folder's dimension tables ({@link #dimensionNames})
 * @param appeals the week's {@code fact_appeal.csv} (TISS runs; empty otherwise)
 * @param pending the week's {@code appeal_pending.csv} (TISS runs; empty otherwise)
 */
record Week(
        String asOf,
        String previousAsOf,
        HistoryTable runs,
        String[] run,
        HistoryTable segments,
        HistoryTable clusters,
        HistoryTable previousClusters,
        HistoryTable indicators,
        Map<String, double[]> situations,
        HistoryTable segmentRows,
        KeyNames names,
        HistoryTable appeals,
        HistoryTable pending) {

    /** Groups in the ranked chart and the cards. */
    static final int TOP_GROUPS = 10;
    /** Segments of the top groups that get a scatter. */
    static final int TOP_SEGMENTS = 3;

    /** Reads week {@code asOf} of {@code folder}, or its latest week when {@code asOf} is null. */
    static Week read(Path folder, LocalDate asOf) throws IOException {
        HistoryTable runs = HistoryTable.read(folder, "runs.csv");
        if (runs.rows().isEmpty()) {
            throw new IOException(
                    folder.resolve("runs.csv") + ": no run recorded; give the output folder of a glosa run"
                            + " (glosa demo, sus, csv, tiss or sql --out DIR)");
        }
        int asOfIndex = runs.indexOf("as_of");
        TreeSet<String> weeks = new TreeSet<>();
        for (String[] r : runs.rows()) {
            weeks.add(r[asOfIndex]);
        }
        String week = asOf == null ? weeks.last() : asOf.toString();
        if (!weeks.contains(week)) {
            throw new IOException(folder.resolve("runs.csv") + ": no run as of " + week + "; the folder holds "
                    + String.join(", ", weeks) + " (give one of them with --as-of)");
        }
        String[] run = null;
        for (String[] r : runs.rows()) {
            if (r[asOfIndex].equals(week)) {
                run = r;
            }
        }
        String previous = weeks.lower(week);
        HistoryTable prevClusters = previous == null
                ? new HistoryTable("dim_group.csv", List.of(), List.of())
                : HistoryTable.readWeek(folder, "dim_group.csv", previous);
        HistoryTable clusters = HistoryTable.readWeek(folder, "dim_group.csv", week);
        List<String> drawn = scatterSegments(clusters);
        Map<String, double[]> situations = new TreeMap<>();
        List<String[]> segmentRows = new ArrayList<>();
        List<String> factHeader = HistoryTable.header(folder, "fact_glosa.csv");
        int[] cols = {
            factHeader.indexOf("situation"),
            factHeader.indexOf("glosa_amount"),
            factHeader.indexOf("paid_amount"),
            factHeader.indexOf("segment_id"),
            factHeader.indexOf("group_id")
        };
        if (cols[0] >= 0 || cols[3] >= 0) {
            HistoryTable.scanWeek(folder, "fact_glosa.csv", week, row -> {
                if (cols[0] >= 0) {
                    double[] a = situations.computeIfAbsent(row[cols[0]], k -> new double[3]);
                    a[0]++;
                    a[1] += ReportPage.num(row[cols[1]]);
                    a[2] += ReportPage.num(row[cols[2]]);
                }
                if (cols[3] >= 0 && cols[4] >= 0 && !row[cols[4]].isEmpty() && drawn.contains(row[cols[3]])) {
                    segmentRows.add(row);
                }
            });
        }
        return new Week(
                week,
                previous,
                runs,
                run,
                HistoryTable.readWeek(folder, "dim_segment.csv", week),
                clusters,
                prevClusters,
                HistoryTable.readWeek(folder, "indicators.csv", week),
                situations,
                new HistoryTable("fact_glosa.csv", factHeader, segmentRows),
                dimensionNames(folder),
                HistoryTable.readWeek(folder, "fact_appeal.csv", week),
                HistoryTable.readWeek(folder, "appeal_pending.csv", week));
    }

    /**
     * The names of the folder's dimension tables ({@code dim_hospital}, {@code dim_payer}, {@code dim_glosa_type}, any
     * {@code dim_<key>.csv} whose first column is a key and which has a {@code name} column); the run, date, segment
     * and group tables hold no key names. Read from the folder, as everything else on the page, so a redraw gives the
     * same bytes.
     */
    static KeyNames dimensionNames(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> {
                        String n = p.getFileName().toString();
                        return n.startsWith("dim_")
                                && n.endsWith(".csv")
                                && !List.of(
                                                "dim_segment.csv",
                                                "dim_group.csv",
                                                "dim_cluster.csv",
                                                "dim_run.csv",
                                                "dim_date.csv")
                                        .contains(n);
                    })
                    .sorted()
                    .toList();
        }
        KeyNames names = KeyNames.none();
        for (Path file : files) {
            HistoryTable t = HistoryTable.read(folder, file.getFileName().toString());
            int name = t.indexOf("name");
            if (t.header().isEmpty() || name < 0) {
                continue;
            }
            Map<String, String> byCode = new TreeMap<>();
            for (String[] r : t.rows()) {
                byCode.put(r[0], r[name]);
            }
            names = names.and(KeyNames.of(t.header().get(0), byCode));
        }
        return names;
    }

    /** The week's groups by money at stake, costliest first (ties by id), at most {@link #TOP_GROUPS}. */
    static List<String[]> topGroups(HistoryTable clusters) {
        List<String[]> ranked = new ArrayList<>(clusters.rows());
        ranked.sort(Comparator.comparingDouble((String[] r) -> -ReportPage.num(clusters.get(r, "glosa_amount")))
                .thenComparing(r -> clusters.get(r, "group_id")));
        return ranked.subList(0, Math.min(TOP_GROUPS, ranked.size()));
    }

    /** The segments of the top groups, in their order, at most {@link #TOP_SEGMENTS}. */
    static List<String> scatterSegments(HistoryTable clusters) {
        List<String> segments = new ArrayList<>();
        for (String[] g : topGroups(clusters)) {
            String seg = clusters.get(g, "segment_id");
            if (!segments.contains(seg) && segments.size() < TOP_SEGMENTS) {
                segments.add(seg);
            }
        }
        return segments;
    }

    /** The week's run cell {@code column}, {@code ""} when absent. */
    String runCell(String column) {
        return runs.get(run, column);
    }

    /** The runs up to and including this week, oldest first. */
    List<String[]> runsUpTo() {
        int asOfIndex = runs.indexOf("as_of");
        List<String[]> out = new ArrayList<>();
        for (String[] r : runs.rows()) {
            if (r[asOfIndex].compareTo(asOf) <= 0) {
                out.add(r);
            }
        }
        out.sort((a, b) -> a[asOfIndex].compareTo(b[asOfIndex]));
        return out;
    }
}
