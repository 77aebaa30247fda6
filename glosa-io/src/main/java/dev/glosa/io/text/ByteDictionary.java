package dev.glosa.io.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps byte strings to dense ids in order of first appearance, so a category cell costs a hash and a compare, not a
 * {@code String}. Open addressing over an int table; the keys live in one byte pool, and {@link #id} allocates only
 * when it meets a new value (or outgrows its arrays).
 *
 * <p>Readers differ in when they know the charset, and that is the one choice made here, by the factory:
 * {@link #decoding(Charset)} decodes each distinct value once, on first sight (a DBF declares its charset up front);
 * {@link #undecoded()} keeps bytes only and leaves decoding to the caller through {@link #key(int)} (a CSV's charset
 * is decided after the whole file has been seen).
 */
public final class ByteDictionary {

    /** The charset values are decoded with on first sight; {@code null} for an undecoded dictionary. */
    private final Charset charset;

    private byte[] pool = new byte[1024];
    private int poolSize;
    private int[] keyOffset = new int[64];
    private int[] keyLength = new int[64];
    private int[] keyHash = new int[64];
    private String[] values;
    private int size;
    /** Slot -> id + 1; 0 = empty. */
    private int[] slots = new int[128];

    private int last = -1;

    private ByteDictionary(Charset charset) {
        this.charset = charset;
        this.values = charset == null ? null : new String[64];
    }

    /**
     * {@return a dictionary that decodes each distinct value once, with {@code charset}, when it first sees it}
     *
     * @param charset the bytes' charset
     */
    public static ByteDictionary decoding(Charset charset) {
        if (charset == null) {
            throw new IllegalArgumentException(
                    "a decoding dictionary needs a charset; use undecoded() if it is not known yet");
        }
        return new ByteDictionary(charset);
    }

    /** {@return a dictionary that keeps bytes only; the caller decodes {@link #key(int)} once it knows the charset} */
    public static ByteDictionary undecoded() {
        return new ByteDictionary(null);
    }

    /** {@return the number of distinct values seen} */
    public int size() {
        return size;
    }

    /**
     * The id of {@code b[off, off + len)}, added (and decoded, for a decoding dictionary) on first sight; ids count up
     * from 0 in order of first appearance.
     *
     * @param b the bytes
     * @param off where the value starts
     * @param len its length
     * @return the value's id
     */
    public int id(byte[] b, int off, int len) {
        // Files are often sorted, so a value often repeats the one before it: one compare, no hash.
        if (last >= 0 && same(last, b, off, len)) {
            return last;
        }
        last = find(b, off, len);
        return last;
    }

    /**
     * {@return the decoded value of {@code id}; only for a dictionary made by {@link #decoding(Charset)}}
     *
     * @param id an id from {@link #id}
     */
    public String value(int id) {
        if (values == null) {
            throw new IllegalStateException("an undecoded dictionary has no values: decode key(id) instead");
        }
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException("id " + id + " of a dictionary of " + size + " values");
        }
        return values[id];
    }

    /**
     * {@return a copy of the bytes of {@code id}}
     *
     * @param id an id from {@link #id}
     */
    public byte[] key(int id) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException("id " + id + " of a dictionary of " + size + " values");
        }
        return Arrays.copyOfRange(pool, keyOffset[id], keyOffset[id] + keyLength[id]);
    }

    private int find(byte[] b, int off, int len) {
        int h = hash(b, off, len);
        int mask = slots.length - 1;
        int s = h & mask;
        while (true) {
            int e = slots[s];
            if (e == 0) {
                break;
            }
            int i = e - 1;
            if (keyHash[i] == h && same(i, b, off, len)) {
                return i;
            }
            s = (s + 1) & mask;
        }
        return add(b, off, len, h, s);
    }

    /** A plain loop: for keys this short it beats the vectorised mismatch and its set-up. */
    private boolean same(int id, byte[] b, int off, int len) {
        if (keyLength[id] != len) {
            return false;
        }
        int k = keyOffset[id];
        for (int i = 0; i < len; i++) {
            if (pool[k + i] != b[off + i]) {
                return false;
            }
        }
        return true;
    }

    private int add(byte[] b, int off, int len, int h, int slot) {
        if (size == keyOffset.length) {
            int cap = size * 2;
            keyOffset = Arrays.copyOf(keyOffset, cap);
            keyLength = Arrays.copyOf(keyLength, cap);
            keyHash = Arrays.copyOf(keyHash, cap);
            if (values != null) {
                values = Arrays.copyOf(values, cap);
            }
        }
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(b, off, pool, poolSize, len);
        int i = size++;
        keyOffset[i] = poolSize;
        keyLength[i] = len;
        keyHash[i] = h;
        if (values != null) {
            values[i] = decode(b, off, len);
        }
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
        // Pure ASCII reads the same in every charset a reader accepts, and Latin-1 decoding is the cheapest.
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
