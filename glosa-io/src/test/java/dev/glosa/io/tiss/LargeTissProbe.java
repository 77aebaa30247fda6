package dev.glosa.io.tiss;

import java.io.FilterInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Run in a child JVM with a small heap by {@link TissLargeFileTests}: reads a generated demonstrativo of 100,000 items
 * streamed from memory, keeping only its glosa rows, and prints what it read.
 */
final class LargeTissProbe {
    private LargeTissProbe() {}

    /** Spec of the probe's file: 100 protocols × 50 guides × 20 items, 1% of items glosed. */
    static TissGenerator.Spec spec() {
        return TissGenerator.Spec.of("4.01.00", TissGenerator.Shape.ITEM_LEVEL, 2024)
                .withSize(100, 50, 20)
                .withGlosaRate(0.01);
    }

    public static void main(String[] args) throws IOException {
        long[] bytes = new long[1];
        TissInput input = TissInput.of("large.xml", () -> new FilterInputStream(TissGenerator.open(spec())) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    bytes[0] += n;
                }
                return n;
            }
        });
        TissReadResult result = TissReader.create(TissOptions.defaults().withItemsWithoutGlosa(false))
                .read(List.of(input));
        TissReadReport.FileSummary file = result.report().files().get(0);
        System.out.println("items=" + file.items() + " rows=" + result.table().rowCount() + " bytes=" + bytes[0]
                + " maxHeap=" + Runtime.getRuntime().maxMemory() + " mismatches="
                + result.report().mismatches().size());
    }
}
