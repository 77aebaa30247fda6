package dev.glosa.spark;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.TableBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import scala.Tuple2;

/**
 * The decoded pieces of the SIH inputs, kept on the executors, and the rows of each system as a Spark
 * {@link Dataset}: the tables the library's readers give, stacked per system as {@code GlosaTable.concat} stacks
 * them, with a column {@value #ORD} that numbers every row in that stacked order (what "first occurrence" follows).
 *
 * <p>Glosa's column types map to Spark's: {@code LONG} to {@code long}, {@code DOUBLE} to {@code double},
 * {@code CATEGORY} to {@code string}, {@code DATE} to {@code int} (the epoch day) and {@code MONTH} to {@code int}
 * (the month index); a missing value is {@code null}. {@link #table} turns rows back into a table.
 */
final class SihParts {
    /** The row's position in its system's stacked rows. */
    static final String ORD = "__ord";

    /**
     * The rows of one file, or of a piece of a partition, decoded by the library on an executor.
     *
     * @param input the index of the input (in the order RD, RJ, ER inputs were given)
     * @param file the file the rows came from; for a Parquet input, empty when Spark does not say
     * @param firstRow the index of the first row in its file
     * @param partition the Spark partition
     * @param system RD, RJ, ER or SP
     * @param layout the layout era's label
     * @param records the rows
     * @param warnings the reader's warnings
     * @param sha256 the file's SHA-256; empty for rows of a table
     * @param table the rows
     */
    record Part(
            int input,
            String file,
            long firstRow,
            int partition,
            String system,
            String layout,
            long records,
            List<String> warnings,
            String sha256,
            GlosaTable table) {}

    /**
     * What the driver learns of a part without its rows.
     *
     * @param input as {@link Part#input()}
     * @param file as {@link Part#file()}
     * @param firstRow as {@link Part#firstRow()}
     * @param partition as {@link Part#partition()}
     * @param system as {@link Part#system()}
     * @param layout as {@link Part#layout()}
     * @param records as {@link Part#records()}
     * @param warnings as {@link Part#warnings()}
     * @param sha256 as {@link Part#sha256()}
     * @param columns the table's column names, in order
     * @param types their glosa types ({@link ColumnType} names)
     */
    record Meta(
            int input,
            String file,
            long firstRow,
            int partition,
            String system,
            String layout,
            long records,
            List<String> warnings,
            String sha256,
            List<String> columns,
            List<String> types) {}

    private SihParts() {}

