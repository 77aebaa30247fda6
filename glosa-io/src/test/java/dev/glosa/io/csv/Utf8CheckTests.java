package dev.glosa.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8CheckTests {

    private static boolean jdkValid(byte[] b, int off, int end) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, end - off));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void aRangeIsValidExactlyWhenTheJdkDecodesItAndTheStreamingCheckAgrees() {
        SplittableRandom rnd = new SplittableRandom(8);
        byte[] pieces = "aÇé€😀".getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[rnd.nextInt(12)];
            for (int i = 0; i < b.length; i++) {
                b[i] = rnd.nextBoolean() ? pieces[rnd.nextInt(pieces.length)] : (byte) rnd.nextInt(256);
            }
            boolean expected = jdkValid(b, 0, b.length);
            assertThat(Utf8Check.isValid(b, 0, b.length)).as("round %d", round).isEqualTo(expected);
            Utf8Check streaming = new Utf8Check();
            int cut = b.length == 0 ? 0 : rnd.nextInt(b.length);
            streaming.update(b, 0, cut);
            streaming.update(b, cut, b.length - cut);
            assertThat(streaming.validAtEnd()).as("round %d", round).isEqualTo(expected);
        }
    }
}
