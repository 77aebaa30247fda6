package dev.glosa.io.dbf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImplodeOutputStreamTests {

    /** Implodes {@code data} in one write; a random source perturbs the matches so every token shape occurs. */
    static byte[] compress(byte[] data, boolean coded, int dict, SplittableRandom perturb) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImplodeOutputStream implode = new ImplodeOutputStream(out, coded, dict, perturb)) {
            implode.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Implodes {@code data} greedily in one write. */
    static byte[] compress(byte[] data, boolean coded, int dict) {
        return compress(data, coded, dict, null);
    }

    private static byte[] explode(byte[] packed, int size) throws IOException {
        try (InputStream in = new ImplodeInputStream(new ByteArrayInputStream(packed), size)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theReferenceExampleEncodesToTheBytesOfTheFormatDescription() {
        // Two literals and one overlapping copy of length 11 at distance 2, as in blast.c's corrected example.
        byte[] packed = compress("AIAIAIAIAIAIA".getBytes(StandardCharsets.US_ASCII), false, 4);
        assertThat(packed).containsExactly(0x00, 0x04, 0x82, 0x24, 0x25, 0x8f, 0x80, 0x7f);
    }

    @Test
    void theBytesDoNotDependOnHowTheInputIsSplitIntoWrites() throws IOException {
        // Larger than the window, so the hash chains slide several times.
        byte[] data = ImplodeInputStreamTests.sample(new SplittableRandom(21), 300_000);
        byte[] whole = compress(data, false, 6);
        ByteArrayOutputStream pieces = new ByteArrayOutputStream();
        SplittableRandom random = new SplittableRandom(22);
        try (ImplodeOutputStream out = new ImplodeOutputStream(pieces, false, 6)) {
            int i = 0;
            while (i < data.length) {
                if (random.nextInt(4) == 0) {
                    out.write(data[i++]);
                } else {
                    int n = Math.min(data.length - i, random.nextInt(20_000));
                    out.write(data, i, n);
                    i += n;
                }
            }
        }
        assertThat(pieces.toByteArray()).isEqualTo(whole);
        assertThat(explode(whole, data.length)).isEqualTo(data);
    }

    @Test
    void repetitiveRecordsCompressToAFewPercent() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append(" 510000")
                    .append(2021)
                    .append(String.format("%02d", 1 + i % 12))
                    .append("03")
                    .append(" ".repeat(14))
                    .append(5121_1000_0000L + i * 7L)
                    .append("1")
                    .append(" ".repeat(40))
                    .append(String.format("%14.2f", 300 + (i * 37 % 29_000) / 3.0))
                    .append("0303140151J189");
        }
        byte[] data = sb.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] packed = compress(data, false, 6);
        assertThat(packed.length).isLessThan(data.length / 5);
        assertThat(explode(packed, data.length)).isEqualTo(data);
    }

    @Test
    void everyDictionarySizeKeepsItsCopiesWithinReach() throws IOException {
        // Repeats 1.5 KiB apart: a 1 KiB dictionary must not reach them, a 2 or 4 KiB one does.
        byte[] block = ImplodeInputStreamTests.sample(new SplittableRandom(3), 1536);
        byte[] data = new byte[block.length * 20];
        for (int i = 0; i < 20; i++) {
            System.arraycopy(block, 0, data, i * block.length, block.length);
        }
        int[] sizes = new int[7];
        for (int dict = 4; dict <= 6; dict++) {
            byte[] packed = compress(data, dict == 5, dict);
            assertThat(packed[1]).isEqualTo((byte) dict);
            assertThat(explode(packed, data.length)).isEqualTo(data);
            sizes[dict] = packed.length;
        }
        assertThat(sizes[5]).isLessThan(sizes[4] / 4);
        assertThat(sizes[6]).isLessThan(sizes[4] / 4);
    }

    @Test
    void writingAfterTheEndFailsAndCloseIsIdempotent() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImplodeOutputStream out = new ImplodeOutputStream(bytes, true, 5);
        out.write(new byte[] {1, 2, 3});
        out.close();
        int length = bytes.size();
        out.close();
        assertThat(bytes.size()).isEqualTo(length);
        assertThatThrownBy(() -> out.write(4)).isInstanceOf(IOException.class).hasMessageContaining("finished");
        assertThat(explode(bytes.toByteArray(), 3)).containsExactly(1, 2, 3);
    }

    @Test
    void anInvalidDictionarySizeIsRefused() {
        assertThatThrownBy(() -> new ImplodeOutputStream(new ByteArrayOutputStream(), false, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dictionary bits must be 4, 5 or 6, found 7");
    }
}
