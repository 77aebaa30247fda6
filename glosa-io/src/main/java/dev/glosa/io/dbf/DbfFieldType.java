package dev.glosa.io.dbf;

/**
 * The dBase III field types this reader understands.
 *
 * <p>Any other type code in a header (memo {@code M}, binary, general...) is rejected with an error naming
 * the field.
 */
public enum DbfFieldType {
    /** {@code C}: text, padded with spaces. */
    CHARACTER('C'),
    /** {@code N}: a decimal number written in ASCII, right-aligned, with a fixed number of decimals. */
    NUMERIC('N'),
    /** {@code F}: a floating-point number written in ASCII. */
    FLOAT('F'),
    /** {@code D}: a date written {@code yyyyMMdd}. */
    DATE('D'),
    /** {@code L}: a logical, {@code T}/{@code Y} or {@code F}/{@code N}, {@code ?} or blank when unknown. */
    LOGICAL('L');

    private final char code;

    DbfFieldType(char code) {
        this.code = code;
    }

    /** {@return the one-letter code stored in the field descriptor} */
    public char code() {
        return code;
    }

    /**
     * The type with the given one-letter code.
     *
     * @param code the code stored in a field descriptor
     * @return the type, or {@code null} if the code is not one of {@code C N F D L}
     */
    public static DbfFieldType of(char code) {
        switch (code) {
            case 'C':
                return CHARACTER;
            case 'N':
                return NUMERIC;
            case 'F':
                return FLOAT;
            case 'D':
                return DATE;
            case 'L':
                return LOGICAL;
            default:
                return null;
        }
    }
}
