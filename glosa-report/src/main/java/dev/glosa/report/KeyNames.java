package dev.glosa.report;

/**
 * How the report shows a segment key's value. One method, so that names for codes (a hospital's CNES as its name, a
 * glosa type's code as its description) can be put in one place without touching the page.
 */
final class KeyNames {
    private KeyNames() {}

    /** The value of key column {@code column} as the reader should see it: for now the code as written. */
    static String show(String column, String code) {
        return code;
    }
}
