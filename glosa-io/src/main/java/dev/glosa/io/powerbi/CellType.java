package dev.glosa.io.powerbi;

import dev.glosa.core.table.ColumnType;

/** The type of a star-schema column as {@code manifest.json} and the Power Query scripts name it. */
enum CellType {
    /** Text; cells that could start a spreadsheet formula carry a leading {@code '}. */
    TEXT("text"),
    /** A decimal number with {@code .} as decimal mark, no exponent. */
    NUMBER("number"),
    /** A whole number. */
    INTEGER("integer"),
    /** An ISO date, {@code yyyy-MM-dd}. */
    DATE("date"),
    /** A month, {@code yyyy-MM}. */
    MONTH("month"),
    /** An ISO-8601 UTC instant to the second, {@code yyyy-MM-ddTHH:mm:ssZ}. */
    DATETIME("datetime");

    final String id;

    CellType(String id) {
        this.id = id;
    }

    static CellType of(ColumnType type) {
        return switch (type) {
            case CATEGORY -> TEXT;
            case DOUBLE -> NUMBER;
            case LONG -> INTEGER;
            case DATE -> DATE;
            case MONTH -> MONTH;
        };
    }

    /** The type named {@code id}, or {@code null} when unknown. */
    static CellType parse(String id) {
        for (CellType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return null;
    }
}
