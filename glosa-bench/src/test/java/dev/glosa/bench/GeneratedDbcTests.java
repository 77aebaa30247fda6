package dev.glosa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.io.dbf.CrcStatus;
import dev.glosa.io.dbf.DbfCursor;
import dev.glosa.io.dbf.DbfFormat;
import dev.glosa.io.dbf.DbfReadOptions;
import dev.glosa.io.dbf.DbfReader;
import dev.glosa.io.dbf.DbfTable;
import dev.glosa.io.dbf.ImplodeInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bench's implode compressor and generated {@code .dbc} decode back with the library's reader. */
class GeneratedDbcTests {

    @Test
    void implodedBytesDecodeToTheInput() throws IOException {
        SplittableRandom rnd = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append(rnd.nextInt(10) < 7 ? "AIH 51210" + rnd.nextInt(1000) + " VAL " : (char) ('A' + rnd.nextInt(26)));
        }
        byte[] data = sb.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] packed = Implode.compress(data, 0, data.length);
        byte[] back;
        try (ImplodeInputStream in = new ImplodeInputStream(new ByteArrayInputStream(packed), data.length)) {
            back = in.readAllBytes();
        }
        assertThat(back).isEqualTo(data);
        assertThat(packed.length).isLessThan(data.length / 2);
    }

    @Test
    void generatedRdFileReadsWithAValidCrcAndOneRowPerRecord() throws IOException {
        GeneratedDbc g = GeneratedDbc.generate(2_000, 5L);
        DbfTable t;
        try (DbfCursor c = DbfCursor.open(new ByteArrayInputStream(g.bytes()), "generated.dbc", DbfFormat.DBC,
                DbfReadOptions.defaults())) {
            t = DbfReader.read(c);
        }
        assertThat(t.report().crc()).isEqualTo(CrcStatus.OK);
        assertThat((long) t.table().rowCount()).isEqualTo(g.records()).isGreaterThan(1_000L);
        assertThat(t.table().columns()).hasSize(113);
        assertThat(g.dbfBytes()).isEqualTo(t.report().recordsRead() * 702 + 113 * 32 + 33 + 1);
        assertThat(g.bytes().length).isLessThan((int) (g.dbfBytes() / 4));
    }
}
