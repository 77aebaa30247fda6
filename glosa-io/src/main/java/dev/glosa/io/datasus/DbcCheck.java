package dev.glosa.io.datasus;

import dev.glosa.io.dbf.CrcStatus;
import dev.glosa.io.dbf.DbfCursor;
import dev.glosa.io.dbf.DbfFormat;
import dev.glosa.io.dbf.DbfReadOptions;
import dev.glosa.io.dbf.MalformedFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Checks a transferred {@code .dbc} with the decoder's own CRC-32 check, and hashes it on the same pass. */
final class DbcCheck {
    private DbcCheck() {}

    /**
     * Decodes every record of {@code file}, checking the CRC-32 the DBC stores, and returns the file's SHA-256.
     *
     * @throws CorruptException if the file is not a whole, valid DBC
     */
    static String verify(Path file, String name) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha);
                DbfCursor cursor = DbfCursor.open(in, name, DbfFormat.DBC, DbfReadOptions.defaults())) {
            while (cursor.next()) {
                // decoding every record is what computes the CRC; the records themselves are not needed here
            }
            CrcStatus crc = cursor.report().crc();
            if (crc != CrcStatus.OK) {
                throw new CorruptException(name + ": CRC-32 " + crc, null);
            }
        } catch (MalformedFileException e) {
            throw new CorruptException(e.getMessage(), e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
