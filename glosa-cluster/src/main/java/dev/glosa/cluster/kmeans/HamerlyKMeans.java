package dev.glosa.cluster.kmeans;

import java.util.SplittableRandom;

/**
 * One k-means call: greedy k-means++ seeding, Hamerly's accelerated Lloyd iterations, several restarts.
 *
 * <p>All scratch space is allocated once in the constructor and reused by every restart, so the iteration loop
 * allocates nothing. An instance belongs to one call on one thread.
 *
 * <p>Seeding follows D. Arthur and S. Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007
 * (DOI 10.5555/1283383.1283494), in the greedy form of scikit-learn: {@code 2 + floor(ln k)} candidates are drawn
 * for each new centre and the one that lowers the potential most is kept. The assignment step follows G. Hamerly,
 * "Making k-means even faster", SIAM SDM 2010 (DOI 10.1137/1.9781611972801.12): one upper bound to the assigned
 * centre and one lower bound to the second closest per point, so most points skip the distance computations.
 */
final class HamerlyKMeans {
    private final double[] x;
    private final int n;
    private final int d;
    private final int k;

    private final double[] centers;
    private final double[] sums;
    private final int[] counts;
    private final int[] assign;
    private final double[] upper;
    private final double[] lower;
    private final double[] halfMin;
    private final double[] moved;
    private final double[] seedMin;
    private final double[] seedTrial;
    private final double[] seedBest;

    private final double[] bestCenters;
    private final int[] bestAssign;
    double bestInertia = Double.POSITIVE_INFINITY;
    int bestIterations;
    boolean bestConverged;

    HamerlyKMeans(double[] x, int n, int d, int k) {
        this.x = x;
        this.n = n;
        this.d = d;
        this.k = k;
        centers = new double[k * d];
        sums = new double[k * d];
        counts = new int[k];
        assign = new int[n];
        upper = new double[n];
        lower = new double[n];
        halfMin = new double[k];
        moved = new double[k];
        seedMin = new double[n];
        seedTrial = new double[n];
        seedBest = new double[n];
        bestCenters = new double[k * d];
        bestAssign = new int[n];
    }

    /** Runs {@code restarts} seeded restarts and keeps the one with the lowest inertia (the first on ties). */
    void run(int restarts, int maxIterations, double tolerance, long seed) {
        double tolAbs = tolerance * meanVariance();
        SplittableRandom root = new SplittableRandom(seed);
        for (int r = 0; r < restarts; r++) {
            SplittableRandom rnd = root.split();
            seed(rnd);
            int iterations = 0;
            boolean converged = false;
            assignAll();
            boolean needsFinalAssign = false;
            while (iterations < maxIterations) {
                iterations++;
                double shift = updateCenters();
                if (shift <= tolAbs) {
                    converged = true;
                    needsFinalAssign = shift > 0;
                    break;
                }
                updateBounds();
                if (assignHamerly() == 0) {
                    converged = true;
                    needsFinalAssign = false;
                    break;
                }
                needsFinalAssign = true;
            }
            if (needsFinalAssign) {
                // Labels must be those of the nearest centre, as the centres returned are the last ones computed.
                assignAll();
            }
            double inertia = inertia();
            if (inertia < bestInertia) {
                bestInertia = inertia;
                bestIterations = iterations;
                bestConverged = converged;
                System.arraycopy(centers, 0, bestCenters, 0, centers.length);
                System.arraycopy(assign, 0, bestAssign, 0, n);
            }
        }
    }

    int[] bestAssign() {
        return bestAssign;
    }

    double[] bestCenters() {
        return bestCenters;
    }

