package dev.glosa.io.powerbi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A written table read back whole, for assertions. */
record CsvFile(List<String> header, List<String[]> rows) {

    static CsvFile read(Path file) throws IOException {
        try (Csv.RecordReader r = HistoryFile.open(file)) {
            List<String> header = Arrays.asList(r.next());
            List<String[]> rows = new ArrayList<>();
            for (String[] cells; (cells = r.next()) != null; ) {
                rows.add(cells);
            }
            return new CsvFile(header, rows);
        }
    }

    int index(String column) {
        int i = header.indexOf(column);
        if (i < 0) {
            throw new AssertionError("no column " + column + " in " + header);
        }
        return i;
    }

    List<String> column(String name) {
        int i = index(name);
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(r[i]);
        }
        return out;
    }

    String cell(int row, String column) {
        return rows.get(row)[index(column)];
    }

    /** The sum of a numeric column over the rows where {@code keyColumn} equals {@code key}. */
    double sum(String column, String keyColumn, String key) {
        int i = index(column);
        int k = index(keyColumn);
        double s = 0;
        for (String[] r : rows) {
            if (r[k].equals(key) && !r[i].isEmpty()) {
                s += Double.parseDouble(r[i]);
            }
        }
        return s;
    }
}
