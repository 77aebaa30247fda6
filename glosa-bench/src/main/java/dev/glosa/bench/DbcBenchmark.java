package dev.glosa.bench;

import dev.glosa.core.table.GlosaTable;
import dev.glosa.io.dbf.DbfCursor;
import dev.glosa.io.dbf.DbfFormat;
import dev.glosa.io.dbf.DbfReadOptions;
import dev.glosa.io.dbf.DbfReader;
import dev.glosa.io.dbf.ImplodeInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DATASUS {@code .dbc} decoding on one core, in bytes of DBF per second.
 *
 * <p>{@code source=datasus}: every {@code .dbc} of {@code ../shared/data/datasus}, held in memory (setup fails with
 * a message starting {@code SKIPPED} when the folder is absent, and JMH goes on with the next benchmark);
 * {@code source=generated}: one large generated RD file ({@link GeneratedDbc}, about 100 MB of DBF). One operation
 * decodes every file once. The secondary result {@code dbfBytes} counts the DBF bytes produced (header plus
 * decompressed records), so its rate is the throughput in bytes of DBF per second. {@code decode} runs the implode
 * decoder alone; {@code read} reads the files into tables with the library's DBF reader (decode, CRC check, field
 * parsing, dictionary encoding).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
@State(Scope.Benchmark)
public class DbcBenchmark {

    /** Which files: {@code datasus} (the real ones) or {@code generated}. */
    @Param({"datasus", "generated"})
    public String source;

    /** Claims of the generated file (about 0.93 records each). */
    @Param({"160000"})
    public long generatedClaims;

    private final List<byte[]> files = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private long[] dbfSizes;
    private int[] headerLengths;
    private final byte[] buffer = new byte[64 * 1024];

    /** DBF bytes produced by the operations of one measurement iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        /** DBF bytes produced. */
        public long dbfBytes;

        /** Resets the count before every measurement iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            dbfBytes = 0;
        }
    }

    /** Loads the real files, or generates the large one. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        if (source.equals("datasus")) {
            List<Path> paths = SharedData.dbcFiles();
            if (paths.isEmpty()) {
                throw new IllegalStateException("SKIPPED: no .dbc files in ../shared/data/datasus (set -Dglosa.data="
                        + "<folder holding datasus/> to point at them)");
            }
            for (Path p : paths) {
                files.add(Files.readAllBytes(p));
                names.add(p.getFileName().toString());
            }
        } else if (source.equals("generated")) {
            GeneratedDbc g = GeneratedDbc.generate(generatedClaims, Blobs.SEED);
            files.add(g.bytes());
            names.add("generated-RD.dbc");
        } else {
            throw new IllegalArgumentException("source must be datasus or generated, found " + source);
        }
        dbfSizes = new long[files.size()];
        headerLengths = new int[files.size()];
        for (int f = 0; f < files.size(); f++) {
            byte[] b = files.get(f);
            headerLengths[f] = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
            dbfSizes[f] = headerLengths[f] + decodeOne(f);
        }
    }

    /** Decodes every file with the implode decoder alone. */
    @Benchmark
    public long decode(Bytes bytes) {
        long total = 0;
        for (int f = 0; f < files.size(); f++) {
            total += decodeOne(f);
            bytes.dbfBytes += dbfSizes[f];
        }
        return total;
    }

    /** Reads every file into a table with the library's DBF reader. */
    @Benchmark
    public long read(Bytes bytes) throws IOException {
        long rows = 0;
        for (int f = 0; f < files.size(); f++) {
            try (DbfCursor c = DbfCursor.open(
                    new ByteArrayInputStream(files.get(f)), names.get(f), DbfFormat.DBC, DbfReadOptions.defaults())) {
                GlosaTable t = DbfReader.read(c).table();
                rows += t.rowCount();
            }
            bytes.dbfBytes += dbfSizes[f];
        }
        return rows;
    }

    private long decodeOne(int f) {
        byte[] b = files.get(f);
        int start = headerLengths[f] + 4;
        try (ImplodeInputStream in =
                new ImplodeInputStream(new ByteArrayInputStream(b, start, b.length - start), Long.MAX_VALUE)) {
            long total = 0;
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) > 0) {
                total += n;
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(names.get(f) + ": " + e.getMessage(), e);
        }
    }
}
