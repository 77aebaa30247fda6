package dev.glosa.io.sih;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import dev.glosa.core.table.TableBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SihRejectionsTests {

    @TempDir
    Path dir;

    private static GlosaTable claims(long[] ids, String[] hospitals) {
        TableBuilder b = GlosaTable.builder();
        var id = b.longs(Role.CLAIM_ID.column());
        var h = b.category(Role.HOSPITAL.column());
        for (int i = 0; i < ids.length; i++) {
            id.add(ids[i]);
            h.add(hospitals[i]);
        }
        return b.build();
    }

    private static GlosaTable errors(long[] ids, String[] hospitals, String[] codes) {
        TableBuilder b = GlosaTable.builder();
        var id = b.longs(Role.CLAIM_ID.column());
        var h = b.category(Role.HOSPITAL.column());
        var c = b.category(Role.REASON_CODE.column());
        var t = b.category(Role.GLOSA_TYPE.column());
        for (int i = 0; i < ids.length; i++) {
            id.add(ids[i]);
            h.add(hospitals[i]);
            c.add(codes[i]);
            t.add(codes[i].substring(0, 2));
        }
        return b.build();
    }

    @Test
    void eachRejectedClaimGetsItsFirstErrorItsDistinctCodesAndItsCount() {
        GlosaTable rj = claims(new long[] {1, 2, 1, 3, 4}, new String[] {"A", "B", "A", "C", "A"});
        GlosaTable er =
                errors(new long[] {1, 2, 1, 1, 1, 4}, new String[] {"A", "B", "A", "Z", "A", "B"}, new String[] {
                    "060038", "020001", "050001", "010001", "060038", "040004"
                });
        GlosaTable out = SihRejections.attachErrors(rj, er);
        assertThat(out.rowCount()).isEqualTo(5);
        assertThat(out.longs(Role.CLAIM_ID).get(2)).isEqualTo(1);
        assertThat(out.category(Role.REASON_CODE).get(0)).isEqualTo("060038");
        assertThat(out.category(Role.GLOSA_TYPE).get(0)).isEqualTo("06");
        assertThat(out.category(SihRejections.ERROR_CODES).get(0)).isEqualTo("060038;050001");
        assertThat(out.longs(SihRejections.ERROR_COUNT).get(0)).isEqualTo(3);
        assertThat(out.category(SihRejections.ERROR_CODES).get(2)).isEqualTo("060038;050001");
        assertThat(out.category(Role.REASON_CODE).get(1)).isEqualTo("020001");
        assertThat(out.longs(SihRejections.ERROR_COUNT).get(1)).isEqualTo(1);
        // Claim 3 has no errors; claim 4's only error is at another hospital.
        for (int r : new int[] {3, 4}) {
            assertThat(out.category(Role.REASON_CODE).isMissing(r)).isTrue();
            assertThat(out.category(Role.GLOSA_TYPE).isMissing(r)).isTrue();
            assertThat(out.longs(SihRejections.ERROR_COUNT).get(r)).isZero();
        }
    }

    @Test
    void erWithoutDerivedColumnsGetsTypeAndDescriptionsFromTheCodeTable() {
        GlosaTable rj = claims(new long[] {1, 2}, new String[] {"A", "A"});
        GlosaTable er = errors(new long[] {1, 2}, new String[] {"A", "A"}, new String[] {"010002", "99999X"})
                .without(Role.GLOSA_TYPE.column());
        GlosaTable out = SihRejections.attachErrors(rj, er);
        assertThat(out.category(Role.GLOSA_TYPE).get(0)).isEqualTo("01");
        assertThat(out.category(SihReader.REASON_DESCRIPTION).get(0)).isEqualTo("CNES NÃO CADASTRADO");
        assertThat(out.category(SihReader.GLOSA_TYPE_DESCRIPTION).get(0)).isEqualTo("IMPORTACAO/CNRAC/ELETIVA");
        // A malformed code keeps the claim's code and leaves what cannot be derived missing.
        assertThat(out.category(Role.REASON_CODE).get(1)).isEqualTo("99999X");
        assertThat(out.category(Role.GLOSA_TYPE).isMissing(1)).isTrue();
    }

    @Test
    void writtenRjAndErFilesJoinThroughTheReader() throws IOException {
        Path rj = dir.resolve("RJXX2003.dbf");
        Layouts.write(
                rj,
                Layouts.fields(Layouts.folder().resolve("RJ_2008plus_from_RJES1205.csv")),
                List.of(
                        Map.of(
                                "N_AIH",
                                "2820100231850",
                                "CNES",
                                "6568343",
                                "ANO_CMPT",
                                "2020",
                                "MES_CMPT",
                                "03",
                                "VAL_TOT",
                                "1500.25",
                                "IDENT",
                                "1",
                                "DT_INTER",
                                "20200116",
                                "DT_SAIDA",
                                "20200211"),
                        Map.of(
                                "N_AIH",
                                "2820101013840",
                                "CNES",
                                "0002534",
                                "ANO_CMPT",
                                "2020",
                                "MES_CMPT",
                                "03",
                                "VAL_TOT",
                                "300",
                                "IDENT",
                                "1"),
                        Map.of(
                                "N_AIH",
                                "2820101099999",
                                "CNES",
                                "0002534",
                                "ANO_CMPT",
                                "2020",
                                "MES_CMPT",
                                "03",
                                "VAL_TOT",
                                "10.5",
                                "IDENT",
                                "1")));
        Path er = dir.resolve("ERXX2003.dbf");
        Layouts.write(
                er,
                Layouts.fields(Layouts.folder().resolve("ER_2011plus_from_ERSE2003.csv")),
                List.of(
                        Map.of(
                                "AIH",
                                "2820100231850",
                                "CNES",
                                "6568343",
                                "ANO",
                                "2020",
                                "MES",
                                "03",
                                "CO_ERRO",
                                "060082"),
                        Map.of(
                                "AIH",
                                "2820101013840",
                                "CNES",
                                "0002534",
                                "ANO",
                                "2020",
                                "MES",
                                "03",
                                "CO_ERRO",
                                "999999"),
                        Map.of(
                                "AIH",
                                "2820101013840",
                                "CNES",
                                "0002534",
                                "ANO",
                                "2020",
                                "MES",
                                "03",
                                "CO_ERRO",
                                "060149"),
                        Map.of(
                                "AIH",
                                "2820101099999",
                                "CNES",
                                "6568343",
                                "ANO",
                                "2020",
                                "MES",
                                "03",
                                "CO_ERRO",
                                "020001")));
        SihBatch batch =
                SihReader.readAll(List.of(rj, er), SihReadOptions.defaults().withThreads(2));
        assertThat(batch.table(SihSystem.ER).files().get(0).warnings())
                .containsExactly("1 CO_ERRO codes are not in the code table (no description): [999999]");
        GlosaTable out = batch.rejectionsWithErrors();
        assertThat(out.rowCount()).isEqualTo(3);
        assertThat(out.doubles(Role.BILLED_AMOUNT).get(0)).isEqualTo(1500.25);
        assertThat(out.category(Role.REASON_CODE).get(0)).isEqualTo("060082");
        assertThat(out.category(SihReader.REASON_DESCRIPTION).get(0))
                .isEqualTo(SihErrorCodes.standard().description("060082"));
        assertThat(out.category(Role.GLOSA_TYPE).get(0)).isEqualTo("06");
        assertThat(out.category(Role.REASON_CODE).get(1)).isEqualTo("999999");
        assertThat(out.category(SihReader.REASON_DESCRIPTION).isMissing(1)).isTrue();
        assertThat(out.category(Role.GLOSA_TYPE).get(1)).isEqualTo("99");
        assertThat(out.category(SihRejections.ERROR_CODES).get(1)).isEqualTo("999999;060149");
        assertThat(out.longs(SihRejections.ERROR_COUNT).get(1)).isEqualTo(2);
        assertThat(out.category(Role.REASON_CODE).isMissing(2)).isTrue();
        assertThat(out.longs(SihRejections.ERROR_COUNT).get(2)).isZero();
    }
}
