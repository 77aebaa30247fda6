package dev.glosa.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small output folder of two weeks written as the star schema writes it, for the report's tests. */
final class ReportFolder {
    static final String WEEK1 = "2026-11-16";
    static final String WEEK2 = "2026-11-23";
    static final String SCRIPT = "<script>alert(1)</script>";

    private ReportFolder() {}

    static Path write(Path dir) throws IOException {
        String sha = "ab".repeat(32);
        String inputs = "[{\"path\":\"RDMT2106.dbc\",\"sha256\":\"" + sha + "\",\"rows\":7}]";
        csv(
                dir,
                "runs.csv",
                List.of(
                        "run_id",
                        "as_of",
                        "inputs",
                        "config_sha256",
                        "rows_in",
                        "rows_rejected",
                        "segments",
                        "groups",
                        "status",
                        "glosa_total",
                        "naive_glosa_total",
                        "glosa_version"),
                List.of("20261116-abababab", WEEK1, inputs, sha, "7", "0", "2", "3", "ok", "1800", "2100", "0.1.0"),
                List.of("20261123-abababab", WEEK2, inputs, sha, "9", "1", "3", "3", "ok", "2500", "2900.5", "0.1.0"));
        csv(
                dir,
                "dim_segment.csv",
                List.of(
                        "run_id",
                        "as_of",
                        "segment_id",
                        "hospital",
                        "payer",
                        "glosa_type",
                        "rows",
                        "glosa_amount",
                        "status",
                        "key_columns"),
                List.of(
                        "r1",
                        WEEK1,
                        "S1",
                        "2252404",
                        "SUS",
                        "02",
                        "5",
                        "1500",
                        "clustered",
                        "hospital|payer|glosa_type"),
                List.of(
                        "r1",
                        WEEK1,
                        "S2",
                        "2252404",
                        "SUS",
                        "05",
                        "2",
                        "300",
                        "too_small",
                        "hospital|payer|glosa_type"),
                List.of(
                        "r2",
                        WEEK2,
                        "S1",
                        "2252404",
                        "SUS",
                        "02",
                        "5",
                        "1600",
                        "clustered",
                        "hospital|payer|glosa_type"),
                List.of("r2", WEEK2, "S3", SCRIPT, "SUS", "06", "3", "900", "clustered", "hospital|payer|glosa_type"),
                List.of("r2", WEEK2, "S4", "2252404", "SUS", "07", "1", "0", "failed", "hospital|payer|glosa_type"));
        List<String> cl = List.of(
                "run_id",
                "as_of",
                "group_id",
                "segment_id",
                "rows",
                "glosa_amount",
                "glosa_share",
                "label",
                "status",
                "top_reasons_json",
                "distinctive_json",
                "centres");
        String centres = "{\"glosa_amount\":100,\"DIAS_PERM\":3,\"age_years\":40}";
        String reasons = "[{\"code\":\"050170\",\"rows\":2,\"glosa_amount\":800,\"share\":0.666667}]";
        String evil = "[{\"column\":\"specialty\",\"value\":\"" + SCRIPT.replace("/", "\\/")
                + "\",\"share_in_group\":0.9,\"share_in_segment\":0.3,\"lift\":3}]";
        csv(
                dir,
                "dim_group.csv",
                cl,
                List.of(
                        "r1",
                        WEEK1,
                        "S1-G1",
                        "S1",
                        "3",
                        "1000",
                        "0.666667",
                        "high value",
                        "new",
                        reasons,
                        "[]",
                        centres),
                List.of("r1", WEEK1, "S1-G2", "S1", "2", "500", "0.333333", "low value", "new", "[]", "[]", centres),
                List.of("r1", WEEK1, "S2-G1", "S2", "2", "300", "1", "whole segment", "new", "[]", "[]", centres),
                List.of(
                        "r2",
                        WEEK2,
                        "S1-G1",
                        "S1",
                        "3",
                        "1200",
                        "0.75",
                        "high value",
                        "kept",
                        reasons,
                        "[]",
                        "{\"glosa_amount\":400,\"DIAS_PERM\":3,\"age_years\":40}"),
                List.of(
                        "r2",
                        WEEK2,
                        "S1-G2",
                        "S1",
                        "2",
                        "400",
                        "0.25",
                        "low value",
                        "kept",
                        "[]",
                        "[]",
                        "{\"glosa_amount\":200,\"DIAS_PERM\":9,\"age_years\":41}"),
                List.of("r2", WEEK2, "S3-G1", "S3", "3", "900", "1", "label " + SCRIPT, "new", "[]", evil, centres));
        List<String> in = List.of(
                "run_id",
                "as_of",
                "scope",
                "scope_key",
                "period",
                "claims",
                "glosa_claims",
                "glosa_rate",
                "glosa_rate_ci_low",
                "glosa_rate_ci_high",
                "glosa_amount");
        csv(
                dir,
                "indicators.csv",
                in,
                List.of("r1", WEEK1, "overall", "", "", "7", "3", "0.428571", "0.158", "0.75", "1800"),
                List.of("r2", WEEK2, "overall", "", "", "9", "6", "0.666667", "0.354", "0.879", "2500"),
                List.of("r2", WEEK2, "hospital", "2252404", "", "6", "3", "0.5", "0.188", "0.812", "1600"),
                List.of("r2", WEEK2, "hospital", SCRIPT, "", "3", "3", "1", "0.438", "1", "900"),
                List.of(
                        "r2",
                        WEEK2,
                        "overall:competence",
                        "",
                        "2021-06",
                        "9",
                        "6",
                        "0.666667",
                        "0.354",
                        "0.879",
                        "2500"));
        List<String> fh = List.of(
                "run_id",
                "as_of",
                "segment_id",
                "group_id",
                "hospital",
                "situation",
                "glosa_amount",
                "paid_amount",
                "DIAS_PERM",
                "age_years");
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of("r1", WEEK1, "S1", "S1-G1", "2252404", "A", "1800", "0", "3", "40"));
        String[][] w2 = {
            {"S1", "S1-G1", "A", "600", "0", "2", "30"}, {"S1", "S1-G1", "A", "600", "0", "4", "50"},
            {"S1", "S1-G2", "B", "200", "350", "9", "41"}, {"S1", "S1-G2", "A", "200", "0", "9", "41"},
            {"S3", "S3-G1", "A", "300", "0", "1", "20"}, {"S3", "S3-G1", "A", "300", "0", "2", "20"},
            {"S3", "S3-G1", "A", "300", "0", "3", "20"}, {"", "", "C", "0", "1000", "1", "33"},
            {"S4", "", "C", "0", "500", "2", "60"}
        };
        for (String[] r : w2) {
            facts.add(List.of("r2", WEEK2, r[0], r[1], "2252404", r[2], r[3], r[4], r[5], r[6]));
        }
        csvRows(dir, "fact_glosa.csv", fh, facts);
        return dir;
    }

    /** Adds a TISS run's appeal tables to the folder {@link #write} wrote, for week {@link #WEEK2}. */
    static void writeAppeals(Path dir) throws IOException {
        String run = "20261123-0000abcd";
        List<String> appealHeader = List.of(
                "run_id",
                "as_of",
                "payer",
                "hospital",
                "reason_code",
                "reason_group",
                "week",
                "glosa_amount",
                "appealed_glosa",
                "appealed_share",
                "appealed_amount",
                "recovered_amount",
                "recovered_share",
                "pending_amount",
                "days_to_appeal",
                "days_to_answer");
        csv(
                dir,
                "fact_appeal.csv",
                appealHeader,
                List.of(
                        run,
                        WEEK2,
                        "345678",
                        "2252404",
                        "1801",
                        "Medicamento",
                        "2026-11-09",
                        "400",
                        "300",
                        "0.75",
                        "300",
                        "120",
                        "0.4",
                        "100",
                        "12",
                        "20"),
                List.of(
                        run,
                        WEEK2,
                        "345678",
                        "2252404",
                        "1001",
                        "Elegibilidade",
                        "2026-11-09",
                        "100",
                        "0",
                        "0",
                        "0",
                        "0",
                        "",
                        "0",
                        "",
                        ""));
        List<String> pendingHeader = List.of(
                "run_id",
                "as_of",
                "payer",
                "hospital",
                "statement_number",
                "protocol_number",
                "reason_code",
                "reason_group",
                "statement_date",
                "deadline",
                "days_left",
                "amount_at_stake");
        csv(
                dir,
                "appeal_pending.csv",
                pendingHeader,
                List.of(
                        run,
                        WEEK2,
                        "345678",
                        "2252404",
                        "D2",
                        "P2",
                        "1001",
                        "Elegibilidade",
                        "2026-11-09",
                        "2026-12-09",
                        "16",
                        "60"),
                List.of(
                        run,
                        WEEK2,
                        "345678",
                        "2252404",
                        "D1",
                        "P1",
                        "1001",
                        "Elegibilidade",
                        "2026-10-01",
                        "2026-10-31",
                        "-23",
                        "40"));
    }

    @SafeVarargs
    private static void csv(Path dir, String file, List<String> header, List<String>... rows) throws IOException {
        List<List<String>> all = new ArrayList<>();
        for (List<String> r : rows) {
            all.add(r);
        }
        csvRows(dir, file, header, all);
    }

    private static void csvRows(Path dir, String file, List<String> header, List<List<String>> rows)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        for (List<String> r : rows) {
            line(sb, r);
        }
        Files.writeString(dir.resolve(file), sb, StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append(c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        sb.append("\r\n");
    }
}
