package dev.glosa.io.dbf;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Turns a dBase III file into a DATASUS {@code .dbc}, the format {@link DbfCursor} and {@link DbfReader} read.
 *
 * <p>A {@code .dbc} is the DBF header verbatim, the CRC-32 ({@link CRC32}) of the whole DBF in four little-endian
 * bytes, then everything after the header (the records and the end-of-file marker) as one PKWare DCL implode
 * stream with raw literals and a 4 KiB dictionary, as DATASUS writes them. The input is checked to be a DBF whose
 * size agrees with its header. Files are converted streaming, in one pass and bounded memory; the output bytes
 * depend only on the input bytes.
 */
public final class DbcWriter {

    private static final boolean CODED_LITERALS = false;
    private static final int DICT_BITS = 6;
    private static final int BUFFER = 64 * 1024;

    private DbcWriter() {}

    /**
     * Writes the {@code .dbc} of the DBF file {@code dbf} to {@code dbc} (created or truncated; deleted again if the
     * conversion fails).
     *
     * @param dbf the DBF file
     * @param dbc the {@code .dbc} file to write
     * @throws MalformedFileException naming {@code dbf} if it is not a DBF or its size disagrees with its header
     * @throws IllegalArgumentException if both paths name the same file
     */
    public static void pack(Path dbf, Path dbc) throws IOException {
        Objects.requireNonNull(dbc, "dbc");
        if (dbf.toAbsolutePath().normalize().equals(dbc.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException(
                    "the .dbc must be another file than the DBF, found " + dbc + " for both");
        }
        long size = Files.size(dbf);
        try {
            write(dbf, dbc, size);
        } catch (IOException | RuntimeException e) {
            // A half-written .dbc would fail its CRC check later, far from the cause: better no file at all.
            Files.deleteIfExists(dbc);
            throw e;
        }
    }

    private static void write(Path dbf, Path dbc, long size) throws IOException {
        try (InputStream in = Files.newInputStream(dbf);
                FileChannel channel = FileChannel.open(
                        dbc,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            String name = dbf.toString();
            byte[] header = readHeader(in, name);
            checkSize(header, size, name);
            CRC32 crc = new CRC32();
            crc.update(header);
            OutputStream raw = Channels.newOutputStream(channel);
            raw.write(header);
            raw.write(new byte[4]);
            ImplodeOutputStream implode =
                    new ImplodeOutputStream(new BufferedOutputStream(raw, BUFFER), CODED_LITERALS, DICT_BITS);
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = in.read(buf)) > 0) {
                crc.update(buf, 0, n);
                implode.write(buf, 0, n);
            }
            implode.finish();
            // The checksum covers the whole DBF, which is known only now: it goes into the gap left for it.
            channel.write(ByteBuffer.wrap(crcBytes(crc.getValue())), header.length);
        }
    }

    /**
     * The {@code .dbc} bytes of a whole DBF held in memory.
     *
     * @param dbf the DBF file's bytes
     * @return the {@code .dbc} file's bytes
     * @throws MalformedFileException if {@code dbf} is not a DBF or its length disagrees with its header
     */
    public static byte[] pack(byte[] dbf) throws MalformedFileException {
        return pack(dbf, CODED_LITERALS, DICT_BITS);
    }

    /** As {@link #pack(byte[])}, with another literal coding and dictionary size (4, 5 or 6), for tests. */
    static byte[] pack(byte[] dbf, boolean codedLiterals, int dictBits) throws MalformedFileException {
        int headerLength = headerLength(dbf, dbf.length, "<bytes>");
        if (headerLength > dbf.length) {
            throw new MalformedFileException(
                    "<bytes>", 8, "header length " + headerLength + " exceeds the " + dbf.length + " bytes given");
        }
        byte[] header = Arrays.copyOf(dbf, headerLength);
        checkSize(header, dbf.length, "<bytes>");
        CRC32 crc = new CRC32();
        crc.update(dbf);
        ByteArrayOutputStream out = new ByteArrayOutputStream(dbf.length / 4 + 256);
        out.writeBytes(header);
        out.writeBytes(crcBytes(crc.getValue()));
        try (ImplodeOutputStream implode = new ImplodeOutputStream(out, codedLiterals, dictBits)) {
            implode.write(dbf, headerLength, dbf.length - headerLength);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
        return out.toByteArray();
    }

    private static byte[] readHeader(InputStream in, String name) throws IOException {
        byte[] fixed = in.readNBytes(DbfHeader.BLOCK);
        int headerLength = headerLength(fixed, fixed.length, name);
        byte[] rest = in.readNBytes(headerLength - DbfHeader.BLOCK);
        if (rest.length < headerLength - DbfHeader.BLOCK) {
            throw new MalformedFileException(
                    name,
                    DbfHeader.BLOCK + rest.length,
                    "header length " + headerLength + " (at byte 8) exceeds the file, which ends at byte "
                            + (DbfHeader.BLOCK + rest.length));
        }
        byte[] header = new byte[headerLength];
        System.arraycopy(fixed, 0, header, 0, DbfHeader.BLOCK);
        System.arraycopy(rest, 0, header, DbfHeader.BLOCK, rest.length);
        return header;
    }

    private static int headerLength(byte[] b, int available, String name) throws MalformedFileException {
        if (available < DbfHeader.BLOCK) {
            throw new MalformedFileException(
                    name, available, "file too short for a DBF header: " + available + " bytes, need 32");
        }
        int headerLength = DbfHeader.u16(b, 8);
        if (headerLength < 2 * DbfHeader.BLOCK + 1) {
            throw new MalformedFileException(
                    name, 8, "header length must be at least 65 (one field), found " + headerLength);
        }
        return headerLength;
    }

    /** The data after the header must be the declared records, optionally followed by the 0x1A end marker. */
    private static void checkSize(byte[] header, long size, String name) throws MalformedFileException {
        DbfHeader h = DbfHeader.parse(header, name, new ArrayList<>());
        long expected = h.headerLength() + h.dataLength();
        if (size != expected && size != expected + 1) {
            throw new MalformedFileException(
                    name,
                    4,
                    "header declares " + h.recordCount() + " records of "
                            + h.recordLength() + " bytes after a " + h.headerLength() + "-byte header (" + expected
                            + " bytes, plus an optional end marker) but the file holds " + size + " bytes");
        }
    }

    private static byte[] crcBytes(long c) {
        return new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24)};
    }
}
