package dev.glosa.io.dbf;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The header of a dBase III file: record count and size, and the field descriptors.
 *
 * @param version the first header byte ({@code 0x03} for dBase III without memo)
 * @param lastUpdate the date of last update stored in the header, {@code null} when it is not a valid date
 * @param recordCount the number of records the header declares
 * @param headerLength the header size in bytes (where the records start)
 * @param recordLength the size of one record, deletion flag included
 * @param fields the field descriptors, in record order
 */
public record DbfHeader(
        int version,
        LocalDate lastUpdate,
        long recordCount,
        int headerLength,
        int recordLength,
        List<DbfField> fields) {

    /** Size of the fixed part of the header, and of one field descriptor. */
    static final int BLOCK = 32;
    /** Byte that ends the field descriptor array. */
    static final int TERMINATOR = 0x0D;
    /** Largest record count accepted; more is treated as a corrupt header. */
    static final long MAX_RECORDS = Integer.MAX_VALUE;

    /**
     * Checks the header and copies the fields.
     *
     * @param version as {@link #version()}
     * @param lastUpdate as {@link #lastUpdate()}
     * @param recordCount as {@link #recordCount()}
     * @param headerLength as {@link #headerLength()}
     * @param recordLength as {@link #recordLength()}
     * @param fields as {@link #fields()}
     */
    public DbfHeader {
        Objects.requireNonNull(fields, "fields");
        fields = List.copyOf(fields);
        if (recordCount < 0 || recordCount > MAX_RECORDS) {
            throw new IllegalArgumentException("record count must be 0.." + MAX_RECORDS + ", found " + recordCount);
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a DBF needs at least one field");
        }
        int minHeader = BLOCK + BLOCK * fields.size() + 1;
        if (headerLength < minHeader || headerLength > 0xFFFF) {
            throw new IllegalArgumentException("header length must be " + minHeader + "..65535 for " + fields.size()
                    + " fields, found " + headerLength);
        }
        int end = 1;
        for (DbfField f : fields) {
            end = Math.max(end, f.offset() + f.length());
        }
        if (recordLength < end || recordLength > 0xFFFF) {
            throw new IllegalArgumentException(
                    "record length must be " + end + "..65535 for these fields, found " + recordLength);
        }
    }

    /**
     * {@return the index of the field called {@code name} (exact match), or {@code -1}}
     *
     * @param name the field's name
     */
    public int fieldIndex(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** {@return the number of bytes the header promises after itself: record count times record length} */
    public long dataLength() {
        return recordCount * recordLength;
    }

    /**
     * Parses a complete header.
     *
     * @param h the header bytes; at least {@code headerLength} of them (the 16-bit value at offset 8)
     * @param file the file name for messages
     * @param warnings receives problems that do not prevent reading
     */
    static DbfHeader parse(byte[] h, String file, List<String> warnings) throws MalformedFileException {
        if (h.length < BLOCK) {
            throw new MalformedFileException(
                    file, h.length, "file too short for a DBF header: " + h.length + " bytes, need 32");
        }
        int version = h[0] & 0xFF;
        long count = u32(h, 4);
        int headerLength = u16(h, 8);
        int recordLength = u16(h, 10);
        if (count > MAX_RECORDS) {
            throw new MalformedFileException(file, 4, "header record count " + count + " exceeds " + MAX_RECORDS);
        }
        if (headerLength < BLOCK + BLOCK + 1) {
            throw new MalformedFileException(
                    file, 8, "header length must be at least 65 (one field), found " + headerLength);
        }
        if (h.length < headerLength) {
            throw new MalformedFileException(
                    file, h.length, "header length " + headerLength + " exceeds the " + h.length + " bytes available");
        }
        List<DbfField> fields = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int at = BLOCK;
        int offset = 1;
        while (true) {
            if (at >= headerLength) {
                throw new MalformedFileException(
                        file, at, "field descriptors not terminated by 0x0D within the header length " + headerLength);
            }
            if ((h[at] & 0xFF) == TERMINATOR) {
                break;
            }
            if (at + BLOCK > headerLength) {
                throw new MalformedFileException(
                        file,
                        at,
                        "field descriptors not terminated by 0x0D within the header" + " length " + headerLength
                                + " (descriptor " + (fields.size() + 1) + " would run past it)");
            }
            int nameEnd = at;
            while (nameEnd < at + 11 && h[nameEnd] != 0) {
                nameEnd++;
            }
            String name = new String(h, at, nameEnd - at, StandardCharsets.ISO_8859_1).trim();
            char code = (char) (h[at + 11] & 0xFF);
            DbfFieldType type = DbfFieldType.of(code);
            if (type == null) {
                throw new MalformedFileException(
                        file,
                        at + 11,
                        "field " + printable(name) + ": unsupported type '" + printable(String.valueOf(code))
                                + "' (expected one of C N F D L)");
            }
            int length = h[at + 16] & 0xFF;
            int decimals = h[at + 17] & 0xFF;
            DbfField field;
            try {
                field = new DbfField(name, type, length, decimals, offset);
            } catch (IllegalArgumentException e) {
                throw new MalformedFileException(
                        file, at, "field descriptor " + (fields.size() + 1) + ": " + printable(e.getMessage()), e);
            }
            if (seen.put(name, fields.size()) != null) {
                throw new MalformedFileException(file, at, "field name " + name + " appears twice");
            }
            fields.add(field);
            offset += length;
            at += BLOCK;
        }
        if (fields.isEmpty()) {
            throw new MalformedFileException(file, at, "header declares no fields");
        }
        if (recordLength < offset) {
            throw new MalformedFileException(
                    file,
                    10,
                    "record length " + recordLength + " is less than the " + offset
                            + " bytes of the deletion flag and the fields");
        }
        if (recordLength > offset) {
            warnings.add("record length " + recordLength + " exceeds the " + offset + " bytes of the fields; "
                    + (recordLength - offset) + " padding bytes ignored");
        }
        // dBase III often writes one 0x00 after the terminator; anything more is unusual enough to mention.
        if (headerLength > at + 2 || (headerLength == at + 2 && h[at + 1] != 0)) {
            warnings.add("header length " + headerLength + " leaves " + (headerLength - at - 1)
                    + " bytes after the field terminator; ignored");
        }
        return new DbfHeader(version, lastUpdate(h), count, headerLength, recordLength, fields);
    }

    private static LocalDate lastUpdate(byte[] h) {
        try {
            return LocalDate.of(1900 + (h[1] & 0xFF), h[2] & 0xFF, h[3] & 0xFF);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    /** Escapes control and non-ASCII characters so a corrupt name cannot break a one-line message. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == 0x7F) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
