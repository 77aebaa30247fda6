package dev.glosa.report;

import dev.glosa.io.powerbi.HistoryTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How the report shows a segment key's value: by the name the folder's dimension tables give it ({@code dim_hospital},
 * {@code dim_payer}, {@code dim_glosa_type}, any {@code dim_<key>.csv} whose first column is a key and which has a
 * {@code name} column), else by its code. Read from the folder, as everything else on the page, so that a redraw
 * gives the same bytes.
 *
 * @param names per key column, code to name
 */
record KeyNames(Map<String, Map<String, String>> names) {
    /** No names: every value shows as its code. */
    static final KeyNames NONE = new KeyNames(Map.of());

    /** The names of {@code folder}'s dimension tables; the run, date, segment and group tables are not key names. */
    static KeyNames read(Path folder) throws IOException {
        Map<String, Map<String, String>> names = new HashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("dim_") && n.endsWith(".csv") && !List.of("dim_segment.csv", "dim_cluster.csv",
                        "dim_run.csv", "dim_date.csv").contains(n);
            }).sorted().toList();
        }
        for (Path file : files) {
            HistoryTable t = HistoryTable.read(folder, file.getFileName().toString());
            int name = t.indexOf("name");
            if (t.header().isEmpty() || name < 0) {
                continue;
            }
            Map<String, String> byCode = names.computeIfAbsent(t.header().get(0), k -> new HashMap<>());
            for (String[] r : t.rows()) {
                if (!r[name].isEmpty()) {
                    byCode.put(r[0], r[name]);
                }
            }
        }
        return new KeyNames(Map.copyOf(names));
    }

    /** The value of key column {@code column} as the reader should see it: its name where known, else the code. */
    String show(String column, String code) {
        String name = names.getOrDefault(column, Map.of()).get(code);
        return name == null || name.equals(code) ? code : name + " (" + code + ")";
    }
}
