package dev.glosa.cluster.kmeans;

/**
 * Whether the k-means engine uses the Vector API kernel ({@link VectorKernel}), decided once per JVM.
 *
 * <p>Yes when the JVM was started with {@code --add-modules jdk.incubator.vector}, the preferred vector holds at
 * least four doubles, and the system property {@code glosa.kmeans.vector} is not {@code false}. Either path gives
 * the same results to the bit; the vector one is faster.
 */
final class VectorSupport {
    /** The decision for this JVM. */
    static final boolean ENABLED = decide();

    private VectorSupport() {}

    private static boolean decide() {
        if (!Boolean.parseBoolean(System.getProperty("glosa.kmeans.vector", "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorKernel.lanes() >= 4;
        } catch (LinkageError e) {
            return false; // the module is there but not readable from here: the scalar path it is
        }
    }
}
