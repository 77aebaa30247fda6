package dev.glosa.cluster.kmeans;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The distances of a few points to every centre with the JDK's Vector API, one point per lane.
 *
 * <p>Loaded only when {@link VectorSupport#ENABLED} says the incubating module {@code jdk.incubator.vector} is
 * present; nothing else refers to this class, so the library runs without the module on the scalar path.
 *
 * <p>The points are copied transposed, feature by feature, so that one vector holds feature {@code t} of as many
 * points as there are lanes. Each lane sums its squared differences over the features in order from 0, with a
 * separate multiply and add (never a fused one), exactly as the scalar path does: every distance, hence every label,
 * bound and centre, is the same to the bit.
 */
final class VectorKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorKernel() {}

    /** The number of points one vector holds. */
    static int lanes() {
        return LANES;
    }

    /**
     * The squared distance of each of {@code m <= lanes()} points to each of {@code k} centres, one point per lane,
     * and the nearest and second-nearest centre of each, for the points {@code idx[from..from+m)}.
     *
     * <p>Writes {@code dist[c * lanes + l]} (lane {@code l}, centre {@code c}), {@code best[l]} the smallest,
     * {@code best[lanes + l]} the second smallest and {@code best[2 * lanes + l]} the centre of the smallest. The
     * tracking is the scalar scan's, lane by lane: a centre replaces the nearest only when strictly closer, so ties
     * keep the lower centre and a NaN distance is passed over. {@code rows} is scratch of {@code w * lanes()}.
     */
    static void block(
            double[] x,
            int w,
            int[] idx,
            int from,
            int m,
            double[] centers,
            int k,
            double[] rows,
            double[] dist,
            double[] best) {
        for (int l = 0; l < LANES; l++) {
            // Lanes past m repeat the first point; their results are ignored.
            int oi = idx[from + (l < m ? l : 0)] * w;
            for (int t = 0; t < w; t++) {
                rows[t * LANES + l] = x[oi + t];
            }
        }
        DoubleVector d1 = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        DoubleVector d2 = d1;
        DoubleVector now = DoubleVector.zero(SPECIES);
        for (int c = 0; c < k; c++) {
            int oc = c * w;
            DoubleVector s = DoubleVector.zero(SPECIES);
            for (int t = 0; t < w; t++) {
                DoubleVector v =
                        DoubleVector.fromArray(SPECIES, rows, t * LANES).sub(centers[oc + t]);
                s = s.add(v.mul(v));
            }
            s.intoArray(dist, c * LANES);
            VectorMask<Double> closer = s.lt(d1);
            VectorMask<Double> second = s.lt(d2).andNot(closer);
            d2 = d2.blend(d1, closer).blend(s, second);
            d1 = d1.blend(s, closer);
            now = now.blend(c, closer);
        }
        d1.intoArray(best, 0);
        d2.intoArray(best, LANES);
        now.intoArray(best, 2 * LANES);
    }
}
