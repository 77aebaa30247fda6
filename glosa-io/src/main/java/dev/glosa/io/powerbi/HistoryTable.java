package dev.glosa.io.powerbi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One table of an output folder read back, with every week of its history or the rows one test keeps; the HTML
 * report and anyone else reading what the star schema wrote use it rather than parsing the CSV again. A folder last
 * written by glosa 0.1 reads with the current names ({@code dim_group.csv}, {@code group_id}, ...), unchanged on disk.
 *
 * @param file the file's name, for messages
 * @param header the column names
 * @param rows the rows kept, each as long as the header
 */
public record HistoryTable(String file, List<String> header, List<String[]> rows) {

    /**
     * Copies.
     *
     * @param file as {@link #file()}
     * @param header as {@link #header()}
     * @param rows as {@link #rows()}
     */
    public HistoryTable {
        Objects.requireNonNull(file, "file");
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /**
     * {@return every row of {@code folder/file}; an absent file reads as an empty table with no columns}
     *
     * @param folder the output folder
     * @param file the table's file name
     * @throws IOException when the file cannot be read
     */
    public static HistoryTable read(Path folder, String file) throws IOException {
        return read(folder, file, r -> true);
    }

    /**
     * The rows of {@code folder/file} whose {@code as_of} is {@code asOf} ({@code yyyy-MM-dd}), streamed so that the
     * other weeks of a long fact table are never held; an absent file reads as an empty table.
     *
     * @param folder the output folder
     * @param file the table's file name
     * @param asOf the week, {@code yyyy-MM-dd}
     * @return the rows of that week
     * @throws IOException when the file cannot be read
     */
    public static HistoryTable readWeek(Path folder, String file, String asOf) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> header = scanWeek(folder, file, asOf, rows::add);
        return new HistoryTable(file, header, rows);
    }

    /**
     * Hands each row of week {@code asOf} of {@code folder/file} to {@code action} as it is read, holding none, and
     * returns the header ({@code action} sees rows as long as it); an absent or empty file has no header and no row.
     *
     * @param folder the output folder
     * @param file the table's file name
     * @param asOf the week, {@code yyyy-MM-dd}
     * @param action called with each row's cells
     * @return the header
     * @throws IOException when the file cannot be read
     */
    public static List<String> scanWeek(Path folder, String file, String asOf, Consumer<String[]> action)
            throws IOException {
        List<String> header = header(folder, file);
        if (header.isEmpty()) {
            return header;
        }
        int asOfIndex = HistoryFile.indexOf(header.toArray(String[]::new), "as_of", folder.resolve(file));
        read(folder, file, row -> {
            if (asOf.equals(row[asOfIndex])) {
                action.accept(row);
            }
            return false;
        });
        return header;
    }

    /**
     * {@return the column names of {@code folder/file}; none when the file is absent or empty}
     *
     * @param folder the output folder
     * @param file the table's file name
     * @throws IOException when the file cannot be read
     */
    public static List<String> header(Path folder, String file) throws IOException {
        Path path = LegacyNames.resolve(folder, file);
        if (!Files.exists(path)) {
            return List.of();
        }
        try (Csv.RecordReader r = HistoryFile.open(path)) {
            String[] header = r.next();
            return header == null ? List.of() : List.of(LegacyNames.header(file, header));
        }
    }

    private static HistoryTable read(Path folder, String file, Predicate<String[]> keep) throws IOException {
        Path path = LegacyNames.resolve(folder, file);
        if (!Files.exists(path)) {
            return new HistoryTable(file, List.of(), List.of());
        }
        try (Csv.RecordReader r = HistoryFile.open(path)) {
            String[] header = r.next();
            if (header == null) {
                return new HistoryTable(file, List.of(), List.of());
            }
            List<String[]> rows = new ArrayList<>();
            for (String[] row = r.next(); row != null; row = r.next()) {
                String[] full = row.length == header.length ? row : Arrays.copyOf(row, header.length);
                for (int i = row.length; i < full.length; i++) {
                    full[i] = "";
                }
                if (keep.test(full)) {
                    rows.add(full);
                }
            }
            return new HistoryTable(file, Arrays.asList(LegacyNames.header(file, header)), rows);
        }
    }

    /**
     * {@return the index of column {@code name}, or -1 when the table has no such column}
     *
     * @param name the column's name
     */
    public int indexOf(String name) {
        return header.indexOf(name);
    }

    /**
     * {@return the cell of {@code row} in column {@code name}, or {@code ""} when the table has no such column}
     *
     * @param row a row's cells
     * @param name the column's name
     */
    public String get(String[] row, String name) {
        int i = header.indexOf(name);
        return i < 0 ? "" : row[i];
    }
}
