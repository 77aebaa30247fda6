package dev.glosa.io.dbf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImplodeInputStreamTests {

    /** Example stream of the format description (as corrected in blast.c). */
    private static final byte[] AIAI = {0x00, 0x04, (byte) 0x82, 0x24, 0x25, (byte) 0x8f, (byte) 0x80, 0x7f};

    private static byte[] inflate(byte[] compressed, long max) throws IOException {
        try (InputStream in = new ImplodeInputStream(new ByteArrayInputStream(compressed), max, "test.bin", 0)) {
            return in.readAllBytes();
        }
    }

    @Test
    void decodesTheReferenceExampleOfTheFormat() throws IOException {
        assertThat(new String(inflate(AIAI, 100), StandardCharsets.US_ASCII)).isEqualTo("AIAIAIAIAIAIA");
    }

    @ParameterizedTest
    @CsvSource({"false,4", "false,5", "false,6", "true,4", "true,5", "true,6"})
    void roundTripsEveryLiteralCodingAndDictionarySize(boolean coded, int dict) throws IOException {
        SplittableRandom random = new SplittableRandom(42 + dict);
        byte[] data = sample(random, 200_000);
        byte[] packed = ImplodeOutputStreamTests.compress(data, coded, dict, random);
        assertThat(packed.length).isLessThan(data.length);
        assertThat(inflate(packed, data.length)).isEqualTo(data);
    }

    @Test
    void roundTripsRandomBytesAndTheEmptyStream() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        byte[] noise = new byte[50_000];
        random.nextBytes(noise);
        assertThat(inflate(ImplodeOutputStreamTests.compress(noise, true, 6), noise.length))
                .isEqualTo(noise);
        assertThat(inflate(ImplodeOutputStreamTests.compress(new byte[0], false, 4), 0))
                .isEmpty();
    }

    @Test
    void longRunsOfOneByteUseOverlappingCopies() throws IOException {
        byte[] data = new byte[100_000];
        Arrays.fill(data, (byte) ' ');
        data[50_000] = 'x';
        byte[] packed = ImplodeOutputStreamTests.compress(data, false, 6);
        assertThat(packed.length).isLessThan(1000);
        assertThat(inflate(packed, data.length)).isEqualTo(data);
    }

    @Test
    void singleByteReadsGiveTheSameBytesAsBulkReads() throws IOException {
        byte[] data = sample(new SplittableRandom(3), 80_000);
        byte[] packed = ImplodeOutputStreamTests.compress(data, false, 6);
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        try (ImplodeInputStream in = new ImplodeInputStream(new ByteArrayInputStream(packed), data.length)) {
            int b;
            while ((b = in.read()) >= 0) {
                one.write(b);
            }
            assertThat(in.isFinished()).isTrue();
            assertThat(in.bytesDecoded()).isEqualTo(data.length);
            assertThat(in.bytesConsumed()).isEqualTo(packed.length);
        }
        assertThat(one.toByteArray()).isEqualTo(data);
    }

    @Test
    void skipAdvancesThroughTheOutput() throws IOException {
        byte[] data = sample(new SplittableRandom(5), 100_000);
        try (ImplodeInputStream in = new ImplodeInputStream(
                new ByteArrayInputStream(ImplodeOutputStreamTests.compress(data, true, 5)), data.length)) {
            assertThat(in.skip(70_000)).isEqualTo(70_000);
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 70_000, data.length));
        }
    }

    @Test
    void truncatedInputFailsAtTheEndOfTheInput() {
        byte[] data = sample(new SplittableRandom(11), 30_000);
        byte[] packed = ImplodeOutputStreamTests.compress(data, false, 6);
        byte[] cut = Arrays.copyOf(packed, packed.length / 2);
        assertThatThrownBy(() -> new ImplodeInputStream(new ByteArrayInputStream(cut), data.length, "cut.dbc", 100)
                        .readAllBytes())
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith("cut.dbc: byte " + (100 + cut.length) + ": truncated implode stream")
                .satisfies(
                        e -> assertThat(((MalformedFileException) e).offset()).isEqualTo(100 + cut.length));
    }

    @Test
    void streamOfOnlyAHeaderIsTruncated() {
        assertThatThrownBy(() -> inflate(new byte[] {0, 6}, 10))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("truncated implode stream");
        assertThatThrownBy(() -> inflate(new byte[] {0}, 10))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage("test.bin: byte 1: truncated implode stream: header needs 2 bytes");
    }

    @Test
    void invalidHeaderBytesAreRejectedWithTheirOffset() {
        assertThatThrownBy(() -> inflate(new byte[] {2, 6, 0, 0}, 10))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage("test.bin: byte 0: implode header: literal coding must be 0 or 1, found 2");
        assertThatThrownBy(() -> inflate(new byte[] {0, 7, 0, 0}, 10))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage("test.bin: byte 1: implode header: dictionary size must be 4, 5 or 6, found 7");
    }

    @Test
    void outputBeyondTheBoundFailsInsteadOfGrowing() {
        byte[] data = new byte[1_000_000];
        byte[] packed = ImplodeOutputStreamTests.compress(data, false, 6);
        assertThatThrownBy(() -> inflate(packed, 999_999))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("produces more than the allowed 999999 bytes");
    }

    @Test
    void distanceBeforeTheStartOfTheOutputIsRejected() throws IOException {
        // A copy as the very first token: nothing to copy from.
        byte[] data = "abcabcabc".getBytes(StandardCharsets.US_ASCII);
        byte[] packed = ImplodeOutputStreamTests.compress(data, false, 4);
        assertThat(inflate(packed, 100)).isEqualTo(data);
        byte[] bad = {0x00, 0x04, (byte) 0x01, 0x00, 0x00, 0x00};
        assertThatThrownBy(() -> inflate(bad, 100))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("reaches before the start of the output");
    }

    @Test
    void failureIsStickyAndDoesNotHang() {
        byte[] cut =
                Arrays.copyOf(ImplodeOutputStreamTests.compress(sample(new SplittableRandom(1), 5000), false, 6), 40);
        ImplodeInputStream in = new ImplodeInputStream(new ByteArrayInputStream(cut), 5000, "x", 0);
        assertThatThrownBy(in::readAllBytes).isInstanceOf(MalformedFileException.class);
        assertThatThrownBy(in::read).isInstanceOf(MalformedFileException.class);
    }

    @Test
    void aStreamThatTricklesOneByteAtATimeDecodesTheSame() throws IOException {
        byte[] data = sample(new SplittableRandom(9), 20_000);
        byte[] packed = ImplodeOutputStreamTests.compress(data, true, 6);
        InputStream trickle = new ByteArrayInputStream(packed) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        try (InputStream in = new ImplodeInputStream(trickle, data.length)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    /** DBF-like text: repeated codes and numbers with some noise, so matches of all lengths occur. */
    static byte[] sample(SplittableRandom random, int size) {
        byte[] out = new byte[size];
        String[] words = {
            "  1391.63", "RDAC", "0301010072", "1222100605088", "       ", "20230115", "A41 ", "\u00e7\u00e3o"
        };
        int i = 0;
        while (i < size) {
            if (random.nextInt(5) == 0) {
                out[i++] = (byte) random.nextInt(256);
            } else {
                byte[] w = words[random.nextInt(words.length)].getBytes(StandardCharsets.ISO_8859_1);
                for (int k = 0; k < w.length && i < size; k++) {
                    out[i++] = w[k];
                }
            }
        }
        return out;
    }
}
