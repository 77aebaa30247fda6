package dev.glosa.io.sih;

import dev.glosa.io.dbf.DbfField;
import dev.glosa.io.dbf.DbfFieldType;
import dev.glosa.io.dbf.DbfWriter;
import dev.glosa.io.dbf.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the reference layout CSVs of the shared data and writes DBFs in those layouts, for tests. */
final class Layouts {

    private Layouts() {}

    /** The layouts folder; skips the test if the shared data is absent. */
    static Path folder() {
        return SharedData.datasus().resolve("layouts");
    }

    /** The fields of a layout CSV ({@code field;type;length;decimals;offset}). */
    static List<DbfField> fields(Path csv) throws IOException {
        List<DbfField> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split(";");
            out.add(new DbfField(
                    c[0],
                    DbfFieldType.of(c[1].charAt(0)),
                    Integer.parseInt(c[2]),
                    Integer.parseInt(c[3]),
                    Integer.parseInt(c[4].trim())));
        }
        return out;
    }

    /**
     * Writes a DBF with the fields of {@code layout}; each row maps field names to text, written as text in
     * {@code C} fields and as numbers in {@code N} fields; fields not named are blank.
     */
    static void write(Path out, List<DbfField> layout, List<Map<String, String>> rows) throws IOException {
        try (DbfWriter w = DbfWriter.builder().fields(layout).open(out)) {
            for (Map<String, String> row : rows) {
                for (int f = 0; f < layout.size(); f++) {
                    String v = row.get(layout.get(f).name());
                    if (v == null) {
                        continue;
                    }
                    if (layout.get(f).type() == DbfFieldType.NUMERIC) {
                        w.setDouble(f, Double.parseDouble(v));
                    } else {
                        w.setString(f, v);
                    }
                }
                w.endRecord();
            }
        }
    }
}
