package dev.glosa.core.table;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary-encoded text column: one code per row and a dictionary of distinct values.
 *
 * <p>Code {@code -1} means missing; the builder stores {@code null} and the empty string alike as missing, so a blank
 * cell and an absent one never make two different groups. Codes are assigned in order of first appearance, so equal
 * inputs give equal codes.
 *
 * <p>A code takes one byte per row when the dictionary has at most 255 values, two when it has at most 65,535, four
 * otherwise: most of an AIH's hundred-odd text fields have a few values, and a national year holds millions of rows.
 */
public final class CategoryColumn implements Column {
    /** The code of a missing value. */
    public static final int MISSING = -1;

    private static final int BYTE_VALUES = 255;
    private static final int CHAR_VALUES = 65_535;

    private final String name;
    private final int size;
    // Exactly one of the three holds the codes, chosen by the dictionary's size: code + 1 in the narrow ones, so that
    // 0 is missing.
    private final byte[] byteCodes;
    private final char[] charCodes;
    private final int[] intCodes;
    private final String[] dictionary;

    private CategoryColumn(String name, int[] codes, String[] dictionary) {
        Column.checkName(name);
        this.name = name;
        this.size = codes.length;
        this.dictionary = dictionary;
        if (dictionary.length <= BYTE_VALUES) {
            byte[] b = new byte[codes.length];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (codes[i] + 1);
            }
            this.byteCodes = b;
            this.charCodes = null;
            this.intCodes = null;
        } else if (dictionary.length <= CHAR_VALUES) {
            char[] c = new char[codes.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = (char) (codes[i] + 1);
            }
            this.byteCodes = null;
            this.charCodes = c;
            this.intCodes = null;
        } else {
            this.byteCodes = null;
            this.charCodes = null;
            this.intCodes = codes;
        }
    }

    /** The same codes and dictionary under another name, or the given rows of them: nothing is widened. */
    private CategoryColumn(String name, CategoryColumn from, int[] rows) {
        Column.checkName(name);
        this.name = name;
        this.dictionary = from.dictionary;
        this.size = rows == null ? from.size : rows.length;
        if (from.byteCodes != null) {
            byte[] b = from.byteCodes;
            if (rows != null) {
                b = new byte[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    b[i] = from.byteCodes[rows[i]];
                }
            }
            this.byteCodes = b;
            this.charCodes = null;
            this.intCodes = null;
        } else if (from.charCodes != null) {
            char[] c = from.charCodes;
            if (rows != null) {
                c = new char[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    c[i] = from.charCodes[rows[i]];
                }
            }
            this.byteCodes = null;
            this.charCodes = c;
            this.intCodes = null;
        } else {
            int[] w = from.intCodes;
            if (rows != null) {
                w = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    w[i] = from.intCodes[rows[i]];
                }
            }
            this.byteCodes = null;
            this.charCodes = null;
            this.intCodes = w;
        }
    }

    /**
     * {@return a column of the given values; {@code null} is missing}
     *
     * @param name the column's name
     * @param values the values in row order
     */
    public static CategoryColumn of(String name, String... values) {
        Builder b = new Builder(name, values.length);
        for (String v : values) {
            b.add(v);
        }
        return b.build();
    }

    /**
     * {@return a column of the given values; {@code null} is missing}
     *
     * @param name the column's name
     * @param values the values in row order
     */
    public static CategoryColumn of(String name, List<String> values) {
        return of(name, values.toArray(new String[0]));
    }

    /**
     * A column from codes and a dictionary, both copied.
     *
     * @param name the column's name
     * @param codes each row's index into {@code dictionary}, {@code -1} for missing
     * @param dictionary the distinct values
     * @return the column
     * @throws IllegalArgumentException if a code is below {@code -1} or not in the dictionary
     */
    public static CategoryColumn ofCodes(String name, int[] codes, String[] dictionary) {
        for (int i = 0; i < dictionary.length; i++) {
            if (dictionary[i] == null || dictionary[i].isEmpty()) {
                throw new IllegalArgumentException("dictionary value " + i + " of column '" + name
                        + "' must not be null or empty: a missing value is code -1");
            }
        }
        int[] c = codes.clone();
        for (int i = 0; i < c.length; i++) {
            if (c[i] < MISSING || c[i] >= dictionary.length) {
                throw new IllegalArgumentException("code (" + c[i] + ") at row " + i + " of column '" + name
                        + "' must be -1 or less than the dictionary size (" + dictionary.length + ")");
            }
        }
        return new CategoryColumn(name, c, dictionary.clone());
    }

    /**
     * {@return a column of one value repeated {@code size} times}
     *
     * @param name the column's name
     * @param value the value of every row, {@code null} for missing
     * @param size the number of rows
     */
    public static CategoryColumn constant(String name, String value, int size) {
        int[] c = new int[size];
        if (value == null || value.isEmpty()) {
            Arrays.fill(c, MISSING);
            return new CategoryColumn(name, c, new String[0]);
        }
        return new CategoryColumn(name, c, new String[] {value});
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public ColumnType type() {
        return ColumnType.CATEGORY;
    }

    @Override
    public boolean isMissing(int row) {
        return code(row) == MISSING;
    }

    @Override
    public String text(int row) {
        int c = code(row);
        return c == MISSING ? "" : dictionary[c];
    }

    /**
     * {@return the code at {@code row}, {@code -1} when missing}
     *
     * @param row the row, from 0
     */
    public int code(int row) {
        if (byteCodes != null) {
            return (byteCodes[row] & 0xFF) - 1;
        }
        if (charCodes != null) {
            return charCodes[row] - 1;
        }
        return intCodes[row];
    }

    /**
     * {@return the value at {@code row}, {@code null} when missing}
     *
     * @param row the row, from 0
     */
    public String get(int row) {
        int c = code(row);
        return c == MISSING ? null : dictionary[c];
    }

    /** {@return the number of distinct values in the dictionary} */
    public int cardinality() {
        return dictionary.length;
    }

    /**
     * {@return the dictionary value of {@code code}}
     *
     * @param code a code of this column, from 0
     */
    public String value(int code) {
        return dictionary[code];
    }

    /**
     * {@return the code of {@code value}, or {@code -1} if the dictionary does not hold it}
     *
     * @param value the value looked up
     */
    public int codeOf(String value) {
        for (int i = 0; i < dictionary.length; i++) {
            if (dictionary[i].equals(value)) {
                return i;
            }
        }
        return MISSING;
    }

    /** {@return a copy of the codes} */
    public int[] codes() {
        if (intCodes != null) {
            return intCodes.clone();
        }
        int[] c = new int[size];
        for (int i = 0; i < size; i++) {
            c[i] = code(i);
        }
        return c;
    }

    /** {@return a copy of the dictionary, indexed by code} */
    public String[] dictionary() {
        return dictionary.clone();
    }

    @Override
    public CategoryColumn select(int[] rows) {
        return new CategoryColumn(name, this, rows);
    }

    @Override
    public CategoryColumn rename(String newName) {
        return new CategoryColumn(newName, this, null);
    }

    /** {@return the bytes one row's code takes: 1, 2 or 4, by the dictionary's size} */
    int bytesPerCode() {
        return byteCodes != null ? 1 : charCodes != null ? 2 : 4;
    }

    @Override
    public String toString() {
        return "CategoryColumn[" + name + ", " + size + " rows, " + dictionary.length + " values]";
    }

    /** Appends values without boxing; codes follow first appearance. */
    public static final class Builder {
        private final String name;
        private int[] codes;
        private int size;
        private String[] dictionary = new String[16];
        private int dictSize;
        private final Map<String, Integer> index = new HashMap<>();

        /**
         * A builder with room for {@code capacity} rows before it grows.
         *
         * @param name the column's name
         * @param capacity the rows expected
         */
        public Builder(String name, int capacity) {
            Column.checkName(name);
            this.name = name;
            this.codes = new int[Math.max(capacity, 16)];
        }

        /**
         * Appends {@code value}; {@code null} or the empty string appends a missing value.
         *
         * @param value the value to append
         * @return this builder
         */
        public Builder add(String value) {
            ensure();
            codes[size++] = value == null || value.isEmpty() ? MISSING : codeFor(value);
            return this;
        }

        /**
         * Appends a missing value.
         *
         * @return this builder
         */
        public Builder addMissing() {
            ensure();
            codes[size++] = MISSING;
            return this;
        }

        /**
         * The code {@code value} has or will have; lets a reader intern a value once and append its code many times.
         *
         * @param value the value, {@code null} or empty for missing
         * @return its code, {@code -1} for a missing value
         */
        public int codeFor(String value) {
            if (value.isEmpty()) {
                return MISSING;
            }
            Integer c = index.get(value);
            if (c != null) {
                return c;
            }
            if (dictSize == dictionary.length) {
                dictionary = Arrays.copyOf(dictionary, dictSize * 2);
            }
            dictionary[dictSize] = value;
            index.put(value, dictSize);
            return dictSize++;
        }

        /**
         * Appends a code obtained from {@link #codeFor(String)} (which gives {@code -1} for the empty string).
         *
         * @param code a code from {@link #codeFor(String)}
         * @return this builder
         */
        public Builder addCode(int code) {
            if (code < MISSING || code >= dictSize) {
                throw new IllegalArgumentException("code (" + code + ") must be -1 or less than " + dictSize);
            }
            ensure();
            codes[size++] = code;
            return this;
        }

        /** {@return the number of values appended so far} */
        public int size() {
            return size;
        }

        private void ensure() {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, codes.length + (codes.length >> 1) + 16);
            }
        }

        /** {@return the column; the builder must not be used afterwards} */
        public CategoryColumn build() {
            return new CategoryColumn(name, Arrays.copyOf(codes, size), Arrays.copyOf(dictionary, dictSize));
        }
    }
}
