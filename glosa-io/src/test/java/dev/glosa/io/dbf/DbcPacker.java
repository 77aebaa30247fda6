package dev.glosa.io.dbf;

import java.util.zip.CRC32;

/** Builds a DATASUS {@code .dbc} from the bytes of a DBF, for tests: header, CRC-32, imploded records. */
public final class DbcPacker {

    private DbcPacker() {
    }

    /** The {@code .dbc} bytes of {@code dbf}, imploded with raw literals and a 4 KiB dictionary as DATASUS does. */
    public static byte[] pack(byte[] dbf) {
        return pack(dbf, false, 6);
    }

    /** The {@code .dbc} bytes of {@code dbf} with the given literal coding and dictionary size. */
    public static byte[] pack(byte[] dbf, boolean codedLiterals, int dictBits) {
        int headerLength = (dbf[8] & 0xFF) | (dbf[9] & 0xFF) << 8;
        CRC32 crc = new CRC32();
        crc.update(dbf);
        long c = crc.getValue();
        byte[] records = java.util.Arrays.copyOfRange(dbf, headerLength, dbf.length);
        byte[] imploded = ImplodeEncoder.compress(records, codedLiterals, dictBits);
        byte[] out = new byte[headerLength + 4 + imploded.length];
        System.arraycopy(dbf, 0, out, 0, headerLength);
        out[headerLength] = (byte) c;
        out[headerLength + 1] = (byte) (c >>> 8);
        out[headerLength + 2] = (byte) (c >>> 16);
        out[headerLength + 3] = (byte) (c >>> 24);
        System.arraycopy(imploded, 0, out, headerLength + 4, imploded.length);
        return out;
    }
}
