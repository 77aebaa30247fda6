package dev.glosa.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.run.RunLog;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.io.dbf.DbfReader;
import dev.glosa.io.generate.SihFileSet;
import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.run.RunConfig;
import dev.glosa.run.RunRequest;
import dev.glosa.run.WeeklyJob;
import dev.glosa.run.spi.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * SIH rows from Parquet with DATASUS's field names give the star schema the {@code .dbc} files give: the generated
 * files are written to Parquet by Spark (each file's fields with their DBF types, two part files per folder, as a
 * mirror publishes them), and the job run from both.
 */
class SparkParquetInputTests extends LocalSparkTests {
    private static final List<String> TABLES =
            List.of("fact_glosa.csv", "dim_segment.csv", "dim_group.csv", "indicators.csv", "group_state.csv");
    private static final LocalDate WEEK = LocalDate.of(2026, 11, 23);

    @Test
    void parquetRowsGiveTheStarSchemaTheDbcFilesGive() throws IOException {
        SihFileSet files = SihFiles.write(
                SihGenerator.generate(SihGeneratorConfig.defaults(9).withTotalClaims(1500)), dir.resolve("sih"));
        RunConfig config =
                RunConfig.parse("pseudonymKey: spark-key-of-sixteen-chars\n".getBytes(StandardCharsets.UTF_8), "test");
        Path fromFiles = dir.resolve("files");
        Path fromParquet = dir.resolve("parquet");
        run(new SparkSihSource(spark, names(files.rd()), names(files.rj()), names(files.er())), fromFiles, config);
        run(
                new SparkSihSource(spark, parquet(files.rd()), parquet(files.rj()), parquet(files.er()), "parquet"),
                fromParquet,
                config);
        for (String table : TABLES) {
            assertThat(Files.readString(fromParquet.resolve(table)))
                    .as(table)
                    .isEqualTo(Files.readString(fromFiles.resolve(table)));
        }
        assertThat(Files.readAllLines(fromParquet.resolve("fact_glosa.csv"))).hasSizeGreaterThan(10);
    }

    @Test
    void tablesOfTheSessionAndLakesThatStoreEveryFieldAsTextGiveTheSameStarSchema() throws IOException {
        SihFileSet files = SihFiles.write(
                SihGenerator.generate(SihGeneratorConfig.defaults(9).withTotalClaims(1500)), dir.resolve("sih"));
        RunConfig config =
                RunConfig.parse("pseudonymKey: spark-key-of-sixteen-chars\n".getBytes(StandardCharsets.UTF_8), "test");
        Path fromFiles = dir.resolve("files");
        run(new SparkSihSource(spark, names(files.rd()), names(files.rj()), names(files.er())), fromFiles, config);

        // --input-format table: the same rows as tables of the session (here temporary views of the Parquet)
        Path fromTables = dir.resolve("tables");
        run(
                new SparkSihSource(
                        spark,
                        views(parquet(files.rd())),
                        views(parquet(files.rj())),
                        views(parquet(files.er())),
                        "table"),
                fromTables,
                config);
        // a lake that stores every field as text, dates as DATASUS writes them (yyyyMMdd)
        Path fromText = dir.resolve("text");
        run(
                new SparkSihSource(
                        spark,
                        asText(parquet(files.rd())),
                        asText(parquet(files.rj())),
                        asText(parquet(files.er())),
                        "parquet"),
                fromText,
                config);
        for (String table : TABLES) {
            String expected = Files.readString(fromFiles.resolve(table));
            assertThat(Files.readString(fromTables.resolve(table)))
                    .as("table: " + table)
                    .isEqualTo(expected);
            assertThat(Files.readString(fromText.resolve(table)))
                    .as("all text: " + table)
                    .isEqualTo(expected);
        }
    }

    /** Each Parquet folder as a temporary view of the session, by a name of its own. */
    private static List<String> views(List<String> parquet) {
        List<String> out = new ArrayList<>();
        for (String p : parquet) {
            String name = "sih_" + Path.of(p).getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            session.read().parquet(p).createOrReplaceTempView(name);
            out.add(name);
        }
        return out;
    }

    /** Each Parquet folder again with every column as text, dates as yyyyMMdd, in a folder beside it. */
    private static List<String> asText(List<String> parquet) {
        List<String> out = new ArrayList<>();
        for (String p : parquet) {
            Dataset<Row> df = session.read().parquet(p);
            List<org.apache.spark.sql.Column> text = new ArrayList<>();
            for (StructField f : df.schema().fields()) {
                org.apache.spark.sql.Column c = functions.col(f.name());
                text.add((f.dataType().equals(DataTypes.DateType)
                                ? functions.date_format(c, "yyyyMMdd")
                                : c.cast(DataTypes.StringType))
                        .as(f.name()));
            }
            String path = p + "-text";
            df.select(text.toArray(org.apache.spark.sql.Column[]::new))
                    .coalesce(1)
                    .write()
                    .mode(SaveMode.Overwrite)
                    .parquet(path);
            out.add(path);
        }
        return out;
    }

    private static void run(SparkSihSource source, Path out, RunConfig config) {
        WeeklyJob.run(
                new RunRequest(source, out.toString(), config, WEEK, 2, RunLog.NONE, Options.none()),
                new SparkSegmentExecutor(spark, 1_000_000));
    }

    /** Each file's records as Parquet, one folder per file, written by Spark in two parts. */
    private List<String> parquet(List<Path> files) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            GlosaTable t = DbfReader.read(f).table();
            List<StructField> fields = new ArrayList<>();
            for (Column c : t.columns()) {
                DataType type = switch (c.type()) {
                    case LONG -> DataTypes.LongType;
                    case DOUBLE -> DataTypes.DoubleType;
                    case DATE -> DataTypes.DateType;
                    default -> DataTypes.StringType;
                };
                fields.add(DataTypes.createStructField(c.name(), type, true));
            }
            List<Row> rows = new ArrayList<>();
            for (int r = 0; r < t.rowCount(); r++) {
                Object[] values = new Object[fields.size()];
                for (int i = 0; i < values.length; i++) {
                    Column c = t.columns().get(i);
                    if (c.isMissing(r)) {
                        values[i] = null;
                    } else if (c instanceof LongColumn l) {
                        values[i] = l.get(r);
                    } else if (c instanceof DoubleColumn d) {
                        values[i] = d.get(r);
                    } else if (c instanceof DateColumn d) {
                        values[i] = java.sql.Date.valueOf(d.get(r));
                    } else if (c instanceof CategoryColumn s) {
                        values[i] = s.get(r);
                    } else {
                        values[i] = c.text(r);
                    }
                }
                rows.add(RowFactory.create(values));
            }
            String name = f.getFileName().toString().replace(".dbc", "");
            String path = dir.resolve("pq").resolve(name).toString();
            session.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)))
                    .coalesce(1)
                    .write()
                    .mode(SaveMode.Overwrite)
                    .option("parquet.block.size", 64 * 1024)
                    .parquet(path);
            out.add(path);
        }
        return out;
    }

    private static List<String> names(List<Path> files) {
        List<String> out = new ArrayList<>();
        for (Path p : files) {
            out.add(p.toString());
        }
        return out;
    }
}
