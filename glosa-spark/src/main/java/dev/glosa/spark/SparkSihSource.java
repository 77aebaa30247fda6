package dev.glosa.spark;

import dev.glosa.core.run.GlosaSource;
import dev.glosa.core.run.RunContext;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.run.SourceBatch;
import dev.glosa.core.run.SourceRows;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import dev.glosa.io.sih.SihReadOptions;
import dev.glosa.io.sih.SihReader;
import dev.glosa.io.sih.SihSystem;
import dev.glosa.io.sih.SihTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

/**
 * DATASUS SIH files ({@code .dbc} or {@code .dbf}) on any Hadoop-compatible path ({@code hdfs://}, {@code s3a://},
 * {@code abfss://}, {@code gs://}, a local path): one Spark task per file, each decoded on an executor by the
 * library's own {@link SihReader}, the files of each system stacked in the order given as {@code glosa sus} stacks
 * them.
 *
 * <p>A file that cannot be decoded fails its task with the file's name in the message.
 */
public final class SparkSihSource implements GlosaSource {
    private final JavaSparkContext spark;
    private final List<String> rd;
    private final List<String> rj;
    private final List<String> er;
    private final String inputFormat;

    /**
     * The files of one run, each list in the order the rows should be read (RJ's order is the one "first occurrence"
     * deduplication follows).
     *
     * @param spark the Spark context whose executors read the files, one task per file
     * @param rd the RD files (paid AIHs), any Hadoop-compatible paths
     * @param rj the RJ files (rejected AIHs)
     * @param er the ER files; empty when none
     */
    public SparkSihSource(JavaSparkContext spark, List<String> rd, List<String> rj, List<String> er) {
        this(spark, rd, rj, er, "dbc");
    }

    /**
     * The inputs of one run in a given format: {@code dbc} (SIH {@code .dbc}/{@code .dbf} files), {@code parquet}
     * (Parquet paths) or {@code table} (Spark table names), the last two with DATASUS's field names
     * ({@link SihRowsReader}).
     *
     * @param spark the Spark context whose executors read the inputs
     * @param rd the RD inputs (paid AIHs): paths or table names, as {@code inputFormat} says
     * @param rj the RJ inputs (rejected AIHs)
     * @param er the ER inputs; empty when none
     * @param inputFormat {@code dbc}, {@code parquet} or {@code table}
     * @throws IllegalArgumentException if {@code inputFormat} is none of these
     */
    public SparkSihSource(
            JavaSparkContext spark, List<String> rd, List<String> rj, List<String> er, String inputFormat) {
        if (!List.of("dbc", "parquet", "table").contains(inputFormat)) {
            throw new IllegalArgumentException(
                    "--input-format must be dbc, parquet or table, found '" + inputFormat + "'");
        }
        this.inputFormat = inputFormat;
        this.spark = Objects.requireNonNull(spark, "spark");
        this.rd = List.copyOf(rd);
        this.rj = List.copyOf(rj);
        this.er = List.copyOf(er);
    }

    @Override
    public String describe() {
        return (inputFormat.equals("dbc") ? "SIH files" : "SIH rows (" + inputFormat + ")") + " on Spark (" + rd.size()
                + " RD, " + rj.size() + " RJ, " + er.size() + " ER)";
    }

    @Override
    public void check() {
        if (rd.isEmpty() || rj.isEmpty()) {
            throw new IllegalArgumentException("--rd and --rj are required (glosa-spark sus --help)");
        }
        Set<String> seen = new HashSet<>();
        for (List<String> files : List.of(rd, rj, er)) {
            for (String f : files) {
                if (!seen.add(f)) {
                    throw new IllegalArgumentException("the file " + f + " is given twice: give each file once");
                }
            }
        }
    }

    @Override
    public List<String> identifierColumns() {
        return List.of(Role.CLAIM_ID.column());
    }

    @Override
    public SourceBatch read(RunContext context) throws IOException {
        List<String> all = new ArrayList<>(rd);
        all.addAll(rj);
        all.addAll(er);
        List<FileRead> reads = readAll(all);
        List<RunRecord.Input> inputs = new ArrayList<>();
        GlosaTable rdTable = stack(reads.subList(0, rd.size()), SihSystem.RD, "--rd", inputs, context);
        GlosaTable rjTable =
                stack(reads.subList(rd.size(), rd.size() + rj.size()), SihSystem.RJ, "--rj", inputs, context);
        GlosaTable erTable = er.isEmpty()
                ? null
                : stack(reads.subList(rd.size() + rj.size(), reads.size()), SihSystem.ER, "--er", inputs, context);
        long rows = (long) rdTable.rowCount() + rjTable.rowCount() + (erTable == null ? 0 : erTable.rowCount());
        return new SourceBatch(new SourceRows.Sih(rdTable, rjTable, erTable), inputs, rows, 0, List.of());
    }

