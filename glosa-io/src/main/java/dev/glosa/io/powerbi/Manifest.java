package dev.glosa.io.powerbi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glosa.core.reconcile.ReconciliationReport;
import dev.glosa.core.reconcile.Situation;
import dev.glosa.core.reconcile.SituationTotals;
import dev.glosa.core.run.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code manifest.json}: the tables with their columns and types, and the run that wrote them last.
 *
 * <p>It holds no timestamp: {@code started_at} and {@code finished_at} live in {@code runs.csv} only, so the manifest of
 * the same inputs, configuration, seed and {@code as_of} is the same bytes.
 */
final class Manifest {
    static final String FORMAT = "glosa-star-schema";
    static final int FORMAT_VERSION = 1;

    private Manifest() {}

    /** One table as the manifest describes it. */
    record Table(String file, String oneRowPer, List<String> key, List<ColumnSpec> columns, long rows) {}

    /** What an earlier manifest says: the columns of every table, and the key id of the pseudonyms. */
    record Previous(Map<String, Map<String, ColumnSpec>> columns, String keyId) {

        Map<String, ColumnSpec> of(String file) {
            return columns.getOrDefault(file, Map.of());
        }
    }

    /** The identifier treatment the manifest records. */
    record Identifiers(String policy, List<String> columns, String keyId) {}

    static String text(RunRecord run, RunCounts counts, Identifiers ids, List<Table> tables) {
        return Json.pretty(g -> {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("format_version", FORMAT_VERSION);
            g.writeStringField(
                    "timestamps",
                    "started_at and finished_at are in runs.csv only, so that this file is "
                            + "byte-identical for the same inputs, configuration, seed and as_of");
            g.writeObjectFieldStart("run");
            g.writeStringField("run_id", run.runId());
            g.writeStringField("as_of", run.asOf().toString());
            g.writeStringField("config_sha256", run.configSha256());
            g.writeStringField("status", run.status().name().toLowerCase(Locale.ROOT));
            g.writeNumberField("rows_in", run.rowsIn());
            g.writeNumberField("rows_rejected", run.rowsRejected());
            g.writeNumberField("segments", counts.segments());
            g.writeNumberField("groups", counts.groups());
            g.writeNumberField("fact_rows", counts.factRows());
            Json.money(g, "glosa_total", counts.glosaTotal());
            g.writeFieldName("inputs");
            inputs(g, run.inputs());
            if (run.reconciliation() != null) {
                reconciliation(g, run.reconciliation());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("versions");
            g.writeStringField("glosa", GlosaVersion.get());
            g.writeStringField("java", GlosaVersion.java());
            g.writeEndObject();
            g.writeObjectFieldStart("identifiers");
            g.writeStringField("policy", ids.policy());
            g.writeStringField("pseudonym", "first 96 bits of HMAC-SHA256(key, value) as 24 hex digits");
            if (ids.keyId() != null) {
                g.writeStringField("key_id", ids.keyId());
            }
            g.writeArrayFieldStart("columns");
            for (String c : ids.columns()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("tables");
            for (Table t : tables) {
                g.writeStartObject();
                g.writeStringField("file", t.file());
                g.writeStringField("one_row_per", t.oneRowPer());
                g.writeArrayFieldStart("key");
                for (String k : t.key()) {
                    g.writeString(k);
                }
                g.writeEndArray();
                g.writeNumberField("rows", t.rows());
                g.writeArrayFieldStart("columns");
                for (ColumnSpec c : t.columns()) {
                    g.writeStartObject();
                    g.writeStringField("name", c.name());
                    g.writeStringField("type", c.type().id);
                    int decimals = c.type() == CellType.NUMBER ? Decimals.of(t.file(), c.name()) : Decimals.EXACT;
                    if (decimals != Decimals.EXACT) {
                        g.writeNumberField("decimals", decimals);
                    }
                    g.writeStringField("description", c.description());
                    if (c.pseudonymised()) {
                        g.writeBooleanField("pseudonymised", true);
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static void inputs(JsonGenerator g, List<RunRecord.Input> inputs) throws IOException {
        g.writeStartArray();
        for (RunRecord.Input in : inputs) {
            g.writeStartObject();
            g.writeStringField("path", in.path());
            g.writeStringField("sha256", in.sha256());
            g.writeNumberField("rows", in.rows());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void reconciliation(JsonGenerator g, ReconciliationReport r) throws IOException {
        g.writeObjectFieldStart("reconciliation");
        g.writeNumberField("rejected_rows", r.rejectedRows());
        g.writeNumberField("paid_rows", r.paidRows());
        g.writeNumberField("rejected_duplicates", r.rejectedDuplicates());
        g.writeNumberField("paid_rows_merged", r.paidRowsMerged());
        g.writeNumberField("claims", r.claims());
        Json.money(g, "glosa_total", r.glosaTotal());
        Json.money(g, "paid_total", r.paidTotal());
        Json.money(g, "naive_rejected_total", r.naiveRejectedTotal());
        g.writeObjectFieldStart("by_situation");
        for (Situation s : Situation.values()) {
            SituationTotals t = r.bySituation().get(s);
            if (t == null) {
                continue;
            }
            g.writeObjectFieldStart(s.code());
            g.writeStringField("name", s.name().toLowerCase(Locale.ROOT));
            g.writeNumberField("claims", t.claims());
            Json.money(g, "glosa_amount", t.glosaAmount());
            Json.money(g, "paid_amount", t.paidAmount());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The earlier manifest of the folder, or an empty one when there is none. */
    static Previous read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Previous(Map.of(), null);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(
                    file + ": cannot read the earlier manifest ("
                            + e.getMessage().lines().findFirst().orElse("")
                            + "); delete it to rebuild it from this run",
                    e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(file + ": not a " + FORMAT + " manifest; is this folder another program's output?");
        }
        Map<String, Map<String, ColumnSpec>> columns = new HashMap<>();
        for (JsonNode t : root.path("tables")) {
            Map<String, ColumnSpec> byName = new LinkedHashMap<>();
            for (JsonNode c : t.path("columns")) {
                CellType type = CellType.parse(c.path("type").asText());
                String name = c.path("name").asText();
                if (!name.isEmpty()) {
                    byName.put(
                            name,
                            new ColumnSpec(
                                    name,
                                    type == null ? CellType.TEXT : type,
                                    c.path("description").asText(""),
                                    c.path("pseudonymised").asBoolean(false)));
                }
            }
            columns.put(t.path("file").asText(), byName);
        }
        JsonNode keyId = root.path("identifiers").path("key_id");
        return new Previous(columns, keyId.isTextual() ? keyId.asText() : null);
    }

    /** The counts of one run. */
    record RunCounts(int segments, int groups, long factRows, double glosaTotal) {}
}
