package dev.glosa.io.dbf;

import java.util.Objects;

/**
 * One field descriptor of a DBF header.
 *
 * @param name the field name (at most 10 ASCII characters)
 * @param type the field type
 * @param length the width in bytes, 1 to 255
 * @param decimals the digits after the decimal point of a numeric field (as stored; 0 for other types)
 * @param offset the position of the field's first byte inside a record, counting the deletion flag as byte 0
 */
public record DbfField(String name, DbfFieldType type, int length, int decimals, int offset) {

    /**
     * Checks the descriptor.
     *
     * @param name as {@link #name()}
     * @param type as {@link #type()}
     * @param length as {@link #length()}
     * @param decimals as {@link #decimals()}
     * @param offset as {@link #offset()}
     */
    public DbfField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isEmpty() || name.length() > 10) {
            throw new IllegalArgumentException("field name must have 1 to 10 characters, found '" + name + "'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                throw new IllegalArgumentException("field name must be printable ASCII, found '" + name + "'");
            }
        }
        if (length < 1 || length > 255) {
            throw new IllegalArgumentException("field " + name + ": length must be 1..255, found " + length);
        }
        if (decimals < 0 || decimals > 255) {
            throw new IllegalArgumentException("field " + name + ": decimals must be 0..255, found " + decimals);
        }
        if ((type == DbfFieldType.NUMERIC || type == DbfFieldType.FLOAT) && decimals >= length && decimals > 0) {
            throw new IllegalArgumentException(
                    "field " + name + ": decimals must be less than the length " + length + ", found " + decimals);
        }
        if (type == DbfFieldType.DATE && length != 8) {
            throw new IllegalArgumentException("field " + name + ": a date field has length 8, found " + length);
        }
        if (offset < 1) {
            throw new IllegalArgumentException("field " + name + ": offset must be >= 1, found " + offset);
        }
    }

    /** {@return a short description such as {@code VAL_TOT (N,14,2)} for messages} */
    public String describe() {
        return name + " (" + type.code() + "," + length + "," + decimals + ")";
    }
}
