package dev.glosa.spark;

import dev.glosa.io.dbf.DbfWriter;
import dev.glosa.io.sih.SihReader;
import dev.glosa.io.sih.SihTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;

/**
 * SIH rows from Parquet or a Spark table with DATASUS's field names ({@code N_AIH}, {@code CNES}, {@code VAL_TOT}...),
 * as mirrors and data lakes publish the RD, RJ and ER files: each partition's rows are written back as a DBF on the
 * executor and decoded by the library's own {@link SihReader}, so the rules (layout eras, claim digits, ages, dates,
 * error codes) are the files' rules, not a second copy.
 *
 * <p>Text columns become text fields, integer columns numeric fields without decimals, other numbers numeric fields
 * with decimals, dates date fields; a money field ({@code VAL_*}, {@code US_*}, numeric in every SIH layout) stored as
 * text, as lakes that keep every field as text do, becomes a numeric field again. Rows keep the order of the input's files (by path) and of the rows within each
 * file, whatever the partitioning, where Spark knows them ({@code _metadata}); otherwise Spark's reading order.
 */
final class SihRowsReader {
    private static final int PIECE_ROWS = 200_000;
    /** DATASUS's money fields ({@code VAL_TOT}, {@code VAL_SH}, {@code US_TOT}...): numeric in every SIH layout. */
    private static final java.util.regex.Pattern MONEY = java.util.regex.Pattern.compile("(VAL|US)_[A-Z0-9_]+");

    private SihRowsReader() {}

    /**
     * One input, a Parquet path or a table name, decoded by partitions on the executors into parts (encoded
     * {@link SihParts.Part}s) tagged with {@code index}; nothing is collected.
     */
    static JavaRDD<byte[]> parts(SparkSession session, String input, boolean table, int index) {
        Dataset<Row> df = frame(session, input, table);
        Dataset<Row> ordered;
        try {
            ordered = df.select(
                    functions.col("*"), functions.col("_metadata.file_path"), functions.col("_metadata.row_index"));
        } catch (Exception e) {
            // Spark's AnalysisException is a checked exception to Java, though Scala throws it undeclared.
            // Not a file source (a view, a JDBC table): Spark's reading order, which is deterministic for one input.
            ordered = df.select(functions.col("*"), functions.lit(""), functions.lit(0L));
        }
        return ordered.javaRDD().mapPartitionsWithIndex(decoder(df, input, index), false);
    }

