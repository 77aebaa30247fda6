package dev.glosa.io.csv;

/**
 * Checks, chunk by chunk, whether a byte stream is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF).
 */
final class Utf8Check {
    private int need;
    private int lo = 0x80;
    private int hi = 0xBF;
    private boolean valid = true;

    /** Whether everything seen so far is valid UTF-8 (a sequence cut at the end of the last chunk still counts). */
    boolean validSoFar() {
        return valid;
    }

    /** Whether the whole stream was valid UTF-8, once it has ended. */
    boolean validAtEnd() {
        return valid && need == 0;
    }

    void update(byte[] b, int off, int len) {
        if (!valid) {
            return;
        }
        int end = off + len;
        int i = off;
        while (i < end) {
            if (need == 0) {
                // ASCII runs are the common case: skip them without state changes.
                while (i < end && b[i] >= 0) {
                    i++;
                }
                if (i == end) {
                    return;
                }
                int c = b[i++] & 0xFF;
                need = continuations(c);
                if (need < 0) {
                    valid = false;
                    return;
                }
                lo = firstLow(c);
                hi = firstHigh(c);
            } else {
                int c = b[i++] & 0xFF;
                if (c < lo || c > hi) {
                    valid = false;
                    return;
                }
                lo = 0x80;
                hi = 0xBF;
                need--;
            }
        }
    }

    /** Whether {@code b[off, end)} alone is valid UTF-8; allocates nothing, as it runs once per non-ASCII record. */
    static boolean isValid(byte[] b, int off, int end) {
        int i = off;
        while (i < end) {
            int c = b[i++];
            if (c >= 0) {
                continue;
            }
            c &= 0xFF;
            int need = continuations(c);
            if (need < 0) {
                return false;
            }
            int lo = firstLow(c);
            int hi = firstHigh(c);
            for (; need > 0; need--) {
                if (i >= end) {
                    return false;
                }
                int d = b[i++] & 0xFF;
                if (d < lo || d > hi) {
                    return false;
                }
                lo = 0x80;
                hi = 0xBF;
            }
        }
        return true;
    }

    /** How many continuation bytes lead byte {@code c} (0x80-0xFF) announces, or -1 when it cannot start a character. */
    private static int continuations(int c) {
        return c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
    }

    /**
     * The lowest first continuation byte allowed after lead byte {@code c}: higher than 0x80 where a lower one would be
     * an overlong form (after E0 and F0).
     */
    private static int firstLow(int c) {
        return c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    }

    /**
     * The highest first continuation byte allowed after lead byte {@code c}: lower than 0xBF where a higher one would
     * be a surrogate (after ED) or above U+10FFFF (after F4).
     */
    private static int firstHigh(int c) {
        return c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    }
}
