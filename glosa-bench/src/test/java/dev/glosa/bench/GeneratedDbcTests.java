package dev.glosa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.io.dbf.CrcStatus;
import dev.glosa.io.dbf.DbfCursor;
import dev.glosa.io.dbf.DbfFormat;
import dev.glosa.io.dbf.DbfReadOptions;
import dev.glosa.io.dbf.DbfReader;
import dev.glosa.io.dbf.DbfTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The generated {@code .dbc} reads back with the library's reader, and the same seed gives the same bytes. */
class GeneratedDbcTests {

    @Test
    void generatedRdFileReadsWithAValidCrcAndOneRowPerRecord() throws IOException {
        GeneratedDbc g = GeneratedDbc.generate(2_000, 5L);
        DbfTable t;
        try (DbfCursor c = DbfCursor.open(
                new ByteArrayInputStream(g.bytes()), "generated.dbc", DbfFormat.DBC, DbfReadOptions.defaults())) {
            t = DbfReader.read(c);
        }
        assertThat(t.report().crc()).isEqualTo(CrcStatus.OK);
        assertThat((long) t.table().rowCount()).isEqualTo(g.records()).isGreaterThan(1_000L);
        assertThat(t.table().columns()).hasSize(113);
        assertThat(g.dbfBytes()).isEqualTo(t.report().recordsRead() * 702 + 113 * 32 + 33 + 1);
        assertThat(g.bytes().length).isLessThan((int) (g.dbfBytes() / 4));
    }

    @Test
    void sameClaimsAndSeedGiveTheSameBytes() {
        GeneratedDbc a = GeneratedDbc.generate(500, 7L);
        GeneratedDbc b = GeneratedDbc.generate(500, 7L);
        GeneratedDbc other = GeneratedDbc.generate(500, 8L);
        assertThat(b.bytes()).isEqualTo(a.bytes());
        assertThat(other.bytes()).isNotEqualTo(a.bytes());
    }
}
