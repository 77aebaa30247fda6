package dev.glosa.spark;

import dev.glosa.core.reconcile.DedupPolicy;
import dev.glosa.core.run.GlosaSource;
import dev.glosa.core.run.RunContext;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.run.SourceBatch;
import dev.glosa.core.run.SourceRows;
import dev.glosa.core.table.Role;
import dev.glosa.io.sih.SihReadOptions;
import dev.glosa.io.sih.SihReader;
import dev.glosa.io.sih.SihSystem;
import dev.glosa.io.sih.SihTable;
import dev.glosa.run.GlosaRunException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * DATASUS SIH files ({@code .dbc} or {@code .dbf}) on any Hadoop-compatible path ({@code hdfs://}, {@code s3a://},
 * {@code abfss://}, {@code gs://}, a local path): one Spark task per file, each decoded on an executor by the
 * library's own {@link SihReader}, the files of each system stacked in the order given as {@code glosa sus} stacks
 * them.
 *
 * <p>The decoded rows stay on the executors: partitioned by claim number, each partition's ER codes are joined to
 * its RJ rows and its RJ reconciled with its RD by the core's own code ({@code SparkReconciler}), and the driver
 * receives one row per claim, the report and the indicators' sums ({@link SourceRows.ReconciledSih}).
 *
 * <p>A file that cannot be decoded fails its task with the file's name in the message.
 */
public final class SparkSihSource implements GlosaSource {
    private final JavaSparkContext spark;
    private final List<String> rd;
    private final List<String> rj;
    private final List<String> er;
    private final String inputFormat;
    private final DedupPolicy policy;
    /** The fewest rows a partition of the reconciliation is given, but one. */
    private long rowsPerPartition = 50_000;

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
        this(spark, rd, rj, er, inputFormat, DedupPolicy.FIRST);
    }

    /**
     * The inputs of one run in a given format, with the deduplication policy of the configuration.
     *
     * @param spark the Spark context whose executors read and reconcile the inputs
     * @param rd the RD inputs (paid AIHs): paths or table names, as {@code inputFormat} says
     * @param rj the RJ inputs (rejected AIHs)
     * @param er the ER inputs; empty when none
     * @param inputFormat {@code dbc}, {@code parquet} or {@code table}
     * @param policy how a rejected claim given more than once is resolved ({@code dedup:} in the configuration)
     * @throws IllegalArgumentException if {@code inputFormat} is none of these
     */
    public SparkSihSource(
            JavaSparkContext spark,
            List<String> rd,
            List<String> rj,
            List<String> er,
            String inputFormat,
            DedupPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
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

    /** The same source with smaller partitions, so that tests on small files cut them too. */
    SparkSihSource partitionedEvery(long rows) {
        SparkSihSource copy = new SparkSihSource(spark, rd, rj, er, inputFormat, policy);
        copy.rowsPerPartition = Math.max(1, rows);
        return copy;
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
        SparkSession session = SparkSession.builder().sparkContext(spark.sc()).getOrCreate();
        List<String> all = new ArrayList<>(rd);
        all.addAll(rj);
        all.addAll(er);
        JavaRDD<byte[]> decoded = decode(session, all);
        try {
            return reconcile(session, all, decoded, context);
        } finally {
            // A long-lived session (a notebook) goes on after the run: the decoded pieces leave its memory.
            decoded.unpersist(false);
        }
    }

    /** Describes the decoded pieces, checks and places them, and reconciles them on the executors. */
    private SourceBatch reconcile(SparkSession session, List<String> all, JavaRDD<byte[]> decoded, RunContext context) {
        JavaRDD<byte[]> parts = decoded;
        List<SihParts.Meta> metas = new ArrayList<>();
        try {
            for (byte[] m : parts.map(new SihParts.Describe()).collect()) {
                metas.add(Wire.decode(m, SihParts.Meta.class));
            }
        } catch (Exception e) {
            // Spark throws its checked SparkException undeclared; the executor's message names the file.
            throw failure(e);
        }
        // A table or Parquet input without rows, as DATASUS publishes a month without any: its columns still count.
        List<byte[]> empty = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            int input = i;
            if (!inputFormat.equals("dbc")
                    && metas.stream().noneMatch(m -> m.origin().input() == input)) {
                byte[] part = SihRowsReader.emptyPart(session, all.get(i), inputFormat.equals("table"), i);
                empty.add(part);
                metas.add(Wire.decode(new SihParts.Describe().call(part), SihParts.Meta.class));
            }
        }
        if (!empty.isEmpty()) {
            parts = parts.union(spark.parallelize(empty, 1));
        }
        List<RunRecord.Input> inputs = new ArrayList<>();
        List<SparkReconciler.PieceRef> refs = new ArrayList<>();
        long rows = side(session, metas, 0, 0, rd, SihSystem.RD, "--rd", inputs, refs, context);
        rows += side(session, metas, 1, rd.size(), rj, SihSystem.RJ, "--rj", inputs, refs, context);
        if (!er.isEmpty()) {
            rows += side(session, metas, 2, rd.size() + rj.size(), er, SihSystem.ER, "--er", inputs, refs, context);
        }
        try {
            // A few partitions per core, none smaller than some 50,000 rows: the core's reconciler is fast, and a
            // partition costs a task and a copy of each piece's dictionaries.
            int partitions = (int) Math.max(1, Math.min(spark.defaultParallelism() * 4L, rows / rowsPerPartition));
            SparkReconciler.Outcome r =
                    SparkReconciler.reconcile(spark, parts, refs, policy, partitions, () -> decoded.unpersist(false));
            context.log()
                    .info(String.format(
                            "reconciled on Spark in %d partition(s): %,d claims; indicators in %,d rows",
                            partitions, r.claims().rowCount(), r.indicators().size()));
            return new SourceBatch(
                    new SourceRows.ReconciledSih(r.claims(), r.report(), r.indicators(), r.rejectedWithoutError()),
                    inputs,
                    rows,
                    0,
                    List.of());
        } catch (IllegalArgumentException e) {
            throw GlosaRunException.badInput(e, "error.reconciliation", e.getMessage());
        } catch (Exception e) {
            // Spark throws its checked SparkException undeclared. The input was checked before any row moved, so a
            // failed task is the cluster's or glosa's failure (exit 1), not the analyst's input (exit 2).
            throw GlosaRunException.failure(e, "error.reconciliation", rootMessage(e));
        }
    }

    /**
     * Decodes every input on the executors (one task per {@code .dbc} file; a Parquet input or table by partitions)
     * into parts that stay there, each tagged with its input's index.
     */
    private JavaRDD<byte[]> decode(SparkSession session, List<String> all) {
        JavaRDD<byte[]> parts;
        if (inputFormat.equals("dbc")) {
            List<Tuple2<Integer, String>> files = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                files.add(new Tuple2<>(i, all.get(i)));
            }
            parts = spark.parallelize(files, files.size()).map(new DecodeFile());
        } else {
            List<JavaRDD<byte[]>> each = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                try {
                    each.add(SihRowsReader.parts(session, all.get(i), inputFormat.equals("table"), i));
                } catch (IllegalArgumentException e) {
                    throw e;
                } catch (Exception e) {
                    // Spark's AnalysisException (a path or table not found), as one line.
                    throw new IllegalArgumentException(all.get(i) + ": " + rootMessage(e), e);
                }
            }
            parts = each.get(0);
            for (int i = 1; i < each.size(); i++) {
                parts = parts.union(each.get(i));
            }
        }
        return parts.persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** A task's failure as the executor worded it: the file's name and what is wrong. */
    private static IllegalArgumentException failure(Exception e) {
        return e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException(rootMessage(e), e);
    }

    /**
     * The inputs of one system: checked to be of that system, stacked in the order given (a Parquet input's pieces by
     * file and row), each piece placed in that order, their warnings logged and their fingerprints recorded.
     *
     * @return the rows of the system
     */
    private long side(
            SparkSession session,
            List<SihParts.Meta> metas,
            int sideIndex,
            int firstInput,
            List<String> names,
            SihSystem expected,
            String option,
            List<RunRecord.Input> inputs,
            List<SparkReconciler.PieceRef> refs,
            RunContext context) {
        long offset = 0;
        for (int k = 0; k < names.size(); k++) {
            int input = firstInput + k;
            String name = names.get(k);
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < metas.size(); i++) {
                if (metas.get(i).origin().input() == input) {
                    mine.add(i);
                }
            }
            mine.sort(Comparator.comparing((Integer i) -> metas.get(i).origin().file())
                    .thenComparingLong(i -> metas.get(i).origin().firstRow())
                    .thenComparingInt(i -> metas.get(i).origin().partition()));
            LinkedHashSet<String> warnings = new LinkedHashSet<>();
            long records = 0;
            String sha = "";
            for (int i : mine) {
                SihParts.Meta m = metas.get(i);
                if (!m.origin().system().equals(expected.name())) {
                    throw new IllegalArgumentException(option + " expects " + expected + " files, but " + name + " is "
                            + m.origin().system() + " (" + m.origin().layout() + ")");
                }
                warnings.addAll(m.origin().warnings());
                records += m.origin().records();
                sha = m.origin().sha256();
                refs.add(new SparkReconciler.PieceRef(i, sideIndex, offset, m));
                offset += m.origin().records();
            }
            for (String w : warnings) {
                context.log().info("warning: " + name + ": " + w);
            }
            inputs.add(new RunRecord.Input(
                    name,
                    inputFormat.equals("dbc")
                            ? sha
                            : SihRowsReader.fingerprint(session, name, inputFormat.equals("table")),
                    records));
        }
        context.log().info(String.format("%s: %,d rows from %d file(s)", expected, offset, names.size()));
        return offset;
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

    /** The task: copies one file from its file system to the executor's disk and decodes it with the library. */
    static final class DecodeFile implements Function<Tuple2<Integer, String>, byte[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] call(Tuple2<Integer, String> input) throws IOException {
            String file = input._2();
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
                return Wire.encode(new SihParts.Part(
                        new SihParts.Origin(
                                input._1(),
                                file,
                                0,
                                0,
                                t.system().name(),
                                report.layout().label(),
                                report.read().recordsRead(),
                                warnings,
                                sha),
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
