package dev.glosa.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glosa.io.powerbi.HistoryTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The HTML of one week's report: four sections, each a table of the CSVs' numbers and an SVG chart. */
final class ReportPage {
    private static final int TOP_GROUPS = Week.TOP_GROUPS;
    /** Points drawn per scatter at most; beyond, every n-th row, so the file stays small. */
    static final int MAX_POINTS = 1500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Week w;
    private final Text t;
    private final String version;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private ReportPage(Week week, Text text, String version) {
        this.w = week;
        this.t = text;
        this.version = version;
    }

    /** A segment key's value as the reader sees it: its name with the code beside, or the code where no name is known. */
    private String shown(String column, String code) {
        String name = w.names().name(column, code);
        return name == null || name.equals(code) ? code : name + " (" + code + ")";
    }

    static String render(Week week, Text text, String version) throws IOException {
        return new ReportPage(week, text, version).page();
    }

    private String page() throws IOException {
        String lang = t.locale().toLanguageTag();
        out.append("<!DOCTYPE html>\n<html lang=\"")
                .append(Html.esc(lang))
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // Nothing may be fetched or run: the page is read from disk, offline, and holds data of others.
                .append(
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>")
                .append(Html.esc(t.get("title") + " — " + w.asOf()))
                .append("</title>\n<style>")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<header><h1>")
                .append(Html.esc(t.get("title")))
                .append("</h1><p class=\"sub\">")
                .append(Html.esc(t.get("subtitle", w.runCell("run_id"), w.asOf())))
                .append("</p><p class=\"note\">")
                .append(Html.esc(t.get("generated", version)))
                .append("</p></header>\n");
        boolean reconciled = !w.situations().isEmpty();
        out.append("<nav><b>")
                .append(Html.esc(t.get("toc")))
                .append("</b> <a href=\"#run\">")
                .append(Html.esc(t.get("run.title")))
                .append("</a>");
        if (reconciled) {
            out.append(" · <a href=\"#reconciliation\">")
                    .append(Html.esc(t.get("recon.title")))
                    .append("</a>");
        }
        boolean appeals = !w.appeals().rows().isEmpty() || !w.pending().rows().isEmpty();
        if (appeals) {
            out.append(" · <a href=\"#appeals\">")
                    .append(Html.esc(t.get("appeals.title")))
                    .append("</a>");
        }
        out.append(" · <a href=\"#indicators\">")
                .append(Html.esc(t.get("ind.title")))
                .append("</a> · <a href=\"#groups\">")
                .append(Html.esc(t.get("groups.title")))
                .append("</a> · <a href=\"#week\">")
                .append(Html.esc(t.get("week.title")))
                .append("</a></nav>\n<main>\n");
        run();
        if (reconciled) {
            reconciliation();
        }
        if (appeals) {
            appeals();
        }
        indicators();
        groups();
        week();
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    // ---- the run

    private void run() throws IOException {
        section("run", "run.title");
        Map<String, Integer> byStatus = new TreeMap<>();
        for (String[] s : w.segments().rows()) {
            byStatus.merge(w.segments().get(s, "status"), 1, Integer::sum);
        }
        StringBuilder segs = new StringBuilder();
        int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        segs.append(t.count(total)).append(" (");
        List<String> parts = new ArrayList<>();
        for (String status : List.of("clustered", "too_small", "failed")) {
            parts.add("<span data-status=\"" + status + "\" data-value=\"" + byStatus.getOrDefault(status, 0) + "\">"
                    + Html.esc(t.count(byStatus.getOrDefault(status, 0)) + " " + t.get("segment." + status))
                    + "</span>");
        }
        segs.append(String.join(", ", parts)).append(")");
        out.append("<dl class=\"facts\">");
        fact("run.asOf", Html.esc(w.asOf()), "as_of", w.asOf());
        fact("run.id", "<code>" + Html.esc(w.runCell("run_id")) + "</code>", "run_id", w.runCell("run_id"));
        fact("run.status", Html.esc(w.runCell("status")), "status", w.runCell("status"));
        fact("run.rowsIn", Html.esc(t.count(num(w.runCell("rows_in")))), "rows_in", w.runCell("rows_in"));
        fact(
                "run.rowsRejected",
                Html.esc(t.count(num(w.runCell("rows_rejected")))),
                "rows_rejected",
                w.runCell("rows_rejected"));
        fact("run.segments", segs.toString(), "segments", w.runCell("segments"));
        fact("run.groups", Html.esc(t.count(num(w.runCell("groups")))), "groups", w.runCell("groups"));
        fact(
                "run.glosaTotal",
                Html.esc(t.money(num(w.runCell("glosa_total")))),
                "glosa_total",
                w.runCell("glosa_total"));
        fact(
                "run.config",
                "<code class=\"hash\">" + Html.esc(w.runCell("config_sha256")) + "</code>",
                "config_sha256",
                w.runCell("config_sha256"));
        out.append("</dl>\n<h3>").append(Html.esc(t.get("run.inputs"))).append("</h3>\n");
        out.append("<div class=\"scroll\"><table class=\"inputs\"><thead><tr>")
                .append(th("run.input.path"))
                .append(th("run.input.sha"))
                .append(th("run.input.rows"))
                .append("</tr></thead><tbody>");
        String inputs = w.runCell("inputs");
        if (!inputs.isBlank()) {
            for (JsonNode in : JSON.readTree(inputs)) {
                out.append("<tr><td>")
                        .append(Html.esc(in.path("path").asText()))
                        .append("</td><td><code class=\"hash\">")
                        .append(Html.esc(in.path("sha256").asText()))
                        .append("</code></td>")
                        .append(numCell(
                                t.count(in.path("rows").asDouble()),
                                in.path("rows").asText()))
                        .append("</tr>");
            }
        }
        out.append("</tbody></table></div>\n</section>\n");
    }

    private void fact(String key, String valueHtml, String column, String raw) {
        out.append("<div><dt>")
                .append(Html.esc(t.get(key)))
                .append("</dt><dd data-column=\"")
                .append(column)
                .append("\" data-value=\"")
                .append(Html.esc(raw))
                .append("\">")
                .append(valueHtml)
                .append("</dd></div>");
    }

    // ---- reconciliation

    private void reconciliation() {
        section("reconciliation", "recon.title");
        out.append("<p>").append(Html.esc(t.get("recon.intro"))).append("</p>\n");
        Map<String, double[]> by = new TreeMap<>(w.situations());
        for (String s : List.of("A", "B", "C")) {
            by.putIfAbsent(s, new double[3]);
        }
        out.append("<div class=\"scroll\"><table class=\"situations\"><thead><tr>")
                .append(th("recon.situation"))
                .append(th("recon.claims"))
                .append(th("recon.glosa"))
                .append(th("recon.paid"))
                .append("</tr></thead><tbody>");
        for (Map.Entry<String, double[]> e : by.entrySet()) {
            String key = "recon." + e.getKey();
            String name = List.of("A", "B", "C").contains(e.getKey()) ? t.get(key) : e.getKey();
            double[] a = e.getValue();
            out.append("<tr data-situation=\"")
                    .append(Html.esc(e.getKey()))
                    .append("\"><td>")
                    .append(Html.esc(name))
                    .append("</td>")
                    .append(numCell(t.count(a[0]), plain(a[0])))
                    .append(numCell(t.money(a[1]), money(a[1])))
                    .append(numCell(t.money(a[2]), money(a[2])))
                    .append("</tr>");
        }
        out.append("</tbody></table></div>\n");
        double naive = num(w.runCell("naive_glosa_total"));
        double reconciled = num(w.runCell("glosa_total"));
        double recovered = by.get("B")[2];
        out.append(h3("recon.chart"))
                .append(Charts.bars(
                        t.get("recon.chart"),
                        List.of(
                                new Charts.Bar(t.get("recon.naive"), naive, t.money(naive)),
                                new Charts.Bar(t.get("recon.A"), by.get("A")[1], t.money(by.get("A")[1])),
                                new Charts.Bar(t.get("recon.B"), by.get("B")[1], t.money(by.get("B")[1])),
                                new Charts.Bar(t.get("recon.reconciled"), reconciled, t.money(reconciled)),
                                new Charts.Bar(t.get("recon.recovered"), recovered, t.money(recovered)))));
        if (reconciled > 0 && naive > 0) {
            out.append("<p class=\"note\" data-column=\"naive_glosa_total\" data-value=\"")
                    .append(Html.esc(w.runCell("naive_glosa_total")))
                    .append("\">")
                    .append(Html.esc(t.get("recon.overstated", t.percent(naive / reconciled - 1))))
                    .append("</p>\n");
        }
        out.append("</section>\n");
    }

    // ---- the appeal cycle (TISS)

    /** Appeals to send, soonest deadline first. */
    static final int TOP_PENDING = 10;

    private void appeals() {
        section("appeals", "appeals.title");
        HistoryTable a = w.appeals();
        double glosa = 0;
        double appealedGlosa = 0;
        double appealed = 0;
        double recovered = 0;
        double waiting = 0;
        for (String[] r : a.rows()) {
            glosa += num(a.get(r, "glosa_amount"));
            appealedGlosa += num(a.get(r, "appealed_glosa"));
            appealed += num(a.get(r, "appealed_amount"));
            recovered += num(a.get(r, "recovered_amount"));
            waiting += num(a.get(r, "pending_amount"));
        }
        out.append("<dl class=\"facts\">");
        fact("appeals.glosa", Html.esc(t.money(glosa)), "glosa_amount", money(glosa));
        fact(
                "appeals.appealed",
                Html.esc(glosa > 0 ? t.percent(appealedGlosa / glosa) : "—"),
                "appealed_share",
                glosa > 0 ? plain(appealedGlosa / glosa) : "");
        fact(
                "appeals.recovered",
                Html.esc(t.money(recovered) + (appealed > 0 ? " (" + t.percent(recovered / appealed) + ")" : "")),
                "recovered_amount",
                money(recovered));
        fact("appeals.waiting", Html.esc(t.money(waiting)), "pending_amount", money(waiting));
        out.append("</dl>\n");

        HistoryTable p = w.pending();
        List<String[]> rows = new ArrayList<>(p.rows());
        rows.sort(java.util.Comparator.comparing((String[] r) -> p.get(r, "deadline"))
                .thenComparing(r -> -num(p.get(r, "amount_at_stake"))));
        out.append(h3("appeals.toSend"));
        if (rows.isEmpty()) {
            out.append("<p>").append(Html.esc(t.get("appeals.none"))).append("</p>\n</section>\n");
            return;
        }
        out.append("<div class=\"scroll\"><table class=\"pending\"><thead><tr>")
                .append(th("appeals.deadline"))
                .append(th("appeals.daysLeft"))
                .append(th("appeals.payer"))
                .append(th("appeals.hospital"))
                .append(th("appeals.reason"))
                .append(th("appeals.atStake"))
                .append("</tr></thead><tbody>");
        for (String[] r : rows.subList(0, Math.min(TOP_PENDING, rows.size()))) {
            String daysLeft = p.get(r, "days_left");
            String reason = p.get(r, "reason_code") + " " + p.get(r, "reason_group");
            double stake = num(p.get(r, "amount_at_stake"));
            out.append("<tr")
                    .append(num(daysLeft) < 0 ? " class=\"late\"" : "")
                    .append("><td>")
                    .append(Html.esc(p.get(r, "deadline")))
                    .append("</td>")
                    .append(numCell(daysLeft, daysLeft))
                    .append("<td>")
                    .append(Html.esc(shown("payer", p.get(r, "payer"))))
                    .append("</td><td>")
                    .append(Html.esc(shown("hospital", p.get(r, "hospital"))))
                    .append("</td><td>")
                    .append(Html.esc(reason.strip()))
                    .append("</td>")
                    .append(numCell(t.money(stake), money(stake)))
                    .append("</tr>");
        }
        out.append("</tbody></table></div>\n");
        if (rows.size() > TOP_PENDING) {
            out.append("<p class=\"note\">")
                    .append(Html.esc(t.get("more", t.count(rows.size() - TOP_PENDING))))
                    .append("</p>");
        }
        out.append("</section>\n");
    }

    // ---- indicators

    private void indicators() {
        section("indicators", "ind.title");
        HistoryTable ind = w.indicators();
        if (ind.rows().isEmpty()) {
            out.append("<p>").append(Html.esc(t.get("ind.none"))).append("</p>\n</section>\n");
            return;
        }
        out.append("<p>").append(Html.esc(t.get("ind.intro"))).append("</p>\n");
        List<String[]> hospitals = new ArrayList<>();
        List<String[]> months = new ArrayList<>();
        String[] overall = null;
        for (String[] r : ind.rows()) {
            String scope = ind.get(r, "scope");
            String period = ind.get(r, "period");
            if (scope.equals("overall") && period.isEmpty()) {
                overall = r;
            } else if (scope.equals("hospital") && period.isEmpty()) {
                hospitals.add(r);
            } else if (scope.equals("overall:competence")) {
                months.add(r);
            }
        }
        hospitals.sort(Comparator.comparingDouble((String[] r) -> -num(ind.get(r, "glosa_rate")))
                .thenComparing(r -> ind.get(r, "scope_key")));
        months.sort(Comparator.comparing(r -> ind.get(r, "period")));
        if (!hospitals.isEmpty()) {
            out.append(h3("ind.byHospital"))
                    .append(Charts.intervals(t.get("ind.byHospital"), intervals(hospitals, "hospital"), t::percent));
        }
        if (!months.isEmpty()) {
            out.append(h3("ind.byMonth"))
                    .append(Charts.intervals(t.get("ind.byMonth"), intervals(months, null), t::percent));
        }
        out.append("<div class=\"scroll\"><table class=\"indicators\"><thead><tr>")
                .append(th("ind.scope"))
                .append(th("ind.claims"))
                .append(th("ind.glosaClaims"))
                .append(th("ind.rate"))
                .append(th("ind.ci"))
                .append(th("ind.glosa"))
                .append("</tr></thead><tbody>");
        List<String[]> rows = new ArrayList<>();
        if (overall != null) {
            rows.add(overall);
        }
        rows.addAll(hospitals);
        for (String[] r : rows) {
            String scope = ind.get(r, "scope");
            String name = scope.equals("overall") ? t.get("ind.overall") : shown(scope, ind.get(r, "scope_key"));
            out.append("<tr data-scope=\"")
                    .append(Html.esc(scope))
                    .append("\" data-key=\"")
                    .append(Html.esc(ind.get(r, "scope_key")))
                    .append("\"><td>")
                    .append(Html.esc(name))
                    .append("</td>")
                    .append(numCell(t.count(num(ind.get(r, "claims"))), ind.get(r, "claims")))
                    .append(numCell(t.count(num(ind.get(r, "glosa_claims"))), ind.get(r, "glosa_claims")))
                    .append(numCell(t.percent(num(ind.get(r, "glosa_rate"))), ind.get(r, "glosa_rate")))
                    .append("<td class=\"num\">")
                    .append(Html.esc("[" + t.percent(num(ind.get(r, "glosa_rate_ci_low"))) + ", "
                            + t.percent(num(ind.get(r, "glosa_rate_ci_high"))) + "]"))
                    .append("</td>")
                    .append(numCell(t.money(num(ind.get(r, "glosa_amount"))), ind.get(r, "glosa_amount")))
                    .append("</tr>");
        }
        out.append("</tbody></table></div>\n</section>\n");
    }

    private List<Charts.Interval> intervals(List<String[]> rows, String keyColumn) {
        HistoryTable ind = w.indicators();
        List<Charts.Interval> list = new ArrayList<>();
        for (String[] r : rows) {
            String label = keyColumn == null ? ind.get(r, "period") : shown(keyColumn, ind.get(r, "scope_key"));
            double rate = num(ind.get(r, "glosa_rate"));
            list.add(new Charts.Interval(
                    label,
                    rate,
                    num(ind.get(r, "glosa_rate_ci_low")),
                    num(ind.get(r, "glosa_rate_ci_high")),
                    t.percent(rate)));
        }
        return list;
    }

    // ---- groups

    private void groups() throws IOException {
        section("groups", "groups.title");
        HistoryTable c = w.clusters();
        if (c.rows().isEmpty()) {
            out.append("<p>").append(Html.esc(t.get("groups.none"))).append("</p>\n</section>\n");
            return;
        }
        out.append("<p>").append(Html.esc(t.get("groups.intro"))).append("</p>\n");
        List<String[]> top = Week.topGroups(c);
        List<Charts.Bar> bars = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            double g = num(c.get(top.get(i), "glosa_amount"));
            bars.add(new Charts.Bar((i + 1) + ". " + c.get(top.get(i), "group_id"), g, t.money(g)));
        }
        out.append(h3("groups.chart")).append(Charts.bars(t.get("groups.chart"), bars));
        Map<String, String[]> segments = new HashMap<>();
        for (String[] s : w.segments().rows()) {
            segments.put(w.segments().get(s, "segment_id"), s);
        }
        double runTotal = num(w.runCell("glosa_total"));
        out.append("<ol class=\"groups\">");
        for (String[] g : top) {
            card(g, segments.get(c.get(g, "segment_id")), runTotal);
        }
        out.append("</ol>\n");
        out.append("<div class=\"scatters\">");
        for (String seg : Week.scatterSegments(c)) {
            scatter(seg);
        }
        out.append("</div>\n</section>\n");
    }

    private void card(String[] g, String[] segment, double runTotal) throws IOException {
        HistoryTable c = w.clusters();
        double amount = num(c.get(g, "glosa_amount"));
        out.append("<li class=\"group\" data-group=\"")
                .append(Html.esc(c.get(g, "group_id")))
                .append("\"><h3>")
                .append("<span class=\"amount\" data-value=\"")
                .append(Html.esc(c.get(g, "glosa_amount")))
                .append("\">")
                .append(Html.esc(t.money(amount)))
                .append("</span> <code>")
                .append(Html.esc(c.get(g, "group_id")))
                .append("</code></h3><p class=\"label\">")
                .append(Html.esc(c.get(g, "label")))
                .append("</p><dl>");
        StringBuilder keys = new StringBuilder();
        String keyColumns = segment == null ? "" : w.segments().get(segment, "key_columns");
        for (String k : keyColumns.isEmpty() ? new String[0] : keyColumns.split("\\|")) {
            String v = segment == null ? "" : w.segments().get(segment, k);
            if (v.isEmpty()) {
                v = c.get(g, k);
            }
            if (keys.length() > 0) {
                keys.append(" · ");
            }
            keys.append(Html.esc(k))
                    .append(" <b>")
                    .append(Html.esc(shown(k, v)))
                    .append("</b>");
        }
        item("groups.keys", keys.toString());
        item("groups.rows", Html.esc(t.get("groups.rowsUnit", t.count(num(c.get(g, "rows"))))));
        item("groups.share", Html.esc(t.percent(num(c.get(g, "glosa_share")))));
        if (runTotal > 0) {
            item("groups.shareTotal", Html.esc(t.percent(amount / runTotal)));
        }
        StringBuilder dist = new StringBuilder();
        String dj = c.get(g, "distinctive_json");
        int n = 0;
        for (JsonNode d : dj.isBlank() ? JSON.createArrayNode() : JSON.readTree(dj)) {
            if (n++ == 3) {
                break;
            }
            dist.append("<li>")
                    .append(Html.esc(
                            d.path("column").asText() + " = " + d.path("value").asText() + ": "
                                    + t.percent(d.path("share_in_group").asDouble()) + " vs "
                                    + t.percent(d.path("share_in_segment").asDouble())))
                    .append("</li>");
        }
        if (dist.length() > 0) {
            item("groups.distinctive", "<ul>" + dist + "</ul>");
        }
        StringBuilder reasons = new StringBuilder();
        String rj = c.get(g, "top_reasons_json");
        n = 0;
        for (JsonNode r : rj.isBlank() ? JSON.createArrayNode() : JSON.readTree(rj)) {
            if (n++ == 3) {
                break;
            }
            reasons.append("<li>")
                    .append(Html.esc(r.path("code").asText() + ": "
                            + t.percent(r.path("share").asDouble()) + " ("
                            + t.get("groups.rowsUnit", t.count(r.path("rows").asDouble())) + ")"))
                    .append("</li>");
        }
        if (reasons.length() > 0) {
            item("groups.reasons", "<ul>" + reasons + "</ul>");
        }
        out.append("</dl></li>");
    }

    private void item(String key, String html) {
        out.append("<div><dt>")
                .append(Html.esc(t.get(key)))
                .append("</dt><dd>")
                .append(html)
                .append("</dd></div>");
    }

    /**
     * The segment's rows on the two features whose group centres lie furthest apart, in units of the feature's
     * spread over the segment: the two along which the groups differ most.
     */
    private void scatter(String segment) throws IOException {
        HistoryTable c = w.clusters();
        List<String> groups = new ArrayList<>();
        Map<String, Map<String, Double>> centres = new LinkedHashMap<>();
        for (String[] g : c.rows()) {
            if (c.get(g, "segment_id").equals(segment)) {
                String id = c.get(g, "group_id");
                groups.add(id);
                Map<String, Double> m = new LinkedHashMap<>();
                String json = c.get(g, "centres");
                if (!json.isBlank()) {
                    for (Map.Entry<String, JsonNode> e : JSON.readTree(json).properties()) {
                        m.put(e.getKey(), e.getValue().asDouble());
                    }
                }
                centres.put(id, m);
            }
        }
        groups.sort(null);
        HistoryTable f = w.segmentRows();
        int segCol = f.indexOf("segment_id");
        int clCol = f.indexOf("group_id");
        List<String[]> rows = new ArrayList<>();
        for (String[] r : f.rows()) {
            if (r[segCol].equals(segment) && !r[clCol].isEmpty()) {
                rows.add(r);
            }
        }
        List<String> features = new ArrayList<>();
        for (Map<String, Double> m : centres.values()) {
            for (String k : m.keySet()) {
                if (!features.contains(k) && f.indexOf(k) >= 0) {
                    features.add(k);
                }
            }
        }
        Map<String, Double> score = new HashMap<>();
        for (String feature : features) {
            int col = f.indexOf(feature);
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (String[] r : rows) {
                double v = num(r[col]);
                if (!Double.isNaN(v)) {
                    sum += v;
                    sq += v * v;
                    n++;
                }
            }
            double sd = n > 1 ? Math.sqrt(Math.max(0, (sq - sum * sum / n) / (n - 1))) : 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Map<String, Double> m : centres.values()) {
                Double v = m.get(feature);
                if (v != null && !v.isNaN()) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            score.put(feature, sd > 0 && hi >= lo ? (hi - lo) / sd : 0);
        }
        // Stable order: highest score first, then the order the features were clustered on.
        List<String> order = new ArrayList<>(features);
        order.sort(Comparator.comparingDouble((String k) -> -score.get(k)).thenComparingInt(features::indexOf));
        if (order.size() < 2 || rows.isEmpty()) {
            out.append("<p class=\"note\">")
                    .append(Html.esc(t.get("groups.scatterNone", segment)))
                    .append("</p>");
            return;
        }
        String fx = order.get(0);
        String fy = order.get(1);
        int x = f.indexOf(fx);
        int y = f.indexOf(fy);
        int step = Math.max(1, (rows.size() + MAX_POINTS - 1) / MAX_POINTS);
        List<Charts.Point> points = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += step) {
            String[] r = rows.get(i);
            double vx = num(r[x]);
            double vy = num(r[y]);
            if (!Double.isNaN(vx) && !Double.isNaN(vy)) {
                points.add(new Charts.Point(vx, vy, Math.max(0, groups.indexOf(r[clCol]))));
            }
        }
        out.append("<figure data-segment=\"")
                .append(Html.esc(segment))
                .append("\">")
                .append(Charts.scatter(t.get("groups.scatter", segment, fx, fy), fx, fy, points, groups))
                .append("<figcaption>")
                .append(Html.esc(t.get("groups.scatter", segment, fx, fy)))
                .append("</figcaption></figure>");
    }

