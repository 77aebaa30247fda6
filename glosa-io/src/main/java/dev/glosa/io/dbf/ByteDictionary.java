package dev.glosa.io.dbf;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps byte slices to small ids and one canonical {@link String} each, so a text column decodes each distinct value once
 * instead of creating a String per row. Open addressing over an int table; keys live in one byte pool.
 */
final class ByteDictionary {

    private final Charset charset;
    private byte[] pool = new byte[1024];
    private int poolSize;
    private int[] keyOffset = new int[64];
    private int[] keyLength = new int[64];
    private int[] keyHash = new int[64];
    private String[] values = new String[64];
    private int size;
    /** Slot -> entry index + 1; 0 = empty. */
    private int[] slots = new int[128];

    ByteDictionary(Charset charset) {
        this.charset = charset;
    }

    int size() {
        return size;
    }

    /** The value with id {@code id}. */
    String value(int id) {
        return values[id];
    }

    /** The id of {@code b[off, off + len)}, adding and decoding it on first sight; ids count up from 0. */
    int id(byte[] b, int off, int len) {
        int h = hash(b, off, len);
        int mask = slots.length - 1;
        int s = h & mask;
        while (true) {
            int e = slots[s];
            if (e == 0) {
                break;
            }
            int i = e - 1;
            if (keyHash[i] == h && keyLength[i] == len
                    && Arrays.equals(pool, keyOffset[i], keyOffset[i] + len, b, off, off + len)) {
                return i;
            }
            s = (s + 1) & mask;
        }
        return add(b, off, len, h, s);
    }

    private int add(byte[] b, int off, int len, int h, int slot) {
        if (size == values.length) {
            int cap = size * 2;
            keyOffset = Arrays.copyOf(keyOffset, cap);
            keyLength = Arrays.copyOf(keyLength, cap);
            keyHash = Arrays.copyOf(keyHash, cap);
            values = Arrays.copyOf(values, cap);
        }
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(b, off, pool, poolSize, len);
        int i = size++;
        keyOffset[i] = poolSize;
        keyLength[i] = len;
        keyHash[i] = h;
        values[i] = decode(b, off, len);
        poolSize += len;
        slots[slot] = i + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return i;
    }

    private String decode(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0) {
                return new String(b, off, len, charset);
            }
        }
        // Pure ASCII reads the same in every charset a DBF uses, and Latin-1 decoding is the cheapest.
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    private void rehash() {
        int[] next = new int[slots.length * 2];
        int mask = next.length - 1;
        for (int i = 0; i < size; i++) {
            int s = keyHash[i] & mask;
            while (next[s] != 0) {
                s = (s + 1) & mask;
            }
            next[s] = i + 1;
        }
        slots = next;
    }

    private static int hash(byte[] b, int off, int len) {
        int h = len;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + b[i];
        }
        // Spread the bits so that codes differing in the last digit do not cluster in the table.
        h *= 0x9E3779B1;
        return h ^ (h >>> 15);
    }
}
