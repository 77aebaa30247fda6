package dev.glosa.cluster.kmeans;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The k-means engine of one call: greedy k-means++ seeding, Hamerly's accelerated Lloyd iterations, several restarts,
 * for one k ({@link #run}) or for every k of a range at once ({@link #runEach}).
 *
 * <p>All scratch space of the size of the data is allocated once in the constructor and reused by every k and every
 * restart; an iteration allocates at most a few small objects, never one per point. An instance belongs to one call on one thread (it may use the common fork-join pool
 * for the chunks of a large input).
 *
 * <p>Seeding follows D. Arthur and S. Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007
 * (DOI 10.5555/1283383.1283494), in the greedy form of scikit-learn: several candidates are drawn for each new centre
 * and the one that lowers the potential most is kept. The number of candidates, {@link #trials(int)}, is the same for
 * every k up to 15, so the seeds of a restart for k are the first k of its seeds for any larger k: a k search seeds
 * once per restart, and the nearest and second-nearest seed of every point grow by one centre per k. The assignment
 * step follows G. Hamerly, "Making k-means even faster", SIAM SDM 2010 (DOI 10.1137/1.9781611972801.12): one upper
 * bound to the assigned centre and one lower bound to the second closest per point, so most points skip the distance
 * computations. The centre sums are updated with the points that changed cluster only, as in ELKI.
 *
 * <p>Rows are padded with zero features to a multiple of four, so that every distance is summed four features at a
 * time with the point's four values held in registers across the centres; adding the square of a zero difference
 * leaves a sum unchanged, so the padding changes no result.
 *
 * <p>Every squared distance is summed over the features in order from 0, whatever the path that computes it, and
 * partial sums over the fixed chunks of {@value #CHUNK} points are combined in chunk order: the result depends on the
 * data and the seed only, never on the number of threads.
 *
 * <p>When the JVM has the Vector API ({@link VectorSupport}), every step over the points takes one point per lane
 * ({@link VectorKernel}): Hamerly's first test and the listing of the points that fail it, their distances to every
 * centre with the second test and the bounds (on inputs larger than a cache, every vector of consecutive points with a
 * failing point is scanned whole from a transposed copy rather than its failing points gathered), the seeding's candidates and each new seed's nearest and second nearest
 * (on a transposed copy of the points, allocated on this path only). The order of operations is the scalar path's,
 * so that both give the same labels, centres and inertia to the bit ({@code VectorKernelTests}).
 */
final class HamerlyKMeans {
    /** Points per chunk, the unit of parallel work; an input of at most one chunk runs on the calling thread. */
    static final int CHUNK = 1 << 15;

    private final double[] x;
    private final int n;
    private final int d;
    /** The padded row width, {@code d} rounded up to a multiple of 4. */
    private final int w;

    private final int kCap;
    private int k;

    private final double[] centers;
    private final double[] sums;
    private final int[] counts;
    private final int[] assign;
    private final double[] upper;
    private final double[] lower;
    private final double[] halfMin;
    private final double[] moved;
    /** Vector path: by how much the lower bound of a point of each centre loosens this iteration. */
    private final double[] loosen;

    private int farthest;
    private double maxMove;
    private double secondMove;

    private final double[] seeds;
    private double[] seedMin;
    private final double[][] trialMin;
    private final double[] first;
    private final double[] second;
    /** The nearest seed of each point, as a double so that the vector path can blend it (exact below 2^53). */
    private final double[] nearestSeed;
    /** Vector path only: the points transposed, feature {@code t} of point {@code i} at {@code t * n + i}. */
    private final double[] xt;
    /**
     * {@link #assign} as doubles, for comparisons in vectors of doubles: only where the vector path may scan whole
     * vectors ({@link #wholeAbove} below the lane count), null otherwise.
     */
    private final double[] owner;

    /** {@code ids[c] = c}: the centres' numbers as the vector path compares them. */
    private final double[] ids;

    private final Chunk[] chunks;
    /** Whether the steps over the points use {@link VectorKernel}. */
    private final boolean vector;
    /** Vector path: a vector with more points failing Hamerly's first test than this is scanned whole. */
    private final int wholeAbove;

    /**
     * Inputs of more bytes than this (16 MiB, the size of a large last-level cache) have every vector with a failing
     * point scanned whole on the vector path.
     */
    static final long WHOLE_VECTORS_ABOVE_BYTES = 16L << 20;

    /** The outcome of one k: the restart with the lowest inertia. */
    static final class Best {
        final double[] centers;
        final int[] assign;
        double inertia = Double.POSITIVE_INFINITY;
        int iterations;
        boolean converged;

        Best(int k, int d, int n) {
            centers = new double[k * d];
            assign = new int[n];
        }
    }

    /**
     * @param values the points, flat row-major; kept (not copied) when {@code d} is a multiple of 4, and never modified
     * @param kCap the largest k this engine will run
     */
    HamerlyKMeans(double[] values, int n, int d, int kCap) {
        this(values, n, d, kCap, VectorSupport.ENABLED);
    }

    /** As above, choosing the path: {@code vector} must be false when {@link VectorSupport#ENABLED} is. */
    HamerlyKMeans(double[] values, int n, int d, int kCap, boolean vector) {
        this(values, n, d, kCap, vector, -1);
    }

    /**
     * As above, choosing also how the vector path treats the points failing Hamerly's first test: a vector of
     * consecutive points with more than {@code wholeAbove} failing lanes is scanned whole, the failing points of the
     * others are gathered ({@link VectorKernel#firstPass}); -1 lets the size of the input choose. Every choice gives the
     * same result to the bit.
     */
    HamerlyKMeans(double[] values, int n, int d, int kCap, boolean vector, int wholeAbove) {
        this.n = n;
        this.d = d;
        this.w = (d + 3) & ~3;
        this.kCap = kCap;
        if (w == d) {
            x = values;
        } else {
            x = new double[n * w];
            for (int i = 0; i < n; i++) {
                System.arraycopy(values, i * d, x, i * w, d);
            }
        }
        centers = new double[kCap * w];
        sums = new double[kCap * w];
        counts = new int[kCap];
        assign = new int[n];
        upper = new double[n];
        lower = new double[n];
        halfMin = new double[kCap];
        moved = new double[kCap];
        loosen = new double[kCap];
        seeds = new double[kCap * w];
        seedMin = new double[n];
        trialMin = new double[trials(kCap)][n];
        first = new double[n];
        second = new double[n];
        nearestSeed = new double[n];
        xt = vector ? transpose(x, n, w) : null;
        int chunkCount = Math.max(1, (n + CHUNK - 1) / CHUNK);
        chunks = new Chunk[chunkCount];
        for (int c = 0; c < chunkCount; c++) {
            chunks[c] = new Chunk(c * CHUNK, Math.min(n, (c + 1) * CHUNK), w, kCap, vector);
        }
        this.vector = vector;
        if (!vector) {
            this.wholeAbove = 0;
        } else if (wholeAbove >= 0) {
            this.wholeAbove = wholeAbove;
        } else {
            // Rows that come from memory rather than cache cost more gathered one by one than streamed a vector at a
            // time from the transposed copy; rows in cache cost less gathered, only the failing ones being scanned.
            // Both measured: scanning whole vectors took 0.6x the time per iteration on 1,000,000 x 8 points (k = 6),
            // gathering 0.5x to 0.85x on 20,000 x 4 (k from 3 to 15).
            this.wholeAbove = (long) n * w * Double.BYTES > WHOLE_VECTORS_ABOVE_BYTES ? 0 : VectorKernel.lanes();
        }
        owner = vector && this.wholeAbove < VectorKernel.lanes() ? new double[n] : null;
        ids = new double[kCap];
        for (int c = 0; c < kCap; c++) {
            ids[c] = c;
        }
    }

    /** Candidates per new centre: {@code 2 + floor(ln max(k, 15))}, 4 for every k up to 15. */
    static int trials(int k) {
        return 2 + (int) Math.log(Math.max(k, 15));
    }

    /** Runs {@code restarts} seeded restarts of one k and keeps the lowest inertia (the first on ties). */
    Best run(int k, int restarts, int maxIterations, double tolerance, long seed) {
        return runEach(k, k, restarts, maxIterations, tolerance, seed)[0];
    }

    /**
     * Runs every k from {@code kMin} to {@code kMax}; element {@code k - kMin} is exactly what {@link #run} gives for
     * that k. Restart {@code r} of every k seeds from {@code new SplittableRandom(s)}, where {@code s} is the
     * {@code r}-th {@code nextLong()} of {@code new SplittableRandom(seed)}.
     */
    Best[] runEach(int kMin, int kMax, int restarts, int maxIterations, double tolerance, long seed) {
        if (kMin < 1 || kMax < kMin || kMax > kCap || kMax > n) {
            throw new IllegalArgumentException("k range " + kMin + ".." + kMax + " outside 1.." + Math.min(kCap, n));
        }
        Best[] best = new Best[kMax - kMin + 1];
        for (int i = 0; i < best.length; i++) {
            best[i] = new Best(kMin + i, d, n);
        }
        double tolAbs = tolerance * meanVariance();
        SplittableRandom root = new SplittableRandom(seed);
        for (int r = 0; r < restarts; r++) {
            long restartSeed = root.nextLong();
            // Candidates per centre differ only above k = 15: seed each run of equal trials once, to its largest k.
            int k0 = kMin;
            while (k0 <= kMax) {
                int k1 = k0;
                while (k1 < kMax && trials(k1 + 1) == trials(k0)) {
                    k1++;
                }
                seed(new SplittableRandom(restartSeed), k1, trials(k0));
                nearestSeeds(k0);
                for (int kk = k0; kk <= k1; kk++) {
                    if (kk > k0) {
                        addSeed(kk - 1);
                    }
                    iterate(kk, maxIterations, tolAbs, best[kk - kMin]);
                }
                k0 = k1 + 1;
            }
        }
        return best;
    }

    /** Lloyd-Hamerly iterations for k from the first k seeds, whose nearest/second are in first/second. */
    private void iterate(int kk, int maxIterations, double tolAbs, Best best) {
        k = kk;
        System.arraycopy(seeds, 0, centers, 0, k * w);
        for (int i = 0; i < n; i++) {
            assign[i] = (int) nearestSeed[i];
            if (owner != null) {
                owner[i] = nearestSeed[i];
            }
            upper[i] = Math.sqrt(first[i]);
            lower[i] = Math.sqrt(second[i]);
        }
        fullSums();
        int iterations = 0;
        boolean converged = false;
        boolean needsFinalAssign = false;
        while (iterations < maxIterations) {
            iterations++;
            double shift = updateCenters();
            if (shift <= tolAbs) {
                converged = true;
                needsFinalAssign = shift > 0;
                break;
            }
            if (assignHamerly() == 0) {
                converged = true;
                needsFinalAssign = false;
                break;
            }
            needsFinalAssign = true;
        }
        if (needsFinalAssign) {
            // Labels must be those of the nearest centre, as the centres returned are the last ones computed; the
            // bounds loosened by the last move still hold, so one more Hamerly step finds them.
            assignHamerly();
        }
        double inertia = inertia();
        if (inertia < best.inertia) {
            best.inertia = inertia;
            best.iterations = iterations;
            best.converged = converged;
            for (int c = 0; c < k; c++) {
                System.arraycopy(centers, c * w, best.centers, c * d, d);
            }
            System.arraycopy(assign, 0, best.assign, 0, n);
        }
    }

    /** The mean over features of the population variance, which scales the tolerance as scikit-learn does. */
    private double meanVariance() {
        // Two passes, each reading the rows in order (a pass per feature would stride through the whole matrix).
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            int oi = i * w;
            for (int j = 0; j < d; j++) {
                mean[j] += x[oi + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] ss = new double[d];
        for (int i = 0; i < n; i++) {
            int oi = i * w;
            for (int j = 0; j < d; j++) {
                double t = x[oi + j] - mean[j];
                ss[j] += t * t;
            }
        }
        double total = 0;
        for (int j = 0; j < d; j++) {
            total += ss[j] / n;
        }
        return total / d;
    }

    /** Greedy k-means++: the first {@code count} seeds into {@link #seeds}. */
    private void seed(SplittableRandom rnd, int count, int trials) {
        int firstPoint = rnd.nextInt(n);
        System.arraycopy(x, firstPoint * w, seeds, 0, w);
        forEachChunk(ch -> {
            for (int i = ch.lo; i < ch.hi; i++) {
                seedMin[i] = dist2(x, i * w, seeds, 0);
            }
        });
        double potential = sum(seedMin);
        int[] candidates = new int[trials];
        double[] thresholds = new double[trials];
        int[] order = new int[trials];
        double[] potentials = new double[trials];
        for (int c = 1; c < count; c++) {
            // Every candidate is drawn from the same potential, so all are drawn first and their potentials are
            // computed in one pass over the points; each potential is still summed in index order.
            sample(rnd, potential, candidates, thresholds, order);
            double[] min = seedMin;
            double[][] trialMin = this.trialMin;
            if (vector) {
                forEachChunk(ch -> VectorKernel.trials(xt, n, w, ch.lo, ch.hi, x, candidates, trials, min, trialMin));
            } else {
                forEachChunk(ch -> {
                    for (int i = ch.lo; i < ch.hi; i++) {
                        int oi = i * w;
                        double m = min[i];
                        for (int t = 0; t < trials; t++) {
                            double v = dist2(x, oi, x, candidates[t] * w);
                            trialMin[t][i] = v < m ? v : m;
                        }
                    }
                });
            }
            int best = 0;
            double bestPotential = Double.POSITIVE_INFINITY;
            sums(trialMin, trials, potentials);
            for (int t = 0; t < trials; t++) {
                double p = potentials[t];
                if (p < bestPotential) {
                    bestPotential = p;
                    best = t;
                }
            }
            System.arraycopy(x, candidates[best] * w, seeds, c * w, w);
            double[] chosen = trialMin[best];
            trialMin[best] = min; // the old distances become scratch for the next centre
            seedMin = chosen;
            potential = bestPotential;
        }
    }

    /** Summed in index order, so that the seeding does not depend on the chunking. */
    private double sum(double[] v) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return s;
    }

    /**
     * Draws {@code out.length} points, each with probability proportional to its squared distance to the nearest
     * centre so far, in one scan: the draws are made in order, then each takes the first point at which the running
     * sum exceeds it, exactly as a scan per draw would.
     */
    private void sample(SplittableRandom rnd, double potential, int[] out, double[] thresholds, int[] order) {
        int m = out.length;
        if (!(potential > 0)) {
            for (int t = 0; t < m; t++) {
                out[t] = rnd.nextInt(n);
            }
            return;
        }
        for (int t = 0; t < m; t++) {
            thresholds[t] = rnd.nextDouble() * potential;
            order[t] = t;
        }
        // Insertion sort of the few draws by threshold, so one running sum serves them all.
        for (int t = 1; t < m; t++) {
            int o = order[t];
            int u = t - 1;
            while (u >= 0 && thresholds[order[u]] > thresholds[o]) {
                order[u + 1] = order[u];
                u--;
            }
            order[u + 1] = o;
        }
        double cum = 0;
        int last = -1;
        int next = 0;
        for (int i = 0; i < n && next < m; i++) {
            double v = seedMin[i];
            if (v > 0) {
                cum += v;
                last = i;
                while (next < m && cum > thresholds[order[next]]) {
                    out[order[next++]] = i;
                }
            }
        }
        while (next < m) {
            out[order[next++]] = last;
        }
    }

    /** The sum of each of the first {@code count} arrays, each in index order, four arrays per pass. */
    private void sums(double[][] arrays, int count, double[] out) {
        int t = 0;
        for (; t + 4 <= count; t += 4) {
            double[] a0 = arrays[t];
            double[] a1 = arrays[t + 1];
            double[] a2 = arrays[t + 2];
            double[] a3 = arrays[t + 3];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = 0; i < n; i++) {
                s0 += a0[i];
                s1 += a1[i];
                s2 += a2[i];
                s3 += a3[i];
            }
            out[t] = s0;
            out[t + 1] = s1;
            out[t + 2] = s2;
            out[t + 3] = s3;
        }
        for (; t < count; t++) {
            out[t] = sum(arrays[t]);
        }
    }

    /** Nearest and second-nearest of the first {@code count} seeds for every point; ties keep the lower seed. */
    private void nearestSeeds(int count) {
        if (vector) {
            // Adding the seeds one by one to an empty nearest and second nearest is the scan below, in its order.
            Arrays.fill(first, Double.POSITIVE_INFINITY);
            Arrays.fill(second, Double.POSITIVE_INFINITY);
            Arrays.fill(nearestSeed, 0);
            for (int c = 0; c < count; c++) {
                addSeed(c);
            }
            return;
        }
        forEachChunk(ch -> {
            for (int i = ch.lo; i < ch.hi; i++) {
                int oi = i * w;
                double f = Double.POSITIVE_INFINITY;
                double s = Double.POSITIVE_INFINITY;
                int a = 0;
                for (int c = 0; c < count; c++) {
                    double v = dist2(x, oi, seeds, c * w);
                    if (v < f) {
                        s = f;
                        f = v;
                        a = c;
                    } else if (v < s) {
                        s = v;
                    }
                }
                first[i] = f;
                second[i] = s;
                nearestSeed[i] = a;
            }
        });
    }

    /** Adds seed {@code c} to the nearest and second-nearest seed of every point; ties keep the lower index. */
    private void addSeed(int c) {
        int oc = c * w;
        if (vector) {
            forEachChunk(ch -> VectorKernel.addSeed(xt, n, w, ch.lo, ch.hi, seeds, c, first, second, nearestSeed));
            return;
        }
        forEachChunk(ch -> {
            for (int i = ch.lo; i < ch.hi; i++) {
                double v = dist2(x, i * w, seeds, oc);
                if (v < first[i]) {
                    second[i] = first[i];
                    first[i] = v;
                    nearestSeed[i] = c;
                } else if (v < second[i]) {
                    second[i] = v;
                }
            }
        });
    }

    /** The rows transposed, feature by feature: feature {@code t} of point {@code i} at {@code t * n + i}. */
    private static double[] transpose(double[] x, int n, int w) {
        double[] t = new double[n * w];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < w; f++) {
                t[f * n + i] = x[i * w + f];
            }
        }
        return t;
    }

    /** {@code s} plus the squared differences of four features to {@code c[oc..oc+3]}, added in order. */
    private static double addSquares(double s, double x0, double x1, double x2, double x3, double[] c, int oc) {
        double v0 = x0 - c[oc];
        double v1 = x1 - c[oc + 1];
        double v2 = x2 - c[oc + 2];
        double v3 = x3 - c[oc + 3];
        double r = s;
        r += v0 * v0;
        r += v1 * v1;
        r += v2 * v2;
        r += v3 * v3;
        return r;
    }

    /** Squared distance between two padded rows, summed feature by feature in order. */
    private double dist2(double[] a, int oa, double[] b, int ob) {
        double s = 0;
        for (int t = 0; t < w; t += 4) {
            s = addSquares(s, a[oa + t], a[oa + t + 1], a[oa + t + 2], a[oa + t + 3], b, ob + t);
        }
        return s;
    }

    /** Sums and counts of every cluster from scratch, chunk by chunk. */
    private void fullSums() {
        forEachChunk(ch -> {
            Arrays.fill(ch.deltaSums, 0, k * w, 0);
            Arrays.fill(ch.deltaCounts, 0, k, 0);
            for (int i = ch.lo; i < ch.hi; i++) {
                int oa = assign[i] * w;
                int oi = i * w;
                ch.deltaCounts[assign[i]]++;
                for (int t = 0; t < w; t++) {
                    ch.deltaSums[oa + t] += x[oi + t];
                }
            }
        });
        Arrays.fill(sums, 0, k * w, 0);
        Arrays.fill(counts, 0, k, 0);
        mergeDeltas();
    }

    private void mergeDeltas() {
        for (Chunk ch : chunks) {
            for (int j = 0; j < k * w; j++) {
                sums[j] += ch.deltaSums[j];
            }
            for (int c = 0; c < k; c++) {
                counts[c] += ch.deltaCounts[c];
            }
        }
    }

    /** Hamerly's assignment step; returns the number of points that changed cluster. */
    private int assignHamerly() {
        measureMoves();
        if (vector) {
            for (int c = 0; c < k; c++) {
                loosen[c] = c == farthest ? secondMove : maxMove;
            }
        }
        for (int c = 0; c < k; c++) {
            double m = Double.POSITIVE_INFINITY;
            for (int o = 0; o < k; o++) {
                if (o != c) {
                    m = Math.min(m, dist2(centers, c * w, centers, o * w));
                }
            }
            halfMin[c] = 0.5 * Math.sqrt(m);
        }
        forEachChunk(this::assignChunk);
        int changes = 0;
        for (Chunk ch : chunks) {
            changes += ch.changes;
        }
        if (changes > 0) {
            mergeDeltas();
        }
        return changes;
    }

    private void assignChunk(Chunk ch) {
        if (vector) {
            assignChunkVector(ch);
            return;
        }
        ch.changes = 0;
        Arrays.fill(ch.deltaSums, 0, k * w, 0);
        Arrays.fill(ch.deltaCounts, 0, k, 0);
        int far = farthest;
        double m1 = maxMove;
        double m2 = secondMove;
        for (int i = ch.lo; i < ch.hi; i++) {
            int a = assign[i];
            double half = halfMin[a];
            // Loosen the bounds by the last centre moves in the same pass (Hamerly's update, fused).
            double low = lower[i] - (a == far ? m2 : m1);
            double u = upper[i] + moved[a];
            lower[i] = low;
            upper[i] = u;
            // u <= max(half, low), without Math.max and its NaN and signed-zero cases, which cost here
            if (u <= half || u <= low) {
                continue;
            }
            u = Math.sqrt(dist2(x, i * w, centers, a * w));
            upper[i] = u;
            if (u <= half || u <= low) {
                continue;
            }
            relocate(ch, i);
        }
    }

    /**
     * {@link #assignChunk} with the distances on the Vector API: the bounds are updated and tested in one pass that
     * lists the points failing them; those are then taken a vector's width at a time, one point per lane, with the
     * distances to every centre computed at once. Each listed point then goes through the scalar steps in the same
     * order: its upper bound tightened to its own centre's distance, tested again, relocated if it still fails.
     */
    private void assignChunkVector(Chunk ch) {
        ch.changes = 0;
        Arrays.fill(ch.deltaSums, 0, k * w, 0);
        Arrays.fill(ch.deltaCounts, 0, k, 0);
        int[] idx = ch.failing;
        int m = VectorKernel.firstPass(
                xt,
                n,
                w,
                ch.lo,
                ch.hi,
                owner,
                assign,
                centers,
                k,
                halfMin,
                moved,
                loosen,
                lower,
                upper,
                ch.best,
                idx,
                ch.blocks,
                ch.movePoint,
                ch.moveTo,
                ch.scanMoves,
                wholeAbove);
        int scanned = ch.scanMoves[0];
        int moves = scanned;
        if (m > 0) {
            for (int t = m, end = m + VectorKernel.lanes(); t < end; t++) {
                idx[t] = idx[m - 1];
            }
            moves = VectorKernel.reassign(
                    x,
                    w,
                    idx,
                    m,
                    assign,
                    centers,
                    k,
                    ids,
                    halfMin,
                    lower,
                    upper,
                    ch.rows,
                    ch.best,
                    ch.movePoint,
                    ch.moveTo,
                    ch.offsets,
                    ch.owners,
                    scanned);
        }
        // The moves of the scanned vectors and of the listed points are each in point order; they are applied in
        // point order, as the scalar path applies them, so that the centre sums are added in the same order.
        int[] point = ch.movePoint;
        int[] to = ch.moveTo;
        int a = 0;
        int b = scanned;
        while (a < scanned || b < moves) {
            if (b == moves || (a < scanned && point[a] < point[b])) {
                move(ch, point[a], to[a]);
                a++;
            } else {
                move(ch, point[b], to[b]);
                b++;
            }
        }
    }

    /**
     * Nearest and second-nearest centre of point {@code i}, four features at a time: the point's four values stay in
     * registers while every centre is visited, and the partial sums of the features before the last four wait in the
     * chunk's scratch row. Ties keep the lower centre, as a sequential scan does.
     */
    private void relocate(Chunk ch, int i) {
        int oi = i * w;
        double[] part = ch.part;
        int last = w - 4;
        for (int g = 0; g < last; g += 4) {
            double x0 = x[oi + g];
            double x1 = x[oi + g + 1];
            double x2 = x[oi + g + 2];
            double x3 = x[oi + g + 3];
            for (int c = 0; c < k; c++) {
                part[c] = addSquares(g == 0 ? 0 : part[c], x0, x1, x2, x3, centers, c * w + g);
            }
        }
        double x0 = x[oi + last];
        double x1 = x[oi + last + 1];
        double x2 = x[oi + last + 2];
        double x3 = x[oi + last + 3];
        double d1 = Double.POSITIVE_INFINITY;
        double d2 = Double.POSITIVE_INFINITY;
        int now = 0;
        for (int c = 0; c < k; c++) {
            double s = addSquares(last == 0 ? 0 : part[c], x0, x1, x2, x3, centers, c * w + last);
            if (s < d1) {
                d2 = d1;
                d1 = s;
                now = c;
            } else if (s < d2) {
                d2 = s;
            }
        }
        moveTo(ch, i, now, d1, d2);
    }

    /** Sets the bounds of point {@code i} from its two smallest squared distances and moves it to centre {@code now}. */
    private void moveTo(Chunk ch, int i, int now, double d1, double d2) {
        upper[i] = Math.sqrt(d1);
        lower[i] = Math.sqrt(d2);
        if (now != assign[i]) {
            move(ch, i, now);
        }
    }

    /** Moves point {@code i} to centre {@code now}, in the chunk's changes to the centre sums. */
    private void move(Chunk ch, int i, int now) {
        int oi = i * w;
        int old = assign[i];
        assign[i] = now;
        if (owner != null) {
            owner[i] = now;
        }
        ch.changes++;
        ch.deltaCounts[old]--;
        ch.deltaCounts[now]++;
        int oo = old * w;
        int on = now * w;
        for (int t = 0; t < w; t++) {
            ch.deltaSums[oo + t] -= x[oi + t];
            ch.deltaSums[on + t] += x[oi + t];
        }
    }

    /**
     * Moves every centre to the mean of its points, re-seeding empty clusters with the point farthest from its
     * centre, and returns the sum of squared centre movements.
     */
    private double updateCenters() {
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                repairEmpty(c);
            }
        }
        double shift = 0;
        for (int c = 0; c < k; c++) {
            int oc = c * w;
            if (counts[c] == 0) {
                moved[c] = 0;
                continue;
            }
            double s = 0;
            double inv = 1.0 / counts[c];
            for (int t = 0; t < w; t++) {
                double nv = sums[oc + t] * inv;
                double v = nv - centers[oc + t];
                s += v * v;
                centers[oc + t] = nv;
            }
            moved[c] = Math.sqrt(s);
            shift += s;
        }
        return shift;
    }

    /** Gives empty cluster {@code c} the point farthest from its centre among clusters of two or more points. */
    private void repairEmpty(int c) {
        int far = -1;
        double farDist = 0;
        for (int i = 0; i < n; i++) {
            if (counts[assign[i]] > 1) {
                double v = dist2(x, i * w, centers, assign[i] * w);
                if (v > farDist) {
                    farDist = v;
                    far = i;
                }
            }
        }
        if (far < 0) {
            return; // every point sits on its centre: fewer distinct points than clusters
        }
        int a = assign[far];
        counts[a]--;
        int of = far * w;
        for (int t = 0; t < w; t++) {
            sums[a * w + t] -= x[of + t];
            sums[c * w + t] = x[of + t];
        }
        counts[c] = 1;
        assign[far] = c;
        if (owner != null) {
            owner[far] = c;
        }
        upper[far] = 0;
        lower[far] = 0;
    }

    /**
     * Finds the largest and second-largest centre move, by which the lower bounds loosen (Hamerly: a point of the
     * centre that moved most loosens by the second largest).
     */
    private void measureMoves() {
        int r = 0;
        double max1 = 0;
        double max2 = 0;
        for (int c = 0; c < k; c++) {
            double m = moved[c];
            if (m > max1) {
                max2 = max1;
                max1 = m;
                r = c;
            } else if (m > max2) {
                max2 = m;
            }
        }
        farthest = r;
        maxMove = max1;
        secondMove = max2;
    }

    private double inertia() {
        forEachChunk(ch -> {
            double s = 0;
            for (int i = ch.lo; i < ch.hi; i++) {
                s += dist2(x, i * w, centers, assign[i] * w);
            }
            ch.partial = s;
        });
        double s = 0;
        for (Chunk ch : chunks) {
            s += ch.partial;
        }
        return s;
    }

    private void forEachChunk(java.util.function.Consumer<Chunk> work) {
        if (chunks.length == 1) {
            work.accept(chunks[0]);
        } else {
            new ChunkTask(chunks, 0, chunks.length, work).invoke();
        }
    }

    /** A fixed range of points and the scratch space of the work done on it. */
    private static final class Chunk {
        final int lo;
        final int hi;
        final double[] deltaSums;
        final int[] deltaCounts;
        final double[] part;
        int changes;
        double partial;
        /** Vector path only: how many points of vectors scanned whole move (one int). */
        final int[] scanMoves = new int[1];
        /** Vector path only: the first point of each vector that {@link VectorKernel#firstPass} scans whole. */
        final int[] blocks;

        /**
         * Vector path only: the points failing their bounds, those that move (index, new centre), and the scratch of
         * {@link VectorKernel} (one block's row offsets and centres, its rows, its distances).
         */
        final int[] failing;

        final int[] offsets;
        final int[] owners;
        final int[] movePoint;
        final int[] moveTo;

        final double[] rows;
        final double[] best;

        Chunk(int lo, int hi, int w, int kCap, boolean vector) {
            this.lo = lo;
            this.hi = hi;
            int lanes = vector ? VectorKernel.lanes() : 0;
            int listed = vector ? hi - lo + lanes : 0;
            failing = new int[listed];
            blocks = new int[vector ? (hi - lo) / lanes + 1 : 0];
            offsets = new int[lanes];
            owners = new int[lanes];
            movePoint = new int[listed];
            moveTo = new int[listed];
            rows = new double[w * lanes];
            best = new double[5 * lanes];
            deltaSums = new double[kCap * w];
            deltaCounts = new int[kCap];
            part = new double[kCap];
        }
    }

    /** Splits a range of chunks in halves down to one chunk; the calling thread works too. */
    private static final class ChunkTask extends java.util.concurrent.RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient Chunk[] chunks;
        private final int from;
        private final int to;
        private final transient java.util.function.Consumer<Chunk> work;

        ChunkTask(Chunk[] chunks, int from, int to, java.util.function.Consumer<Chunk> work) {
            this.chunks = chunks;
            this.from = from;
            this.to = to;
            this.work = work;
        }

        @Override
        protected void compute() {
            if (to - from == 1) {
                work.accept(chunks[from]);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new ChunkTask(chunks, from, mid, work), new ChunkTask(chunks, mid, to, work));
        }
    }
}
