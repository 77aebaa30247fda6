package dev.glosa.io.dbf;

import java.io.IOException;

/**
 * Signals that a DBF, DBC or imploded stream is corrupt, truncated or inconsistent with its header.
 *
 * <p>The message is one line of the form {@code FILE: byte OFFSET: DETAIL}, where the offset is counted in
 * the file as stored (for a {@code .dbc}, offsets of record-level problems are counted in the decompressed
 * DBF and say so). {@link #file()} and {@link #offset()} give the two parts separately.
 */
public final class MalformedFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file or stream name, {@code null} for an anonymous stream. */
    private final String file;
    /** The byte offset of the problem, {@code -1} when unknown. */
    private final long offset;

    /**
     * Creates an exception for a problem found at {@code offset} of {@code file}.
     *
     * @param file the file or stream name, {@code null} for an anonymous stream
     * @param offset the byte offset where the problem was found, {@code -1} when unknown
     * @param detail what is wrong, giving the rule and the value
     */
    public MalformedFileException(String file, long offset, String detail) {
        this(file, offset, detail, null);
    }

    /**
     * Creates an exception for a problem found at {@code offset} of {@code file}, with its cause.
     *
     * @param file the file or stream name, {@code null} for an anonymous stream
     * @param offset the byte offset where the problem was found, {@code -1} when unknown
     * @param detail what is wrong, giving the rule and the value
     * @param cause the underlying exception, or {@code null}
     */
    public MalformedFileException(String file, long offset, String detail, Throwable cause) {
        super(format(file, offset, detail), cause);
        this.file = file;
        this.offset = offset;
    }

    private static String format(String file, long offset, String detail) {
        String name = file == null ? "<stream>" : file;
        return offset < 0 ? name + ": " + detail : name + ": byte " + offset + ": " + detail;
    }

    /** {@return the file or stream name given at construction, {@code null} for an anonymous stream} */
    public String file() {
        return file;
    }

    /** {@return the byte offset where the problem was found, {@code -1} when unknown} */
    public long offset() {
        return offset;
    }
}
