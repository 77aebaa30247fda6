package dev.glosa.io.dbf;

import dev.glosa.core.table.PersonalFields;
import dev.glosa.io.text.ByteDictionary;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Streams the live records of a DBF or DATASUS DBC file and parses their fields straight from the bytes.
 *
 * <p>Typical use: {@link #open(Path)}, then {@code while (cursor.next())} read fields by index with
 * {@link #getLong}, {@link #getDouble}, {@link #getEpochDay}, {@link #textId} or {@link #getString}, then
 * {@link #report()}. Numbers and dates are parsed without creating a {@code String}; text is decoded once per
 * distinct value of a field. Records flagged deleted ({@code *}) are skipped and counted.
 *
 * <p>The end of the data is checked when {@link #next()} returns {@code false}: fewer records than the header
 * declares is an error; more is a warning; a final {@code 0x1A} is optional. For a {@code .dbc} the imploded
 * stream may not produce more than the header declares (plus the {@code 0x1A}), and the CRC-32 of the whole
 * decompressed DBF is compared with the stored one. Every problem is a {@link MalformedFileException} naming
 * the file and the byte offset; record-level offsets of a {@code .dbc} count bytes of the decompressed DBF.
 * Memory is bounded by one block of records (about 64 KiB) plus the distinct text values. Not thread-safe.
 */
public final class DbfCursor implements Closeable {

    private static final int BLOCK_BYTES = 64 * 1024;
    private static final int EOF_MARKER = 0x1A;
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final String file;
    private final DbfFormat format;
    private final DbfHeader header;
    private final DbfReadOptions options;
    private final CountingInputStream raw;
    private final InputStream data;
    private final ImplodeInputStream implode;
    private final CRC32 crc;
    private final long storedCrc;
    private final List<String> warnings;
    private final int recordLength;
    private final int[] fieldStart;
    private final int[] fieldLength;
    private final ByteDictionary[] dictionaries;
    /** Raw bytes and id of each text field in the last record it was asked for. */
    private final byte[][] lastRaw;

    private final int[] lastId;
    /** Raw bytes, kind (1 long, 2 double) and value bits of each numeric field in the last record parsed. */
    private final byte[][] numRaw;

    private final byte[] numKind;
    private final long[] numBits;

    private final byte[] block;
    private int blockLen;
    private int blockPos;
    private boolean dataEof;
    private int recordStart = -1;
    private long recordIndex;
    private long live;
    private long deleted;
    private boolean finished;
    private CrcStatus crcStatus;

    private DbfCursor(
            String file,
            DbfFormat format,
            DbfHeader header,
            DbfReadOptions options,
            CountingInputStream raw,
            InputStream data,
            ImplodeInputStream implode,
            CRC32 crc,
            long storedCrc,
            List<String> warnings) {
        this.file = file;
        this.format = format;
        this.header = header;
        this.options = options;
        this.raw = raw;
        this.data = data;
        this.implode = implode;
        this.crc = crc;
        this.storedCrc = storedCrc;
        this.warnings = warnings;
        this.recordLength = header.recordLength();
        List<DbfField> fields = header.fields();
        this.fieldStart = new int[fields.size()];
        this.fieldLength = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            fieldStart[i] = fields.get(i).offset();
            fieldLength[i] = fields.get(i).length();
        }
        this.dictionaries = new ByteDictionary[fields.size()];
        this.lastRaw = new byte[fields.size()][];
        this.lastId = new int[fields.size()];
        this.numRaw = new byte[fields.size()][];
        this.numKind = new byte[fields.size()];
        this.numBits = new long[fields.size()];
        this.block = new byte[recordLength * Math.max(1, BLOCK_BYTES / recordLength)];
        this.crcStatus = format == DbfFormat.DBC ? null : CrcStatus.ABSENT;
    }

    /**
     * Opens {@code file} with the default options; the format follows the extension ({@code .dbc} or not).
     *
     * @param file the file
     * @throws IOException when the file cannot be read or its header is malformed
     * @return a cursor before the first record; close it
     */
    public static DbfCursor open(Path file) throws IOException {
        return open(file, DbfReadOptions.defaults());
    }

    /**
     * Opens {@code file}; the format follows the extension ({@code .dbc} or not).
     *
     * @param file the file
     * @param options the charset and the CRC policy
     * @throws IOException when the file cannot be read or its header is malformed
     * @return a cursor before the first record; close it
     */
    public static DbfCursor open(Path file, DbfReadOptions options) throws IOException {
        return open(file, DbfFormat.of(file), options);
    }

    /**
     * Opens {@code file} as the given format.
     *
     * @param file the file
     * @param format DBF or DBC
     * @param options the charset and the CRC policy
     * @throws IOException when the file cannot be read or its header is malformed
     * @return a cursor before the first record; close it
     */
    public static DbfCursor open(Path file, DbfFormat format, DbfReadOptions options) throws IOException {
        long size = Files.size(file);
        InputStream in = Files.newInputStream(file);
        try {
            DbfCursor c = open(in, file.toString(), format, options);
            if (format == DbfFormat.DBF) {
                long end = c.header.headerLength() + c.header.dataLength();
                if (end > size) {
                    throw new MalformedFileException(
                            c.file,
                            4,
                            "header declares " + c.header.recordCount()
                                    + " records of " + c.header.recordLength() + " bytes (to byte " + end
                                    + ") but the file holds " + size + " bytes");
                }
            }
            return c;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Opens a stream holding a whole DBF or DBC file; the cursor closes it.
     *
     * @return a cursor before the first record
     * @throws IOException when the stream cannot be read or its header is malformed
     * @param in the file's bytes from its first byte
     * @param name the file name used in messages and in the report
     * @param format how the records are stored
     * @param options charset and CRC policy
     */
    public static DbfCursor open(InputStream in, String name, DbfFormat format, DbfReadOptions options)
            throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        CountingInputStream raw = new CountingInputStream(Objects.requireNonNull(in, "in"));
        byte[] fixed = raw.readNBytes(DbfHeader.BLOCK);
        if (fixed.length < DbfHeader.BLOCK) {
            throw new MalformedFileException(
                    name, fixed.length, "file too short for a DBF header: " + fixed.length + " bytes, need 32");
        }
        int headerLength = DbfHeader.u16(fixed, 8);
        if (headerLength < 2 * DbfHeader.BLOCK + 1) {
            throw new MalformedFileException(
                    name, 8, "header length must be at least 65 (one field), found " + headerLength);
        }
        byte[] rest = raw.readNBytes(headerLength - DbfHeader.BLOCK);
        if (rest.length < headerLength - DbfHeader.BLOCK) {
            throw new MalformedFileException(
                    name,
                    DbfHeader.BLOCK + rest.length,
                    "header length " + headerLength + " (at byte 8) exceeds the file, which ends at byte "
                            + (DbfHeader.BLOCK + rest.length));
        }
        byte[] h = new byte[headerLength];
        System.arraycopy(fixed, 0, h, 0, DbfHeader.BLOCK);
        System.arraycopy(rest, 0, h, DbfHeader.BLOCK, rest.length);
        List<String> warnings = new ArrayList<>();
        DbfHeader header = DbfHeader.parse(h, name, warnings);
        if (format == DbfFormat.DBF) {
            return new DbfCursor(name, format, header, options, raw, raw, null, null, 0, warnings);
        }
        byte[] stored = raw.readNBytes(4);
        if (stored.length < 4) {
            throw new MalformedFileException(
                    name, headerLength + stored.length, "truncated DBC: the 4-byte CRC-32 after the header is missing");
        }
        CRC32 crc = new CRC32();
        crc.update(h);
        // The records plus an optional end-of-file marker: anything more would disagree with the header.
        long bound = header.dataLength() + 1;
        ImplodeInputStream implode = new ImplodeInputStream(raw, bound, name, headerLength + 4L);
        return new DbfCursor(
                name, format, header, options, raw, implode, implode, crc, DbfHeader.u32(stored, 0), warnings);
    }

    /** {@return the file name given at opening} */
    public String file() {
        return file;
    }

    /** {@return the container format} */
    public DbfFormat format() {
        return format;
    }

    /** {@return the parsed header} */
    public DbfHeader header() {
        return header;
    }

    /**
     * Moves to the next live record.
     *
     * @return {@code false} at the end of the data, once the end has been checked (record count, trailing
     *     bytes, CRC)
     * @throws MalformedFileException if a record flag is invalid, the data ends before the declared record
     *     count, the stream is corrupt, or the CRC does not match (unless only reported)
     */
    public boolean next() throws IOException {
        if (finished) {
            return false;
        }
        final byte[] b = block;
        while (true) {
            if (blockLen - blockPos < recordLength && !refill()) {
                finish();
                return false;
            }
            int flag = b[blockPos];
            if (flag == ' ') {
                recordStart = blockPos;
                blockPos += recordLength;
                recordIndex++;
                live++;
                return true;
            } else if (flag == '*') {
                blockPos += recordLength;
                recordIndex++;
                deleted++;
            } else if (flag == EOF_MARKER) {
                finish();
                return false;
            } else {
                throw dataError(
                        offsetOfRecord(recordIndex),
                        "record " + (recordIndex + 1) + ": deletion flag must be ' ' or '*', found " + hex(flag));
            }
        }
    }

    /** {@return the 1-based position of the current record in the file, deleted records included} */
    public long recordNumber() {
        return recordIndex;
    }

    /** {@return the offset of the current record in the (decompressed) DBF} */
    public long recordOffset() {
        return offsetOfRecord(recordIndex - 1);
    }

    /**
     * {@return whether the field holds only spaces (or NULs)}
     *
     * @param field the field's index, from 0
     */
    public boolean isBlank(int field) {
        int off = start(field);
        int end = off + fieldLength[field];
        byte[] b = block;
        for (int i = off; i < end; i++) {
            if (b[i] != ' ' && b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return the number of bytes of the field once leading and trailing spaces (and trailing NULs) are removed}
     *
     * @param field the field's index, from 0
     */
    public int textLength(int field) {
        int off = start(field);
        int end = off + fieldLength[field];
        byte[] b = block;
        while (off < end && b[off] == ' ') {
            off++;
        }
        while (end > off && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        return end - off;
    }

    /**
     * The number of digits of the field if, once spaces around are removed, it holds only ASCII digits;
     * {@code -1} if it holds anything else, {@code 0} if it is blank. For identifiers with a fixed number of
     * digits.
     *
     * @param field the field's index, from 0
     * @return the digit count, {@code -1} or {@code 0}
     */
    public int digitCount(int field) {
        int off = start(field);
        int end = off + fieldLength[field];
        byte[] b = block;
        while (off < end && b[off] == ' ') {
            off++;
        }
        while (end > off && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        for (int i = off; i < end; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
        }
        return end - off;
    }

    /**
     * The field as an integer: optional sign, digits, optionally {@code .} and zeros; spaces around are ignored.
     * Works on any field type, so text fields holding digits (codes, claim numbers) parse without a String.
     *
     * @param field the field's index, from 0
     * @return the value, or {@link Long#MIN_VALUE} if the field is blank
     * @throws MalformedFileException naming the record and field if the content is not such an integer
     */
    public long getLong(int field) throws MalformedFileException {
        int off = start(field);
        int len = fieldLength[field];
        byte[] last = numRaw[field];
        if (last != null && numKind[field] == 1 && Arrays.equals(block, off, off + len, last, 0, len)) {
            return numBits[field];
        }
        long v = parseLong(field, off, off + len);
        remember(field, off, len, 1, v);
        return v;
    }

    private long parseLong(int field, int off, int end) throws MalformedFileException {
        byte[] b = block;
        while (off < end && b[off] == ' ') {
            off++;
        }
        while (end > off && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        if (off == end) {
            return Long.MIN_VALUE;
        }
        int i = off;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        int digitsStart = i;
        long v = 0;
        while (i < end) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d;
            i++;
        }
        int digits = i - digitsStart;
        boolean zeroFraction = false;
        if (i < end && b[i] == '.') {
            i++;
            int fracStart = i;
            while (i < end && b[i] == '0') {
                i++;
            }
            zeroFraction = i > fracStart;
        }
        if (i != end || (digits == 0 && !zeroFraction)) {
            throw fieldError(field, "not an integer");
        }
        if (digits > 18) {
            throw fieldError(field, "integer has " + digits + " digits, at most 18 fit a long");
        }
        return negative ? -v : v;
    }

    /**
     * The field as a number: optional sign, digits, optional fraction, optional exponent; spaces around are
     * ignored. Up to 15 significant digits are converted exactly from the bytes; longer values go through
     * {@link Double#parseDouble}, so the result is always the correctly rounded double.
     *
     * @param field the field's index, from 0
     * @return the value, or {@code NaN} if the field is blank
     * @throws MalformedFileException naming the record and field if the content is not a number
     */
    public double getDouble(int field) throws MalformedFileException {
        int off = start(field);
        int len = fieldLength[field];
        byte[] last = numRaw[field];
        if (last != null && numKind[field] == 2 && Arrays.equals(block, off, off + len, last, 0, len)) {
            return Double.longBitsToDouble(numBits[field]);
        }
        double v = parseDouble(field, off, off + len);
        remember(field, off, len, 2, Double.doubleToRawLongBits(v));
        return v;
    }

    /** Keeps the raw bytes and value of a numeric field, as columns often repeat the previous record's value. */
    private void remember(int field, int off, int len, int kind, long bits) {
        byte[] last = numRaw[field];
        if (last == null) {
            last = new byte[len];
            numRaw[field] = last;
        }
        System.arraycopy(block, off, last, 0, len);
        numKind[field] = (byte) kind;
        numBits[field] = bits;
    }

    private double parseDouble(int field, int off, int end) throws MalformedFileException {
        byte[] b = block;
        while (off < end && b[off] == ' ') {
            off++;
        }
        while (end > off && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        if (off == end) {
            return Double.NaN;
        }
        int i = off;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long m = 0;
        int significant = 0;
        int fraction = 0;
        boolean anyDigit = false;
        while (i < end) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            m = m * 10 + d;
            if (m != 0) {
                significant++;
            }
            anyDigit = true;
            i++;
            if (significant > 15) {
                return parseSlow(field, off, end);
            }
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                m = m * 10 + d;
                if (m != 0) {
                    significant++;
                }
                fraction++;
                anyDigit = true;
                i++;
                if (significant > 15 || fraction >= POW10.length) {
                    return parseSlow(field, off, end);
                }
            }
        }
        if (i != end) {
            return parseSlow(field, off, end);
        }
        if (!anyDigit) {
            throw fieldError(field, "not a number");
        }
        // m < 10^15 < 2^53 and 10^fraction are exact doubles, so one division rounds correctly.
        double v = fraction == 0 ? (double) m : m / POW10[fraction];
        return negative ? -v : v;
    }

    private double parseSlow(int field, int off, int end) throws MalformedFileException {
        byte[] b = block;
        int i = off;
        if (b[i] == '-' || b[i] == '+') {
            i++;
        }
        int mantissaDigits = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
            mantissaDigits++;
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
                mantissaDigits++;
            }
        }
        if (mantissaDigits > 0 && i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            int expDigits = 0;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                i = -1;
            }
        }
        // Only this strict grammar reaches parseDouble, which would also accept "NaN", "Infinity" or "1d".
        if (mantissaDigits == 0 || i != end) {
            throw fieldError(field, "not a number");
        }
        return Double.parseDouble(new String(b, off, end - off, StandardCharsets.ISO_8859_1));
    }

    /**
     * The field as a date written {@code yyyyMMdd} (a {@code D} field, or text holding 8 digits).
     *
     * @param field the field's index, from 0
     * @return the epoch day, or {@link Integer#MIN_VALUE} if the field is blank or all zeros
     * @throws MalformedFileException naming the record and field if it is not a valid date
     */
    public int getEpochDay(int field) throws MalformedFileException {
        return parseDate(field, 8, 0);
    }

    /**
     * The field as a date written {@code yyMMdd}, in the century starting at {@code century} (e.g. 1900).
     *
     * @param field the field's index, from 0
     * @param century the first year of the century, e.g. 1900
     * @return the epoch day, or {@link Integer#MIN_VALUE} if the field is blank or all zeros
     * @throws MalformedFileException naming the record and field if it is not a valid date
     */
    public int getEpochDay(int field, int century) throws MalformedFileException {
        return parseDate(field, 6, century);
    }

    private int parseDate(int field, int digits, int century) throws MalformedFileException {
        byte[] b = block;
        int off = start(field);
        int end = off + fieldLength[field];
        while (off < end && b[off] == ' ') {
            off++;
        }
        while (end > off && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        if (off == end) {
            return Integer.MIN_VALUE;
        }
        if (end - off != digits) {
            throw fieldError(field, "not a date: expected " + (digits == 8 ? "yyyyMMdd" : "yyMMdd"));
        }
        int v = 0;
        for (int i = off; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw fieldError(field, "not a date: expected " + (digits == 8 ? "yyyyMMdd" : "yyMMdd"));
            }
            v = v * 10 + d;
        }
        if (v == 0) {
            return Integer.MIN_VALUE;
        }
        int year = v / 10000 + century;
        int month = v / 100 % 100;
        int day = v % 100;
        int epochDay = epochDay(year, month, day);
        if (epochDay == Integer.MIN_VALUE) {
            throw fieldError(field, "not a valid calendar date");
        }
        return epochDay;
    }

    /**
     * The field as a logical.
     *
     * @param field the field's index, from 0
     * @return 1 for {@code T t Y y}, 0 for {@code F f N n}, -1 for {@code ?} or blank
     * @throws MalformedFileException naming the record and field for any other content
     */
    public int getLogical(int field) throws MalformedFileException {
        int off = start(field);
        int end = off + fieldLength[field];
        byte[] b = block;
        while (off < end && (b[off] == ' ' || b[off] == 0)) {
            off++;
        }
        if (off == end) {
            return -1;
        }
        switch (b[off]) {
            case 'T', 't', 'Y', 'y':
                return 1;
            case 'F', 'f', 'N', 'n':
                return 0;
            case '?':
                return -1;
            default:
                throw fieldError(field, "not a logical (T, F, Y, N or ?)");
        }
    }

    /**
     * An id of the field's text (leading and trailing spaces removed): equal text in the same field gives the
     * same id for the whole life of the cursor, ids count up from 0 in order of first appearance, and
     * {@link #textOfId} gives the text back. Lets a column builder intern each distinct value once.
     *
     * @param field the field's index, from 0
     * @return the id, or {@code -1} if the field is blank
     */
    public int textId(int field) {
        int off = start(field);
        int len = fieldLength[field];
        int end = off + len;
        byte[] b = block;
        // Columns often repeat the previous record's value: one vectorised compare of the raw bytes then
        // replaces trimming, hashing and probing.
        byte[] last = lastRaw[field];
        if (last != null && Arrays.equals(b, off, end, last, 0, len)) {
            return lastId[field];
        }
        int id = textIdUncached(b, off, end, field);
        if (last == null) {
            last = new byte[len];
            lastRaw[field] = last;
        }
        System.arraycopy(b, off, last, 0, len);
        lastId[field] = id;
        return id;
    }

    private int textIdUncached(byte[] b, int off, int end, int field) {
        while (off < end && b[off] == ' ') {
            off++;
        }
        while (end > off && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        if (off == end) {
            return -1;
        }
        return dictionary(field).id(b, off, end - off);
    }

    /**
     * {@return the text of an id returned by {@link #textId} for the same field}
     *
     * @param field the field's index, from 0
     * @param id an id {@link #textId} gave for that field
     */
    public String textOfId(int field, int id) {
        return dictionary(field).value(id);
    }

    /**
     * The field's text with leading and trailing spaces removed, decoded with the charset of the options.
     * Each distinct value of a field is decoded once and the same {@code String} returned afterwards.
     *
     * @param field the field's index, from 0
     * @return the text, or {@code null} if the field is blank
     */
    public String getString(int field) {
        int id = textId(field);
        return id < 0 ? null : dictionaries[field].value(id);
    }

    /**
     * An error about the current record's {@code field}, naming the file, the byte offset of the field, the
     * record number, the field and its content; for callers that find a value breaking their own rules.
     *
     * @param field the field's index, from 0
     * @param detail the rule the value breaks
     * @return the error, for the caller to throw
     */
    public MalformedFileException fieldError(int field, String detail) {
        DbfField f = header.fields().get(field);
        // A personal identifier (a bad NASC, a short N_AIH) is shown by its shape only: errors reach logs.
        String content = recordStart < 0
                ? ""
                : " = '"
                        + PersonalFields.forMessage(
                                f.name(),
                                DbfHeader.printable(new String(
                                                block,
                                                recordStart + fieldStart[field],
                                                fieldLength[field],
                                                options.charset())
                                        .trim()))
                        + "'";
        return dataError(
                recordOffset() + fieldStart[field],
                "record " + recordIndex + ", field " + f.describe() + content + ": " + detail);
    }

    /**
     * What was read. Complete once {@link #next()} has returned {@code false}; before that it describes the
     * records read so far and its CRC status is {@link CrcStatus#ABSENT} for a {@code .dbc} not yet checked.
     *
     * @return the report of the read
     */
    public DbfReadReport report() {
        return new DbfReadReport(
                file,
                format,
                header.recordCount(),
                live,
                deleted,
                crcStatus == null ? CrcStatus.ABSENT : crcStatus,
                warnings);
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }

    private int start(int field) {
        if (recordStart < 0) {
            throw new IllegalStateException("no current record: call next() first and only while it returns true");
        }
        return recordStart + fieldStart[field];
    }

    private ByteDictionary dictionary(int field) {
        ByteDictionary d = dictionaries[field];
        if (d == null) {
            d = ByteDictionary.decoding(options.charset());
            dictionaries[field] = d;
        }
        return d;
    }

    private long offsetOfRecord(long index) {
        return header.headerLength() + index * recordLength;
    }

    /** Moves unread bytes to the front of the block and reads more; false if less than a record is left. */
    private boolean refill() throws IOException {
        int rest = blockLen - blockPos;
        if (blockPos > 0) {
            System.arraycopy(block, blockPos, block, 0, rest);
            blockPos = 0;
            blockLen = rest;
        }
        if (!dataEof) {
            int n = readData(block, blockLen, block.length - blockLen);
            blockLen += n;
            if (blockLen < block.length) {
                dataEof = true;
            }
        }
        return blockLen - blockPos >= recordLength;
    }

    /** Reads until {@code len} bytes or the end of the data, updating the CRC. */
    private int readData(byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int n = data.read(b, off + total, len - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        if (crc != null && total > 0) {
            crc.update(b, off, total);
        }
        return total;
    }

    private void finish() throws IOException {
        finished = true;
        recordStart = -1;
        long declared = header.recordCount();
        long endOffset = offsetOfRecord(recordIndex);
        int leftInBlock = blockLen - blockPos;
        boolean marker = leftInBlock > 0 && block[blockPos] == EOF_MARKER;
        if (recordIndex < declared) {
            String what = marker
                    ? "an end-of-file marker 0x1A"
                    : leftInBlock > 0 ? "a partial record of " + leftInBlock + " bytes" : "the end of the data";
            throw dataError(
                    endOffset,
                    "header declares " + declared + " records but the data holds " + recordIndex + ", then " + what);
        }
        long trailing = leftInBlock;
        byte[] scratch = block;
        while (true) {
            int n = readData(scratch, 0, scratch.length);
            if (n <= 0) {
                break;
            }
            trailing += n;
        }
        if (recordIndex > declared) {
            warnings.add(
                    "header declares " + declared + " records but the data holds " + recordIndex + "; all were read");
        }
        if (marker && trailing > 1) {
            warnings.add((trailing - 1) + " bytes after the end-of-file marker 0x1A (byte " + endOffset + ") ignored");
        } else if (!marker && trailing > 0) {
            warnings.add(
                    trailing + " bytes after the last record (byte " + endOffset + ") do not form a record; ignored");
        }
        if (format == DbfFormat.DBC) {
            finishDbc();
        }
    }

    private void finishDbc() throws IOException {
        long streamEnd = header.headerLength() + 4L + implode.bytesConsumed();
        long extra = raw.drain() - streamEnd;
        if (extra > 0) {
            warnings.add(extra + " bytes after the end of the imploded stream (byte " + streamEnd + ") ignored");
        }
        long computed = crc.getValue();
        if (computed == storedCrc) {
            crcStatus = CrcStatus.OK;
            return;
        }
        String detail = String.format(
                "CRC-32 mismatch: stored 0x%08x, computed 0x%08x over the %d decompressed " + "bytes of the DBF",
                storedCrc, computed, header.headerLength() + implode.bytesDecoded());
        if (options.failOnCrcMismatch()) {
            throw new MalformedFileException(file, header.headerLength(), detail);
        }
        crcStatus = CrcStatus.MISMATCH;
        warnings.add(detail);
    }

    private MalformedFileException dataError(long offset, String detail) {
        String where = format == DbfFormat.DBC ? "(decompressed) " : "";
        return new MalformedFileException(file, offset, where + detail);
    }

    private static String hex(int b) {
        return String.format("0x%02x", b & 0xFF);
    }

    /**
     * Days since 1970-01-01 of a proleptic Gregorian date, or {@link Integer#MIN_VALUE} if the date does not
     * exist. Allocation-free civil-to-days conversion (H. Hinnant, "chrono-Compatible Low-Level Date
     * Algorithms", 2013).
     */
    static int epochDay(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) {
            return Integer.MIN_VALUE;
        }
        int dim = switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        if (day > dim) {
            return Integer.MIN_VALUE;
        }
        int y = month <= 2 ? year - 1 : year;
        int era = y / 400;
        int yoe = y - era * 400;
        int doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /** Counts the bytes read from the file, so trailing bytes after an imploded stream can be reported. */
    private static final class CountingInputStream extends InputStream {
        private final InputStream in;
        private long count;

        CountingInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        /** Reads to the end and returns the total number of bytes the stream held. */
        long drain() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // counting only
            }
            return count;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
