package dev.glosa.io.sih;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.io.dbf.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class SihErrorCodesTests {

    @Test
    void shippedTableHoldsAll581CodesWithTheirGroups() {
        SihErrorCodes codes = SihErrorCodes.standard();
        assertThat(codes.codes()).hasSize(581);
        assertThat(codes.description("020001")).isEqualTo("AIH BLOQUEADA POR DUPLICIDADE");
        assertThat(codes.description("010002")).isEqualTo("CNES N\u00c3O CADASTRADO");
        assertThat(codes.description("123456")).isNull();
        assertThat(SihErrorCodes.group("060038")).isEqualTo("06");
        assertThat(codes.groupDescription("02")).isEqualTo("BLOQUEIO");
        assertThat(codes.groupDescription("99")).isNull();
        for (String code : codes.codes()) {
            assertThat(codes.groupDescription(SihErrorCodes.group(code)))
                    .as(code)
                    .isNotBlank();
        }
        assertThatThrownBy(() -> SihErrorCodes.group("06003")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SihErrorCodes.group("06003x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shippedTableIsTheSharedDictionary() throws IOException {
        List<String> shared =
                Files.readAllLines(SharedData.datasus().resolve("dict/co_erro_moterro.csv"), StandardCharsets.UTF_8);
        SihErrorCodes codes = SihErrorCodes.standard();
        for (String line : shared.subList(1, shared.size())) {
            String[] c = line.split(";");
            assertThat(codes.description(c[0])).isEqualTo(c[1].strip());
            assertThat(SihErrorCodes.group(c[0])).isEqualTo(c[2]);
        }
    }
}
