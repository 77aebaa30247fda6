package dev.glosa.io.dbf;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes a dBase III file record by record, as DATASUS publishes uncompressed ({@code .dbf}).
 *
 * <p>Declare the fields with a {@link #builder()}, then for each record set the fields that have a value and
 * call {@link #endRecord()}; unset fields are written blank. {@link #close()} writes the end-of-file marker
 * {@code 0x1A} and the record count into the header. Text is left-aligned and space-padded, numbers are
 * right-aligned with the field's decimals, dates are {@code yyyyMMdd}. A value that does not fit its field is
 * an {@link IllegalArgumentException} naming the field and the value: nothing is truncated silently. The bytes
 * written depend only on the fields, the values and the header date given (default 1970-01-01).
 */
public final class DbfWriter implements Closeable {

    private static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    private static final double EXACT_LIMIT = 1L << 52;

    private final FileChannel channel;
    private final OutputStream out;
    private final List<DbfField> fields;
    private final CharsetEncoder encoder;
    private final byte[] record;
    private final int headerLength;
    private long count;
    private boolean closed;

    private DbfWriter(FileChannel channel, List<DbfField> fields, Charset charset, LocalDate lastUpdate)
            throws IOException {
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
        this.fields = fields;
        this.encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int recordLength = 1;
        for (DbfField f : fields) {
            recordLength += f.length();
        }
        if (recordLength > 0xFFFF) {
            throw new IllegalArgumentException("record length must be at most 65535, found " + recordLength);
        }
        this.record = new byte[recordLength];
        this.headerLength = DbfHeader.BLOCK + DbfHeader.BLOCK * fields.size() + 1;
        if (headerLength > 0xFFFF) {
            throw new IllegalArgumentException("too many fields for a DBF header: " + fields.size());
        }
        byte[] h = new byte[headerLength];
        h[0] = 0x03;
        h[1] = (byte) (lastUpdate.getYear() - 1900);
        h[2] = (byte) lastUpdate.getMonthValue();
        h[3] = (byte) lastUpdate.getDayOfMonth();
        h[8] = (byte) headerLength;
        h[9] = (byte) (headerLength >>> 8);
        h[10] = (byte) recordLength;
        h[11] = (byte) (recordLength >>> 8);
        int at = DbfHeader.BLOCK;
        for (DbfField f : fields) {
            byte[] name = f.name().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, h, at, name.length);
            h[at + 11] = (byte) f.type().code();
            h[at + 16] = (byte) f.length();
            h[at + 17] = (byte) f.decimals();
            at += DbfHeader.BLOCK;
        }
        h[at] = DbfHeader.TERMINATOR;
        out.write(h);
        Arrays.fill(record, (byte) ' ');
    }

    /** {@return a builder to declare the fields, in record order} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the fields, in record order, with their offsets} */
    public List<DbfField> fields() {
        return fields;
    }

    /** {@return records written so far} */
    public long recordCount() {
        return count;
    }

    /**
     * Sets a text field (left-aligned); {@code null} leaves it blank.
     *
     * @param field the field's index, from 0
     * @param value the text, or {@code null}
     * @return this writer
     */
    public DbfWriter setString(int field, String value) {
        DbfField f = fields.get(field);
        if (value == null) {
            return setBlank(field);
        }
        int at = f.offset();
        int n = value.length();
        boolean ascii = n <= f.length();
        for (int i = 0; ascii && i < n; i++) {
            ascii = value.charAt(i) < 0x80;
        }
        if (ascii) {
            // Every charset a DBF uses writes ASCII as itself: no encoder, no temporary array.
            for (int i = 0; i < n; i++) {
                record[at + i] = (byte) value.charAt(i);
            }
            Arrays.fill(record, at + n, at + f.length(), (byte) ' ');
            return this;
        }
        byte[] bytes;
        try {
            ByteBuffer bb = encoder.reset().encode(CharBuffer.wrap(value));
            bytes = new byte[bb.remaining()];
            bb.get(bytes);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(
                    "field " + f.describe() + ": '" + value + "' cannot be encoded in " + encoder.charset(), e);
        }
        if (bytes.length > f.length()) {
            throw new IllegalArgumentException(
                    "field " + f.describe() + ": '" + value + "' needs " + bytes.length + " bytes");
        }
        System.arraycopy(bytes, 0, record, at, bytes.length);
        Arrays.fill(record, at + bytes.length, at + f.length(), (byte) ' ');
        return this;
    }

    /**
     * Sets a field to an integer: right-aligned in a numeric field (with zero decimals if it has decimals),
     * left-aligned in a text field.
     *
     * @param field the field's index, from 0
     * @param value the integer
     * @return this writer
     */
    public DbfWriter setLong(int field, long value) {
        DbfField f = fields.get(field);
        if (f.type() == DbfFieldType.CHARACTER) {
            return setString(field, Long.toString(value));
        }
        int d = numericDecimals(f, value);
        if (d < POW10.length && Math.abs((double) value) * POW10[d] < EXACT_LIMIT) {
            return putUnits(f, value * (long) POW10[d], d, value);
        }
        return putRight(f, new BigDecimal(value).setScale(d).toPlainString(), value);
    }

    /**
     * Sets a numeric field to {@code value} rounded half away from zero to the field's decimals, right-aligned;
     * {@code NaN} leaves it blank.
     *
     * @param field the field's index, from 0
     * @param value the number, or {@code NaN}
     * @return this writer
     */
    public DbfWriter setDouble(int field, double value) {
        DbfField f = fields.get(field);
        if (Double.isNaN(value)) {
            return setBlank(field);
        }
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("field " + f.describe() + ": infinite value " + value);
        }
        int d = numericDecimals(f, value);
        double scaled = d < POW10.length ? value * POW10[d] : Double.POSITIVE_INFINITY;
        if (Math.abs(scaled) < EXACT_LIMIT) {
            long units = scaled < 0 ? -Math.round(-scaled) : Math.round(scaled);
            return putUnits(f, units, d, value);
        }
        return putRight(
                f,
                new BigDecimal(Double.toString(value))
                        .setScale(d, RoundingMode.HALF_UP)
                        .toPlainString(),
                value);
    }

    /**
     * Sets a date field (or a text field of at least 8 bytes) to {@code yyyyMMdd}; {@code null} leaves it blank.
     *
     * @param field the field's index, from 0
     * @param date the date, or {@code null}
     * @return this writer
     */
    public DbfWriter setDate(int field, LocalDate date) {
        DbfField f = fields.get(field);
        if (date == null) {
            return setBlank(field);
        }
        int y = date.getYear();
        if (y < 0 || y > 9999) {
            throw new IllegalArgumentException("field " + f.describe() + ": year of " + date + " must be 0..9999");
        }
        if (f.length() < 8 || (f.type() != DbfFieldType.DATE && f.type() != DbfFieldType.CHARACTER)) {
            throw new IllegalArgumentException("field " + f.describe() + ": cannot hold the date " + date);
        }
        int v = y * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
        int at = f.offset();
        for (int i = 7; i >= 0; i--) {
            record[at + i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        Arrays.fill(record, at + 8, at + f.length(), (byte) ' ');
        return this;
    }

    /**
     * Sets a logical field to {@code T} or {@code F}; {@code null} writes {@code ?}.
     *
     * @param field the field's index, from 0
     * @param value the logical, or {@code null}
     * @return this writer
     */
    public DbfWriter setLogical(int field, Boolean value) {
        return setString(field, value == null ? "?" : value ? "T" : "F");
    }

    /**
     * Leaves a field blank (spaces).
     *
     * @param field the field's index, from 0
     * @return this writer
     */
    public DbfWriter setBlank(int field) {
        DbfField f = fields.get(field);
        Arrays.fill(record, f.offset(), f.offset() + f.length(), (byte) ' ');
        return this;
    }

    /**
     * Writes the current record as live and starts a blank one.
     *
     * @throws IOException when the file cannot be written
     */
    public void endRecord() throws IOException {
        endRecord(false);
    }

    /**
     * Writes the current record, flagged deleted ({@code *}) if asked, and starts a blank one.
     *
     * @param deleted whether the record is flagged deleted
     * @throws IOException when the file cannot be written
     */
    public void endRecord(boolean deleted) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        if (count == DbfHeader.MAX_RECORDS) {
            throw new IllegalStateException("a DBF holds at most " + DbfHeader.MAX_RECORDS + " records here");
        }
        record[0] = (byte) (deleted ? '*' : ' ');
        out.write(record);
        count++;
        Arrays.fill(record, (byte) ' ');
    }

    /** Writes the end-of-file marker and the record count, and closes the file. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.write(0x1A);
            out.flush();
            ByteBuffer n = ByteBuffer.allocate(4);
            n.put((byte) count)
                    .put((byte) (count >>> 8))
                    .put((byte) (count >>> 16))
                    .put((byte) (count >>> 24));
            n.flip();
            channel.write(n, 4);
        } finally {
            channel.close();
        }
    }

    private static int numericDecimals(DbfField f, Object value) {
        if (f.type() != DbfFieldType.NUMERIC && f.type() != DbfFieldType.FLOAT) {
            throw new IllegalArgumentException("field " + f.describe() + ": cannot hold the number " + value);
        }
        return f.decimals();
    }

    /** Writes {@code units / 10^decimals} right-aligned, digit by digit, without a temporary String. */
    private DbfWriter putUnits(DbfField f, long units, int decimals, Object value) {
        int at = f.offset();
        int pos = at + f.length();
        boolean negative = units < 0;
        long v = Math.abs(units);
        int digits = 0;
        while (v > 0 || digits <= decimals) {
            if (digits == decimals && decimals > 0) {
                if (pos == at) {
                    return overflow(f, value);
                }
                record[--pos] = '.';
            }
            if (pos == at) {
                return overflow(f, value);
            }
            record[--pos] = (byte) ('0' + v % 10);
            v /= 10;
            digits++;
        }
        if (negative) {
            if (pos == at) {
                return overflow(f, value);
            }
            record[--pos] = '-';
        }
        Arrays.fill(record, at, pos, (byte) ' ');
        return this;
    }

    private DbfWriter putRight(DbfField f, String text, Object value) {
        if (text.length() > f.length()) {
            return overflow(f, value);
        }
        int at = f.offset();
        int pad = f.length() - text.length();
        Arrays.fill(record, at, at + pad, (byte) ' ');
        for (int i = 0; i < text.length(); i++) {
            record[at + pad + i] = (byte) text.charAt(i);
        }
        return this;
    }

    private DbfWriter overflow(DbfField f, Object value) {
        // Leave the field blank rather than half-written, in case the caller goes on after the exception.
        Arrays.fill(record, f.offset(), f.offset() + f.length(), (byte) ' ');
        throw new IllegalArgumentException(
                "field " + f.describe() + ": " + value + " does not fit " + f.length() + " characters");
    }

    /** Declares the fields of a DBF to write. */
    public static final class Builder {
        private final List<DbfField> fields = new ArrayList<>();
        private int offset = 1;
        private Charset charset = DbfReadOptions.CP850;
        private LocalDate lastUpdate = LocalDate.of(1970, 1, 1);

        private Builder() {}

        /**
         * Adds a field; offsets are assigned in the order fields are added.
         *
         * @param name the field's name, at most 10 ASCII characters
         * @param type its type
         * @param length its width in bytes
         * @param decimals its digits after the point
         * @return this builder
         */
        public Builder field(String name, DbfFieldType type, int length, int decimals) {
            DbfField f = new DbfField(name, type, length, decimals, offset);
            for (DbfField g : fields) {
                if (g.name().equals(name)) {
                    throw new IllegalArgumentException("field name " + name + " appears twice");
                }
            }
            fields.add(f);
            offset += length;
            return this;
        }

        /**
         * Adds a text field of {@code length} bytes.
         *
         * @param name the field's name
         * @param length its width in bytes
         * @return this builder
         */
        public Builder character(String name, int length) {
            return field(name, DbfFieldType.CHARACTER, length, 0);
        }

        /**
         * Adds a numeric field {@code length} wide with {@code decimals} digits after the point.
         *
         * @param name the field's name
         * @param length its width, sign and point included
         * @param decimals its digits after the point
         * @return this builder
         */
        public Builder numeric(String name, int length, int decimals) {
            return field(name, DbfFieldType.NUMERIC, length, decimals);
        }

        /**
         * Adds a date field.
         *
         * @param name the field's name
         * @return this builder
         */
        public Builder date(String name) {
            return field(name, DbfFieldType.DATE, 8, 0);
        }

        /**
         * Adds a logical field.
         *
         * @param name the field's name
         * @return this builder
         */
        public Builder logical(String name) {
            return field(name, DbfFieldType.LOGICAL, 1, 0);
        }

        /**
         * Adds the fields of an existing layout (for example a header read elsewhere), in order.
         *
         * @param layout the fields, in order
         * @return this builder
         */
        public Builder fields(List<DbfField> layout) {
            for (DbfField f : layout) {
                field(f.name(), f.type(), f.length(), f.decimals());
            }
            return this;
        }

        /**
         * Sets the text encoding (default CP850).
         *
         * @param value the value
         * @return this builder
         */
        public Builder charset(Charset value) {
            this.charset = Objects.requireNonNull(value, "charset");
            return this;
        }

        /**
         * Sets the date of last update written in the header (default 1970-01-01), years 1900 to 2155.
         *
         * @param value the value
         * @return this builder
         */
        public Builder lastUpdate(LocalDate value) {
            if (value.getYear() < 1900 || value.getYear() > 2155) {
                throw new IllegalArgumentException("header date year must be 1900..2155, found " + value);
            }
            this.lastUpdate = value;
            return this;
        }

        /**
         * Creates (or truncates) {@code file} and writes the header.
         *
         * @param file the file
         * @return the writer, on a blank first record
         * @throws IOException when the file cannot be written
         */
        public DbfWriter open(Path file) throws IOException {
            if (fields.isEmpty()) {
                throw new IllegalStateException("declare at least one field before opening");
            }
            FileChannel ch = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                return new DbfWriter(ch, List.copyOf(fields), charset, lastUpdate);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }
    }
}
