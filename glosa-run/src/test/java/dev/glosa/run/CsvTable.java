package dev.glosa.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A star-schema CSV read back for assertions: RFC 4180 quoting, CRLF or LF line ends. */
public record CsvTable(List<String> header, List<List<String>> rows) {

    public static CsvTable read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return new CsvTable(records.get(0), records.subList(1, records.size()));
    }

    public int col(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new AssertionError("no column " + name + " in " + header);
        }
        return i;
    }

    public List<String> column(String name) {
        int i = col(name);
        return rows.stream().map(r -> r.get(i)).toList();
    }

    public double sum(String name) {
        return column(name).stream()
                .filter(s -> !s.isEmpty())
                .mapToDouble(Double::parseDouble)
                .sum();
    }

    public List<String> distinct(String name) {
        return column(name).stream().distinct().toList();
    }

    @Override
    public String toString() {
        return header + " + " + rows.size() + " rows";
    }

    public static List<String> of(String... names) {
        return Arrays.asList(names);
    }
}
