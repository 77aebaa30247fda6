package dev.glosa.io.powerbi;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rewrites one table with this run's rows in place of any earlier rows of the same {@code as_of}.
 *
 * <p>The existing file is streamed twice, never held in memory: first its rows dated before {@code as_of}, then this
 * run's rows, then its rows dated after. A file kept in date order this way stays in date order, and re-running an
 * old week gives the bytes a run in date order would have given. The header is the existing one followed by the
 * columns this run adds; rows lacking a column get an empty cell. Cells of earlier runs are copied as read, so they are
 * neither re-guarded nor reformatted.
 */
final class HistoryFile {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private HistoryFile() {}

    /** What a merge wrote. */
    record Result(List<ColumnSpec> header, long written, long replaced, long total) {}

    /**
     * Writes {@code temp}: the history of {@code target} (if it exists) merged with {@code rows}.
     *
     * @param columns this run's columns, in the order {@code rows} fills them
     * @param previous the columns {@code manifest.json} recorded for this table, by name (types of earlier runs)
     */
    static Result merge(
            Path target,
            Path temp,
            List<ColumnSpec> columns,
            RowSource rows,
            String asOf,
            Map<String, ColumnSpec> previous)
            throws IOException {
        return merge(target, temp, columns, rows, asOf, previous, 0, false);
    }

    /**
     * Writes {@code temp} as above, keeping of the earlier rows only those of the latest {@code keepWeeks}
     * {@code as_of} dates, this run's counted among them (0 keeps every week); this run's rows are always written, so
     * re-running an old week writes that week. A UTF-8 byte order mark comes first when {@code bom}.
     */
    static Result merge(
            Path target,
            Path temp,
            List<ColumnSpec> columns,
            RowSource rows,
            String asOf,
            Map<String, ColumnSpec> previous,
            int keepWeeks,
            boolean bom)
            throws IOException {
        String file = target.getFileName().toString();
        Map<String, ColumnSpec> byName = new HashMap<>();
        for (ColumnSpec c : columns) {
            if (byName.put(c.name(), c) != null) {
                throw new IllegalStateException(file + ": column '" + c.name() + "' appears twice");
            }
        }
        String typeChange = typeChange(file, columns, previous);
        boolean exists = Files.exists(target);
        String[] oldHeader = exists ? readHeader(target) : new String[0];
        int asOfIndex = exists ? indexOf(oldHeader, Schema.AS_OF, target) : -1;
        String keepFrom = exists && keepWeeks > 0 ? keepFrom(target, asOfIndex, asOf, keepWeeks) : null;

        List<ColumnSpec> union = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        for (String name : oldHeader) {
            if (position.put(name, union.size()) != null) {
                throw new IOException(file + ":1: column '" + name + "' appears twice in the header");
            }
            ColumnSpec spec = byName.get(name);
            if (spec == null) {
                spec = previous.getOrDefault(name, ColumnSpec.of(name, CellType.TEXT, "written by an earlier run"));
            }
            union.add(spec);
        }
        for (ColumnSpec c : columns) {
            if (!position.containsKey(c.name())) {
                position.put(c.name(), union.size());
                union.add(c);
            }
        }
        int[] newPos = new int[columns.size()];
        for (int j = 0; j < newPos.length; j++) {
            newPos[j] = position.get(columns.get(j).name());
        }

        String[] out = new String[union.size()];
        String[] in = new String[columns.size()];
        long written = 0;
        long replaced = 0;
        long kept = 0;
        try (DurableCsv merged = DurableCsv.create(temp, bom)) {
            Csv.Out csv = merged.out();
            csv.record(Schema.names(union).toArray(new String[0]));
            if (exists) {
                long[] counts =
                        copyOld(target, csv, oldHeader.length, union.size(), asOfIndex, asOf, -1, typeChange, keepFrom);
                kept += counts[0];
                replaced += counts[1];
            }
            for (int i = 0, n = rows.size(); i < n; i++) {
                Arrays.fill(out, "");
                rows.fill(i, in);
                for (int j = 0; j < in.length; j++) {
                    out[newPos[j]] = in[j];
                }
                csv.record(out);
                written++;
            }
            if (exists) {
                kept += copyOld(target, csv, oldHeader.length, union.size(), asOfIndex, asOf, 1, typeChange, keepFrom)[
                        0];
            }
        }
        return new Result(List.copyOf(union), written, replaced, kept + written);
    }

