package dev.glosa.cluster.elki;

/** Whether the optional ELKI jars are on the class path, checked without loading any ELKI type eagerly. */
final class ElkiSupport {
    static final String CLUSTERING_CLASS = "elki.clustering.kmeans.HamerlyKMeans";
    static final String DBIDS_INT_CLASS = "elki.database.ids.integer.TrivialDBIDFactory";

    private static final boolean AVAILABLE =
            available(ElkiSupport.class.getClassLoader(), CLUSTERING_CLASS, DBIDS_INT_CLASS);

    private ElkiSupport() {}

    static boolean available() {
        return AVAILABLE;
    }

    static boolean available(ClassLoader loader, String... classNames) {
        for (String name : classNames) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
        return true;
    }

    static void checkOwner(dev.glosa.cluster.spi.Parameters parameters, String id) {
        if (!parameters.space().owner().equals(id)) {
            throw new IllegalArgumentException(
                    "parameters of strategy '" + parameters.space().owner() + "' given to strategy '" + id + "'");
        }
    }

    static void requireAvailable(String id) {
        if (!AVAILABLE) {
            throw new IllegalStateException("strategy '" + id + "' needs ELKI (elki-clustering and elki-core-dbids-int"
                    + " 0.8.0) on the class path");
        }
    }
}
