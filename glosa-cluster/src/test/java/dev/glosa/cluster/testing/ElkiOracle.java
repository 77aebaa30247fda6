package dev.glosa.cluster.testing;

import elki.clustering.hierarchical.Anderberg;
import elki.clustering.hierarchical.ClusterMergeHistory;
import elki.clustering.hierarchical.extraction.CutDendrogramByNumberOfClusters;
import elki.clustering.hierarchical.linkage.CompleteLinkage;
import elki.clustering.hierarchical.linkage.GroupAverageLinkage;
import elki.clustering.hierarchical.linkage.Linkage;
import elki.clustering.hierarchical.linkage.SingleLinkage;
import elki.clustering.hierarchical.linkage.WardLinkage;
import elki.clustering.kmeans.HamerlyKMeans;
import elki.clustering.kmeans.initialization.KMeansPlusPlus;
import elki.data.Cluster;
import elki.data.Clustering;
import elki.data.NumberVector;
import elki.data.model.ClusterModel;
import elki.data.model.Model;
import elki.data.type.TypeUtil;
import elki.database.Database;
import elki.database.StaticArrayDatabase;
import elki.database.ids.ArrayModifiableDBIDs;
import elki.database.ids.DBIDIter;
import elki.database.ids.DBIDUtil;
import elki.database.query.QueryBuilder;
import elki.database.relation.Relation;
import elki.datasource.ArrayAdapterDatabaseConnection;
import elki.distance.Distance;
import elki.distance.minkowski.EuclideanDistance;
import elki.distance.minkowski.SquaredEuclideanDistance;
import elki.evaluation.clustering.internal.DaviesBouldinIndex;
import elki.evaluation.clustering.internal.NoiseHandling;
import elki.evaluation.clustering.internal.Silhouette;
import elki.evaluation.clustering.internal.VarianceRatioCriterion;
import elki.utilities.random.RandomFactory;
import java.util.List;

/** ELKI 0.8.0 as an independent implementation to check against (test scope only). */
public final class ElkiOracle {
    private final Relation<NumberVector> rel;
    private final int n;

    /** A database of the points with start id 0, so that DBID i is point i. */
    public ElkiOracle(double[] x, int n, int d) {
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * d, rows[i], 0, d);
        }
        Database db = new StaticArrayDatabase(new ArrayAdapterDatabaseConnection(rows, null, 0), List.of());
        db.initialize();
        this.rel = db.getRelation(TypeUtil.NUMBER_VECTOR_FIELD);
        this.n = n;
    }

    private Clustering<Model> clustering(int[] labels) {
        int k = 0;
        for (int l : labels) {
            k = Math.max(k, l + 1);
        }
        ArrayModifiableDBIDs[] groups = new ArrayModifiableDBIDs[k];
        for (int c = 0; c < k; c++) {
            groups[c] = DBIDUtil.newArray();
        }
        for (int i = 0; i < n; i++) {
            groups[labels[i]].add(DBIDUtil.importInteger(i));
        }
        Clustering<Model> c = new Clustering<>();
        for (ArrayModifiableDBIDs g : groups) {
            c.addToplevelCluster(new Cluster<>(g, ClusterModel.CLUSTER));
        }
        return c;
    }

    private int[] labels(Clustering<?> c) {
        int[] labels = new int[n];
        int next = 0;
        for (Cluster<?> cluster : c.getAllClusters()) {
            int label = cluster.isNoise() ? -1 : next++;
            for (DBIDIter it = cluster.getIDs().iter(); it.valid(); it.advance()) {
                labels[DBIDUtil.asInteger(it)] = label;
            }
        }
        return labels;
    }

    /** ELKI's silhouette (singletons score 0). */
    public double silhouette(int[] labels) {
        return new Silhouette<NumberVector>(EuclideanDistance.STATIC, NoiseHandling.TREAT_NOISE_AS_SINGLETONS, false)
                .evaluateClustering(
                        rel, new QueryBuilder<>(rel, EuclideanDistance.STATIC).distanceQuery(), clustering(labels));
    }

    /** ELKI's variance ratio criterion (Calinski-Harabasz). */
    public double calinskiHarabasz(int[] labels) {
        return new VarianceRatioCriterion(NoiseHandling.MERGE_NOISE, false).evaluateClustering(rel, clustering(labels));
    }

    /** ELKI's Davies-Bouldin index with Euclidean distance and p = 1. */
    public double daviesBouldin(int[] labels) {
        return new DaviesBouldinIndex(EuclideanDistance.STATIC, NoiseHandling.MERGE_NOISE, 1.0)
                .evaluateClustering(rel, clustering(labels));
    }

    /** ELKI's Hamerly k-means with plain k-means++ seeding. */
    public int[] kmeans(int k, long seed) {
        return labels(new HamerlyKMeans<NumberVector>(
                        SquaredEuclideanDistance.STATIC, k, 1000, new KMeansPlusPlus<>(new RandomFactory(seed)), false)
                .run(rel));
    }

    /** ELKI's Anderberg agglomerative clustering cut into k clusters. */
    public int[] anderberg(String linkage, int k) {
        Distance<? super NumberVector> dist =
                linkage.equals("ward") ? SquaredEuclideanDistance.STATIC : EuclideanDistance.STATIC;
        Linkage l = switch (linkage) {
            case "ward" -> WardLinkage.STATIC;
            case "complete" -> CompleteLinkage.STATIC;
            case "average" -> GroupAverageLinkage.STATIC;
            default -> SingleLinkage.STATIC;
        };
        Anderberg<NumberVector> algo = new Anderberg<>(dist, l);
        ClusterMergeHistory h = algo.run(rel);
        return labels(new CutDendrogramByNumberOfClusters(algo, k, false).run(h));
    }

    /** ELKI's Ward merge heights (ΔSSE), in merge order. */
    public double[] wardHeights() {
        Anderberg<NumberVector> algo = new Anderberg<>(SquaredEuclideanDistance.STATIC, WardLinkage.STATIC);
        ClusterMergeHistory h = algo.run(rel);
        double[] out = new double[h.numMerges()];
        for (int i = 0; i < out.length; i++) {
            out[i] = h.getMergeHeight(i);
        }
        return out;
    }

    /** Inertia of a partition (sum of squared distances to cluster means). */
    public static double inertia(double[] x, int n, int d, int[] labels) {
        int k = 0;
        for (int l : labels) {
            k = Math.max(k, l + 1);
        }
        double[] c = new double[k * d];
        int[] cnt = new int[k];
        for (int i = 0; i < n; i++) {
            cnt[labels[i]]++;
            for (int t = 0; t < d; t++) {
                c[labels[i] * d + t] += x[i * d + t];
            }
        }
        for (int l = 0; l < k; l++) {
            for (int t = 0; t < d; t++) {
                c[l * d + t] /= cnt[l];
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                double v = x[i * d + t] - c[labels[i] * d + t];
                s += v * v;
            }
        }
        return s;
    }
}
