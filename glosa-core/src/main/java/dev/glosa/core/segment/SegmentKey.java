package dev.glosa.core.segment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The key of one segment: the segmenting columns and this segment's values of them.
 *
 * @param columns the key columns, in order
 * @param values this segment's values (empty text for a missing value), one per column
 */
public record SegmentKey(List<String> columns, List<String> values) {

    /**
     * Checks the key and copies its lists.
     *
     * @param columns as {@link #columns()}
     * @param values as {@link #values()}
     */
    public SegmentKey {
        columns = List.copyOf(columns);
        values = List.copyOf(values);
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException("a segment key needs one value per column: " + columns.size()
                    + " columns, " + values.size() + " values");
        }
    }

    /**
     * A short id that depends only on the key's columns and values, so the same segment has the same id in every run:
     * {@code S} and the first 12 hex digits of the SHA-256 of the key.
     *
     * @return the id
     */
    public String id() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sb.append(columns.get(i)).append('\u001f').append(values.get(i)).append('\u001e');
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return "S" + HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * {@return the value of {@code column}, or {@code null} when the key has no such column}
     *
     * @param column the key column
     */
    public String value(String column) {
        int i = columns.indexOf(column);
        return i < 0 ? null : values.get(i);
    }

    /** {@return {@code hospital=2001 · payer=SUS · glosa_type=07} for logs and labels} */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(" · ");
            }
            sb.append(columns.get(i)).append('=').append(values.get(i));
        }
        return sb.toString();
    }
}
