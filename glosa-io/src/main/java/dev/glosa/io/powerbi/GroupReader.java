package dev.glosa.io.powerbi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glosa.core.result.CategoryLift;
import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.GroupStatus;
import dev.glosa.core.result.ReasonShare;
import dev.glosa.io.text.CsvCells;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rows of one earlier run back from a history table: the groups from {@code dim_group.csv} and the
 * tracker's state from {@code group_state.csv}.
 */
final class GroupReader {
    /** Turns the current row into a value. */
    interface RowMapper<T> {
        T map(GroupReader row) throws IOException;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String file;
    private final Map<String, Integer> index = new HashMap<>();
    private String[] cells;
    private long line;

    private GroupReader(String file, String[] header) {
        this.file = file;
        for (int i = 0; i < header.length; i++) {
            index.put(header[i], i);
        }
    }

    /** The groups of the latest {@code as_of} before {@code asOf}, in file order; empty when there is none. */
    static List<GroupProfile> previous(Path folder, LocalDate asOf) throws IOException {
        return latestBefore(folder, StarSchemaWriter.DIM_GROUP, asOf, GroupReader::profile);
    }

    /** The tracker's state of the latest {@code as_of} before {@code asOf}, in file order; empty when there is none. */
    static List<GroupRecord> previousState(Path folder, LocalDate asOf) throws IOException {
        return latestBefore(folder, StarSchemaWriter.GROUP_STATE, asOf, GroupReader::groupRecord);
    }

    /** The tracker's state in {@code rows} of a {@code group_state} table kept outside the folder (a database). */
    static List<GroupRecord> groupRecords(String source, String[] header, List<String[]> rows) throws IOException {
        GroupReader reader = new GroupReader(source, header);
        List<GroupRecord> out = new ArrayList<>(rows.size());
        for (String[] cells : rows) {
            reader.cells = cells;
            reader.line++;
            out.add(reader.groupRecord());
        }
        return List.copyOf(out);
    }

    private static <T> List<T> latestBefore(Path folder, String file, LocalDate asOf, RowMapper<T> mapper)
            throws IOException {
        Path path = LegacyNames.resolve(folder, file);
        if (!Files.exists(path)) {
            return List.of();
        }
        String target = asOf.toString();
        String best = null;
        List<T> out = new ArrayList<>();
        try (Csv.RecordReader r = HistoryFile.open(path)) {
            String[] header = r.next();
            if (header == null) {
                return List.of();
            }
            header = LegacyNames.header(file, header);
            GroupReader reader = new GroupReader(path.getFileName().toString(), header);
            for (String name : List.of(Schema.AS_OF, "group_id", "segment_id")) {
                HistoryFile.indexOf(header, name, path);
            }
            int asOfIndex = reader.index.get(Schema.AS_OF);
            for (String[] cells; (cells = r.next()) != null; ) {
                if (cells.length == 1 && cells[0].isEmpty()) {
                    continue;
                }
                if (cells.length != header.length) {
                    throw new IOException(reader.file + ":" + r.recordLine() + ": " + cells.length
                            + " cells, the header has " + header.length);
                }
                String date = cells[asOfIndex];
                if (date.compareTo(target) >= 0 || best != null && date.compareTo(best) < 0) {
                    continue;
                }
                if (best == null || date.compareTo(best) > 0) {
                    best = date;
                    out.clear();
                }
                reader.cells = cells;
                reader.line = r.recordLine();
                out.add(mapper.map(reader));
            }
        }
        return List.copyOf(out);
    }

    private GroupRecord groupRecord() throws IOException {
        return new GroupRecord(
                text("segment_id"),
                text("group_id"),
                (int) whole("serial"),
                (int) whole("cluster"),
                whole("rows"),
                number("row_share"),
                number("glosa_amount"),
                doubles("centres"),
                doubles("spreads"),
                (int) whole("runs_absent"),
                text("label"));
    }

    private GroupProfile profile() throws IOException {
        return new GroupProfile(
                text("segment_id"),
                text("group_id"),
                (int) whole("cluster"),
                whole("rows"),
                number("row_share"),
                number("glosa_amount"),
                number("glosa_mean"),
                number("glosa_median"),
                number("glosa_share"),
                number("glosa_rate"),
                number("glosa_jump"),
                centres(),
                lifts(),
                reasons(),
                text("label"),
                (int) whole("rank_in_segment"),
                (int) whole("rank_overall"),
                "kept".equals(text("status")) ? GroupStatus.KEPT : GroupStatus.NEW);
    }

    private String raw(String column) {
        Integer i = index.get(column);
        return i == null ? "" : cells[i];
    }

    private String text(String column) {
        return CsvCells.unguard(raw(column));
    }

    private long whole(String column) throws IOException {
        String v = raw(column);
        if (v.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw error(column, "not a whole number: '" + v + "'", e);
        }
    }

    private double number(String column) throws IOException {
        String v = raw(column);
        if (v.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw error(column, "not a number: '" + v + "'", e);
        }
    }

    private JsonNode json(String column, boolean object) throws IOException {
        String v = text(column);
        if (v.isEmpty()) {
            return null;
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(v);
        } catch (IOException e) {
            throw error(
                    column, "not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (object ? !n.isObject() : !n.isArray()) {
            throw error(column, "not a JSON " + (object ? "object" : "array") + ": '" + v + "'", null);
        }
        return n;
    }

    private Map<String, Double> centres() throws IOException {
        return doubles("centres");
    }

    private Map<String, Double> doubles(String column) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        JsonNode n = json(column, true);
        if (n != null) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                out.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : Double.NaN);
            }
        }
        return out;
    }

    private List<ReasonShare> reasons() throws IOException {
        List<ReasonShare> out = new ArrayList<>();
        JsonNode n = json("top_reasons_json", false);
        if (n != null) {
            for (JsonNode r : n) {
                out.add(new ReasonShare(
                        r.path("code").asText(), r.path("rows").asLong(), num(r, "glosa_amount"), num(r, "share")));
            }
        }
        return out;
    }

    private List<CategoryLift> lifts() throws IOException {
        List<CategoryLift> out = new ArrayList<>();
        JsonNode n = json("distinctive_json", false);
        if (n != null) {
            for (JsonNode l : n) {
                out.add(new CategoryLift(
                        l.path("column").asText(),
                        l.path("value").asText(),
                        num(l, "share_in_group"),
                        num(l, "share_in_segment"),
                        num(l, "lift")));
            }
        }
        return out;
    }

    private static double num(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private IOException error(String column, String what, Exception cause) {
        return new IOException(file + ":" + line + ":column '" + column + "': " + what, cause);
    }
}
