package dev.glosa.cluster.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HungarianTests {

    @Test
    void findsTheMinimumCostAssignmentOfRandomMatricesLikeBruteForce() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 400; trial++) {
            int rows = 1 + rnd.nextInt(6);
            int cols = 1 + rnd.nextInt(6);
            double[] cost = new double[rows * cols];
            for (int i = 0; i < cost.length; i++) {
                // Integer costs with repeats make ties common.
                cost[i] = rnd.nextBoolean() ? rnd.nextInt(5) : rnd.nextDouble() * 10;
            }
            int[] a = Hungarian.assign(cost, rows, cols);
            assertThat(a).hasSize(rows);
            boolean[] usedCol = new boolean[cols];
            int pairs = 0;
            double total = 0;
            for (int i = 0; i < rows; i++) {
                if (a[i] >= 0) {
                    assertThat(usedCol[a[i]]).isFalse();
                    usedCol[a[i]] = true;
                    pairs++;
                    total += cost[i * cols + a[i]];
                }
            }
            assertThat(pairs).isEqualTo(Math.min(rows, cols));
            assertThat(total).isCloseTo(bruteForce(cost, rows, cols), within(1e-9));
        }
    }

    @Test
    void solvesAKnownThreeByThreeCase() {
        double[] cost = {
            4, 1, 3,
            2, 0, 5,
            3, 2, 2
        };
        assertThat(Hungarian.assign(cost, 3, 3)).containsExactly(1, 0, 2);
    }

    @Test
    void handlesEmptyMatrices() {
        assertThat(Hungarian.assign(new double[0], 0, 4)).isEmpty();
        assertThat(Hungarian.assign(new double[0], 3, 0)).containsExactly(-1, -1, -1);
    }

    @Test
    void rejectsNonFiniteCostsAndWrongSizes() {
        assertThatThrownBy(() -> Hungarian.assign(new double[] {1, Double.NaN}, 1, 2))
                .hasMessage("cost of row 0, column 1 must be finite, found NaN");
        assertThatThrownBy(() -> Hungarian.assign(new double[3], 2, 2))
                .hasMessage("cost.length (3) must be rows (2) x cols (2)");
    }

    /** The minimum over every injective map of the smaller side into the larger. */
    private static double bruteForce(double[] cost, int rows, int cols) {
        return search(cost, rows, cols, 0, new boolean[Math.max(rows, cols)]);
    }

    private static double search(double[] cost, int rows, int cols, int i, boolean[] used) {
        boolean rowsSmaller = rows <= cols;
        int small = rowsSmaller ? rows : cols;
        int large = rowsSmaller ? cols : rows;
        if (i == small) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < large; j++) {
            if (!used[j]) {
                used[j] = true;
                double c = rowsSmaller ? cost[i * cols + j] : cost[j * cols + i];
                best = Math.min(best, c + search(cost, rows, cols, i + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}