    /** One task per file, results in the order of {@code files}. */
    private List<FileRead> readAll(List<String> files) {
        if (!inputFormat.equals("dbc")) {
            org.apache.spark.sql.SparkSession session = org.apache.spark.sql.SparkSession.builder()
                    .sparkContext(spark.sc())
                    .getOrCreate();
            List<FileRead> out = new ArrayList<>();
            for (String input : files) {
                try {
                    out.add(SihRowsReader.read(session, input, inputFormat.equals("table")));
                } catch (IllegalArgumentException e) {
                    throw e;
                } catch (Exception e) {
                    // Spark's AnalysisException (a path or table not found) and task failures, as one line.
                    throw new IllegalArgumentException(input + ": " + rootMessage(e), e);
                }
            }
            return out;
        }
        List<byte[]> answers;
        try {
            answers =
                    spark.parallelize(files, files.size()).map(new DecodeFile()).collect();
        } catch (Exception e) {
            // Spark throws its checked SparkException undeclared; the executor's message names the file.
            throw new IllegalArgumentException(rootMessage(e), e);
        }
        List<FileRead> out = new ArrayList<>(answers.size());
        for (byte[] a : answers) {
            out.add(Wire.decode(a, FileRead.class));
        }
        return out;
    }

    /** The executor's own message (the file's name and what is wrong), without Spark's stage and task wrapping. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() != null ? t.getMessage() : e.getMessage();
        // Spark carries an executor's exception as text: keep its last line that names the exception.
        String found = null;
        for (String line : String.valueOf(m).split("\n")) {
            if (line.contains("Exception: ")) {
                found = line.substring(line.indexOf("Exception: ") + "Exception: ".length())
                        .trim();
                break;
            }
        }
        return found != null ? found : String.valueOf(m).lines().findFirst().orElse("");
    }

    /** Stacks the files of one system, as {@link SihReader#readAll} does; a file of another system is refused. */
    private static GlosaTable stack(
            List<FileRead> reads, SihSystem expected, String option, List<RunRecord.Input> inputs, RunContext context) {
        List<GlosaTable> parts = new ArrayList<>();
        for (FileRead r : reads) {
            if (!r.system().equals(expected.name())) {
                throw new IllegalArgumentException(option + " expects " + expected + " files, but " + r.path() + " is "
                        + r.system() + " (" + r.layout() + ")");
            }
            for (String w : r.warnings()) {
                context.log().info("warning: " + r.path() + ": " + w);
            }
            inputs.add(new RunRecord.Input(r.path(), r.sha256(), r.records()));
            parts.add(r.table());
        }
        GlosaTable table = GlosaTable.concat(parts);
        context.log().info(String.format("%s: %,d rows from %d file(s)", expected, table.rowCount(), reads.size()));
        return table;
    }

    /**
     * What a task sends back for one file.
     *
     * @param path the file as given
     * @param system RD, RJ, ER or SP
     * @param layout the layout era's label
     * @param records the records read
     * @param warnings the reader's warnings
     * @param sha256 the file's SHA-256
     * @param table the file's rows
     */
    record FileRead(
            String path,
            String system,
            String layout,
            long records,
            List<String> warnings,
            String sha256,
            GlosaTable table) {}

    /** The task: copies one file from its file system to the executor's disk and decodes it with the library. */
    static final class DecodeFile implements Function<String, byte[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] call(String file) throws IOException {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
            Path dir = Files.createTempDirectory("glosa-spark-");
            // The file keeps its name: the reader tells .dbc from .dbf by it.
            Path local = dir.resolve(path.getName());
            try {
                FileSystem fs = path.getFileSystem(new Configuration());
                try (InputStream in = fs.open(path)) {
                    Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
                }
                SihTable t;
                try {
                    t = SihReader.read(local, SihReadOptions.defaults());
                } catch (IOException | RuntimeException e) {
                    // No cause: Spark reports the deepest exception, and the reader's names the copy, not the file.
                    String m = String.valueOf(e.getMessage()).replace(local.toString(), file);
                    throw new IllegalArgumentException(m.contains(file) ? m : file + ": " + m);
                }
                var report = t.files().get(0);
                String sha =
                        RunRecord.Input.of(local, report.read().recordsRead()).sha256();
                List<String> warnings = new ArrayList<>();
                for (String w : report.warnings()) {
                    warnings.add(w.replace(local.toString(), file));
                }
                return Wire.encode(new FileRead(
                        file,
                        t.system().name(),
                        report.layout().label(),
                        report.read().recordsRead(),
                        warnings,
                        sha,
                        t.table()));
            } catch (java.io.FileNotFoundException e) {
                throw new IllegalArgumentException("file not found: " + file);
            } finally {
                Files.deleteIfExists(local);
                Files.deleteIfExists(dir);
            }
        }
    }
}
