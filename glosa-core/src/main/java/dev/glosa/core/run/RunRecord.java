package dev.glosa.core.run;

import dev.glosa.core.reconcile.ReconciliationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One run of the weekly job as the star schema records it in {@code runs.csv} and {@code manifest.json}.
 *
 * <p>The run id is deterministic: {@link #runId(LocalDate, String)} gives {@code yyyyMMdd} of {@code asOf}, a dash and
 * the first 8 hex digits of the configuration's SHA-256, so re-running the same week with the same configuration
 * writes the same id. The history of the tables is keyed by {@code asOf}: a second run for the same date replaces the
 * first one's rows whatever its id.
 *
 * @param runId the run id, letters, digits, {@code .}, {@code _} and {@code -} only
 * @param asOf the date the data is analysed as of
 * @param startedAt when the run started (written to {@code runs.csv} only, truncated to seconds)
 * @param finishedAt when the run finished (written to {@code runs.csv} only, truncated to seconds)
 * @param inputs the input files, in the order the run read them
 * @param configSha256 the SHA-256 of the run's configuration, lower-case hex
 * @param rowsIn rows read from the inputs
 * @param rowsRejected input rows rejected (unreadable or invalid)
 * @param status how the run ended
 * @param reconciliation what the SUS reconciliation did, or {@code null} when the run did not reconcile
 */
public record RunRecord(
        String runId,
        LocalDate asOf,
        Instant startedAt,
        Instant finishedAt,
        List<Input> inputs,
        String configSha256,
        long rowsIn,
        long rowsRejected,
        Status status,
        ReconciliationReport reconciliation) {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{8,}");

    /**
     * Checks the record.
     *
     * @param runId as {@link #runId()}; {@code null} for its default
     * @param asOf as {@link #asOf()}
     * @param startedAt as {@link #startedAt()}
     * @param finishedAt as {@link #finishedAt()}
     * @param inputs as {@link #inputs()}
     * @param configSha256 as {@link #configSha256()}
     * @param rowsIn as {@link #rowsIn()}
     * @param rowsRejected as {@link #rowsRejected()}
     * @param status as {@link #status()}
     * @param reconciliation as {@link #reconciliation()}
     */
    public RunRecord {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(status, "status");
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException(
                    "run id must be letters, digits, '.', '_' or '-', found '" + runId + "'");
        }
        configSha256 = checkHex(configSha256, "configSha256");
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException(
                    "finishedAt (" + finishedAt + ") must not be before startedAt (" + startedAt + ")");
        }
        if (rowsIn < 0 || rowsRejected < 0) {
            throw new IllegalArgumentException(
                    "row counts must not be negative, found rowsIn=" + rowsIn + ", rowsRejected=" + rowsRejected);
        }
        inputs = List.copyOf(inputs);
    }

    /**
     * {@return a run whose id is {@link #runId(LocalDate, String)} and that did not reconcile SUS files}
     *
     * @param asOf the date the run analyses the data as of
     * @param configSha256 the SHA-256 of the configuration, as hex
     * @param startedAt when the run started
     * @param finishedAt when it finished
     * @param inputs every input read
     * @param rowsIn the rows read
     * @param rowsRejected the rows quarantined
     * @param status how the run ended
     */
    public static RunRecord of(
            LocalDate asOf,
            String configSha256,
            Instant startedAt,
            Instant finishedAt,
            List<Input> inputs,
            long rowsIn,
            long rowsRejected,
            Status status) {
        return new RunRecord(
                runId(asOf, configSha256),
                asOf,
                startedAt,
                finishedAt,
                inputs,
                configSha256,
                rowsIn,
                rowsRejected,
                status,
                null);
    }

    /**
     * {@return the same run with the report of its reconciliation}
     *
     * @param report the reconciliation's report
     */
    public RunRecord withReconciliation(ReconciliationReport report) {
        return new RunRecord(
                runId, asOf, startedAt, finishedAt, inputs, configSha256, rowsIn, rowsRejected, status, report);
    }

    /**
     * {@return {@code yyyyMMdd-hhhhhhhh}: the date and the first 8 hex digits of the configuration hash}
     *
     * @param asOf the run's date
     * @param configSha256 the SHA-256 of the configuration, as hex
     */
    public static String runId(LocalDate asOf, String configSha256) {
        return asOf.format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                + checkHex(configSha256, "configSha256").substring(0, 8);
    }

    /**
     * {@return the SHA-256 of {@code bytes} as lower-case hex, e.g. of a configuration file's bytes}
     *
     * @param bytes the bytes hashed
     */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /**
     * {@return the SHA-256 of the UTF-8 bytes of {@code text}}
     *
     * @param text the text hashed
     */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String checkHex(String hex, String what) {
        String h = hex == null ? "" : hex.toLowerCase(Locale.ROOT);
        if (!HEX.matcher(h).matches()) {
            throw new IllegalArgumentException(what + " must be at least 8 hex digits, found '" + hex + "'");
        }
        return h;
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** How a run ended. */
    public enum Status {
        /** Every segment was processed. */
        OK,
        /** The run finished but some segments failed; their reasons are in {@code dim_segment.csv}. */
        PARTIAL,
        /** The run failed; only its record is written. */
        FAILED
    }

    /**
     * One input file of a run.
     *
     * @param path the path as the run was given it
     * @param sha256 the SHA-256 of the file's bytes, lower-case hex
     * @param rows the rows read from it
     */
    public record Input(String path, String sha256, long rows) {

        /**
         * Checks the input.
         *
         * @param path as {@link #path()}
         * @param sha256 as {@link #sha256()}
         * @param rows as {@link #rows()}
         */
        public Input {
            Objects.requireNonNull(path, "path");
            sha256 = checkHex(sha256, "sha256");
            if (rows < 0) {
                throw new IllegalArgumentException("rows must not be negative, found " + rows);
            }
        }

        /**
         * {@return the input {@code file}, hashing its bytes}
         *
         * @param file the input file
         * @param rows the rows read from it
         * @throws IOException when the file cannot be read
         */
        public static Input of(Path file, long rows) throws IOException {
            MessageDigest md = digest();
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            return new Input(file.toString(), HexFormat.of().formatHex(md.digest()), rows);
        }
    }
}
