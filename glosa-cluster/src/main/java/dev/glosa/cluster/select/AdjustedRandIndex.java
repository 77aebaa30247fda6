package dev.glosa.cluster.select;

import java.util.Arrays;

/**
 * The adjusted Rand index of two partitions, from L. Hubert and P. Arabie, "Comparing partitions", Journal of
 * Classification 2, 1985 (DOI 10.1007/BF01908075).
 *
 * <p>1 means the same partition up to renaming, about 0 an agreement no better than chance. Every label value,
 * {@code -1} included, is treated as one group.
 */
public final class AdjustedRandIndex {
    private AdjustedRandIndex() {}

    /**
     * The adjusted Rand index of {@code a} and {@code b}.
     *
     * @param a one labelling
     * @param b another, of the same points
     * @return the index: 1 for the same partition, about 0 for chance
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static double of(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "partitions must label the same points: " + a.length + " vs " + b.length);
        }
        int n = a.length;
        if (n < 2) {
            return 1.0;
        }
        int[] ca = compact(a);
        int[] cb = compact(b);
        int kb = 0;
        for (int v : cb) {
            kb = Math.max(kb, v + 1);
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (long) ca[i] * kb + cb[i];
        }
        Arrays.sort(keys);
        double sumCells = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && keys[j] == keys[i]) {
                j++;
            }
            sumCells += pairs(j - i);
            i = j;
        }
        double sumA = sumPairs(ca);
        double sumB = sumPairs(cb);
        double expected = sumA * sumB / pairs(n);
        double max = 0.5 * (sumA + sumB);
        if (max == expected) {
            return 1.0;
        }
        return (sumCells - expected) / (max - expected);
    }

    private static double pairs(long m) {
        return m * (m - 1) / 2.0;
    }

    private static double sumPairs(int[] labels) {
        int k = 0;
        for (int v : labels) {
            k = Math.max(k, v + 1);
        }
        long[] counts = new long[k];
        for (int v : labels) {
            counts[v]++;
        }
        double s = 0;
        for (long c : counts) {
            s += pairs(c);
        }
        return s;
    }

    /** Labels renumbered 0..k-1 in order of first appearance. */
    private static int[] compact(int[] labels) {
        int[] sorted = labels.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        int[] values = Arrays.copyOf(sorted, distinct);
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = Arrays.binarySearch(values, labels[i]);
        }
        return out;
    }
}
