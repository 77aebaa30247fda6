package dev.glosa.io.dbf;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded random damage to file bytes, for fuzz tests. */
public final class Mutations {

    private Mutations() {}

    /** One to three random mutations; with {@code focus > 0}, positions fall in the first {@code focus} bytes. */
    public static byte[] mutate(byte[] original, SplittableRandom r, int focus) {
        byte[] b = original.clone();
        int mutations = 1 + r.nextInt(3);
        for (int m = 0; m < mutations && b.length > 0; m++) {
            int span = focus > 0 ? Math.min(focus, b.length) : b.length;
            int at = r.nextInt(span);
            switch (r.nextInt(7)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = (byte) r.nextInt(256);
                case 2 -> b = Arrays.copyOf(b, at);
                case 3 -> {
                    byte[] noise = new byte[1 + r.nextInt(16)];
                    r.nextBytes(noise);
                    byte[] c = new byte[b.length + noise.length];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(noise, 0, c, at, noise.length);
                    System.arraycopy(b, at, c, at + noise.length, b.length - at);
                    b = c;
                }
                case 4 -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(64));
                    byte[] c = new byte[b.length - len];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + len, c, at, b.length - at - len);
                    b = c;
                }
                case 5 -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(32));
                    for (int i = 0; i < len; i++) {
                        b[at + i] = (byte) r.nextInt(256);
                    }
                }
                default -> {
                    // Little-endian counts and lengths sit in the header: push one of them far off.
                    int[] fields = {4, 5, 6, 7, 8, 9, 10, 11};
                    int f = fields[r.nextInt(fields.length)];
                    if (f < b.length) {
                        b[f] = (byte) r.nextInt(256);
                    }
                }
            }
        }
        return b;
    }
}
