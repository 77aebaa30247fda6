package dev.glosa.cluster.spi;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable n × d matrix of finite doubles, one row per point, stored as one flat row-major array.
 *
 * <p>Each point remembers the index of the table row it came from, and each column its feature name. Arrays are copied
 * in and out, so a matrix can be shared between threads and strategies freely. Values are always finite: a
 * {@code NaN} or infinite value is rejected with the row and the column that hold it.
 */
public final class FeatureMatrix {
    private final int rows;
    private final int dims;
    private final double[] values;
    private final List<String> columnNames;
    private final int[] rowIndex;

    private FeatureMatrix(int rows, int dims, double[] values, List<String> columnNames, int[] rowIndex) {
        this.rows = rows;
        this.dims = dims;
        this.values = values;
        this.columnNames = columnNames;
        this.rowIndex = rowIndex;
    }

    /**
     * A matrix from a flat row-major array of {@code rowIndex.length × columnNames.size()} values, all copied.
     *
     * @return the matrix
     * @param values row-major values, {@code values[i * d + j]} is feature {@code j} of point {@code i}
     * @param columnNames the name of each feature (at least one)
     * @param rowIndex the table row of each point
     * @throws IllegalArgumentException if the sizes disagree or a value is not finite
     */
    public static FeatureMatrix of(double[] values, List<String> columnNames, int[] rowIndex) {
        Objects.requireNonNull(values, "values");
        List<String> names = List.copyOf(columnNames);
        int d = names.size();
        if (d == 0) {
            throw new IllegalArgumentException("a feature matrix needs at least one column, found 0");
        }
        int n = rowIndex.length;
        if ((long) n * d != values.length) {
            throw new IllegalArgumentException("values.length (" + values.length + ") must be rows (" + n
                    + ") x columns (" + d + ") = " + (long) n * d);
        }
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("feature '" + names.get(i % d) + "' of point " + (i / d)
                        + " (table row " + rowIndex[i / d] + ") must be finite, found " + v[i]);
            }
        }
        return new FeatureMatrix(n, d, v, names, rowIndex.clone());
    }

    /**
     * {@return a matrix from a flat row-major array with columns named {@code x0, x1, ...} and row indices {@code
     * 0..n-1}}
     *
     * @param values row-major values
     * @param dims the number of features
     */
    public static FeatureMatrix of(double[] values, int dims) {
        if (dims <= 0 || values.length % dims != 0) {
            throw new IllegalArgumentException("values.length (" + values.length + ") must be a multiple of dims ("
                    + dims + ") and dims must be positive");
        }
        return of(values, defaultNames(dims), identity(values.length / dims));
    }

    /**
     * {@return a matrix from one array per point, with columns named {@code x0, x1, ...} and row indices {@code
     * 0..n-1}}
     *
     * @param points one array of feature values per point
     */
    public static FeatureMatrix ofRows(double[]... points) {
        if (points.length == 0) {
            throw new IllegalArgumentException(
                    "ofRows needs at least one point to know the dimension; use of(values, names, rowIndex) for an empty matrix");
        }
        int d = points[0].length;
        double[] v = new double[points.length * d];
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != d) {
                throw new IllegalArgumentException(
                        "point " + i + " has " + points[i].length + " values, expected " + d);
            }
            System.arraycopy(points[i], 0, v, i * d, d);
        }
        return of(v, d);
    }

    /** {@return the number of points} */
    public int rows() {
        return rows;
    }

    /** {@return the number of features per point} */
    public int dims() {
        return dims;
    }

    /**
     * {@return feature {@code column} of point {@code row}}
     *
     * @param row the point, from 0
     * @param column the feature, from 0
     */
    public double get(int row, int column) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(column, dims);
        return values[row * dims + column];
    }

    /** {@return a copy of all values, row-major} */
    public double[] values() {
        return values.clone();
    }

    /**
     * Copies the values of point {@code row} into {@code target} from {@code offset} on.
     *
     * @param row the point, from 0
     * @param target where the values go
     * @param offset where in {@code target} the first one goes
     */
    public void copyRow(int row, double[] target, int offset) {
        Objects.checkIndex(row, rows);
        System.arraycopy(values, row * dims, target, offset, dims);
    }

    /** {@return the feature names, one per column} */
    public List<String> columnNames() {
        return columnNames;
    }

    /**
     * {@return the table row that point {@code row} came from}
     *
     * @param row the point, from 0
     */
    public int rowIndex(int row) {
        return rowIndex[row];
    }

    /** {@return a copy of the table row of every point} */
    public int[] rowIndices() {
        return rowIndex.clone();
    }

    /**
     * {@return the points at {@code rows}, in that order, keeping their table row indices}
     *
     * @param rows the points kept, from 0
     */
    public FeatureMatrix select(int[] rows) {
        double[] v = new double[rows.length * dims];
        int[] idx = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            Objects.checkIndex(rows[i], this.rows);
            System.arraycopy(values, rows[i] * dims, v, i * dims, dims);
            idx[i] = rowIndex[rows[i]];
        }
        return new FeatureMatrix(rows.length, dims, v, columnNames, idx);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureMatrix m
                && m.dims == dims
                && m.columnNames.equals(columnNames)
                && Arrays.equals(m.rowIndex, rowIndex)
                && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(values) + Arrays.hashCode(rowIndex)) + columnNames.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rows + " x " + dims + ", columns=" + columnNames + "]";
    }

    private static List<String> defaultNames(int d) {
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = "x" + j;
        }
        return List.of(names);
    }

    private static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }
}