    /** The part of an input without rows: its columns, from its fields, decoded on the driver. */
    static byte[] emptyPart(SparkSession session, String input, boolean table, int index) {
        try {
            return decoder(frame(session, input, table), input, index).decode(0, "", 0, List.of());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What identifies an input's content in {@code runs.csv}: the SHA-256 of its files' names. */
    static String fingerprint(SparkSession session, String input, boolean table) {
        return dev.glosa.core.run.RunRecord.sha256(
                String.join("\n", frame(session, input, table).inputFiles()));
    }

    private static Dataset<Row> frame(SparkSession session, String input, boolean table) {
        return table ? session.table(input) : session.read().parquet(input);
    }

    private static DecodeRows decoder(Dataset<Row> df, String input, int index) {
        return new DecodeRows(
                input, index, List.of(df.columns()), types(df.schema().fields()));
    }

    private static List<String> types(StructField[] fields) {
        List<String> out = new ArrayList<>();
        for (StructField f : fields) {
            DataType t = f.dataType();
            String kind;
            if (t.equals(DataTypes.StringType)) {
                // A lake that stores every field as text: DATASUS's money fields are numbers in every layout era.
                kind = MONEY.matcher(f.name()).matches() ? "number" : "text";
            } else if (t.equals(DataTypes.LongType)
                    || t.equals(DataTypes.IntegerType)
                    || t.equals(DataTypes.ShortType)
                    || t.equals(DataTypes.ByteType)) {
                kind = "integer";
            } else if (t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType) || t instanceof DecimalType) {
                kind = "number";
            } else if (t.equals(DataTypes.DateType)) {
                kind = "date";
            } else if (t.equals(DataTypes.BooleanType)) {
                kind = "logical";
            } else {
                throw new IllegalArgumentException("column " + f.name() + " has type " + t.simpleString()
                        + ": SIH fields are text, numbers, dates or booleans; select the DATASUS columns only");
            }
            out.add(kind);
        }
        return out;
    }

    /** The task: a partition's rows, split where the file changes, each piece written as a DBF and decoded. */
    static final class DecodeRows implements Function2<Integer, Iterator<Row>, Iterator<byte[]>> {
        private static final long serialVersionUID = 1L;
        private final String input;
        private final int index;
        private final List<String> names;
        private final List<String> kinds;

        DecodeRows(String input, int index, List<String> names, List<String> kinds) {
            this.input = input;
            this.index = index;
            this.names = List.copyOf(names);
            this.kinds = List.copyOf(kinds);
        }

        @Override
        public Iterator<byte[]> call(Integer partition, Iterator<Row> rows) throws IOException {
            List<byte[]> out = new ArrayList<>();
            List<Row> piece = new ArrayList<>();
            String file = null;
            long first = 0;
            int n = names.size();
            while (rows.hasNext()) {
                Row r = rows.next();
                String f = r.isNullAt(n) ? "" : r.getString(n);
                long index = r.isNullAt(n + 1) ? 0 : ((Number) r.get(n + 1)).longValue();
                if (!piece.isEmpty() && (!f.equals(file) || piece.size() >= PIECE_ROWS)) {
                    out.add(decode(partition, file, first, piece));
                    piece.clear();
                }
                if (piece.isEmpty()) {
                    file = f;
                    first = index;
                }
                piece.add(r);
            }
            if (!piece.isEmpty()) {
                out.add(decode(partition, file, first, piece));
            }
            return out.iterator();
        }

        byte[] decode(int partition, String file, long first, List<Row> rows) throws IOException {
            String where = input + (file.isEmpty() ? "" : " (" + file + ", rows from " + first + ")");
            int n = names.size();
            int[] widths = new int[n];
            int[] decimals = new int[n];
            for (Row r : rows) {
                for (int c = 0; c < n; c++) {
                    if (absent(r, c)) {
                        continue;
                    }
                    switch (kinds.get(c)) {
                        case "text" ->
                            widths[c] = Math.max(widths[c], r.getString(c).getBytes(StandardCharsets.UTF_8).length);
                        case "integer" ->
                            widths[c] = Math.max(
                                    widths[c],
                                    Long.toString(((Number) r.get(c)).longValue())
                                            .length());
                        case "number" -> {
                            if (r.get(c) instanceof Double x && (x.isNaN() || x.isInfinite())) {
                                continue;
                            }
                            BigDecimal v;
                            try {
                                v = number(r.get(c));
                            } catch (NumberFormatException e) {
                                throw new IllegalArgumentException(where + ": column " + names.get(c) + ": '" + r.get(c)
                                        + "' is not a number (DATASUS money fields are numbers)");
                            }
                            int d = Math.max(0, v.stripTrailingZeros().scale());
                            decimals[c] = Math.max(decimals[c], d);
                            widths[c] = Math.max(
                                    widths[c],
                                    v.setScale(0, java.math.RoundingMode.DOWN)
                                            .toPlainString()
                                            .length());
                        }
                        default -> {}
                    }
                }
            }
            DbfWriter.Builder b = DbfWriter.builder().charset(StandardCharsets.UTF_8);
            for (int c = 0; c < n; c++) {
                String name = names.get(c);
                switch (kinds.get(c)) {
                    case "text" -> b.character(name, Math.max(1, widths[c]));
                    case "integer" -> b.numeric(name, Math.max(1, widths[c]), 0);
                    // At least one decimal, so the column reads as a number whatever this piece's values are.
                    case "number" -> {
                        int d = Math.max(1, decimals[c]);
                        b.numeric(name, Math.max(1, widths[c]) + 1 + d, d);
                    }
                    case "date" -> b.date(name);
                    default -> b.logical(name);
                }
            }
            Path dir = Files.createTempDirectory("glosa-spark-rows-");
            Path local = dir.resolve("rows.dbf");
            try {
                try (DbfWriter w = b.open(local)) {
                    for (Row r : rows) {
                        for (int c = 0; c < n; c++) {
                            if (absent(r, c)) {
                                continue;
                            }
                            try {
                                switch (kinds.get(c)) {
                                    case "text" -> w.setString(c, r.getString(c));
                                    case "integer" -> w.setLong(c, ((Number) r.get(c)).longValue());
                                    case "number" ->
                                        w.setDouble(
                                                c,
                                                r.get(c) instanceof Double x && x.isNaN()
                                                        ? Double.NaN
                                                        : number(r.get(c)).doubleValue());
                                    case "date" -> w.setDate(c, ((java.sql.Date) r.get(c)).toLocalDate());
                                    default -> w.setLogical(c, r.getBoolean(c));
                                }
                            } catch (IllegalArgumentException e) {
                                throw new IllegalArgumentException(
                                        where + ": column " + names.get(c) + ": " + e.getMessage());
                            }
                        }
                        w.endRecord();
                    }
                }
                SihTable t;
                try {
                    t = SihReader.read(
                            local,
                            dev.glosa.io.sih.SihReadOptions.defaults()
                                    .withDbf(dev.glosa.io.dbf.DbfReadOptions.defaults()
                                            .withCharset(StandardCharsets.UTF_8)));
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException(
                            where + ": " + String.valueOf(e.getMessage()).replace(local.toString(), "row"));
                }
                var report = t.files().get(0);
                List<String> warnings = new ArrayList<>();
                for (String w : report.warnings()) {
                    warnings.add(w.replace(local.toString(), input));
                }
                return Wire.encode(new SihParts.Part(
                        new SihParts.Origin(
                                index,
                                file,
                                first,
                                partition,
                                t.system().name(),
                                report.layout().label(),
                                report.read().recordsRead(),
                                warnings,
                                ""),
                        t.table()));
            } finally {
                Files.deleteIfExists(local);
                Files.deleteIfExists(dir);
            }
        }

        /** Whether a cell has no value: null, or a money field stored as blank text. */
        private boolean absent(Row r, int c) {
            return r.isNullAt(c) || (kinds.get(c).equals("number") && r.get(c) instanceof String t && t.isBlank());
        }

        private static BigDecimal number(Object v) {
            if (v instanceof BigDecimal d) {
                return d;
            }
            if (v instanceof String t) {
                // As text, money reads 1234.56, or 1234,56 in a lake written with a Brazilian locale.
                String plain = t.strip();
                return new BigDecimal(plain.indexOf('.') < 0 ? plain.replace(',', '.') : plain);
            }
            if (v instanceof Float f) {
                return new BigDecimal(Float.toString(f));
            }
            return BigDecimal.valueOf(((Number) v).doubleValue());
        }
    }
}
