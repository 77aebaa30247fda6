package dev.glosa.report;

import dev.glosa.io.powerbi.HistoryTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The tables of one week of an output folder, and the run history around it: what the report is drawn from.
 *
 * @param asOf the week's date
 * @param previousAsOf the latest earlier week in the folder, or {@code null} for the first
 * @param runs every run of the folder ({@code runs.csv})
 * @param run the week's row of {@code runs}
 * @param segments the week's {@code dim_segment.csv}
 * @param clusters the week's {@code dim_cluster.csv}
 * @param previousClusters the previous week's {@code dim_cluster.csv}, empty for the first week
 * @param indicators the week's {@code indicators.csv}
 * @param facts the week's {@code fact_glosa.csv}
 */
record Week(String asOf, String previousAsOf, HistoryTable runs, String[] run, HistoryTable segments,
        HistoryTable clusters, HistoryTable previousClusters, HistoryTable indicators, HistoryTable facts) {

    /** Reads week {@code asOf} of {@code folder}, or its latest week when {@code asOf} is null. */
    static Week read(Path folder, LocalDate asOf) throws IOException {
        HistoryTable runs = HistoryTable.read(folder, "runs.csv");
        if (runs.rows().isEmpty()) {
            throw new IOException(folder.resolve("runs.csv") + ": no run recorded; give the output folder of a glosa run"
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
        HistoryTable prevClusters = previous == null ? new HistoryTable("dim_cluster.csv", List.of(), List.of())
                : HistoryTable.readWeek(folder, "dim_cluster.csv", previous);
        return new Week(week, previous, runs, run, HistoryTable.readWeek(folder, "dim_segment.csv", week),
                HistoryTable.readWeek(folder, "dim_cluster.csv", week), prevClusters,
                HistoryTable.readWeek(folder, "indicators.csv", week),
                HistoryTable.readWeek(folder, "fact_glosa.csv", week));
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
