package dev.glosa.spark;

import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.run.GlosaSink;
import dev.glosa.core.run.RunOutput;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.io.powerbi.RunTables;
import dev.glosa.io.powerbi.WriterOptions;
import dev.glosa.run.RunConfig;
import dev.glosa.run.spi.Options;
import dev.glosa.run.spi.SinkProvider;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The star schema as Parquet, one folder per table ({@code fact_glosa}, {@code dim_segment}, {@code dim_group},
 * {@code indicators}, {@code group_state}, {@code runs}) partitioned by {@code as_of}: a rerun of a week replaces that
 * week's partition and keeps the others, as the CSV folder replaces that week's rows.
 *
 * <p>The tables are those of {@link RunTables}, the ones the CSV folder and the database hold, typed: text as
 * string, numbers as double, integers as long, dates as date, months ({@code yyyy-MM}) and date-times as their ISO
 * text. The tracker's state of the latest earlier week is read back from {@code group_state}.
 */
public final class ParquetSink implements GlosaSink {
    /** What {@code --out} starts with when glosa-spark is given {@code --format parquet}. */
    static final String SCHEME = "parquet:";

    private final String out;
    private final WriterOptions identifiers;

    ParquetSink(String out, WriterOptions identifiers) {
        this.out = Objects.requireNonNull(out, "out");
        this.identifiers = Objects.requireNonNull(identifiers, "identifiers");
    }

    private static SparkSession spark() {
        return SparkSession.active();
    }

    @Override
    public String describe() {
        return "Parquet star schema " + out;
    }

