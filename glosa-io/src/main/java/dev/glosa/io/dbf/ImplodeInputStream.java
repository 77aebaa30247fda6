package dev.glosa.io.dbf;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decompresses a PKWare Data Compression Library <em>implode</em> stream, as a streaming {@link InputStream}.
 *
 * <p>The format is an LZ77 variant with fixed prefix codes: a two-byte header (literal coding 0 = raw bytes,
 * 1 = coded; dictionary size 4, 5 or 6 = 1, 2 or 4 KiB), then a bit stream read from the least significant
 * bit of each byte. Each token starts with one flag bit: 0 = a literal, 1 = a copy whose length comes from a
 * 16-symbol code plus extra bits and whose distance comes from a 64-symbol code plus 2 (for length 2) or
 * {@code dictionary} low bits. Length 519 ends the stream. The codes are canonical, built from compact tables
 * of code lengths, and stored in the stream with their bits inverted. Format as described by Ben
 * Rudiak-Gould (comp.compression, 13 August 2001) and decoded by Mark Adler's {@code blast} (zlib
 * {@code contrib/blast}, 2003); this is an independent table-driven implementation of that description.
 * Background: J. Ziv and A. Lempel, "A universal algorithm for sequential data compression", IEEE
 * Transactions on Information Theory 23(3), 1977, DOI 10.1109/TIT.1977.1055714; D. A. Huffman, "A method
 * for the construction of minimum-redundancy codes", Proceedings of the IRE 40(9), 1952,
 * DOI 10.1109/JRPROC.1952.273898.
 *
 * <p>Memory is bounded: a 4 KiB history window plus a 32 KiB output staging area and an 8 KiB input
 * buffer, whatever the stream's size. Output is bounded by the {@code maxOutput} given at construction: a
 * stream that would produce more fails (no decompression bomb). A stream that ends before its end code
 * fails. Every failure is a {@link MalformedFileException} naming the source and the byte offset (in the
 * underlying file, counting {@code baseOffset}) of the bit where decoding stopped; the stream then keeps
 * failing with the same exception. Not thread-safe.
 */
public final class ImplodeInputStream extends InputStream {

    /** Largest distance a copy can reach back: 64 distance symbols times 2^6 low bits. */
    private static final int WINDOW = 4096;

    private static final int CHUNK = 32 * 1024;
    /** Longest copy: base 264 plus 8 extra bits of 255; 519 itself is the end code. */
    private static final int MAX_MATCH = ImplodeCodes.MAX_MATCH;

    private static final int END_CODE = ImplodeCodes.END_CODE;
    private static final int STAGE_END = WINDOW + CHUNK;
    private static final int IN_SIZE = 8 * 1024;

    private static final int LIT_BITS = 13;
    private static final int LEN_BITS = 7;
    private static final int DIST_BITS = 8;

    /** Entry = code length | symbol << 4. */
    private static final int[] LIT_TABLE;
    /** Entry = code length | extra bits << 4 | base length << 8. */
    private static final int[] LEN_TABLE;
    /** Entry = code length | symbol << 4. */
    private static final int[] DIST_TABLE;

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        int[] lenBase = ImplodeCodes.LEN_BASE;
        int[] lenExtra = ImplodeCodes.LEN_EXTRA;

