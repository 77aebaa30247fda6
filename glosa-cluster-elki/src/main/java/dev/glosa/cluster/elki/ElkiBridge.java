package dev.glosa.cluster.elki;

import elki.clustering.dbscan.DBSCAN;
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
import elki.data.type.TypeUtil;
import elki.database.Database;
import elki.database.StaticArrayDatabase;
import elki.database.ids.DBIDIter;
import elki.database.ids.DBIDUtil;
import elki.database.relation.Relation;
import elki.datasource.ArrayAdapterDatabaseConnection;
import elki.distance.Distance;
import elki.distance.minkowski.EuclideanDistance;
import elki.distance.minkowski.SquaredEuclideanDistance;
import elki.utilities.random.RandomFactory;
import java.util.List;

/**
 * The only class that touches ELKI types; loaded only when an ELKI strategy actually runs.
 *
 * <p>Every call builds its own database with start id 0, so that ELKI's JVM-global id counter never leaks into
 * labels, and no index is registered, so range queries are exact linear scans.
 */
final class ElkiBridge {
    private ElkiBridge() {}

    static Relation<NumberVector> relation(double[] x, int n, int d) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new double[d];
            System.arraycopy(x, i * d, rows[i], 0, d);
        }
        Database db = new StaticArrayDatabase(new ArrayAdapterDatabaseConnection(rows, null, 0), List.of());
        db.initialize();
        return db.getRelation(TypeUtil.NUMBER_VECTOR_FIELD);
    }

    static int[] labels(Clustering<?> c, int n) {
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

    static int[] kmeans(double[] x, int n, int d, int k, int maxIterations, long seed) {
        Relation<NumberVector> rel = relation(x, n, d);
        HamerlyKMeans<NumberVector> km = new HamerlyKMeans<>(
                SquaredEuclideanDistance.STATIC,
                k,
                maxIterations,
                new KMeansPlusPlus<>(new RandomFactory(seed)),
                false);
        return labels(km.run(rel), n);
    }

    static int[] dbscan(double[] x, int n, int d, double eps, int minPts) {
        Relation<NumberVector> rel = relation(x, n, d);
        return labels(new DBSCAN<NumberVector>(EuclideanDistance.STATIC, eps, minPts).run(rel), n);
    }

    static int[] hierarchical(double[] x, int n, int d, String linkage, int k) {
        Relation<NumberVector> rel = relation(x, n, d);
        Distance<? super NumberVector> dist =
                linkage.equals("ward") ? SquaredEuclideanDistance.STATIC : EuclideanDistance.STATIC;
        Linkage l = switch (linkage) {
            case "ward" -> WardLinkage.STATIC;
            case "complete" -> CompleteLinkage.STATIC;
            case "average" -> GroupAverageLinkage.STATIC;
            case "single" -> SingleLinkage.STATIC;
            default -> throw new IllegalArgumentException("unknown linkage '" + linkage + "'");
        };
        Anderberg<NumberVector> algo = new Anderberg<>(dist, l);
        ClusterMergeHistory history = algo.run(rel);
        return labels(new CutDendrogramByNumberOfClusters(algo, k, false).run(history), n);
    }
}
