package dev.glosa.io.dbf;

import dev.glosa.io.sih.SihReadOptions;
import dev.glosa.io.sih.SihReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rough single-thread speed of the implode decoder, the DBF reader and the SIH reader over the real DATASUS
 * files (MB of decompressed DBF per second). Not a test: run its {@code main} by hand; the JMH benchmark in
 * glosa-bench is the reference measurement.
 */
public final class DecodeSpeed {

    private DecodeSpeed() {}

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : SharedData.datasus();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".dbc")).sorted().forEach(files::add);
        }
        List<byte[]> streams = new ArrayList<>();
        long decompressed = 0;
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            int h = DbfHeader.u16(b, 8);
            streams.add(java.util.Arrays.copyOfRange(b, h + 4, b.length));
            decompressed += h + DbfHeader.u32(b, 4) * DbfHeader.u16(b, 10);
        }
        byte[] sink = new byte[64 * 1024];
        // CPU time of this thread, so that other load on a shared machine does not skew the figures.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            long out = 0;
            for (byte[] s : streams) {
                try (InputStream in = new ImplodeInputStream(new ByteArrayInputStream(s), Long.MAX_VALUE)) {
                    int n;
                    while ((n = in.read(sink)) > 0) {
                        out += n;
                    }
                }
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            long rows = 0;
            for (Path f : files) {
                rows += DbfReader.read(f).table().rowCount();
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            for (Path f : files) {
                SihReader.read(f, SihReadOptions.defaults().withThreads(1));
            }
            long t3 = cpu.getCurrentThreadCpuTime();
            System.out.printf(
                    "round %2d (CPU time): implode %.0f MB/s (%d MB); DbfReader %.0f MB/s, %.2f M rows/s; "
                            + "SihReader %.0f MB/s%n",
                    round,
                    out / 1e6 / ((t1 - t0) / 1e9),
                    out / 1_000_000,
                    decompressed / 1e6 / ((t2 - t1) / 1e9),
                    rows / 1e6 / ((t2 - t1) / 1e9),
                    decompressed / 1e6 / ((t3 - t2) / 1e9));
        }
    }
}
