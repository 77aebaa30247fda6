package dev.glosa.io.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteDictionaryTests {

    private static final Charset CP850 = Charset.forName("IBM850");

    @Test
    void idsCountUpInOrderOfFirstAppearanceAndRepeatForEqualBytes() {
        ByteDictionary d = ByteDictionary.undecoded();
        byte[] row = "xxB01A01B01B01A01C01".getBytes(StandardCharsets.US_ASCII);
        int[] ids = new int[6];
        for (int i = 0; i < 6; i++) {
            ids[i] = d.id(row, 2 + 3 * i, 3);
        }
        assertThat(ids).containsExactly(0, 1, 0, 0, 1, 2);
        assertThat(d.size()).isEqualTo(3);
        assertThat(new String(d.key(1), StandardCharsets.US_ASCII)).isEqualTo("A01");
    }

    @Test
    void aPrefixIsADifferentValue() {
        ByteDictionary d = ByteDictionary.undecoded();
        byte[] b = "ABC".getBytes(StandardCharsets.US_ASCII);
        assertThat(d.id(b, 0, 3)).isEqualTo(0);
        assertThat(d.id(b, 0, 2)).isEqualTo(1);
        assertThat(d.id(b, 0, 0)).isEqualTo(2);
        assertThat(d.id(b, 0, 3)).isEqualTo(0);
    }

    @Test
    void aDecodingDictionaryDecodesWithItsCharsetAndReturnsOneStringPerValue() {
        ByteDictionary d = ByteDictionary.decoding(CP850);
        byte[] sao = "SÃO PAULO".getBytes(CP850);
        int id = d.id(sao, 0, sao.length);
        d.id("RIO".getBytes(StandardCharsets.US_ASCII), 0, 3);
        assertThat(d.id(sao.clone(), 0, sao.length)).isEqualTo(id);
        assertThat(d.value(id)).isEqualTo("SÃO PAULO");
        assertThat(d.value(id)).isSameAs(d.value(id));
        assertThat(d.value(1)).isEqualTo("RIO");
    }

    @Test
    void anUndecodedDictionaryKeepsBytesForTheCallerToDecode() {
        ByteDictionary d = ByteDictionary.undecoded();
        byte[] utf8 = "Glosa técnica".getBytes(StandardCharsets.UTF_8);
        int id = d.id(utf8, 0, utf8.length);
        assertThat(d.key(id)).isEqualTo(utf8);
        assertThatThrownBy(() -> d.value(id))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key(id)");
    }

    @Test
    void manyDistinctValuesSurviveGrowthAndRehash() {
        ByteDictionary d = ByteDictionary.decoding(StandardCharsets.ISO_8859_1);
        byte[] buf = new byte[12];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 50_000; i++) {
                byte[] s = String.format("K%09d", i).getBytes(StandardCharsets.US_ASCII);
                int n = s.length;
                System.arraycopy(s, 0, buf, 1, n);
                assertThat(d.id(buf, 1, n)).isEqualTo(i);
            }
        }
        assertThat(d.size()).isEqualTo(50_000);
        assertThat(d.value(49_999)).isEqualTo("K000049999");
        assertThat(new String(d.key(123), StandardCharsets.ISO_8859_1)).isEqualTo("K000000123");
    }
}
