package dev.glosa.io.dbf;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;

/**
 * A small PKWare DCL implode compressor for tests: greedy LZ77 over a hash of 3-byte prefixes, with the fixed
 * codes of the format derived here independently of the decoder. A seeded random source can make it skip
 * matches or prefer short ones, so that every token shape of the format is exercised.
 */
final class ImplodeEncoder {

    private static final int[] LIT_COMPACT = {
        11, 124, 8, 7, 28, 7, 188, 13, 76, 4, 10, 8, 12, 10, 12, 10, 8, 23, 8,
        9, 7, 6, 7, 8, 7, 6, 55, 8, 23, 24, 12, 11, 7, 9, 11, 12, 6, 7, 22, 5,
        7, 24, 6, 11, 9, 6, 7, 22, 7, 11, 38, 7, 9, 8, 25, 11, 8, 11, 9, 12,
        8, 12, 5, 38, 5, 38, 5, 11, 7, 5, 6, 21, 6, 10, 53, 8, 7, 24, 10, 27,
        44, 253, 253, 253, 252, 252, 252, 13, 12, 45, 12, 45, 12, 61, 12, 45,
        44, 173};
    private static final int[] LEN_COMPACT = {2, 35, 36, 53, 38, 23};
    private static final int[] DIST_COMPACT = {2, 20, 53, 230, 247, 151, 248};
    private static final int[] LEN_BASE = {3, 2, 4, 5, 6, 7, 8, 9, 10, 12, 16, 24, 40, 72, 136, 264};
    private static final int[] LEN_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8};

    /** [symbol] = stream bits (first in bit 0) | length << 16. */
    private static final int[] LIT = codes(LIT_COMPACT, 256);
    private static final int[] LEN = codes(LEN_COMPACT, 16);
    private static final int[] DIST = codes(DIST_COMPACT, 64);

    private final boolean codedLiterals;
    private final int dictBits;
    private final SplittableRandom random;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long bits;
    private int bitCount;

    private ImplodeEncoder(boolean codedLiterals, int dictBits, SplittableRandom random) {
        this.codedLiterals = codedLiterals;
        this.dictBits = dictBits;
        this.random = random;
    }

    /** Compresses {@code data} greedily. */
    static byte[] compress(byte[] data, boolean codedLiterals, int dictBits) {
        return compress(data, codedLiterals, dictBits, null);
    }

    /** Compresses {@code data}; with a random source, some matches are skipped or shortened. */
    static byte[] compress(byte[] data, boolean codedLiterals, int dictBits, SplittableRandom random) {
        ImplodeEncoder e = new ImplodeEncoder(codedLiterals, dictBits, random);
        return e.run(data);
    }

    private byte[] run(byte[] data) {
        out.write(codedLiterals ? 1 : 0);
        out.write(dictBits);
        int maxDist = 64 << dictBits;
        int[] head = new int[1 << 15];
        java.util.Arrays.fill(head, -1);
        int[] prev = new int[data.length];
        int i = 0;
        while (i < data.length) {
            int bestLen = 0;
            int bestDist = 0;
            if (i + 2 < data.length) {
                int h = hash(data, i);
                int cand = head[h];
                int chain = 0;
                while (cand >= 0 && i - cand <= maxDist && chain++ < 64) {
                    int len = 0;
                    while (len < 518 && i + len < data.length && data[cand + len] == data[i + len]) {
                        len++;
                    }
                    if (len > bestLen) {
                        bestLen = len;
                        bestDist = i - cand;
                    }
                    cand = prev[cand];
                }
            }
            if (bestLen < 3 && i + 1 < data.length && i >= 1) {
                // Length-2 matches have their own short distance code; try the nearest 256 bytes.
                for (int d = 1; d <= Math.min(256, i); d++) {
                    if (data[i - d] == data[i] && data[i - d + 1] == data[i + 1]) {
                        bestLen = 2;
                        bestDist = d;
                        break;
                    }
                }
            }
            if (random != null && bestLen >= 2) {
                int r = random.nextInt(8);
                if (r == 0) {
                    bestLen = 0;
                } else if (r == 1 && bestLen > 3) {
                    bestLen = 3 + random.nextInt(bestLen - 2);
                }
            }
            if (bestLen >= 3 || (bestLen == 2 && bestDist <= 256)) {
                match(bestLen, bestDist);
                for (int k = 0; k < bestLen; k++) {
                    insert(data, i + k, head, prev);
                }
                i += bestLen;
            } else {
                literal(data[i] & 0xFF);
                insert(data, i, head, prev);
                i++;
            }
        }
        // End code: length symbol 15 with all 8 extra bits set is 264 + 255 = 519.
        put(1, 1);
        putCode(LEN[15]);
        put(255, 8);
        if (bitCount > 0) {
            out.write((int) bits & 0xFF);
        }
        return out.toByteArray();
    }

    private static int hash(byte[] d, int i) {
        return ((d[i] & 0xFF) << 10 ^ (d[i + 1] & 0xFF) << 5 ^ (d[i + 2] & 0xFF)) & ((1 << 15) - 1);
    }

    private static void insert(byte[] d, int i, int[] head, int[] prev) {
        if (i + 2 < d.length) {
            int h = hash(d, i);
            prev[i] = head[h];
            head[h] = i;
        }
    }

    private void literal(int b) {
        put(0, 1);
        if (codedLiterals) {
            putCode(LIT[b]);
        } else {
            put(b, 8);
        }
    }

    private void match(int len, int dist) {
        put(1, 1);
        int s = 0;
        while (!(LEN_BASE[s] <= len && len < LEN_BASE[s] + (1 << LEN_EXTRA[s]))) {
            s++;
        }
        putCode(LEN[s]);
        put(len - LEN_BASE[s], LEN_EXTRA[s]);
        int low = len == 2 ? 2 : dictBits;
        int d = dist - 1;
        putCode(DIST[d >>> low]);
        put(d & ((1 << low) - 1), low);
    }

    private void putCode(int code) {
        put(code & 0xFFFF, code >>> 16);
    }

    private void put(int value, int n) {
        bits |= (long) value << bitCount;
        bitCount += n;
        while (bitCount >= 8) {
            out.write((int) bits & 0xFF);
            bits >>>= 8;
            bitCount -= 8;
        }
    }

    /** Canonical codes from a compact length table, inverted and bit-reversed as the stream carries them. */
    private static int[] codes(int[] compact, int n) {
        int[] lengths = new int[n];
        int s = 0;
        for (int c : compact) {
            for (int k = 0; k <= c >>> 4; k++) {
                lengths[s++] = c & 15;
            }
        }
        int[] result = new int[n];
        int code = 0;
        for (int len = 1; len <= 13; len++) {
            for (int sym = 0; sym < n; sym++) {
                if (lengths[sym] == len) {
                    int inverted = ~code & ((1 << len) - 1);
                    int stream = 0;
                    for (int b = 0; b < len; b++) {
                        // The most significant code bit is sent first.
                        stream |= ((inverted >>> (len - 1 - b)) & 1) << b;
                    }
                    result[sym] = stream | len << 16;
                    code++;
                }
            }
            code <<= 1;
        }
        return result;
    }
}
