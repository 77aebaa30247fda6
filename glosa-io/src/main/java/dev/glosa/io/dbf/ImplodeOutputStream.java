package dev.glosa.io.dbf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Compresses bytes into a PKWare DCL <em>implode</em> stream, the counterpart of {@link ImplodeInputStream}.
 *
 * <p>Greedy LZ77: at each position the longest earlier match within the dictionary is found through hash chains
 * over 3-byte prefixes (at most {@value #CHAIN} candidates), a 2-byte match is looked for in the nearest 256 bytes
 * when there is no longer one, and whatever does not match is a literal. The result is a valid stream for any
 * implode decoder (PKWare's {@code explode}, zlib's {@code blast}); it compresses DBF records well, if not as
 * tightly as PKWare's own lazy matcher. Background: J. Ziv and A. Lempel, "A universal algorithm for sequential
 * data compression", IEEE Transactions on Information Theory 23(3), 1977, DOI 10.1109/TIT.1977.1055714.
 *
 * <p>Memory is bounded whatever the input size: a window of the dictionary plus 64 KiB, its hash chains, and an
 * 8 KiB output buffer. The bytes written depend only on the input and the two header choices, not on how the input
 * is split into {@code write} calls. Not thread-safe.
 */
final class ImplodeOutputStream extends OutputStream {

    private static final int MAX_MATCH = ImplodeCodes.MAX_MATCH;
    /** Bytes of input taken between two slides of the window. */
    private static final int CHUNK = 64 * 1024;
    /** Encoding stops this far before the buffered end until the input is finished, so no match is cut short. */
    private static final int LOOKAHEAD = MAX_MATCH + 2;

    private static final int HASH_BITS = 15;
    private static final int CHAIN = 64;
    /** Farthest a length-2 copy reaches: 64 distance symbols times 2 low bits. */
    private static final int SHORT_REACH = 256;

    private static final int[] LIT = ImplodeCodes.streamCodes(ImplodeCodes.LIT_COMPACT, 256);
    private static final int[] LEN = ImplodeCodes.streamCodes(ImplodeCodes.LEN_COMPACT, 16);
    private static final int[] DIST = ImplodeCodes.streamCodes(ImplodeCodes.DIST_COMPACT, 64);

    private final OutputStream out;
    private final boolean codedLiterals;
    private final int dictBits;
    private final int maxDistance;
    /** Non-null only in tests: skips or shortens some matches so every token shape of the format is exercised. */
    private final SplittableRandom perturb;

    private final byte[] window;
    private final int[] head = new int[1 << HASH_BITS];
    private final int[] prev;
    /** Bytes held in {@link #window}. */
    private int end;
    /** Next position of {@link #window} to encode. */
    private int pos;

    private final byte[] outBuf = new byte[8 * 1024];
    private int outPos;
    private long bitBuf;
    private int bitCount;
    private boolean finished;
    private boolean closed;

    /**
     * Wraps {@code out}; the two header bytes are written at once.
     *
     * @param out where the compressed bytes go
     * @param codedLiterals whether literals use the format's literal code (header byte 1) or go as raw bytes (0)
     * @param dictBits the dictionary size: 4, 5 or 6 for 1, 2 or 4 KiB
     */
    ImplodeOutputStream(OutputStream out, boolean codedLiterals, int dictBits) throws IOException {
        this(out, codedLiterals, dictBits, null);
    }

    /** As {@link #ImplodeOutputStream(OutputStream, boolean, int)}, with a seeded source that perturbs matches. */
    ImplodeOutputStream(OutputStream out, boolean codedLiterals, int dictBits, SplittableRandom perturb)
            throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        if (dictBits < 4 || dictBits > 6) {
            throw new IllegalArgumentException("dictionary bits must be 4, 5 or 6, found " + dictBits);
        }
        this.codedLiterals = codedLiterals;
        this.dictBits = dictBits;
        this.maxDistance = 64 << dictBits;
        this.perturb = perturb;
        this.window = new byte[maxDistance + CHUNK];
        this.prev = new int[window.length];
        Arrays.fill(head, -1);
        outBuf[outPos++] = (byte) (codedLiterals ? 1 : 0);
        outBuf[outPos++] = (byte) dictBits;
    }

    @Override
    public void write(int b) throws IOException {
        if (finished) {
            throw new IOException("implode stream already finished");
        }
        window[end++] = (byte) b;
        if (end == window.length) {
            encode(end - LOOKAHEAD);
            slide();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (finished) {
            throw new IOException("implode stream already finished");
        }
        while (len > 0) {
            int n = Math.min(len, window.length - end);
            System.arraycopy(b, off, window, end, n);
            end += n;
            off += n;
            len -= n;
            if (end == window.length) {
                encode(end - LOOKAHEAD);
                slide();
            }
        }
    }

    /** Encodes the rest of the input and writes the end code, without closing the underlying stream. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        encode(end);
        // End code: length symbol 15 with all 8 extra bits set, 264 + 255 = 519.
        put(1, 1);
        putCode(LEN[15]);
        put(255, 8);
        if (bitCount > 0) {
            byteOut((int) bitBuf & 0xFF);
            bitBuf = 0;
            bitCount = 0;
        }
        out.write(outBuf, 0, outPos);
        outPos = 0;
        out.flush();
    }

    @Override
    public void flush() throws IOException {
        // A partial stream cannot be flushed without ending it; output goes out as the buffer fills.
        out.flush();
    }

    /** Finishes the stream and closes the underlying one. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            finish();
        } finally {
            out.close();
        }
    }

    /** Encodes tokens starting before {@code limit}; the last match may run past it, never past {@link #end}. */
    private void encode(int limit) throws IOException {
        final byte[] w = window;
        while (pos < limit) {
            int p = pos;
            int maxLen = Math.min(MAX_MATCH, end - p);
            int bestLen = 0;
            int bestDist = 0;
            if (maxLen >= 3) {
                int cand = head[hash(w, p)];
                int chain = 0;
                while (cand >= 0 && p - cand <= maxDistance && chain++ < CHAIN) {
                    // The byte that would make this candidate better than the best so far is checked first.
                    if (w[cand + bestLen] == w[p + bestLen] || bestLen == 0) {
                        int len = 0;
                        while (len < maxLen && w[cand + len] == w[p + len]) {
                            len++;
                        }
                        if (len > bestLen) {
                            bestLen = len;
                            bestDist = p - cand;
                            if (len == maxLen) {
                                break;
                            }
                        }
                    }
                    cand = prev[cand];
                }
            }
            if (bestLen < 3) {
                bestLen = 0;
                if (maxLen >= 2) {
                    int reach = Math.min(SHORT_REACH, p);
                    byte b0 = w[p];
                    byte b1 = w[p + 1];
                    for (int d = 1; d <= reach; d++) {
                        if (w[p - d] == b0 && w[p - d + 1] == b1) {
                            bestLen = 2;
                            bestDist = d;
                            break;
                        }
                    }
                }
            }
            if (perturb != null && bestLen >= 2) {
                int r = perturb.nextInt(8);
                if (r == 0) {
                    bestLen = 0;
                } else if (r == 1 && bestLen > 3) {
                    bestLen = 3 + perturb.nextInt(bestLen - 2);
                }
            }
            if (bestLen >= 2) {
                match(bestLen, bestDist);
                for (int k = 0; k < bestLen; k++) {
                    insert(p + k);
                }
                pos = p + bestLen;
            } else {
                literal(w[p] & 0xFF);
                insert(p);
                pos = p + 1;
            }
        }
    }

    /** Drops the bytes no copy can reach any more and shifts the hash chains with them. */
    private void slide() {
        int keep = pos - maxDistance;
        if (keep <= 0) {
            return;
        }
        System.arraycopy(window, keep, window, 0, end - keep);
        for (int i = 0; i < head.length; i++) {
            int v = head[i];
            head[i] = v >= keep ? v - keep : -1;
        }
        for (int i = keep; i < end; i++) {
            int v = prev[i];
            prev[i - keep] = v >= keep ? v - keep : -1;
        }
        end -= keep;
        pos -= keep;
    }

    private static int hash(byte[] w, int i) {
        return ((w[i] & 0xFF) << 10 ^ (w[i + 1] & 0xFF) << 5 ^ (w[i + 2] & 0xFF)) & ((1 << HASH_BITS) - 1);
    }

    private void insert(int i) {
        if (i + 2 < end) {
            int h = hash(window, i);
            prev[i] = head[h];
            head[h] = i;
        }
    }

    private void literal(int b) throws IOException {
        put(0, 1);
        if (codedLiterals) {
            putCode(LIT[b]);
        } else {
            put(b, 8);
        }
    }

    private void match(int len, int dist) throws IOException {
        put(1, 1);
        int s = 0;
        while (len >= ImplodeCodes.LEN_BASE[s] + (1 << ImplodeCodes.LEN_EXTRA[s]) || len < ImplodeCodes.LEN_BASE[s]) {
            s++;
        }
        putCode(LEN[s]);
        put(len - ImplodeCodes.LEN_BASE[s], ImplodeCodes.LEN_EXTRA[s]);
        int low = len == 2 ? 2 : dictBits;
        int d = dist - 1;
        putCode(DIST[d >>> low]);
        put(d & ((1 << low) - 1), low);
    }

    private void putCode(int code) throws IOException {
        put(code & 0xFFFF, code >>> 16);
    }

    private void put(int value, int n) throws IOException {
        bitBuf |= (long) value << bitCount;
        bitCount += n;
        while (bitCount >= 8) {
            byteOut((int) bitBuf & 0xFF);
            bitBuf >>>= 8;
            bitCount -= 8;
        }
    }

    private void byteOut(int b) throws IOException {
        if (outPos == outBuf.length) {
            out.write(outBuf, 0, outPos);
            outPos = 0;
        }
        outBuf[outPos++] = (byte) b;
    }
}
