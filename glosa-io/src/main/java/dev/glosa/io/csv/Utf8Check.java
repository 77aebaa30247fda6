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
                if (c >= 0xC2 && c <= 0xDF) {
                    need = 1;
                    lo = 0x80;
                    hi = 0xBF;
                } else if (c >= 0xE0 && c <= 0xEF) {
                    need = 2;
                    lo = c == 0xE0 ? 0xA0 : 0x80;
                    hi = c == 0xED ? 0x9F : 0xBF;
                } else if (c >= 0xF0 && c <= 0xF4) {
                    need = 3;
                    lo = c == 0xF0 ? 0x90 : 0x80;
                    hi = c == 0xF4 ? 0x8F : 0xBF;
                } else {
                    valid = false;
                    return;
                }
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
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                lo = c == 0xE0 ? 0xA0 : 0x80;
                hi = c == 0xED ? 0x9F : 0xBF;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                lo = c == 0xF0 ? 0x90 : 0x80;
                hi = c == 0xF4 ? 0x8F : 0xBF;
            } else {
                return false;
            }
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
}
