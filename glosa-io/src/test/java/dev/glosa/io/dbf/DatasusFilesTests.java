package dev.glosa.io.dbf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.table.GlosaTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every real DATASUS file: record counts as in the data README, CRC verified, decoder output size exact. */
class DatasusFilesTests {

    /** name, records (README), fields (README). */
    private static final String[][] FILES = {
        {"RDAC2203.dbc", "4185", "113"}, {"RDAC2301.dbc", "4165", "113"}, {"RDAC2302.dbc", "4834", "113"},
        {"RDRR1412.dbc", "1690", "113"}, {"RDSE1506.dbc", "8088", "113"}, {"RDSC0907.dbc", "35063", "86"},
        {"RDRR0801.dbf", "1475", "86"}, {"RDAP1405.dbf", "58", "95"}, {"RDDF9705.dbc", "12353", "42"},
        {"RDRR9504.dbc", "586", "41"}, {"RJES1205.dbc", "1624", "90"}, {"RJAL0611.dbc", "1290", "78"},
        {"RJAL0705.dbc", "925", "78"}, {"RJGO0711.dbc", "1286", "78"}, {"RJPE0703.dbc", "1084", "78"},
        {"RJPI0705.dbc", "902", "78"}, {"ERBA1701.dbc", "12282", "13"}, {"ERSP1906.dbc", "13477", "13"},
        {"ERSE2003.dbc", "25", "13"}, {"ERRR1204.dbc", "22", "13"}, {"ERAP1202.dbc", "1", "13"},
        {"SPRR1604.dbc", "40394", "36"}, {"SPRR0406.dbc", "4982", "16"}, {"SPAP0710.dbc", "0", "18"},
    };

    @Test
    void everyFileOfTheFolderIsListedHere() throws IOException {
        List<String> present = new ArrayList<>();
        try (Stream<Path> s = Files.list(SharedData.datasus())) {
            s.filter(Files::isRegularFile)
                    .forEach(p -> present.add(p.getFileName().toString()));
        }
        List<String> listed = new ArrayList<>();
        for (String[] f : FILES) {
            listed.add(f[0]);
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
    }

    @Test
    void everyFileReadsWithTheReadmeCountsAndAVerifiedCrc() throws IOException {
        for (String[] f : FILES) {
            Path file = SharedData.datasus(f[0]);
            DbfTable read = DbfReader.read(file);
            DbfReadReport r = read.report();
            assertThat(read.table().rowCount()).as(f[0]).isEqualTo(Integer.parseInt(f[1]));
            assertThat(read.table().columns()).as(f[0]).hasSize(Integer.parseInt(f[2]));
            assertThat(r.recordsDeclared()).as(f[0]).isEqualTo(Long.parseLong(f[1]));
            assertThat(r.deleted()).as(f[0]).isZero();
            assertThat(r.warnings()).as(f[0]).isEmpty();
            boolean dbc = f[0].endsWith(".dbc");
            assertThat(r.format()).as(f[0]).isEqualTo(dbc ? DbfFormat.DBC : DbfFormat.DBF);
            assertThat(r.crc()).as(f[0]).isEqualTo(dbc ? CrcStatus.OK : CrcStatus.ABSENT);
        }
    }

    @Test
    void decoderProducesExactlyTheDeclaredRecordsPlusAnOptionalMarker() throws IOException {
        for (String[] f : FILES) {
            if (!f[0].endsWith(".dbc")) {
                continue;
            }
            byte[] b = Files.readAllBytes(SharedData.datasus(f[0]));
            int headerLength = DbfHeader.u16(b, 8);
            long data = DbfHeader.u32(b, 4) * DbfHeader.u16(b, 10);
            try (ImplodeInputStream in = new ImplodeInputStream(
                    new java.io.ByteArrayInputStream(b, headerLength + 4, b.length - headerLength - 4), data + 1)) {
                byte[] out = in.readAllBytes();
                assertThat(out.length).as(f[0]).isBetween((int) data, (int) data + 1);
                if (out.length > data) {
                    assertThat(out[out.length - 1]).as(f[0]).isEqualTo((byte) 0x1A);
                }
                assertThat(in.bytesConsumed()).as(f[0]).isEqualTo(b.length - headerLength - 4);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "RDAC2301.dbc, 3725, 1222100605088, 1, 1391.63, 20221203, 20221231",
        "RDAC2301.dbc, 3726, 1222100605088, 5, 1341.93, 20221203, 20230128",
        "RDAC2301.dbc, 0, 1223100024168, 1, 490.8, 20230113, 20230115",
        "RDRR9504.dbc, 0, 1435631406, 1, 62.7, 950414, 950415",
        "RDDF9705.dbc, 0, 1734624628, 5, 18.46, 970116, 970502",
    })
    void valuesReadByHandAreFoundInTheirRows(
            String name, int row, String aih, String ident, double valTot, String dtInter, String dtSaida)
            throws IOException {
        GlosaTable t = DbfReader.read(SharedData.datasus(name)).table();
        assertThat(t.category("N_AIH").get(row)).isEqualTo(aih);
        assertThat(t.category("IDENT").get(row)).isEqualTo(ident);
        assertThat(t.doubles("VAL_TOT").get(row)).isEqualTo(valTot);
        assertThat(t.category("DT_INTER").get(row)).isEqualTo(dtInter);
        assertThat(t.category("DT_SAIDA").get(row)).isEqualTo(dtSaida);
    }

    @Test
    void rdac2301HoldsAih1222100605088Twice() throws IOException {
        GlosaTable t = DbfReader.read(SharedData.datasus("RDAC2301.dbc")).table();
        List<Double> values = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if ("1222100605088".equals(t.category("N_AIH").get(r))) {
                values.add(t.doubles("VAL_TOT").get(r));
            }
        }
        assertThat(values).containsExactly(1391.63, 1341.93);
    }

    @Test
    void cursorOverAStreamReadsARealDbcLikeAPath() throws IOException {
        Path file = SharedData.datasus("SPRR1604.dbc");
        try (InputStream in = Files.newInputStream(file);
                DbfCursor c = DbfCursor.open(in, file.toString(), DbfFormat.DBC, DbfReadOptions.defaults())) {
            int n = 0;
            while (c.next()) {
                n++;
            }
            assertThat(n).isEqualTo(40394);
            assertThat(c.report().crc()).isEqualTo(CrcStatus.OK);
        }
    }
}