    @Override
    public void open() throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(out);
        FileSystem fs = p.getFileSystem(spark().sparkContext().hadoopConfiguration());
        if (fs.exists(p) && !fs.getFileStatus(p).isDirectory()) {
            throw new IllegalArgumentException(out + " is a file: give a folder for the Parquet tables");
        }
        fs.mkdirs(p);
    }

    @Override
    public List<GroupRecord> previousState(LocalDate asOf) throws IOException {
        String folder = table("group_state");
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(folder);
        if (!p.getFileSystem(spark().sparkContext().hadoopConfiguration()).exists(p)) {
            return List.of();
        }
        Dataset<Row> state = spark().read().parquet(folder).where("as_of < DATE'" + asOf + "'");
        List<Row> latest = state.selectExpr("max(as_of)").collectAsList();
        if (latest.isEmpty() || latest.get(0).isNullAt(0)) {
            return List.of();
        }
        Dataset<Row> week = state.where("as_of = DATE'" + latest.get(0).get(0) + "'");
        List<String> header = List.of(week.columns());
        List<String[]> rows = new ArrayList<>();
        for (Row r : week.collectAsList()) {
            String[] cells = new String[header.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = r.isNullAt(i) ? "" : r.get(i).toString();
            }
            rows.add(cells);
        }
        return RunTables.groupRecords(folder, header, rows);
    }

    @Override
    public void checkIdentifiers(Collection<String> columns) {
        identifiers.checkIdentifiers(columns);
    }

    @Override
    public void checkIdentifiers(GlosaTable table) {
        identifiers.checkIdentifiers(table);
    }

    @Override
    public List<String> write(RunOutput o) throws IOException {
        RunTables tables = RunTables.of(o, identifiers);
        List<String> lines = new ArrayList<>();
        // runs last, as in the folder: a week's row in runs says its other tables are complete.
        for (RunTables.Table t : tables.tables()) {
            List<String> names = t.columnNames();
            List<String> types = t.columnTypes();
            StructField[] fields = new StructField[names.size()];
            for (int c = 0; c < fields.length; c++) {
                fields[c] = DataTypes.createStructField(names.get(c), sparkType(types.get(c)), true);
            }
            List<Row> rows = new ArrayList<>(t.size());
            String[] cells = new String[names.size()];
            for (int i = 0; i < t.size(); i++) {
                t.fill(i, cells);
                Object[] values = new Object[cells.length];
                for (int c = 0; c < cells.length; c++) {
                    values[c] = value(cells[c], types.get(c));
                }
                rows.add(RowFactory.create(values));
            }
            Dataset<Row> df = spark().createDataFrame(rows, new StructType(fields));
            df.write()
                    .mode(SaveMode.Overwrite)
                    .option("partitionOverwriteMode", "dynamic")
                    .partitionBy("as_of")
                    .parquet(table(t.name()));
            lines.add(String.format(
                    Locale.ROOT,
                    "%s: %,d rows written to %s (week %s replaced)",
                    t.name(),
                    t.size(),
                    table(t.name()),
                    o.run().asOf()));
        }
        return lines;
    }

    private String table(String name) {
        return out.endsWith("/") ? out + name : out + "/" + name;
    }

    private static DataType sparkType(String type) {
        return switch (type) {
            case "number" -> DataTypes.DoubleType;
            case "integer" -> DataTypes.LongType;
            case "date" -> DataTypes.DateType;
            default -> DataTypes.StringType;
        };
    }

    private static Object value(String cell, String type) {
        if (cell == null || cell.isEmpty()) {
            return null;
        }
        return switch (type) {
            case "number" -> Double.parseDouble(cell);
            case "integer" -> Long.parseLong(cell);
            case "date" -> java.sql.Date.valueOf(LocalDate.parse(cell));
            case "text" -> RunTables.plainText(cell);
            default -> cell;
        };
    }

    @Override
    public void close() {}

    /** What {@code --out} starts with when glosa-spark is given {@code --format csv,parquet}. */
    static final String BOTH = "csv+parquet:";

    /**
     * The CSV folder and, in its subfolder {@code parquet}, the Parquet tables, from one run: the tracker's state is
     * the folder's, and each output replaces the week on a rerun.
     */
    static final class Both implements GlosaSink {
        private final GlosaSink csv;
        private final ParquetSink parquet;

        Both(GlosaSink csv, ParquetSink parquet) {
            this.csv = csv;
            this.parquet = parquet;
        }

        @Override
        public String describe() {
            return csv.describe() + " and " + parquet.describe();
        }

        @Override
        public void open() throws IOException {
            csv.open();
            parquet.open();
        }

        @Override
        public List<GroupRecord> previousState(LocalDate asOf) throws IOException {
            return csv.previousState(asOf);
        }

        @Override
        public void checkIdentifiers(Collection<String> columns) {
            csv.checkIdentifiers(columns);
        }

        @Override
        public void checkIdentifiers(GlosaTable table) {
            csv.checkIdentifiers(table);
        }

        @Override
        public java.nio.file.Path rejectsFile() {
            return csv.rejectsFile();
        }

        @Override
        public List<String> write(RunOutput o) throws IOException {
            List<String> lines = new ArrayList<>(parquet.write(o));
            lines.addAll(csv.write(o));
            return lines;
        }

        @Override
        public void close() throws IOException {
            try {
                parquet.close();
            } finally {
                csv.close();
            }
        }
    }

    /** {@code --out parquet:PATH}: the Parquet star schema on any Hadoop-compatible path. */
    public static final class Provider implements SinkProvider {
        /** Found by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public boolean accepts(String out) {
            return out.startsWith(SCHEME) || out.startsWith(BOTH);
        }

        @Override
        public dev.glosa.core.run.GlosaSink create(
                String out, WriterOptions identifiers, RunConfig config, Options options) {
            if (out.startsWith(BOTH)) {
                String folder = out.substring(BOTH.length());
                return new Both(
                        dev.glosa.run.spi.Sinks.create(folder, identifiers, config, options),
                        new ParquetSink(folder.endsWith("/") ? folder + "parquet" : folder + "/parquet", identifiers));
            }
            return new ParquetSink(out.substring(SCHEME.length()), identifiers);
        }
    }
}
