package dev.glosa.examples;

import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameter;
import dev.glosa.cluster.spi.ParameterSpace;
import dev.glosa.cluster.spi.Parameters;
import java.util.Arrays;

/**
 * Equal-frequency bands of one feature (id {@code "quantile-bands"}): a clustering strategy written outside the
 * library against its SPI, to show how one is added.
 *
 * <p>The points are cut into {@code k} bands at the {@code 1/k, 2/k, ..., (k-1)/k} sample quantiles of feature
 * {@code feature} (the first by default): with the glosa amount first, {@code k = 4} gives each segment's quartiles of
 * value, the "low / medium / high / very high" bands an audit team often starts from. The quantile is the inverse of
 * the empirical distribution function, {@code Q(p) = x(ceil(n p))} for the sorted values {@code x(1) <= ... <= x(n)}
 * (definition 1 of R. J. Hyndman and Y. Fan, "Sample Quantiles in Statistical Packages", The American Statistician
 * 50(4), 1996, pp. 361-365, doi:10.1080/00031305.1996.10473566). A point whose value exceeds {@code b} of the cut
 * points is in band {@code b}, so:
 * <ul>
 *   <li>without ties, band {@code b} holds the points of rank {@code ceil(b n / k) + 1} to {@code ceil((b + 1) n / k)}:
 *       band sizes differ by at most one;
 *   <li>equal values always share a band, so ties and fewer than {@code k} distinct values give fewer, unequal bands
 *       (the result's {@link Clustering#k()} says how many);
 *   <li>the other features do not move a point between bands; they only enter the centroids and the inertia.
 * </ul>
 * Labels follow the library's convention, numbered in order of first appearance, so label 0 is the band of the first
 * point, not necessarily the lowest. The result is deterministic and ignores the seed; the work is one sort,
 * {@code O(n log n + n k)}, and one pass for the centroids.
 *
 * <p>Parameters: {@code k} (default 4), so the loop's model selection can choose the number of bands, and
 * {@code feature} (default 0), the column index of the feature banded on.
 *
 * <p>Registered in {@code META-INF/services/dev.glosa.cluster.spi.ClusteringStrategy} of the examples module, so
 * {@link dev.glosa.cluster.spi.StrategyRegistry#load()} finds it and a configuration can say
 * {@code strategy: quantile-bands}.
 */
public final class QuantileBandsStrategy implements ClusteringStrategy {
    /** The strategy id. */
    public static final String ID = "quantile-bands";
    /** The index of the feature banded on. */
    public static final String FEATURE = "feature";

    private static final ParameterSpace SPACE = ParameterSpace.of(
            ID,
            new Parameter.IntParameter(K, 4, 1, 10_000, "number of equal-frequency bands"),
            new Parameter.IntParameter(FEATURE, 0, 0, 1_000_000, "index of the feature whose quantiles cut the bands"));

    /** Creates the strategy; it holds no state. */
    public QuantileBandsStrategy() {
        // ServiceLoader needs a public no-argument constructor.
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ParameterSpace parameters() {
        return SPACE;
    }

    @Override
    public Clustering cluster(FeatureMatrix data, Parameters parameters, long seed) {
        if (!parameters.space().owner().equals(ID)) {
            throw new IllegalArgumentException(
                    "parameters of strategy '" + parameters.space().owner() + "' given to strategy '" + ID + "'");
        }
        int n = data.rows();
        int d = data.dims();
        int k = parameters.getInt(K);
        int feature = parameters.getInt(FEATURE);
        if (feature >= d) {
            throw new IllegalArgumentException(
                    "parameter 'feature' (" + feature + ") must be less than the number of " + "features (" + d + ")");
        }
        if (n == 0) {
            return Clustering.builder(ID, parameters, seed, new int[0])
                    .inertia(0)
                    .build();
        }
        double[] x = data.values();
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = x[i * d + feature];
        }
        Arrays.sort(sorted);
        double[] cuts = new double[k - 1];
        for (int j = 1; j < k; j++) {
            // Q(j/k) = x(ceil(n j / k)), 1-based.
            cuts[j - 1] = sorted[(int) (((long) n * j + k - 1) / k) - 1];
        }

        int[] band = new int[n];
        double[] centroids = new double[k * d];
        int[] sizes = new int[k];
        for (int i = 0; i < n; i++) {
            double v = x[i * d + feature];
            int b = 0;
            while (b < cuts.length && v > cuts[b]) {
                b++;
            }
            band[i] = b;
            sizes[b]++;
            for (int j = 0; j < d; j++) {
                centroids[b * d + j] += x[i * d + j];
            }
        }
        for (int b = 0; b < k; b++) {
            for (int j = 0; sizes[b] > 0 && j < d; j++) {
                centroids[b * d + j] /= sizes[b];
            }
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double diff = x[i * d + j] - centroids[band[i] * d + j];
                inertia += diff * diff;
            }
        }
        return Clustering.builder(ID, parameters, seed, band)
                .centroids(centroids, d)
                .inertia(inertia)
                .build();
    }

    @Override
    public String toString() {
        return "QuantileBandsStrategy[" + ID + "]";
    }
}
