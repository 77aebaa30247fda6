package dev.glosa.cluster.kmeans;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The k-means engine's steps over the points with the JDK's Vector API, one point per lane: Hamerly's two tests and
 * the distances between them, and the seeding's distances.
 *
 * <p>Loaded only when {@link VectorSupport#ENABLED} says the incubating module {@code jdk.incubator.vector} is
 * present; nothing else refers to this class, so the library runs without the module on the scalar path.
 *
 * <p>A vector holds feature {@code t} of as many points as there are lanes: gathered from the rows for the points
 * that fail a test, read from a transposed copy for runs of consecutive points. Each lane sums its squared differences over the features in order from 0, with a
 * separate multiply and add (never a fused one), exactly as the scalar path does: every distance, hence every label,
 * bound and centre, is the same to the bit.
 *
 * <p>No method here takes or returns a vector, and the distance loops are written out where they are used: a vector
 * crossing a call that the JIT does not inline is allocated on the heap, and Java 17 stops inlining a method once its
 * compiled code is large, which vector code soon is. Masks are only ever used by the blend they come from: Java 17
 * allocates the masks that {@code and}, {@code or} and {@code andNot} combine. No vector is a constant field either
 * (zeros and powers of two are made where they are used): Java 17 does not compile the operations on a vector read
 * from a {@code static final} field, and each one allocated (a blend in every distance loop, measured with
 * async-profiler's allocation mode: 1.6 GB per k-means run of 1,000,000 points).
 */
final class VectorKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Lane {@code l} holds {@code 2^l}. */
    private static final double[] BITS = bits();
    /** For every set of lanes (as bits), the lanes of the set in order, then zeros: {@code lanes()} ints per set. */
    private static final int[] COMPRESS = compressTable();
    /** Ints of the same lane count, for the lists of points and centres. */
    private static final VectorSpecies<Integer> INTS =
            VectorSpecies.of(int.class, VectorShape.forBitSize(LANES * Integer.SIZE));

    private VectorKernel() {}

    private static double[] bits() {
        double[] b = new double[LANES];
        for (int l = 0; l < LANES; l++) {
            b[l] = 1 << l;
        }
        return b;
    }

    private static int[] compressTable() {
        int[] t = new int[(1 << LANES) * LANES];
        for (int set = 0; set < 1 << LANES; set++) {
            int j = 0;
            for (int l = 0; l < LANES; l++) {
                if ((set & (1 << l)) != 0) {
                    t[set * LANES + j++] = l;
                }
            }
        }
        return t;
    }

    /** The number of points one vector holds. */
    static int lanes() {
        return LANES;
    }

    /**
     * The seeding's candidates, a vector's width of points at a time: for each point {@code i} of {@code lo..hi} and
     * each candidate {@code t}, {@code trialMin[t][i]} is the smaller of {@code min[i]} and the squared distance to the
     * candidate's row {@code x[candidates[t] * w..]}, as the scalar path computes it. {@code xt} holds the points
     * transposed ({@code t * n + i}).
     */
    static void trials(
            double[] xt,
            int n,
            int w,
            int lo,
            int hi,
            double[] x,
            int[] candidates,
            int trials,
            double[] min,
            double[][] trialMin) {
        int i = lo;
        for (; i + LANES <= hi; i += LANES) {
            DoubleVector m = DoubleVector.fromArray(SPECIES, min, i);
            for (int t = 0; t < trials; t++) {
                int oc = candidates[t] * w;
                DoubleVector v = DoubleVector.fromArray(SPECIES, xt, i).sub(x[oc]);
                DoubleVector s = v.mul(v);
                for (int f = 1; f < w; f++) {
                    v = DoubleVector.fromArray(SPECIES, xt, f * n + i).sub(x[oc + f]);
                    s = s.add(v.mul(v));
                }
                m.blend(s, s.lt(m)).intoArray(trialMin[t], i);
            }
        }
        for (; i < hi; i++) {
            double m = min[i];
            for (int t = 0; t < trials; t++) {
                double v = distance(xt, n, i, w, x, candidates[t] * w);
                trialMin[t][i] = v < m ? v : m;
            }
        }
    }

    /**
     * Adds seed {@code c} (row {@code seeds[c * w..]}) to the nearest ({@code first}, {@code nearest}) and second
     * nearest ({@code second}) seed of the points {@code lo..hi}, a vector's width at a time; ties keep the lower seed.
     */
    static void addSeed(
            double[] xt,
            int n,
            int w,
            int lo,
            int hi,
            double[] seeds,
            int c,
            double[] first,
            double[] second,
            double[] nearest) {
        int oc = c * w;
        int i = lo;
        for (; i + LANES <= hi; i += LANES) {
            DoubleVector d = DoubleVector.fromArray(SPECIES, xt, i).sub(seeds[oc]);
            DoubleVector v = d.mul(d);
            for (int t = 1; t < w; t++) {
                d = DoubleVector.fromArray(SPECIES, xt, t * n + i).sub(seeds[oc + t]);
                v = v.add(d.mul(d));
            }
            DoubleVector f = DoubleVector.fromArray(SPECIES, first, i);
            VectorMask<Double> closer = v.lt(f);
            DoubleVector s = DoubleVector.fromArray(SPECIES, second, i);
            s.blend(v, v.lt(s)).blend(f, closer).intoArray(second, i);
            f.blend(v, closer).intoArray(first, i);
            DoubleVector.fromArray(SPECIES, nearest, i)
                    .blend((double) c, closer)
                    .intoArray(nearest, i);
        }
        for (; i < hi; i++) {
            double v = distance(xt, n, i, w, seeds, oc);
            if (v < first[i]) {
                second[i] = first[i];
                first[i] = v;
                nearest[i] = c;
            } else if (v < second[i]) {
                second[i] = v;
            }
        }
    }

    /** The squared distance of point {@code i} of {@code xt} to the row at {@code c[oc..oc+w)}, in the same order. */
    private static double distance(double[] xt, int n, int i, int w, double[] c, int oc) {
        double v = xt[i] - c[oc];
        double s = v * v;
        for (int t = 1; t < w; t++) {
            v = xt[t * n + i] - c[oc + t];
            s += v * v;
        }
        return s;
    }

    /**
     * Hamerly's first test for the points {@code lo..hi}, and the rest of the step for the vectors where many lanes fail
     * it: loosens every bound (the lower bound of a point of centre {@code c} by {@code loosen[c]}, the upper by
     * {@code moved[c]}); a vector of consecutive points with more than {@code wholeAbove} failing lanes is finished
     * here, its features read from the transposed copy {@code xt} ({@code t * n + i}) and only its failing lanes'
     * results used; the failing points of the other vectors, and of the last points short of a vector, are listed in
     * {@code idx} for {@link #reassign}, which gathers their rows. Whichever way a point goes, every value is the scalar
     * path's; the choice is only about speed ({@code HamerlyKMeans} makes it).
     *
     * <p>{@code owner} holds each point's centre as a double (it may be null when {@code wholeAbove} is at least
     * {@code lanes()}: no vector is then scanned whole), {@code assign} as an int. Returns the number of points
     * listed; {@code idx} must have room for {@code lanes()} more. The points that move are written to
     * {@code movePoint} and {@code moveTo} in point order, their number to {@code scanMoves[0]}. {@code blocks} holds
     * one int per vector, {@code scratch} {@code 5 * lanes()} doubles.
     */
    static int firstPass(
            double[] xt,
            int n,
            int w,
            int lo,
            int hi,
            double[] owner,
            int[] assign,
            double[] centers,
            int k,
            double[] halfMin,
            double[] moved,
            double[] loosen,
            double[] lower,
            double[] upper,
            double[] scratch,
            int[] idx,
            int[] blocks,
            int[] movePoint,
            int[] moveTo,
            int[] scanMoves,
            int wholeAbove) {
        int m = 0;
        int dense = 0;
        int i = lo;
        for (; i + LANES <= hi; i += LANES) {
            DoubleVector low = DoubleVector.fromArray(SPECIES, lower, i)
                    .sub(DoubleVector.fromArray(SPECIES, loosen, 0, assign, i));
            DoubleVector u =
                    DoubleVector.fromArray(SPECIES, upper, i).add(DoubleVector.fromArray(SPECIES, moved, 0, assign, i));
            low.intoArray(lower, i);
            u.intoArray(upper, i);
            // The failing lanes as the bits of a number (a sum of distinct powers of two, exact in any order), whose
            // entry in COMPRESS lists them: written without a branch, as about a third of the points fail.
            int failing = (int) DoubleVector.fromArray(SPECIES, BITS, 0)
                    .blend(0.0, u.compare(VectorOperators.LE, DoubleVector.fromArray(SPECIES, halfMin, 0, assign, i)))
                    .blend(0.0, u.compare(VectorOperators.LE, low))
                    .reduceLanes(VectorOperators.ADD);
            int count = Integer.bitCount(failing);
            boolean scan = count > wholeAbove;
            IntVector.fromArray(INTS, COMPRESS, failing * LANES).add(i).intoArray(idx, m);
            m += scan ? 0 : count;
            blocks[dense] = i;
            dense += scan ? 1 : 0;
        }
        for (; i < hi; i++) {
            int a = assign[i];
            double low = lower[i] - loosen[a];
            double u = upper[i] + moved[a];
            lower[i] = low;
            upper[i] = u;
            idx[m] = i;
            m += (u <= halfMin[a]) | (u <= low) ? 0 : 1;
        }
        // The vectors with many failing lanes, scanned whole; each step is its own small method, for the reason given
        // in reassign, and they pass their vectors on through the arrays and scratch.
        int moves = 0;
        for (int b = 0; b < dense; b++) {
            int at = blocks[b];
            if (w == 4) {
                scanDense4(xt, n, at, owner, centers, k, scratch);
            } else if (w == 8) {
                scanDense8(xt, n, at, owner, centers, k, scratch);
            } else {
                scanDense(xt, n, w, at, owner, centers, k, scratch);
            }
            for (int l = 0; l < LANES; l++) {
                scratch[4 * LANES + l] = halfMin[assign[at + l]];
            }
            moves = settleDense(at, owner, lower, upper, scratch, movePoint, moveTo, moves);
        }
        scanMoves[0] = moves;
        return m;
    }

    /**
     * The distances of the {@code lanes()} points of {@code xt} from {@code i} to {@code k} centres: writes the
     * nearest, the second nearest, the nearest's centre and the own centre's distance to {@code out[0..4 * lanes())}.
     */
    private static void scanDense(
            double[] xt, int n, int w, int i, double[] owner, double[] centers, int k, double[] out) {
        DoubleVector assigned = DoubleVector.fromArray(SPECIES, owner, i);
        DoubleVector d1 = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        DoubleVector d2 = d1;
        DoubleVector now = DoubleVector.zero(SPECIES);
        DoubleVector mine = d1;
        for (int c = 0; c < k; c++) {
            int oc = c * w;
            DoubleVector v = DoubleVector.fromArray(SPECIES, xt, i).sub(centers[oc]);
            DoubleVector s = v.mul(v);
            for (int t = 1; t < w; t++) {
                v = DoubleVector.fromArray(SPECIES, xt, t * n + i).sub(centers[oc + t]);
                s = s.add(v.mul(v));
            }
            mine = mine.blend(s, assigned.eq((double) c));
            VectorMask<Double> closer = s.lt(d1);
            d2 = d2.blend(s, s.lt(d2)).blend(d1, closer);
            d1 = d1.blend(s, closer);
            now = now.blend((double) c, closer);
        }
        d1.intoArray(out, 0);
        d2.intoArray(out, LANES);
        now.intoArray(out, 2 * LANES);
        mine.intoArray(out, 3 * LANES);
    }

    /** {@link #scanDense} for rows of four features, all held in registers. */
    private static void scanDense4(double[] xt, int n, int i, double[] owner, double[] centers, int k, double[] out) {
        DoubleVector assigned = DoubleVector.fromArray(SPECIES, owner, i);
        DoubleVector x0 = DoubleVector.fromArray(SPECIES, xt, i);
        DoubleVector x1 = DoubleVector.fromArray(SPECIES, xt, n + i);
        DoubleVector x2 = DoubleVector.fromArray(SPECIES, xt, 2 * n + i);
        DoubleVector x3 = DoubleVector.fromArray(SPECIES, xt, 3 * n + i);
        DoubleVector d1 = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        DoubleVector d2 = d1;
        DoubleVector now = DoubleVector.zero(SPECIES);
        DoubleVector mine = d1;
        for (int c = 0; c < k; c++) {
            int oc = c * 4;
            DoubleVector v = x0.sub(centers[oc]);
            DoubleVector s = v.mul(v);
            v = x1.sub(centers[oc + 1]);
            s = s.add(v.mul(v));
            v = x2.sub(centers[oc + 2]);
            s = s.add(v.mul(v));
            v = x3.sub(centers[oc + 3]);
            s = s.add(v.mul(v));
            mine = mine.blend(s, assigned.eq((double) c));
            VectorMask<Double> closer = s.lt(d1);
            d2 = d2.blend(s, s.lt(d2)).blend(d1, closer);
            d1 = d1.blend(s, closer);
            now = now.blend((double) c, closer);
        }
        d1.intoArray(out, 0);
        d2.intoArray(out, LANES);
        now.intoArray(out, 2 * LANES);
        mine.intoArray(out, 3 * LANES);
    }

    /** {@link #scanDense} for rows of eight features, all held in registers. */
    private static void scanDense8(double[] xt, int n, int i, double[] owner, double[] centers, int k, double[] out) {
        DoubleVector assigned = DoubleVector.fromArray(SPECIES, owner, i);
        DoubleVector x0 = DoubleVector.fromArray(SPECIES, xt, i);
        DoubleVector x1 = DoubleVector.fromArray(SPECIES, xt, n + i);
        DoubleVector x2 = DoubleVector.fromArray(SPECIES, xt, 2 * n + i);
        DoubleVector x3 = DoubleVector.fromArray(SPECIES, xt, 3 * n + i);
        DoubleVector x4 = DoubleVector.fromArray(SPECIES, xt, 4 * n + i);
        DoubleVector x5 = DoubleVector.fromArray(SPECIES, xt, 5 * n + i);
        DoubleVector x6 = DoubleVector.fromArray(SPECIES, xt, 6 * n + i);
        DoubleVector x7 = DoubleVector.fromArray(SPECIES, xt, 7 * n + i);
        DoubleVector d1 = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        DoubleVector d2 = d1;
        DoubleVector now = DoubleVector.zero(SPECIES);
        DoubleVector mine = d1;
        for (int c = 0; c < k; c++) {
            int oc = c * 8;
            DoubleVector v = x0.sub(centers[oc]);
            DoubleVector s = v.mul(v);
            v = x1.sub(centers[oc + 1]);
            s = s.add(v.mul(v));
            v = x2.sub(centers[oc + 2]);
            s = s.add(v.mul(v));
            v = x3.sub(centers[oc + 3]);
            s = s.add(v.mul(v));
            v = x4.sub(centers[oc + 4]);
            s = s.add(v.mul(v));
            v = x5.sub(centers[oc + 5]);
            s = s.add(v.mul(v));
            v = x6.sub(centers[oc + 6]);
            s = s.add(v.mul(v));
            v = x7.sub(centers[oc + 7]);
            s = s.add(v.mul(v));
            mine = mine.blend(s, assigned.eq((double) c));
            VectorMask<Double> closer = s.lt(d1);
            d2 = d2.blend(s, s.lt(d2)).blend(d1, closer);
            d1 = d1.blend(s, closer);
            now = now.blend((double) c, closer);
        }
        d1.intoArray(out, 0);
        d2.intoArray(out, LANES);
        now.intoArray(out, 2 * LANES);
        mine.intoArray(out, 3 * LANES);
    }

    /**
     * Hamerly's second test for the {@code lanes()} points from {@code i}, from the bounds {@link #firstPass} loosened,
     * their centres' half-distances in {@code scan[4 * lanes()..]} and what the scan wrote: a lane that passed the
     * first test keeps its loosened bounds; the others get the bounds of the scalar path's second test or relocation.
     * Appends the points that move; returns the new number of moves.
     */
    private static int settleDense(
            int i,
            double[] owner,
            double[] lower,
            double[] upper,
            double[] scan,
            int[] movePoint,
            int[] moveTo,
            int moves) {
        DoubleVector u = DoubleVector.fromArray(SPECIES, upper, i);
        DoubleVector low = DoubleVector.fromArray(SPECIES, lower, i);
        DoubleVector half = DoubleVector.fromArray(SPECIES, scan, 4 * LANES);
        VectorMask<Double> passedHalf = u.compare(VectorOperators.LE, half);
        VectorMask<Double> passedLow = u.compare(VectorOperators.LE, low);
        DoubleVector tight = DoubleVector.fromArray(SPECIES, scan, 3 * LANES).sqrt();
        VectorMask<Double> belowHalf = tight.compare(VectorOperators.LE, half);
        VectorMask<Double> belowLow = tight.compare(VectorOperators.LE, low);
        DoubleVector.fromArray(SPECIES, scan, 0)
                .sqrt()
                .blend(tight, belowHalf)
                .blend(tight, belowLow)
                .blend(u, passedHalf)
                .blend(u, passedLow)
                .intoArray(upper, i);
        DoubleVector.fromArray(SPECIES, scan, LANES)
                .sqrt()
                .blend(low, belowHalf)
                .blend(low, belowLow)
                .blend(low, passedHalf)
                .blend(low, passedLow)
                .intoArray(lower, i);
        DoubleVector now = DoubleVector.fromArray(SPECIES, scan, 2 * LANES);
        DoubleVector moving = DoubleVector.zero(SPECIES)
                .blend(1.0, now.compare(VectorOperators.NE, DoubleVector.fromArray(SPECIES, owner, i)))
                .blend(0.0, belowHalf)
                .blend(0.0, belowLow)
                .blend(0.0, passedHalf)
                .blend(0.0, passedLow);
        if (moving.reduceLanes(VectorOperators.MAX) == 0) {
            return moves;
        }
        // Few points move: their lanes are read one by one.
        moving.intoArray(scan, 3 * LANES);
        int out = moves;
        for (int l = 0; l < LANES; l++) {
            if (scan[3 * LANES + l] != 0) {
                movePoint[out] = i + l;
                moveTo[out] = (int) scan[2 * LANES + l];
                out++;
            }
        }
        return out;
    }

    /**
     * The second half of Hamerly's assignment for the points that failed their first test, a vector's width at a time:
     * each point's upper bound is tightened to the distance to its own centre; a point that still fails gets both
     * bounds from its nearest and second-nearest centre, and moves when the nearest is not its own.
     *
     * <p>{@code idx} lists the {@code m} points and must have room for {@code m} rounded up to {@code lanes()}, the
     * tail repeating the last point (a repeated lane computes and writes the same values). {@code ids[c]} is
     * {@code c}. Every value is computed as the scalar path computes it, in the same order: same bounds, same moves.
     * The points that move are written to {@code movePoint} and {@code moveTo} in list order; returns their number.
     * {@code rows} is scratch of {@code w * lanes()}, {@code scratch} of {@code 5 * lanes()}, {@code off} and
     * {@code own} of {@code lanes()}.
     */
    static int reassign(
            double[] x,
            int w,
            int[] idx,
            int m,
            int[] assign,
            double[] centers,
            int k,
            double[] ids,
            double[] halfMin,
            double[] lower,
            double[] upper,
            double[] rows,
            double[] scratch,
            int[] movePoint,
            int[] moveTo,
            int[] off,
            int[] own,
            int movesBefore) {
        // Each step is its own method, so that each is small enough to be compiled with every vector operation
        // intrinsified (a large method loses some to the inlining limits, which costs allocations); they pass their
        // vectors on through scratch.
        int moves = movesBefore;
        for (int b = 0; b < m; b += LANES) {
            IntVector.fromArray(INTS, idx, b).mul(w).intoArray(off, 0);
            IntVector.fromArray(INTS, assign, 0, idx, b).intoArray(own, 0);
            if (w == 4) {
                scan4(x, off, own, centers, k, ids, scratch);
            } else if (w == 8) {
                scan8(x, off, own, centers, k, ids, scratch);
            } else {
                scanAny(x, w, off, own, centers, k, ids, rows, scratch);
            }
            moves = settle(idx, b, m, own, halfMin, lower, upper, scratch, movePoint, moveTo, moves);
        }
        return moves;
    }

    /**
     * Distances of one block's points (rows at {@code off}, centres {@code own}) to {@code k} centres of four
     * features: writes the nearest, the second nearest, the nearest's centre, the own centre's distance and the own
     * centre, as doubles, to {@code out[0..5 * lanes())}.
     */
    private static void scan4(double[] x, int[] off, int[] own, double[] centers, int k, double[] ids, double[] out) {
        DoubleVector assigned = DoubleVector.fromArray(SPECIES, ids, 0, own, 0);
        DoubleVector x0 = DoubleVector.fromArray(SPECIES, x, 0, off, 0);
        DoubleVector x1 = DoubleVector.fromArray(SPECIES, x, 1, off, 0);
        DoubleVector x2 = DoubleVector.fromArray(SPECIES, x, 2, off, 0);
        DoubleVector x3 = DoubleVector.fromArray(SPECIES, x, 3, off, 0);
        DoubleVector d1 = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        DoubleVector d2 = d1;
        DoubleVector now = DoubleVector.zero(SPECIES);
        DoubleVector mine = d1;
        for (int c = 0; c < k; c++) {
            int oc = c * 4;
            // 0 + v0 * v0 is v0 * v0 to the bit (a square is never -0): the sum starts at the first square.
            DoubleVector v = x0.sub(centers[oc]);
            DoubleVector s = v.mul(v);
            v = x1.sub(centers[oc + 1]);
            s = s.add(v.mul(v));
            v = x2.sub(centers[oc + 2]);
            s = s.add(v.mul(v));
            v = x3.sub(centers[oc + 3]);
            s = s.add(v.mul(v));
            mine = mine.blend(s, assigned.eq((double) c));
            VectorMask<Double> closer = s.lt(d1);
            d2 = d2.blend(s, s.lt(d2)).blend(d1, closer);
            d1 = d1.blend(s, closer);
            now = now.blend((double) c, closer);
        }
        d1.intoArray(out, 0);
        d2.intoArray(out, LANES);
        now.intoArray(out, 2 * LANES);
        mine.intoArray(out, 3 * LANES);
        assigned.intoArray(out, 4 * LANES);
    }

    /** {@link #scan4} for rows of eight features, all held in registers (AVX-512 has 32). */
    private static void scan8(double[] x, int[] off, int[] own, double[] centers, int k, double[] ids, double[] out) {
        DoubleVector assigned = DoubleVector.fromArray(SPECIES, ids, 0, own, 0);
        DoubleVector x0 = DoubleVector.fromArray(SPECIES, x, 0, off, 0);
        DoubleVector x1 = DoubleVector.fromArray(SPECIES, x, 1, off, 0);
        DoubleVector x2 = DoubleVector.fromArray(SPECIES, x, 2, off, 0);
        DoubleVector x3 = DoubleVector.fromArray(SPECIES, x, 3, off, 0);
        DoubleVector x4 = DoubleVector.fromArray(SPECIES, x, 4, off, 0);
        DoubleVector x5 = DoubleVector.fromArray(SPECIES, x, 5, off, 0);
        DoubleVector x6 = DoubleVector.fromArray(SPECIES, x, 6, off, 0);
        DoubleVector x7 = DoubleVector.fromArray(SPECIES, x, 7, off, 0);
        DoubleVector d1 = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        DoubleVector d2 = d1;
        DoubleVector now = DoubleVector.zero(SPECIES);
        DoubleVector mine = d1;
        for (int c = 0; c < k; c++) {
            int oc = c * 8;
            DoubleVector v = x0.sub(centers[oc]);
            DoubleVector s = v.mul(v);
            v = x1.sub(centers[oc + 1]);
            s = s.add(v.mul(v));
            v = x2.sub(centers[oc + 2]);
            s = s.add(v.mul(v));
            v = x3.sub(centers[oc + 3]);
            s = s.add(v.mul(v));
            v = x4.sub(centers[oc + 4]);
            s = s.add(v.mul(v));
            v = x5.sub(centers[oc + 5]);
            s = s.add(v.mul(v));
            v = x6.sub(centers[oc + 6]);
            s = s.add(v.mul(v));
            v = x7.sub(centers[oc + 7]);
            s = s.add(v.mul(v));
            mine = mine.blend(s, assigned.eq((double) c));
            VectorMask<Double> closer = s.lt(d1);
            d2 = d2.blend(s, s.lt(d2)).blend(d1, closer);
            d1 = d1.blend(s, closer);
            now = now.blend((double) c, closer);
        }
        d1.intoArray(out, 0);
        d2.intoArray(out, LANES);
        now.intoArray(out, 2 * LANES);
        mine.intoArray(out, 3 * LANES);
        assigned.intoArray(out, 4 * LANES);
    }

    /** {@link #scan4} for any padded width, the block's rows transposed into {@code rows}. */
    private static void scanAny(
            double[] x,
            int w,
            int[] off,
            int[] own,
            double[] centers,
            int k,
            double[] ids,
            double[] rows,
            double[] out) {
        for (int t = 0; t < w; t++) {
            DoubleVector.fromArray(SPECIES, x, t, off, 0).intoArray(rows, t * LANES);
        }
        DoubleVector assigned = DoubleVector.fromArray(SPECIES, ids, 0, own, 0);
        DoubleVector d1 = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        DoubleVector d2 = d1;
        DoubleVector now = DoubleVector.zero(SPECIES);
        DoubleVector mine = d1;
        for (int c = 0; c < k; c++) {
            int oc = c * w;
            DoubleVector v = DoubleVector.fromArray(SPECIES, rows, 0).sub(centers[oc]);
            DoubleVector s = v.mul(v);
            for (int t = 1; t < w; t++) {
                v = DoubleVector.fromArray(SPECIES, rows, t * LANES).sub(centers[oc + t]);
                s = s.add(v.mul(v));
            }
            mine = mine.blend(s, assigned.eq((double) c));
            VectorMask<Double> closer = s.lt(d1);
            d2 = d2.blend(s, s.lt(d2)).blend(d1, closer);
            d1 = d1.blend(s, closer);
            now = now.blend((double) c, closer);
        }
        d1.intoArray(out, 0);
        d2.intoArray(out, LANES);
        now.intoArray(out, 2 * LANES);
        mine.intoArray(out, 3 * LANES);
        assigned.intoArray(out, 4 * LANES);
    }

    /**
     * Hamerly's second test for the block at {@code idx[b..]} from what {@link #scan4} wrote to {@code scan}: writes
     * both bounds and appends the points that move; returns the new number of moves.
     */
    private static int settle(
            int[] idx,
            int b,
            int m,
            int[] own,
            double[] halfMin,
            double[] lower,
            double[] upper,
            double[] scan,
            int[] movePoint,
            int[] moveTo,
            int moves) {
        DoubleVector u = DoubleVector.fromArray(SPECIES, scan, 3 * LANES).sqrt();
        DoubleVector low = DoubleVector.fromArray(SPECIES, lower, 0, idx, b);
        VectorMask<Double> belowHalf =
                u.compare(VectorOperators.LE, DoubleVector.fromArray(SPECIES, halfMin, 0, own, 0));
        VectorMask<Double> belowLow = u.compare(VectorOperators.LE, low);
        DoubleVector.fromArray(SPECIES, scan, 0)
                .sqrt()
                .blend(u, belowHalf)
                .blend(u, belowLow)
                .intoArray(upper, 0, idx, b);
        DoubleVector.fromArray(SPECIES, scan, LANES)
                .sqrt()
                .blend(low, belowHalf)
                .blend(low, belowLow)
                .intoArray(lower, 0, idx, b);
        DoubleVector now = DoubleVector.fromArray(SPECIES, scan, 2 * LANES);
        DoubleVector moving = DoubleVector.zero(SPECIES)
                .blend(1.0, now.compare(VectorOperators.NE, DoubleVector.fromArray(SPECIES, scan, 4 * LANES)))
                .blend(0.0, belowHalf)
                .blend(0.0, belowLow);
        if (moving.reduceLanes(VectorOperators.MAX) == 0) {
            return moves;
        }
        // Few points move: their lanes are read one by one.
        moving.intoArray(scan, 3 * LANES);
        int count = Math.min(LANES, m - b);
        int out = moves;
        for (int l = 0; l < count; l++) {
            if (scan[3 * LANES + l] != 0) {
                movePoint[out] = idx[b + l];
                moveTo[out] = (int) scan[2 * LANES + l];
                out++;
            }
        }
        return out;
    }
}