        int[] litPayload = new int[256];
        for (int s = 0; s < 256; s++) {
            litPayload[s] = s << 4;
        }
        int[] lenPayload = new int[16];
        for (int s = 0; s < 16; s++) {
            lenPayload[s] = lenExtra[s] << 4 | lenBase[s] << 8;
        }
        int[] distPayload = new int[64];
        for (int s = 0; s < 64; s++) {
            distPayload[s] = s << 4;
        }
        LIT_TABLE = buildTable(ImplodeCodes.expand(ImplodeCodes.LIT_COMPACT, 256), litPayload, LIT_BITS);
        LEN_TABLE = buildTable(ImplodeCodes.expand(ImplodeCodes.LEN_COMPACT, 16), lenPayload, LEN_BITS);
        DIST_TABLE = buildTable(ImplodeCodes.expand(ImplodeCodes.DIST_COMPACT, 64), distPayload, DIST_BITS);
    }

    private final InputStream in;
    private final String source;
    private final long baseOffset;
    private final long maxOutput;

    private final byte[] inBuf = new byte[IN_SIZE];
    private int inPos;
    private int inLimit;
    /** Offset in the underlying stream of {@code inBuf[0]}. */
    private long inBase;

    private boolean inEof;

    private long bitBuf;
    private int bitCount;

    private final byte[] window = new byte[STAGE_END + MAX_MATCH];
    /** Next index of {@link #window} to decode into. */
    private int pos;
    /** Next index of {@link #window} to hand to the reader. */
    private int readPos;
    /** Number of output bytes that were slid out of the window (absolute output offset of index 0). */
    private long slid;

    private boolean headerRead;
    private boolean codedLiterals;
    private int dictBits;
    private boolean ended;
    private MalformedFileException failure;

    /**
     * Wraps an imploded stream whose output may not exceed {@code maxOutput} bytes.
     *
     * @param in the compressed bytes, starting at the two-byte header
     * @param maxOutput the most bytes the stream may produce; more is an error
     */
    public ImplodeInputStream(InputStream in, long maxOutput) {
        this(in, maxOutput, null, 0);
    }

    /**
     * Wraps an imploded stream that starts at byte {@code baseOffset} of {@code source}.
     *
     * @param in the compressed bytes, starting at the two-byte header
     * @param maxOutput the most bytes the stream may produce; more is an error
     * @param source the file name used in error messages, or {@code null}
     * @param baseOffset the offset of the stream's first byte in {@code source}, added to error offsets
     */
    public ImplodeInputStream(InputStream in, long maxOutput, String source, long baseOffset) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxOutput < 0) {
            throw new IllegalArgumentException("maxOutput must be >= 0, found " + maxOutput);
        }
        if (baseOffset < 0) {
            throw new IllegalArgumentException("baseOffset must be >= 0, found " + baseOffset);
        }
        this.maxOutput = maxOutput;
        this.source = source;
        this.baseOffset = baseOffset;
    }

    /**
     * Bytes produced so far (handed to the reader or staged for it).
     *
     * @return the bytes produced so far
     */
    public long bytesDecoded() {
        return slid + pos;
    }

    /**
     * True once the end code has been decoded and every byte before it was read.
     *
     * @return whether the stream has ended cleanly
     */
    public boolean isFinished() {
        return ended && readPos == pos;
    }

    /**
     * Compressed bytes consumed so far, header included, counting a partly used last byte as consumed.
     * After the end code this is the length of the imploded stream; the underlying stream may have been read
     * further, into an internal buffer.
     *
     * @return the compressed bytes consumed
     */
    public long bytesConsumed() {
        return inBase + inPos - (bitCount >>> 3);
    }

    @Override
    public int read() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (readPos == pos && !produce()) {
            return -1;
        }
        return window[readPos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (failure != null) {
            throw failure;
        }
        if (len == 0) {
            return 0;
        }
        int total = 0;
        while (total < len) {
            if (readPos == pos && !produce()) {
                break;
            }
            int n = Math.min(len - total, pos - readPos);
            System.arraycopy(window, readPos, b, off + total, n);
            readPos += n;
            total += n;
        }
        return total == 0 ? -1 : total;
    }

    @Override
    public long skip(long n) throws IOException {
        if (failure != null) {
            throw failure;
        }
        long done = 0;
        while (done < n) {
            if (readPos == pos && !produce()) {
                break;
            }
            int k = (int) Math.min(n - done, pos - readPos);
            readPos += k;
            done += k;
        }
        return done;
    }

    @Override
    public int available() {
        return pos - readPos;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Decodes more output into the window; false at the end of the stream. */
    private boolean produce() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return false;
        }
        try {
            if (!headerRead) {
                readHeader();
            }
            if (pos >= STAGE_END) {
                // Everything staged was read: keep only the last WINDOW bytes as history.
                System.arraycopy(window, pos - WINDOW, window, 0, WINDOW);
                slid += pos - WINDOW;
                pos = WINDOW;
                readPos = WINDOW;
            }
            decode();
        } catch (MalformedFileException e) {
            failure = e;
            throw e;
        }
        return readPos < pos;
    }

    private void readHeader() throws IOException {
        int lit = nextHeaderByte();
        int dict = nextHeaderByte();
        if (lit != 0 && lit != 1) {
            throw malformed(baseOffset, "implode header: literal coding must be 0 or 1, found " + lit);
        }
        if (dict < 4 || dict > 6) {
            throw malformed(baseOffset + 1, "implode header: dictionary size must be 4, 5 or 6, found " + dict);
        }
        codedLiterals = lit == 1;
        dictBits = dict;
        headerRead = true;
    }

    private int nextHeaderByte() throws IOException {
        if (inPos == inLimit && !fillInput()) {
            throw malformed(baseOffset + inBase + inPos, "truncated implode stream: header needs 2 bytes");
        }
        return inBuf[inPos++] & 0xFF;
    }

    /**
     * Decodes tokens into the window until the staging area is full or the end code is met. State lives in
     * locals inside the loop and is written back on every exit.
     */
    private void decode() throws IOException {
        final byte[] win = window;
        final byte[] ib = inBuf;
        final int[] litTable = LIT_TABLE;
        final int[] lenTable = LEN_TABLE;
        final int[] distTable = DIST_TABLE;
        final boolean coded = codedLiterals;
        final int dict = dictBits;
        final int dictMask = (1 << dict) - 1;
        final long capLong = maxOutput - slid;
        final int cap = capLong > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) capLong;

        long bb = bitBuf;
        int bc = bitCount;
        int p = pos;
        int ip = inPos;
        try {
            while (p < STAGE_END) {
                if (bc < 32) {
                    if (inLimit - ip >= 8) {
                        bb |= (long) LONG_LE.get(ib, ip) << bc;
                        ip += (63 - bc) >>> 3;
                        bc |= 56;
                    } else {
                        inPos = ip;
                        bitBuf = bb;
                        bitCount = bc;
                        refillSlow();
                        ip = inPos;
                        bb = bitBuf;
                        bc = bitCount;
                    }
                }
                if ((bb & 1) == 0) {
                    int used;
                    int sym;
                    if (coded) {
                        int e = litTable[(int) (bb >>> 1) & ((1 << LIT_BITS) - 1)];
                        used = 1 + (e & 15);
                        sym = e >>> 4;
                    } else {
                        used = 9;
                        sym = (int) (bb >>> 1) & 0xFF;
                    }
                    if (used > bc) {
                        throw truncated(ip, p);
                    }
                    bb >>>= used;
                    bc -= used;
                    if (p >= cap) {
                        throw tooLong(ip, bc, slid + p + 1);
                    }
                    win[p++] = (byte) sym;
                } else {
                    int e = lenTable[(int) (bb >>> 1) & ((1 << LEN_BITS) - 1)];
                    int codeLen = e & 15;
                    int extra = (e >>> 4) & 15;
                    int len = (e >>> 8) + ((int) (bb >>> (1 + codeLen)) & ((1 << extra) - 1));
                    int used = 1 + codeLen + extra;
                    if (used > bc) {
                        throw truncated(ip, p);
                    }
                    bb >>>= used;
                    bc -= used;
                    if (len == END_CODE) {
                        ended = true;
                        break;
                    }
                    int lowBits = len == 2 ? 2 : dict;
                    int lowMask = len == 2 ? 3 : dictMask;
                    int d = distTable[(int) bb & ((1 << DIST_BITS) - 1)];
                    int dCodeLen = d & 15;
                    int dist = ((d >>> 4) << lowBits | ((int) (bb >>> dCodeLen) & lowMask)) + 1;
                    used = dCodeLen + lowBits;
                    if (used > bc) {
                        throw truncated(ip, p);
                    }
                    bb >>>= used;
                    bc -= used;
                    if (dist > p) {
                        throw malformed(
                                bitOffset(ip, bc),
                                "invalid implode stream: copy distance " + dist
                                        + " reaches before the start of the output (" + (slid + p) + " bytes written)");
                    }
                    if (p + len > cap) {
                        throw tooLong(ip, bc, slid + p + len);
                    }
                    int from = p - dist;
                    if (len <= 16 || dist < len) {
                        if (dist == 1) {
                            Arrays.fill(win, p, p + len, win[from]);
                        } else {
                            // Overlapping copies must repeat the bytes just written, so go byte by byte.
                            for (int i = 0; i < len; i++) {
                                win[p + i] = win[from + i];
                            }
                        }
                    } else {
                        System.arraycopy(win, from, win, p, len);
                    }
                    p += len;
                }
            }
        } finally {
            pos = p;
            inPos = ip;
            bitBuf = bb;
            bitCount = bc;
        }
    }

    /** Tops up the bit buffer when fewer than 8 input bytes are buffered; near the end it may stay short. */
    private void refillSlow() throws IOException {
        if (inLimit - inPos < 8) {
            fillInput();
        }
        long bb = bitBuf;
        int bc = bitCount;
        while (bc <= 56 && inPos < inLimit) {
            bb |= (inBuf[inPos++] & 0xFFL) << bc;
            bc += 8;
        }
        bitBuf = bb;
        bitCount = bc;
    }

    /** Moves unread input to the front of the buffer and reads more; false if nothing is left. */
    private boolean fillInput() throws IOException {
        int rest = inLimit - inPos;
        if (inPos > 0) {
            System.arraycopy(inBuf, inPos, inBuf, 0, rest);
            inBase += inPos;
            inPos = 0;
            inLimit = rest;
        }
        while (!inEof && inLimit < IN_SIZE) {
            int n = in.read(inBuf, inLimit, IN_SIZE - inLimit);
            if (n < 0) {
                inEof = true;
            } else {
                inLimit += n;
                if (inLimit - inPos >= 8) {
                    break;
                }
            }
        }
        return inLimit > inPos;
    }

    private long bitOffset(int ip, int bc) {
        return baseOffset + inBase + ip - ((bc + 7) >>> 3);
    }

    private MalformedFileException truncated(int ip, int p) {
        return malformed(
                baseOffset + inBase + ip,
                "truncated implode stream: input ends before the end code (" + (slid + p) + " bytes decoded)");
    }

    private MalformedFileException tooLong(int ip, int bc, long wanted) {
        return malformed(
                bitOffset(ip, bc),
                "implode stream produces more than the allowed " + maxOutput + " bytes (would reach " + wanted + ")");
    }

    private MalformedFileException malformed(long offset, String detail) {
        return new MalformedFileException(source, offset, detail);
    }

    /**
     * Builds a direct lookup table indexed by the next {@code bits} stream bits (first bit in bit 0). Codes are
     * canonical (shorter first, then by symbol) and stored inverted, most significant bit first, so the
     * pattern of a code is its complement bit-reversed over its length.
     */
    private static int[] buildTable(int[] lengths, int[] payload, int bits) {
        int[] count = new int[bits + 1];
        for (int len : lengths) {
            count[len]++;
        }
        int[] next = new int[bits + 2];
        int code = 0;
        for (int len = 1; len <= bits; len++) {
            next[len] = code;
            code = (code + count[len]) << 1;
        }
        int[] table = new int[1 << bits];
        for (int s = 0; s < lengths.length; s++) {
            int len = lengths[s];
            if (len == 0) {
                continue;
            }
            int c = next[len]++;
            int inverted = ~c & ((1 << len) - 1);
            int pattern = Integer.reverse(inverted) >>> (32 - len);
            for (int i = pattern; i < table.length; i += 1 << len) {
                if (table[i] != 0) {
                    throw new IllegalStateException("over-subscribed code at symbol " + s);
                }
                table[i] = payload[s] | len;
            }
        }
        for (int i = 0; i < table.length; i++) {
            if (table[i] == 0) {
                // A complete code leaves no gap; this keeps the decoder free of an invalid-code branch.
                throw new IllegalStateException("incomplete code: no symbol for pattern " + i);
            }
        }
        return table;
    }
}
