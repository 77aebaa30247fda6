package dev.glosa.bench;

import elki.clustering.kmeans.AbstractKMeans;
import elki.clustering.kmeans.ExponionKMeans;
import elki.clustering.kmeans.HamerlyKMeans;
import elki.clustering.kmeans.LloydKMeans;
import elki.clustering.kmeans.ShallotKMeans;
import elki.clustering.kmeans.initialization.KMeansInitialization;
import elki.clustering.kmeans.initialization.Predefined;
import elki.data.Cluster;
import elki.data.Clustering;
import elki.data.NumberVector;
import elki.data.model.KMeansModel;
import elki.data.type.TypeUtil;
import elki.database.Database;
import elki.database.StaticArrayDatabase;
import elki.database.ids.DBIDIter;
import elki.database.ids.DBIDUtil;
import elki.database.relation.Relation;
import elki.datasource.ArrayAdapterDatabaseConnection;
import elki.distance.minkowski.SquaredEuclideanDistance;
import elki.index.IndexFactory;
import elki.logging.Logging;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * ELKI 0.8.0 as the benchmarks use it: databases with start id 0, the k-means variants measured, labels back.
 *
 * <p>ELKI's point ids are global to the JVM, so every database starts at id 0 and id {@code i} is point {@code i}.
 * Its {@code Predefined} initializer hands its array to the run, which moves the means in place: every run gets a
 * fresh copy of the initial means.
 */
final class Elki {
    private Elki() {}

    /** The k-means variants of ELKI that are measured. */
    enum KMeansVariant {
        /** Plain Lloyd; ELKI keeps a set of point ids per cluster. */
        LLOYD,
        /** G. Hamerly, SDM 2010, DOI 10.1137/1.9781611972801.12. */
        HAMERLY,
        /** J. Newling and F. Fleuret, "Fast k-means with accurate bounds", ICML 2016. */
        EXPONION,
        /** C. Borgelt, "Even faster exact k-means clustering", IDA 2020, DOI 10.1007/978-3-030-44584-3_8. */
        SHALLOT
    }

    /** A database of {@code rows} with start id 0 and the given indexes, initialised. */
    static Relation<NumberVector> relation(double[][] rows, Collection<? extends IndexFactory<?>> indexes) {
        Database db = new StaticArrayDatabase(new ArrayAdapterDatabaseConnection(rows, null, 0), indexes);
        db.initialize();
        return db.getRelation(TypeUtil.NUMBER_VECTOR_FIELD);
    }

    /** A database of {@code rows} with start id 0 and no index. */
    static Relation<NumberVector> relation(double[][] rows) {
        return relation(rows, List.of());
    }

    /** The rows of a flat row-major {@code n × d} array. */
    static double[][] rows(double[] x, int n, int d) {
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * d, rows[i], 0, d);
        }
        return rows;
    }

    /** A copy of the means, for one run. */
    static double[][] copy(double[][] means) {
        double[][] c = new double[means.length][];
        for (int i = 0; i < means.length; i++) {
            c[i] = means[i].clone();
        }
        return c;
    }

    /** The k-means algorithm of that variant, squared Euclidean, no variance statistics. */
    static AbstractKMeans<NumberVector, KMeansModel> kmeans(
            KMeansVariant variant, int k, int maxIterations, KMeansInitialization init) {
        SquaredEuclideanDistance dist = SquaredEuclideanDistance.STATIC;
        return switch (variant) {
            case LLOYD -> new LloydKMeans<>(dist, k, maxIterations, init);
            case HAMERLY -> new HamerlyKMeans<>(dist, k, maxIterations, init, false);
            case EXPONION -> new ExponionKMeans<>(dist, k, maxIterations, init, false);
            case SHALLOT -> new ShallotKMeans<>(dist, k, maxIterations, init, false);
        };
    }

    /** Runs a variant from a copy of {@code initialMeans}. */
    static Clustering<KMeansModel> kmeans(
            KMeansVariant variant, Relation<NumberVector> rel, double[][] initialMeans, int maxIterations) {
        return kmeans(variant, initialMeans.length, maxIterations, new Predefined(copy(initialMeans)))
                .run(rel);
    }

    /** The label of every point ({@code -1} for noise), clusters numbered in ELKI's order. */
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

    /**
     * The number of iterations ELKI reports for one run of {@code variant} from {@code initialMeans}, read from its
     * statistics log; the run is deterministic, so timed runs from the same means iterate as often.
     *
     * <p>ELKI counts the first assignment (from the initial means) as iteration 1 and the last one, which changes
     * nothing, too; {@code dev.glosa} counts centre updates. The same path is therefore one more iteration in ELKI's
     * count; callers subtract it to compare.
     */
    static int iterations(
            KMeansVariant variant, Relation<NumberVector> rel, double[][] initialMeans, int maxIterations) {
        AbstractKMeans<NumberVector, KMeansModel> algo =
                kmeans(variant, initialMeans.length, maxIterations, new Predefined(copy(initialMeans)));
        String suffix = ".iterations: ";
        List<String> seen = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                String m = r.getMessage();
                if (m != null && m.contains(suffix)) {
                    seen.add(m);
                }
            }

            @Override
            public void flush() {
                // Nothing buffered.
            }

            @Override
            public void close() {
                // Nothing held.
            }
        };
        Logger log = Logger.getLogger(algo.getClass().getName());
        Level before = log.getLevel();
        boolean parents = log.getUseParentHandlers();
        log.setLevel(Logging.Level.STATISTICS);
        log.setUseParentHandlers(false);
        log.addHandler(capture);
        try {
            algo.run(rel);
        } finally {
            log.removeHandler(capture);
            log.setLevel(before);
            log.setUseParentHandlers(parents);
        }
        if (seen.isEmpty()) {
            throw new IllegalStateException("ELKI " + variant + " logged no '" + suffix.trim() + "' statistic");
        }
        String last = seen.get(seen.size() - 1);
        return Integer.parseInt(
                last.substring(last.indexOf(suffix) + suffix.length()).trim());
    }
}
