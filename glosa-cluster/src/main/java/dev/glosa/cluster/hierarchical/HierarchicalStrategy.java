package dev.glosa.cluster.hierarchical;

import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameter;
import dev.glosa.cluster.spi.ParameterSpace;
import dev.glosa.cluster.spi.Parameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Agglomerative hierarchical clustering (id {@code "hierarchical"}): Ward (default), complete, average or single
 * linkage, exact in O(n²) time, cut into {@code k} clusters or at a height.
 *
 * <p>Heights follow SciPy and scikit-learn: Euclidean distance for complete, average and single linkage, and
 * {@code sqrt(2 · ΔSSE)} for Ward, so two single points merge at their distance. ELKI works on ΔSSE, that is
 * {@code h² / 2} (half squared distances), and on squared Euclidean input reports heights of {@code h²}: take
 * the square root of an ELKI Ward height before using it as {@code height} here.
 *
 * <p>The distance matrix takes {@code 4·n²} bytes, so above {@code maxPoints} points (default 5,000) the
 * strategy clusters {@code representatives} micro-clusters (default 1,000: a seeded sample of rows refined by three
 * Lloyd iterations, each weighted by its size) and gives every point the cluster of its micro-cluster. Ward on
 * weighted micro-clusters starts from their exact Ward distances; the other linkages use the distances between
 * micro-cluster centres. Such a result says so in {@link Clustering#approximation()}. Exact results do not use the
 * seed.
 *
 * <p>Parameters: {@code k} (default 3), {@code linkage} (default {@code ward}), {@code height} (unset: cut by
 * {@code k}; set: cut there and ignore {@code k}), {@code maxPoints} (default 5,000, at most 15,000),
 * {@code representatives} (default 1,000).
 */
public final class HierarchicalStrategy implements ClusteringStrategy {
    /** The strategy id. */
    public static final String ID = "hierarchical";
    /** Linkage: {@code ward}, {@code complete}, {@code average} or {@code single}. */
    public static final String LINKAGE = "linkage";
    /** Cut height; when set, {@code k} is ignored. */
    public static final String HEIGHT = "height";
    /** Largest number of points clustered exactly. */
    public static final String MAX_POINTS = "maxPoints";
    /** Number of micro-clusters used above {@code maxPoints}. */
    public static final String REPRESENTATIVES = "representatives";

    private static final ParameterSpace SPACE = ParameterSpace.of(
            ID,
            new Parameter.IntParameter(K, 3, 1, 100_000, "number of clusters of the cut"),
            new Parameter.ChoiceParameter(
                    LINKAGE,
                    "ward",
                    List.of("ward", "complete", "average", "single"),
                    "how the distance between two clusters is measured"),
            new Parameter.RealParameter(HEIGHT, null, 0.0, Double.MAX_VALUE, "cut height (unset: cut into k clusters)"),
            new Parameter.IntParameter(
                    MAX_POINTS,
                    5_000,
                    2,
                    15_000,
                    "largest segment clustered exactly; the distance matrix takes 4 n^2 bytes"),
            new Parameter.IntParameter(REPRESENTATIVES, 1_000, 2, 15_000, "micro-clusters used above maxPoints"));

    /** Creates the strategy; it holds no state. */
    public HierarchicalStrategy() {
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
        Tree tree = tree(data, parameters, seed);
        return tree.clustering(data, parameters, seed, cut(tree.dendrogram, parameters));
    }

    /** Builds the tree once and cuts it at every k, instead of clustering once per k. */
    @Override
    public List<Clustering> clusterEachK(FeatureMatrix data, Parameters parameters, int kMin, int kMax, long seed) {
        if (kMin > kMax) {
            throw new IllegalArgumentException("kMin (" + kMin + ") must be <= kMax (" + kMax + ")");
        }
        Tree tree = tree(data, parameters, seed);
        List<Clustering> out = new ArrayList<>(kMax - kMin + 1);
        for (int k = kMin; k <= kMax; k++) {
            Parameters p = parameters.with(K, k);
            out.add(tree.clustering(data, p, seed, cut(tree.dendrogram, p)));
        }
        return out;
    }

    private Tree tree(FeatureMatrix data, Parameters parameters, long seed) {
        if (!parameters.space().owner().equals(ID)) {
            throw new IllegalArgumentException(
                    "parameters of strategy '" + parameters.space().owner() + "' given to strategy '" + ID + "'");
        }
        int n = data.rows();
        int d = data.dims();
        int maxPoints = parameters.getInt(MAX_POINTS);
        int reps = parameters.getInt(REPRESENTATIVES);
        if (reps > maxPoints) {
            throw new IllegalArgumentException(
                    "representatives (" + reps + ") must be <= maxPoints (" + maxPoints + ")");
        }
        Linkage linkage = Linkage.of(parameters.getChoice(LINKAGE));
        double[] x = data.values();
        if (n <= maxPoints) {
            double[] w = new double[n];
            Arrays.fill(w, 1.0);
            return new Tree(x, Agglomerative.run(x, n, d, w, linkage), null, null);
        }
        MicroClusters mc = MicroClusters.of(x, n, d, reps, seed);
        String approximation = linkage.id() + " linkage on " + mc.count + " micro-clusters (seeded sample refined by "
                + MicroClusters.LLOYD_ITERATIONS + " Lloyd iterations) of " + n + " points, above maxPoints "
                + maxPoints;
        return new Tree(x, Agglomerative.run(mc.centres, mc.count, d, mc.weights, linkage), mc.assign, approximation);
    }

    /** A built dendrogram, with the micro-cluster of every point when representatives were used. */
    private record Tree(double[] x, Dendrogram dendrogram, int[] representativeOf, String approximation) {

        Clustering clustering(FeatureMatrix data, Parameters parameters, long seed, int[] treeLabels) {
            int n = data.rows();
            int d = data.dims();
            int[] labels;
            if (representativeOf == null) {
                labels = treeLabels;
            } else {
                labels = new int[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = treeLabels[representativeOf[i]];
                }
            }
            int k = 0;
            for (int l : labels) {
                k = Math.max(k, l + 1);
            }
            double[] centroids = new double[Math.max(k, 1) * d];
            int[] counts = new int[Math.max(k, 1)];
            for (int i = 0; i < n; i++) {
                counts[labels[i]]++;
                for (int t = 0; t < d; t++) {
                    centroids[labels[i] * d + t] += x[i * d + t];
                }
            }
            for (int c = 0; c < k; c++) {
                for (int t = 0; t < d; t++) {
                    if (counts[c] > 0) {
                        centroids[c * d + t] /= counts[c];
                    }
                }
            }
            double inertia = 0;
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < d; t++) {
                    double v = x[i * d + t] - centroids[labels[i] * d + t];
                    inertia += v * v;
                }
            }
            Clustering.Builder b = Clustering.builder(ID, parameters, seed, labels)
                    .inertia(inertia)
                    .iterations(0, true)
                    .approximation(approximation);
            if (n > 0) {
                b.centroids(centroids, d);
            }
            return b.build();
        }
    }

    private static int[] cut(Dendrogram tree, Parameters parameters) {
        var h = parameters.findDouble(HEIGHT);
        return h.isPresent() ? tree.cutHeight(h.getAsDouble()) : tree.cutK(parameters.getInt(K));
    }

    @Override
    public String toString() {
        return "HierarchicalStrategy[" + ID + "]";
    }
}
