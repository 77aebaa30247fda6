package dev.glosa.io.dbf;

/** The outcome of the CRC-32 check of a {@code .dbc} file. */
public enum CrcStatus {
    /** The stored CRC-32 equals the CRC-32 of the decompressed DBF. */
    OK,
    /** The stored CRC-32 differs from the computed one (reported only when the caller asked not to fail). */
    MISMATCH,
    /** The format carries no checksum (plain {@code .dbf}). */
    ABSENT
}
