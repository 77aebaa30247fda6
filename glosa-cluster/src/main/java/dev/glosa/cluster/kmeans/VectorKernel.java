package dev.glosa.cluster.kmeans;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The nearest and second-nearest centre of a point with the JDK's Vector API, one centre per lane.
 *
 * <p>Loaded only when {@link VectorSupport#ENABLED} says the incubating module {@code jdk.incubator.vector} is
 * present; nothing else refers to this class, so the library runs without the module on the scalar path.
 *
 * <p>The centres are held transposed, feature by feature, so that one vector holds feature {@code t} of as many
 * centres as there are lanes. Each lane sums its squared differences over the features in order from 0, with a
 * separate multiply and add (never a fused one), exactly as the scalar path does: every distance, hence every label,
 * bound and centre, is the same to the bit.
 */
final class VectorKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorKernel() {
    }

    /** The number of centres one vector holds. */
    static int lanes() {
        return LANES;
    }

    /** The length of a transposed copy of {@code k} centres of width {@code w}. */
    static int transposedLength(int k, int w) {
        return (k + LANES - 1) / LANES * LANES * w;
    }

    /**
     * Writes the first {@code k} rows of {@code centers} (width {@code w}) into {@code out} feature by feature: group
     * {@code g} of {@link #lanes()} centres starts at {@code g * w * lanes}, feature {@code t} of its lane {@code l}
     * sits at {@code + t * lanes + l}; the lanes past {@code k} are zero.
     */
    static void transpose(double[] centers, int k, int w, double[] out) {
        int groups = (k + LANES - 1) / LANES;
        for (int g = 0; g < groups; g++) {
            int base = g * w * LANES;
            for (int l = 0; l < LANES; l++) {
                int c = g * LANES + l;
                for (int t = 0; t < w; t++) {
                    out[base + t * LANES + l] = c < k ? centers[c * w + t] : 0;
                }
            }
        }
    }

    /**
     * The nearest of {@code k} transposed centres to the row at {@code x[oi..oi+w)}, its squared distance in
     * {@code out[0]} and the second smallest in {@code out[1]}; ties keep the lower centre, as a scan in index order
     * does. Returns -1 (and leaves {@code out} alone) when a distance is NaN, for the caller's scalar scan to decide.
     */
    static int nearest(double[] x, int oi, int w, double[] ct, int k, double[] out) {
        double d1 = Double.POSITIVE_INFINITY;
        double d2 = Double.POSITIVE_INFINITY;
        int now = 0;
        DoubleVector inf = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        for (int base = 0, o = 0; base < k; base += LANES, o += w * LANES) {
            DoubleVector s = DoubleVector.zero(SPECIES);
            for (int t = 0; t < w; t++) {
                DoubleVector v = DoubleVector.broadcast(SPECIES, x[oi + t])
                        .sub(DoubleVector.fromArray(SPECIES, ct, o + t * LANES));
                s = s.add(v.mul(v));
            }
            if (k - base < LANES) {
                s = s.blend(inf, SPECIES.indexInRange(base, k).not());
            }
            double m = s.reduceLanes(VectorOperators.MIN);
            if (m != m) {
                return -1;
            }
            VectorMask<Double> at = s.eq(m);
            int lane = at.firstTrue();
            // The group's second smallest: its minimum once the first lane holding the smallest is taken out.
            double m2 = s.blend(inf, at.and(SPECIES.indexInRange(-lane, 1))).reduceLanes(VectorOperators.MIN);
            if (m < d1) {
                d2 = m2 < d1 ? m2 : d1;
                d1 = m;
                now = base + lane;
            } else if (m < d2) {
                d2 = m;
            }
        }
        out[0] = d1;
        out[1] = d2;
        return now;
    }
}
