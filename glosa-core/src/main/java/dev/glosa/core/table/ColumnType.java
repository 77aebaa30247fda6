package dev.glosa.core.table;

/** The physical kinds of column a {@link GlosaTable} holds, each with its own missing-value convention. */
public enum ColumnType {
    /** Dictionary-encoded text; a missing value has code {@code -1}. */
    CATEGORY,
    /** Double-precision measure; a missing value is {@code NaN}. */
    DOUBLE,
    /** 64-bit integer such as a claim number; a missing value is {@link Long#MIN_VALUE}. */
    LONG,
    /** Calendar date stored as epoch day; a missing value is {@link Integer#MIN_VALUE}. */
    DATE,
    /** Calendar month stored as {@code year * 12 + month - 1}; a missing value is {@link Integer#MIN_VALUE}. */
    MONTH
}
