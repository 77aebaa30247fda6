package dev.glosa.io.powerbi;

/**
 * One column of a star-schema table.
 *
 * @param name the header name
 * @param type its type
 * @param description one line for {@code manifest.json}
 * @param pseudonymised whether its values are pseudonyms of patient identifiers
 */
record ColumnSpec(String name, CellType type, String description, boolean pseudonymised) {

    static ColumnSpec of(String name, CellType type, String description) {
        return new ColumnSpec(name, type, description, false);
    }
}