    // ---- week over week

    private void week() {
        section("week", "week.title");
        HistoryTable c = w.clusters();
        HistoryTable p = w.previousClusters();
        if (w.previousAsOf() == null) {
            out.append("<p>").append(Html.esc(t.get("week.first"))).append("</p>\n");
        } else {
            out.append("<p>")
                    .append(Html.esc(t.get("week.previous", w.previousAsOf())))
                    .append("</p>\n");
        }
        Map<String, String[]> before = new LinkedHashMap<>();
        for (String[] r : p.rows()) {
            before.put(p.get(r, "group_id"), r);
        }
        List<String[]> kept = new ArrayList<>();
        int fresh = 0;
        java.util.Set<String> now = new java.util.HashSet<>();
        for (String[] r : c.rows()) {
            String id = c.get(r, "group_id");
            now.add(id);
            if (before.containsKey(id)) {
                kept.add(r);
            } else {
                fresh++;
            }
        }
        List<String[]> vanished = new ArrayList<>();
        for (Map.Entry<String, String[]> e : before.entrySet()) {
            if (!now.contains(e.getKey())) {
                vanished.add(e.getValue());
            }
        }
        out.append("<dl class=\"facts\">");
        fact("week.new", Html.esc(t.count(fresh)), "new", Integer.toString(fresh));
        fact("week.kept", Html.esc(t.count(kept.size())), "kept", Integer.toString(kept.size()));
        fact("week.vanished", Html.esc(t.count(vanished.size())), "vanished", Integer.toString(vanished.size()));
        out.append("</dl>\n");
        List<Charts.Bar> trend = new ArrayList<>();
        List<String[]> history = w.runsUpTo();
        for (String[] r : history.subList(Math.max(0, history.size() - 12), history.size())) {
            double g = num(w.runs().get(r, "glosa_total"));
            trend.add(new Charts.Bar(w.runs().get(r, "as_of"), g, t.money(g)));
        }
        out.append(h3("week.trend")).append(Charts.line(t.get("week.trend"), trend));
        if (!kept.isEmpty()) {
            kept.sort(Comparator.comparingDouble((String[] r) -> -Math.abs(num(c.get(r, "glosa_amount"))
                            - num(p.get(before.get(c.get(r, "group_id")), "glosa_amount"))))
                    .thenComparing(r -> c.get(r, "group_id")));
            out.append("<h3>")
                    .append(Html.esc(t.get("week.keptTitle")))
                    .append("</h3><div class=\"scroll\"><table class=\"kept\"><thead><tr>")
                    .append(th("week.group"))
                    .append(th("week.before"))
                    .append(th("week.now"))
                    .append(th("week.change"))
                    .append("</tr></thead><tbody>");
            for (String[] r : kept.subList(0, Math.min(TOP_GROUPS, kept.size()))) {
                double a = num(p.get(before.get(c.get(r, "group_id")), "glosa_amount"));
                double b = num(c.get(r, "glosa_amount"));
                out.append("<tr><td><code>")
                        .append(Html.esc(c.get(r, "group_id")))
                        .append("</code> ")
                        .append(Html.esc(c.get(r, "label")))
                        .append("</td>")
                        .append(numCell(t.money(a), money(a)))
                        .append(numCell(t.money(b), money(b)))
                        .append(numCell((b >= a ? "+" : "−") + t.money(Math.abs(b - a)), money(b - a)))
                        .append("</tr>");
            }
            out.append("</tbody></table></div>");
            more(kept.size());
        }
        if (!vanished.isEmpty()) {
            vanished.sort(Comparator.comparingDouble((String[] r) -> -num(p.get(r, "glosa_amount")))
                    .thenComparing(r -> p.get(r, "group_id")));
            out.append("<h3>").append(Html.esc(t.get("week.vanishedTitle"))).append("</h3><ul class=\"vanished\">");
            for (String[] r : vanished.subList(0, Math.min(TOP_GROUPS, vanished.size()))) {
                out.append("<li><code>")
                        .append(Html.esc(p.get(r, "group_id")))
                        .append("</code> ")
                        .append(Html.esc(t.money(num(p.get(r, "glosa_amount")))))
                        .append(" — ")
                        .append(Html.esc(p.get(r, "label")))
                        .append("</li>");
            }
            out.append("</ul>");
            more(vanished.size());
        }
        out.append("\n</section>\n");
    }

