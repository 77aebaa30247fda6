package dev.glosa.io.csv;

import java.util.Arrays;

/**
 * Interns byte strings to dense codes in order of first appearance, so a category cell costs a hash and a compare,
 * not a {@code String}; the distinct values are decoded once, when the charset is known.
 */
final class ByteDictionary {
    private byte[][] keys = new byte[16][];
    private int[] hashes = new int[16];
    private int[] slots = new int[64];
    private int size;
    private int last = -1;

    int size() {
        return size;
    }

    byte[] key(int code) {
        return keys[code];
    }

    /** The code of {@code b[s, e)}, added if new. */
    int intern(byte[] b, int s, int e) {
        // Exports are usually sorted, so a cell often repeats the cell above it: one compare, no hash.
        if (last >= 0 && same(keys[last], b, s, e)) {
            return last;
        }
        last = find(b, s, e);
        return last;
    }

    private int find(byte[] b, int s, int e) {
        int h = 1;
        for (int i = s; i < e; i++) {
            h = 31 * h + b[i];
        }
        h ^= h >>> 16;
        int mask = slots.length - 1;
        int i = h & mask;
        while (true) {
            int slot = slots[i];
            if (slot == 0) {
                break;
            }
            int code = slot - 1;
            if (hashes[code] == h && same(keys[code], b, s, e)) {
                return code;
            }
            i = (i + 1) & mask;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        int code = size++;
        keys[code] = Arrays.copyOfRange(b, s, e);
        hashes[code] = h;
        slots[i] = code + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return code;
    }

    /** A plain loop: for keys this short it beats the vectorised mismatch and its set-up. */
    private static boolean same(byte[] key, byte[] b, int s, int e) {
        if (key.length != e - s) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (key[i] != b[s + i]) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        int[] n = new int[slots.length * 2];
        int mask = n.length - 1;
        for (int code = 0; code < size; code++) {
            int i = hashes[code] & mask;
            while (n[i] != 0) {
                i = (i + 1) & mask;
            }
            n[i] = code + 1;
        }
        slots = n;
    }
}