    /** The mean over features of the population variance, which scales the tolerance as scikit-learn does. */
    private double meanVariance() {
        double total = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * d + j];
            }
            mean /= n;
            double v = 0;
            for (int i = 0; i < n; i++) {
                double t = x[i * d + j] - mean;
                v += t * t;
            }
            total += v / n;
        }
        return total / d;
    }

    private void seed(SplittableRandom rnd) {
        int first = rnd.nextInt(n);
        System.arraycopy(x, first * d, centers, 0, d);
        double potential = 0;
        for (int i = 0; i < n; i++) {
            double v = dist2Point(i, first);
            seedMin[i] = v;
            potential += v;
        }
        int trials = 2 + (int) Math.log(k);
        double[] best = seedBest;
        double[] trial = seedTrial;
        for (int c = 1; c < k; c++) {
            int bestCandidate = -1;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                int cand = sample(rnd, potential);
                double p = 0;
                for (int i = 0; i < n; i++) {
                    double v = Math.min(seedMin[i], dist2Point(i, cand));
                    trial[i] = v;
                    p += v;
                }
                if (p < bestPotential) {
                    bestPotential = p;
                    bestCandidate = cand;
                    double[] tmp = best;
                    best = trial;
                    trial = tmp;
                }
            }
            System.arraycopy(x, bestCandidate * d, centers, c * d, d);
            System.arraycopy(best, 0, seedMin, 0, n);
            potential = bestPotential;
        }
    }

    /** Draws a point with probability proportional to its squared distance to the nearest centre so far. */
    private int sample(SplittableRandom rnd, double potential) {
        if (!(potential > 0)) {
            return rnd.nextInt(n);
        }
        double r = rnd.nextDouble() * potential;
        double cum = 0;
        int last = -1;
        for (int i = 0; i < n; i++) {
            double v = seedMin[i];
            if (v > 0) {
                cum += v;
                last = i;
                if (cum > r) {
                    return i;
                }
            }
        }
        return last;
    }

    private double dist2Point(int i, int j) {
        int oi = i * d;
        int oj = j * d;
        double s = 0;
        for (int t = 0; t < d; t++) {
            double v = x[oi + t] - x[oj + t];
            s += v * v;
        }
        return s;
    }

    private double dist2Center(int i, int c) {
        int oi = i * d;
        int oc = c * d;
        double s = 0;
        for (int t = 0; t < d; t++) {
            double v = x[oi + t] - centers[oc + t];
            s += v * v;
        }
        return s;
    }

    /** Exact nearest and second-nearest centre of every point; resets both bounds. */
    private void assignAll() {
        for (int i = 0; i < n; i++) {
            nearest(i);
        }
    }

    private boolean nearest(int i) {
        double d1 = Double.POSITIVE_INFINITY;
        double d2 = Double.POSITIVE_INFINITY;
        int a = 0;
        for (int c = 0; c < k; c++) {
            double v = dist2Center(i, c);
            if (v < d1) {
                d2 = d1;
                d1 = v;
                a = c;
            } else if (v < d2) {
                d2 = v;
            }
        }
        boolean changed = assign[i] != a;
        assign[i] = a;
        upper[i] = Math.sqrt(d1);
        lower[i] = Math.sqrt(d2);
        return changed;
    }

    /** Hamerly's assignment step; returns the number of points that changed cluster. */
    private int assignHamerly() {
        for (int c = 0; c < k; c++) {
            double m = Double.POSITIVE_INFINITY;
            for (int o = 0; o < k; o++) {
                if (o != c) {
                    double s = 0;
                    for (int t = 0; t < d; t++) {
                        double v = centers[c * d + t] - centers[o * d + t];
                        s += v * v;
                    }
                    m = Math.min(m, s);
                }
            }
            halfMin[c] = 0.5 * Math.sqrt(m);
        }
        int changes = 0;
        for (int i = 0; i < n; i++) {
            int a = assign[i];
            double bound = Math.max(halfMin[a], lower[i]);
            if (upper[i] <= bound) {
                continue;
            }
            upper[i] = Math.sqrt(dist2Center(i, a));
            if (upper[i] <= bound) {
                continue;
            }
            if (nearest(i)) {
                changes++;
            }
        }
        return changes;
    }

    /**
     * Moves every centre to the mean of its points, re-seeding empty clusters with the point farthest from its
     * centre, and returns the sum of squared centre movements.
     */
    private double updateCenters() {
        java.util.Arrays.fill(sums, 0);
        java.util.Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            int a = assign[i];
            counts[a]++;
            int oi = i * d;
            int oa = a * d;
            for (int t = 0; t < d; t++) {
                sums[oa + t] += x[oi + t];
            }
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                repairEmpty(c);
            }
        }
        double shift = 0;
        for (int c = 0; c < k; c++) {
            int oc = c * d;
            if (counts[c] == 0) {
                moved[c] = 0;
                continue;
            }
            double s = 0;
            double inv = 1.0 / counts[c];
            for (int t = 0; t < d; t++) {
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
                double v = dist2Center(i, assign[i]);
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
        int of = far * d;
        for (int t = 0; t < d; t++) {
            sums[a * d + t] -= x[of + t];
            sums[c * d + t] = x[of + t];
        }
        counts[c] = 1;
        assign[far] = c;
        upper[far] = 0;
        lower[far] = 0;
    }

    /** Loosens the bounds by how far the centres moved (Hamerly: the largest move, or the second largest). */
    private void updateBounds() {
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
        for (int i = 0; i < n; i++) {
            int a = assign[i];
            upper[i] += moved[a];
            lower[i] -= a == r ? max2 : max1;
        }
    }

    private double inertia() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += dist2Center(i, assign[i]);
        }
        return s;
    }
}