    private void more(int size) {
        if (size > TOP_GROUPS) {
            out.append("<p class=\"note\">")
                    .append(Html.esc(t.get("more", t.count(size - TOP_GROUPS))))
                    .append("</p>");
        }
    }

    // ---- helpers

    private void section(String id, String titleKey) {
        out.append("<section id=\"")
                .append(id)
                .append("\"><h2>")
                .append(Html.esc(t.get(titleKey)))
                .append("</h2>\n");
    }

    private String h3(String key) {
        return "<h3>" + Html.esc(t.get(key)) + "</h3>";
    }

    private String th(String key) {
        return "<th>" + Html.esc(t.get(key)) + "</th>";
    }

    private static String numCell(String text, String raw) {
        return "<td class=\"num\" data-value=\"" + Html.esc(raw) + "\">" + Html.esc(text) + "</td>";
    }

    /** A CSV number; an empty cell is NaN. */
    static double num(String s) {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String money(double v) {
        return java.math.BigDecimal.valueOf(v)
                .setScale(2, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String plain(double v) {
        return Long.toString(Math.round(v));
    }

    private static final String CSS = """
            :root{--ink:#1b1b1b;--mute:#5a5a5a;--line:#d0d0d0;--accent:#1f4e79}
            *{box-sizing:border-box}
            body{margin:0 auto;max-width:64rem;padding:1rem;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,\
            "Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
            h1{font-size:1.6rem;margin:.2rem 0;color:var(--accent)}h2{font-size:1.25rem;margin:1.6rem 0 .5rem;\
            border-bottom:2px solid var(--accent);padding-bottom:.2rem}h3{font-size:1rem;margin:1rem 0 .3rem}
            .sub{margin:0;font-weight:600}.note{color:var(--mute);font-size:.85rem}
            nav{font-size:.9rem;margin:.5rem 0;padding:.4rem 0;border-top:1px solid var(--line);border-bottom:1px solid var(--line)}
            a{color:var(--accent)}
            code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em}.hash{word-break:break-all}
            .facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.4rem 1rem;margin:.5rem 0}
            dt{color:var(--mute);font-size:.8rem}dd{margin:0;font-weight:600}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;width:100%;font-size:.88rem;margin:.4rem 0}
            th,td{padding:.25rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
            th{background:#f2f5f8}th:not(:first-child){text-align:right}table.inputs th{text-align:left}td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}tr.late td{color:#a4262c}
            svg.chart{display:block;width:100%;height:auto;margin:.6rem 0;font-size:11px;fill:var(--ink)}
            svg.chart text{fill:var(--ink)}
            ol.groups{padding-left:0;list-style:none;display:grid;grid-template-columns:repeat(auto-fill,minmax(19rem,1fr));gap:.8rem}
            li.group{border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem;break-inside:avoid}
            li.group h3{margin:.1rem 0}li.group .label{margin:.2rem 0 .4rem}li.group dl{margin:0}
            li.group dd{font-weight:400}li.group ul{margin:0;padding-left:1.1rem}
            .scatters{display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:.8rem}
            figure{margin:0;break-inside:avoid}figcaption{font-size:.8rem;color:var(--mute)}
            .legend{font-size:.75rem;margin:.2rem 0}.legend span{margin-right:.6rem;white-space:nowrap}
            .legend i{display:inline-block;width:.7rem;height:.7rem;border-radius:50%;margin-right:.25rem;vertical-align:-1px}
            @media (max-width:40rem){body{padding:.6rem;font-size:14px}}
            @page{size:A4;margin:14mm}
            @media print{body{max-width:none;padding:0;font-size:10pt}nav{display:none}section{break-inside:auto}
            h2{break-after:avoid}svg.chart,table,figure{break-inside:avoid}a{color:inherit;text-decoration:none}}
            """;
}