    /** The task that keeps a part's description and leaves its rows where they are. */
    static final class Describe implements Function<byte[], byte[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] call(byte[] message) {
            Part p = Wire.decode(message, Part.class);
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (Column c : p.table().columns()) {
                names.add(c.name());
                types.add(c.type().name());
            }
            return Wire.encode(new Meta(
                    p.input(),
                    p.file(),
                    p.firstRow(),
                    p.partition(),
                    p.system(),
                    p.layout(),
                    p.records(),
                    p.warnings(),
                    p.sha256(),
                    names,
                    types));
        }
    }

    /**
     * The columns of stacked parts, in first-seen order, with the type {@code GlosaTable.concat} gives them: the
     * same type, {@code DOUBLE} where integers and decimals mix, text where anything else does.
     */
    static Map<String, ColumnType> stackedColumns(List<Meta> parts) {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        for (Meta m : parts) {
            for (int i = 0; i < m.columns().size(); i++) {
                out.merge(m.columns().get(i), ColumnType.valueOf(m.types().get(i)), SihParts::common);
            }
        }
        return out;
    }

    private static ColumnType common(ColumnType a, ColumnType b) {
        if (a == b) {
            return a;
        }
        boolean numbers =
                (a == ColumnType.LONG || a == ColumnType.DOUBLE) && (b == ColumnType.LONG || b == ColumnType.DOUBLE);
        return numbers ? ColumnType.DOUBLE : ColumnType.CATEGORY;
    }

    /** The Spark type that carries a glosa column type. */
    static DataType sparkType(ColumnType type) {
        return switch (type) {
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case CATEGORY -> DataTypes.StringType;
            case DATE, MONTH -> DataTypes.IntegerType;
        };
    }

    /**
     * The rows of the parts whose index is in {@code base} (part index to the stacked position of its first row), as
     * a Dataset with {@value #ORD} and {@code columns}.
     */
    static Dataset<Row> rows(
            SparkSession session, JavaRDD<byte[]> parts, Map<Long, Long> base, Map<String, ColumnType> columns) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(ORD, DataTypes.LongType, false));
        for (Map.Entry<String, ColumnType> e : columns.entrySet()) {
            fields.add(DataTypes.createStructField(e.getKey(), sparkType(e.getValue()), true));
        }
        List<String> names = new ArrayList<>(columns.keySet());
        List<String> types = new ArrayList<>();
        columns.values().forEach(t -> types.add(t.name()));
        JavaRDD<Row> rows = parts.zipWithIndex()
                .filter(t -> base.containsKey(t._2()))
                .flatMap(new ToRows(new LinkedHashMap<>(base), names, types));
        return session.createDataFrame(rows, DataTypes.createStructType(fields));
    }

    /** The task: a part's rows as Spark rows in the stacked schema. */
    static final class ToRows implements FlatMapFunction<Tuple2<byte[], Long>, Row> {
        private static final long serialVersionUID = 1L;
        private final Map<Long, Long> base;
        private final List<String> names;
        private final List<String> types;

        ToRows(Map<Long, Long> base, List<String> names, List<String> types) {
            this.base = base;
            this.names = List.copyOf(names);
            this.types = List.copyOf(types);
        }

        @Override
        public Iterator<Row> call(Tuple2<byte[], Long> part) {
            GlosaTable t = Wire.decode(part._1(), Part.class).table();
            long first = base.get(part._2());
            int n = t.rowCount();
            int width = names.size();
            Column[] source = new Column[width];
            ColumnType[] target = new ColumnType[width];
            for (int c = 0; c < width; c++) {
                source[c] = t.has(names.get(c)) ? t.column(names.get(c)) : null;
                target[c] = ColumnType.valueOf(types.get(c));
            }
            List<Row> out = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                Object[] v = new Object[width + 1];
                v[0] = first + r;
                for (int c = 0; c < width; c++) {
                    v[c + 1] = source[c] == null ? null : value(source[c], target[c], r);
                }
                out.add(RowFactory.create(v));
            }
            return out.iterator();
        }

        private static Object value(Column c, ColumnType target, int r) {
            if (c.isMissing(r)) {
                return null;
            }
            return switch (target) {
                case CATEGORY -> c instanceof CategoryColumn cat ? cat.get(r) : c.text(r);
                case LONG -> ((LongColumn) c).get(r);
                case DOUBLE -> c instanceof LongColumn l ? (double) l.get(r) : ((DoubleColumn) c).get(r);
                case DATE -> ((DateColumn) c).epochDay(r);
                case MONTH -> ((MonthColumn) c).index(r);
            };
        }
    }

    /**
     * Rows back into a table: the task builds one table per partition, the driver stacks them in partition order, so
     * a sorted Dataset gives a table in that order.
     */
    static GlosaTable table(Dataset<Row> rows, Map<String, ColumnType> columns) {
        List<String> names = new ArrayList<>(columns.keySet());
        List<String> types = new ArrayList<>();
        columns.values().forEach(t -> types.add(t.name()));
        FromRows build = new FromRows(names, types);
        List<byte[]> pieces = rows.select(names.stream()
                        .map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new))
                .toJavaRDD()
                .mapPartitions(build)
                .collect();
        List<GlosaTable> tables = new ArrayList<>();
        for (byte[] p : pieces) {
            tables.add(Wire.decode(p, GlosaTable.class));
        }
        if (tables.isEmpty()) {
            tables.add(Wire.decode(build.build(List.<Row>of().iterator()), GlosaTable.class));
        }
        return GlosaTable.concat(tables);
    }

    /** The task: a partition's rows as one table. */
    static final class FromRows implements FlatMapFunction<Iterator<Row>, byte[]> {
        private static final long serialVersionUID = 1L;
        private final List<String> names;
        private final List<String> types;

        FromRows(List<String> names, List<String> types) {
            this.names = List.copyOf(names);
            this.types = List.copyOf(types);
        }

        @Override
        public Iterator<byte[]> call(Iterator<Row> rows) {
            return List.of(build(rows)).iterator();
        }

        byte[] build(Iterator<Row> rows) {
            List<Row> all = new ArrayList<>();
            rows.forEachRemaining(all::add);
            TableBuilder b = GlosaTable.builder(all.size());
            for (int c = 0; c < names.size(); c++) {
                String name = names.get(c);
                switch (ColumnType.valueOf(types.get(c))) {
                    case CATEGORY -> {
                        CategoryColumn.Builder col = b.category(name);
                        for (Row r : all) {
                            col.add(r.isNullAt(c) ? null : r.getString(c));
                        }
                    }
                    case LONG -> {
                        LongColumn.Builder col = b.longs(name);
                        for (Row r : all) {
                            if (r.isNullAt(c)) {
                                col.addMissing();
                            } else {
                                col.add(r.getLong(c));
                            }
                        }
                    }
                    case DOUBLE -> {
                        DoubleColumn.Builder col = b.doubles(name);
                        for (Row r : all) {
                            col.add(r.isNullAt(c) ? Double.NaN : r.getDouble(c));
                        }
                    }
                    case DATE -> {
                        DateColumn.Builder col = b.dates(name);
                        for (Row r : all) {
                            col.addEpochDay(r.isNullAt(c) ? DateColumn.MISSING : r.getInt(c));
                        }
                    }
                    case MONTH -> {
                        MonthColumn.Builder col = b.months(name);
                        for (Row r : all) {
                            col.addIndex(r.isNullAt(c) ? MonthColumn.MISSING : r.getInt(c));
                        }
                    }
                }
            }
            return Wire.encode(b.build());
        }
    }
}
