package dev.glosa.bench;

import java.io.ByteArrayOutputStream;

/**
 * A PKWare DCL <em>implode</em> compressor, so that the decoder can be measured on a large generated {@code .dbc}.
 *
 * <p>It writes what DATASUS files hold: uncoded (raw 8-bit) literals and a 4 KiB dictionary (header bytes 0 and 6).
 * Matches are found greedily through hash chains of 3-byte prefixes, searched at most {@value #CHAIN} deep, lengths
 * 3 to 518 and distances up to 4,096 (length-2 matches are not used). The fixed length and distance codes are the
 * canonical codes of the format's code-length tables, written bit by bit from the most significant, each bit
 * inverted, into a stream read from the least significant bit of each byte: the format as described by Ben
 * Rudiak-Gould (comp.compression, 2001) and decoded by Mark Adler's {@code blast} (zlib {@code contrib/blast}).
 * Compression speed is of no interest here; the output only has to decode to the input.
 */
final class Implode {
    private static final int[] LEN_COMPACT = {2, 35, 36, 53, 38, 23};
    private static final int[] DIST_COMPACT = {2, 20, 53, 230, 247, 151, 248};
    private static final int[] LEN_BASE = {3, 2, 4, 5, 6, 7, 8, 9, 10, 12, 16, 24, 40, 72, 136, 264};
    private static final int[] LEN_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8};
    private static final int DICT_BITS = 6;
    private static final int WINDOW = 64 << DICT_BITS;
    private static final int MIN_MATCH = 3;
    private static final int MAX_MATCH = 518;
    private static final int CHAIN = 48;
    private static final int HASH_BITS = 15;

    /** [symbol] = code bits in stream order (first bit in bit 0, already inverted) | code length << 16. */
    private static final int[] LEN_CODE = codes(LEN_COMPACT, 16);
    private static final int[] DIST_CODE = codes(DIST_COMPACT, 64);

    private final ByteArrayOutputStream out;
    private long bits;
    private int bitCount;

    private Implode(int capacity) {
        out = new ByteArrayOutputStream(capacity);
    }

    /** The imploded form of {@code data[from, to)}. */
    static byte[] compress(byte[] data, int from, int to) {
        Implode w = new Implode(Math.max(64, (to - from) / 4));
        w.out.write(0); // raw literals
        w.out.write(DICT_BITS);
        int[] head = new int[1 << HASH_BITS];
        java.util.Arrays.fill(head, -1);
        int[] prev = new int[to - from];
        int i = from;
        while (i < to) {
            int bestLen = 0;
            int bestDist = 0;
            if (to - i >= MIN_MATCH) {
                int h = hash(data, i);
                int cand = head[h];
                int limit = Math.min(MAX_MATCH, to - i);
                for (int depth = 0; cand >= 0 && i - cand <= WINDOW && depth < CHAIN; depth++) {
                    int len = 0;
                    while (len < limit && data[cand + len] == data[i + len]) {
                        len++;
                    }
                    if (len > bestLen) {
                        bestLen = len;
                        bestDist = i - cand;
                        if (len == limit) {
                            break;
                        }
                    }
                    cand = prev[cand - from];
                }
            }
            int step;
            if (bestLen >= MIN_MATCH) {
                w.match(bestLen, bestDist);
                step = bestLen;
            } else {
                w.put(0, 1);
                w.put(data[i] & 0xFF, 8);
                step = 1;
            }
            for (int s = 0; s < step; s++, i++) {
                if (to - i >= MIN_MATCH) {
                    int h = hash(data, i);
                    prev[i - from] = head[h];
                    head[h] = i;
                }
            }
        }
        w.match(519, 0); // the end code
        w.flush();
        return w.out.toByteArray();
    }

    private static int hash(byte[] d, int i) {
        int v = (d[i] & 0xFF) << 16 | (d[i + 1] & 0xFF) << 8 | d[i + 2] & 0xFF;
        return (v * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    private void match(int len, int dist) {
        put(1, 1);
        int sym = 15;
        while (sym > 0 && !(LEN_BASE[sym] <= len && len < LEN_BASE[sym] + (1 << LEN_EXTRA[sym]))) {
            sym--;
        }
        if (!(LEN_BASE[sym] <= len && len < LEN_BASE[sym] + (1 << LEN_EXTRA[sym]))) {
            throw new IllegalArgumentException("no length symbol for " + len);
        }
        code(LEN_CODE[sym]);
        put(len - LEN_BASE[sym], LEN_EXTRA[sym]);
        if (len == 519) {
            return;
        }
        int d = dist - 1;
        int low = len == 2 ? 2 : DICT_BITS;
        code(DIST_CODE[d >>> low]);
        put(d & ((1 << low) - 1), low);
    }

    private void code(int c) {
        put(c & 0xFFFF, c >>> 16);
    }

    private void put(int value, int count) {
        bits |= (long) value << bitCount;
        bitCount += count;
        while (bitCount >= 8) {
            out.write((int) (bits & 0xFF));
            bits >>>= 8;
            bitCount -= 8;
        }
    }

    private void flush() {
        if (bitCount > 0) {
            out.write((int) (bits & 0xFF));
            bits = 0;
            bitCount = 0;
        }
    }

    /** Canonical codes from a compact table of code lengths ({@code (count - 1) << 4 | length} per byte). */
    private static int[] codes(int[] compact, int symbols) {
        int[] length = new int[symbols];
        int s = 0;
        for (int b : compact) {
            int count = (b >>> 4) + 1;
            for (int r = 0; r < count; r++) {
                length[s++] = b & 15;
            }
        }
        int[] count = new int[17];
        for (int l : length) {
            count[l]++;
        }
        // Canonical, as blast decodes: codes of one length follow in symbol order, and the first code of length
        // l + 1 is (first code of length l + count of length l) << 1.
        int[] next = new int[17];
        int first = 0;
        for (int l = 1; l <= 16; l++) {
            next[l] = first;
            first = (first + count[l]) << 1;
        }
        int[] out = new int[symbols];
        for (int sym = 0; sym < symbols; sym++) {
            int l = length[sym];
            int c = next[l]++;
            int stream = 0;
            for (int b = 0; b < l; b++) {
                int bit = (c >>> (l - 1 - b)) & 1;
                stream |= (bit ^ 1) << b;
            }
            out[sym] = stream | l << 16;
        }
        return out;
    }
}
