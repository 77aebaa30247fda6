package dev.glosa.io.tiss;

import static dev.glosa.io.tiss.TissColumns.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.io.tiss.TissGenerator.Shape;
import dev.glosa.io.tiss.TissGenerator.Spec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A demonstrativo of 100,000 items, streamed from a generator without materialising the file. */
class TissLargeFileTests {
    private static final int HEAP_MB = 20;

    @Test
    void aHundredThousandItemsReadIntoOneRowEachWithTotalsChecked() throws Exception {
        Spec spec =
                Spec.of("4.01.00", Shape.ITEM_LEVEL, 2025).withSize(100, 50, 20).withBrokenTotals(0.001);
        TissGenerator.Summary expected = TissGenerator.summary(spec);
        TissReadResult result = TissTestData.read(TissInput.of("large.xml", () -> TissGenerator.open(spec)));

        assertThat(expected.items()).isEqualTo(100_000);
        assertThat(result.report().files().get(0).items()).isEqualTo(100_000);
        assertThat(result.table().rowCount()).isEqualTo(expected.rows()).isEqualTo(100_000);
        assertThat(TissTestData.sum(result.table(), BILLED_AMOUNT)).isEqualTo(expected.billed());
        assertThat(TissTestData.sum(result.table(), GLOSA_AMOUNT)).isEqualTo(expected.glosa());
        assertThat(TissTestData.sum(result.table(), PAID_AMOUNT)).isEqualTo(expected.paid());
        assertThat(result.report().mismatches()).hasSize(expected.brokenGuides());
        assertThat(result.table().category(GUIDE_NUMBER).cardinality()).isEqualTo(5_000);
    }

    @Test
    void aFileLargerThanTheHeapStreamsThroughASmallJvm() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(
                java.toString(),
                "-Xmx" + HEAP_MB + "m",
                "-XX:+UseSerialGC",
                "-cp",
                dev.glosa.io.testing.ChildJvm.classPath(),
                LargeTissProbe.class.getName());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out;
        try {
            boolean done = p.waitFor(180, TimeUnit.SECONDS);
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(done).as("probe finished in time; output: %s", out).isTrue();
        } finally {
            p.destroyForcibly();
        }

        assertThat(p.exitValue()).as("probe exit; output: %s", out).isZero();
        Matcher m = Pattern.compile("items=(\\d+) rows=(\\d+) bytes=(\\d+) maxHeap=(\\d+) mismatches=(\\d+)")
                .matcher(out);
        assertThat(m.find()).as(out).isTrue();
        long bytes = Long.parseLong(m.group(3));
        long heap = Long.parseLong(m.group(4));
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(100_000);
        assertThat(Integer.parseInt(m.group(2)))
                .isEqualTo(TissGenerator.summary(LargeTissProbe.spec()).glosaRows());
        assertThat(Integer.parseInt(m.group(5))).isZero();
        // the XML read is more than twice the whole heap of the JVM that read it
        assertThat(bytes).isGreaterThan(2 * heap);
    }

    @Test
    void theGeneratorHandsOutSmallChunksOfALargeFile() throws IOException {
        Spec spec = Spec.of("3.05.00", Shape.MIXED, 1).withSize(60, 20, 10);
        byte[] buf = new byte[1 << 20];
        long total;
        int first;
        try (var in = TissGenerator.open(spec)) {
            first = in.read(buf);
            total = first;
            for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
                total += r;
            }
        }
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        TissGenerator.write(spec, written);

        assertThat(total).isGreaterThan(1_000_000L).isEqualTo(written.size());
        // the first read returns the head of the file only, although a megabyte was asked for
        assertThat(first).isPositive().isLessThan(16_384);
    }
}