    /** The message refusing a column whose type differs from earlier runs, or {@code null}. */
    private static String typeChange(String file, List<ColumnSpec> columns, Map<String, ColumnSpec> previous) {
        for (ColumnSpec c : columns) {
            ColumnSpec p = previous.get(c.name());
            if (p != null && (p.type() != c.type() || p.pseudonymised() != c.pseudonymised())) {
                return file + ": column '" + c.name() + "' was " + p.type().id
                        + (p.pseudonymised() ? " (pseudonymised)" : "")
                        + " in earlier runs and is " + c.type().id + (c.pseudonymised() ? " (pseudonymised)" : "")
                        + " now (was the identifier policy or key changed?); keep the earlier choice or write to a new folder";
            }
        }
        return null;
    }

    /**
     * Copies the old rows dated before ({@code side < 0}) or after ({@code side > 0}) {@code asOf}; returns the rows
     * copied and, before, the rows of {@code asOf} skipped. Records are copied as they stand in the file, with an empty
     * cell for each column the header gained.
     */
    private static long[] copyOld(
            Path target,
            Csv.Out csv,
            int width,
            int unionWidth,
            int asOfIndex,
            String asOf,
            int side,
            String typeChange,
            String keepFrom)
            throws IOException {
        String file = target.getFileName().toString();
        long copied = 0;
        long skipped = 0;
        try (Csv.RecordReader r = open(target)) {
            r.next();
            for (String[] cells; (cells = r.next()) != null; ) {
                if (cells.length == 1 && cells[0].isEmpty() && width > 1) {
                    continue;
                }
                if (cells.length != width) {
                    throw new IOException(
                            file + ":" + r.recordLine() + ": " + cells.length + " cells, the header has " + width);
                }
                String date = cells[asOfIndex];
                if (!ISO_DATE.matcher(date).matches()) {
                    throw new IOException(
                            file + ":" + r.recordLine() + ":column 'as_of': not yyyy-MM-dd: '" + date + "'");
                }
                int cmp = Integer.signum(date.compareTo(asOf));
                if (keepFrom != null && date.compareTo(keepFrom) < 0) {
                    continue;
                }
                if (cmp == 0) {
                    skipped++;
                } else if (cmp == side) {
                    if (typeChange != null) {
                        throw new IllegalArgumentException(typeChange);
                    }
                    csv.raw(r.raw(), unionWidth - width);
                    copied++;
                }
            }
        }
        return new long[] {copied, side < 0 ? skipped : 0};
    }

    /**
     * The earliest {@code as_of} kept when the folder keeps {@code keepWeeks} weeks: the file's dates and this run's,
     * latest first, the {@code keepWeeks}-th of them (or the earliest when there are fewer).
     */
    private static String keepFrom(Path target, int asOfIndex, String asOf, int keepWeeks) throws IOException {
        java.util.TreeSet<String> dates = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        dates.add(asOf);
        try (Csv.RecordReader r = open(target)) {
            r.next();
            for (String[] cells; (cells = r.next()) != null; ) {
                if (cells.length > asOfIndex) {
                    dates.add(cells[asOfIndex]);
                }
            }
        }
        String from = asOf;
        int i = 0;
        for (String d : dates) {
            if (i++ == keepWeeks) {
                break;
            }
            from = d;
        }
        return from;
    }

    static Csv.RecordReader open(Path file) throws IOException {
        return new Csv.RecordReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()),
                file.getFileName().toString());
    }

    private static String[] readHeader(Path target) throws IOException {
        try (Csv.RecordReader r = open(target)) {
            String[] h = r.next();
            if (h == null) {
                throw new IOException(
                        target.getFileName() + ":1: the file is empty; an earlier output must have a header"
                                + " (delete the file to start its history afresh)");
            }
            return h;
        }
    }

    static int indexOf(String[] header, String name, Path file) throws IOException {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        throw new IOException(file.getFileName() + ":1: no column '" + name + "' in the header "
                + Arrays.toString(header) + "; is this a glosa output? write to another folder or move the file away");
    }
}
