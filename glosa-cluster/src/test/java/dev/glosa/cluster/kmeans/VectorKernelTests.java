package dev.glosa.cluster.kmeans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.cluster.testing.Blobs;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The engine against {@link ScalarReferenceKMeans}, the scalar engine as it stood before the Vector API kernel: same
 * labels, centres, inertia, iterations and convergence to the bit, on the scalar path and (when the JVM has the
 * module) the vector path, on one thread and on pools of two and three.
 *
 * <p>The build runs this class twice: with {@code --add-modules jdk.incubator.vector} (both paths) and without it
 * (the scalar fallback, which must then load and run without the module).
 */
class VectorKernelTests {

    @Test
    void theVectorPathIsOnWhereverTheModuleIs() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertThat(VectorSupport.ENABLED)
                .isEqualTo(module
                        && !"false".equals(System.getProperty("glosa.kmeans.vector"))
                        && VectorKernel.lanes() >= 4);
    }

    @Test
    void everyKOfASearchIsTheReferencesToTheBitOnEveryPathAndThreadCount() throws Exception {
        // Overlapping blobs, so that many points fail their bounds; d covers padding (2, 5, 9), a row of one vector
        // (8), k up to 15 (two groups of lanes when a vector holds 8 doubles) and beyond the seeding boundary (17).
        int[][] shapes = {{2, 1200}, {4, 3000}, {5, 2500}, {8, 4000}, {9, 1500}};
        for (int[] shape : shapes) {
            Blobs b = Blobs.generate(
                    new int[] {shape[1], shape[1] / 2, shape[1] / 3, shape[1] / 4}, shape[0], 1.5, 2.0, shape[0]);
            assertSameAsReference(b, 1, 17, 3, 0.0);
            assertSameAsReference(b, 2, 6, 2, 1e-4);
        }
    }

    @Test
    void inputsOfSeveralChunksAreTheReferencesToTheBitOnEveryPathAndThreadCount() throws Exception {
        Blobs b = Blobs.generate(new int[] {40_000, 30_000, 20_000, 10_000, 5_000, 5_000}, 8, 1.5, 1.5, 18);
        assertSameAsReference(b, 6, 6, 1, 0.0);
        assertSameAsReference(b, 3, 4, 1, 1e-4);
    }

    @Test
    void duplicatePointsAndNaNFreeTiesAreTheReferences() throws Exception {
        // Many equal distances: the lower centre must win ties on the vector path too.
        double[] x = new double[600 * 4];
        for (int i = 0; i < 600; i++) {
            x[i * 4] = i % 5;
            x[i * 4 + 1] = (i / 5) % 3;
        }
        assertSameAsReference(new Blobs(x, 600, 4, new int[600], 1), 2, 12, 2, 0.0);
    }

    private static void assertSameAsReference(Blobs b, int kMin, int kMax, int restarts, double tol) throws Exception {
        ScalarReferenceKMeans.Best[] ref =
                new ScalarReferenceKMeans(b.x(), b.n(), b.d(), kMax).runEach(kMin, kMax, restarts, 300, tol, 42);
        // The vector path as the input's size chooses it (-1), then every vector with a failing point scanned whole
        // (0), then those with more than three (the moves of both kinds then merge in point order).
        int[][] paths = VectorSupport.ENABLED ? new int[][] {{0, 0}, {1, -1}, {1, 0}, {1, 3}} : new int[][] {{0, 0}};
        for (int[] path : paths) {
            boolean vector = path[0] == 1;
            for (int threads : new int[] {1, 2, 3}) {
                ForkJoinPool pool = new ForkJoinPool(threads);
                try {
                    HamerlyKMeans.Best[] got = pool.submit(
                                    () -> new HamerlyKMeans(b.x(), b.n(), b.d(), kMax, vector, path[1])
                                            .runEach(kMin, kMax, restarts, 300, tol, 42))
                            .get();
                    for (int i = 0; i < ref.length; i++) {
                        String what = String.format(
                                "d=%d n=%d k=%d vector=%b wholeAbove=%d threads=%d",
                                b.d(), b.n(), kMin + i, vector, path[1], threads);
                        assertThat(got[i].assign).as(what).isEqualTo(ref[i].assign);
                        assertThat(got[i].centers).as(what).isEqualTo(ref[i].centers);
                        assertThat(Double.doubleToRawLongBits(got[i].inertia))
                                .as(what)
                                .isEqualTo(Double.doubleToRawLongBits(ref[i].inertia));
                        assertThat(got[i].iterations).as(what).isEqualTo(ref[i].iterations);
                        assertThat(got[i].converged).as(what).isEqualTo(ref[i].converged);
                    }
                } finally {
                    pool.shutdown();
                }
            }
        }
    }
}
