package dev.glosa.core.util;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code long} keys to non-negative {@code int} values, with no boxing.
 *
 * <p>Used where the library joins or groups millions of rows by a primitive key (claim numbers, composite group keys).
 * Not thread-safe.
 */
public final class LongIntHashMap {
    /** What {@link #get(long)} returns for an absent key. */
    public static final int ABSENT = -1;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    /**
     * A map sized for about {@code expected} keys before it grows.
     *
     * @param expected the keys expected
     */
    public LongIntHashMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        allocate(cap);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, ABSENT);
        mask = capacity - 1;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /**
     * {@return the value of {@code key}, or {@link #ABSENT}}
     *
     * @param key the key
     */
    public int get(long key) {
        int i = hash(key) & mask;
        while (values[i] != ABSENT) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return ABSENT;
    }

    /**
     * The value of {@code key}; when absent, stores {@code valueIfAbsent} and returns it.
     *
     * @param key the key
     * @param valueIfAbsent the value stored when the key is absent, 0 or more
     * @return the key's value
     * @throws IllegalArgumentException if {@code valueIfAbsent} is negative
     */
    public int getOrPut(long key, int valueIfAbsent) {
        if (valueIfAbsent < 0) {
            throw new IllegalArgumentException("value (" + valueIfAbsent + ") must not be negative");
        }
        int i = hash(key) & mask;
        while (values[i] != ABSENT) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = valueIfAbsent;
        if (++size * 2 > keys.length) {
            grow();
        }
        return valueIfAbsent;
    }

    /**
     * Stores {@code value} under {@code key}, replacing any value it had.
     *
     * @param key the key
     * @param value the value, 0 or more
     */
    public void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("value (" + value + ") must not be negative");
        }
        int i = hash(key) & mask;
        while (values[i] != ABSENT) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** {@return the number of keys} */
    public int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(keys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != ABSENT) {
                int j = hash(oldKeys[i]) & mask;
                while (values[j] != ABSENT) {
                    j = (j + 1) & mask;
                }
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }
}
