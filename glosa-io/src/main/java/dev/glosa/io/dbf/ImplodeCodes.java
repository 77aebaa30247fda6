package dev.glosa.io.dbf;

/**
 * The fixed prefix codes of the PKWare DCL implode format, shared by the decoder and the encoder.
 *
 * <p>Each compact table lists code lengths for consecutive symbols, one byte per run: {@code (count - 1) << 4 |
 * length}. The codes are canonical (shorter codes first, then by symbol) and travel in the stream inverted, most
 * significant bit first. Tables as given by Ben Rudiak-Gould's description of the format (comp.compression,
 * 13 August 2001) and Mark Adler's {@code blast} (zlib {@code contrib/blast}, 2003).
 */
final class ImplodeCodes {

    /** Code lengths of the 256 literal symbols (used when literals are coded). */
    static final int[] LIT_COMPACT = {
        11, 124, 8, 7, 28, 7, 188, 13, 76, 4, 10, 8, 12, 10, 12, 10, 8, 23, 8, 9, 7, 6, 7, 8, 7, 6, 55, 8, 23, 24, 12,
        11, 7, 9, 11, 12, 6, 7, 22, 5, 7, 24, 6, 11, 9, 6, 7, 22, 7, 11, 38, 7, 9, 8, 25, 11, 8, 11, 9, 12, 8, 12, 5,
        38, 5, 38, 5, 11, 7, 5, 6, 21, 6, 10, 53, 8, 7, 24, 10, 27, 44, 253, 253, 253, 252, 252, 252, 13, 12, 45, 12,
        45, 12, 61, 12, 45, 44, 173
    };
    /** Code lengths of the 16 length symbols. */
    static final int[] LEN_COMPACT = {2, 35, 36, 53, 38, 23};
    /** Code lengths of the 64 distance symbols (the high bits of distance - 1). */
    static final int[] DIST_COMPACT = {2, 20, 53, 230, 247, 151, 248};
    /** Shortest copy length of each length symbol. */
    static final int[] LEN_BASE = {3, 2, 4, 5, 6, 7, 8, 9, 10, 12, 16, 24, 40, 72, 136, 264};
    /** Extra bits after each length symbol. */
    static final int[] LEN_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8};

    /** Longest copy: base 264 plus 8 extra bits of 255 is 519, which is the end code instead. */
    static final int MAX_MATCH = 518;
    /** The copy length that ends the stream. */
    static final int END_CODE = 519;

    private ImplodeCodes() {}

    /** Expands a compact code-length table into one length per symbol. */
    static int[] expand(int[] compact, int symbols) {
        int[] lengths = new int[symbols];
        int s = 0;
        for (int c : compact) {
            int count = (c >>> 4) + 1;
            int len = c & 15;
            for (int i = 0; i < count; i++) {
                lengths[s++] = len;
            }
        }
        if (s != symbols) {
            throw new IllegalStateException("compact table gives " + s + " lengths, expected " + symbols);
        }
        return lengths;
    }

    /**
     * The code of every symbol as the encoder writes it: the stream bits (first bit in bit 0) in the low 16 bits
     * and the code length above, {@code bits | length << 16}.
     */
    static int[] streamCodes(int[] compact, int symbols) {
        int[] lengths = expand(compact, symbols);
        int[] result = new int[symbols];
        int code = 0;
        for (int len = 1; len <= 13; len++) {
            for (int sym = 0; sym < symbols; sym++) {
                if (lengths[sym] == len) {
                    int inverted = ~code & ((1 << len) - 1);
                    // The most significant code bit goes first, into bit 0 of the stream bits.
                    result[sym] = Integer.reverse(inverted) >>> (32 - len) | len << 16;
                    code++;
                }
            }
            code <<= 1;
        }
        return result;
    }
}
