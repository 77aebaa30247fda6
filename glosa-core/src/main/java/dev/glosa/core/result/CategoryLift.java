package dev.glosa.core.result;

/**
 * A category that sets a group apart: its share in the group against its share in the whole segment.
 *
 * @param column the category column, e.g. {@code I_ITEM_CATEGORIA}
 * @param value the value, e.g. {@code MATERIAL}
 * @param shareInGroup the share of the group's glosa (or rows) with that value, in [0, 1]
 * @param shareInSegment the same share over the segment
 * @param lift {@code shareInGroup / shareInSegment}
 */
public record CategoryLift(String column, String value, double shareInGroup, double shareInSegment, double lift) {}
