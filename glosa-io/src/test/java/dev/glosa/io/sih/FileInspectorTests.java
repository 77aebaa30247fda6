package dev.glosa.io.sih;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glosa.io.dbf.DbfFormat;
import dev.glosa.io.dbf.DbfWriter;
import dev.glosa.io.dbf.MalformedFileException;
import dev.glosa.io.dbf.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInspectorTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void describesADbcWithItsLayoutCountsFieldsAndCrc() throws IOException {
        Path file = SharedData.datasus("RDAC2301.dbc");
        FileInspection i = FileInspector.inspect(file);
        assertThat(i.format()).isEqualTo(DbfFormat.DBC);
        assertThat(i.layout()).isEqualTo(new SihLayout(SihSystem.RD, "2016+"));
        assertThat(i.records()).isEqualTo(4165);
        assertThat(i.recordsDeclared()).isEqualTo(4165);
        assertThat(i.fields()).hasSize(113);
        assertThat(i.crcOk()).isTrue();
        String json = i.toJson();
        assertThat(json).doesNotContain("\n");
        JsonNode n = JSON.readTree(json);
        assertThat(n.get("file").asText()).isEqualTo(file.toString());
        assertThat(n.get("format").asText()).isEqualTo("dbc");
        assertThat(n.get("layout").get("system").asText()).isEqualTo("RD");
        assertThat(n.get("layout").get("era").asText()).isEqualTo("2016+");
        assertThat(n.get("records").asLong()).isEqualTo(4165);
        assertThat(n.get("crcOk").asBoolean()).isTrue();
        JsonNode valTot = n.get("fields").get(35);
        assertThat(valTot.get("name").asText()).isEqualTo("VAL_TOT");
        assertThat(valTot.get("type").asText()).isEqualTo("N");
        assertThat(valTot.get("length").asInt()).isEqualTo(14);
        assertThat(valTot.get("decimals").asInt()).isEqualTo(2);
    }

    @Test
    void aPlainDbfHasNoCrc() throws IOException {
        FileInspection i = FileInspector.inspect(SharedData.datasus("RDRR0801.dbf"));
        assertThat(i.crcOk()).isNull();
        assertThat(i.layout().label()).isEqualTo("RD 2008-2011");
        JsonNode n = JSON.readTree(i.toJson());
        assertThat(n.get("crcOk").isNull()).isTrue();
        assertThat(n.get("format").asText()).isEqualTo("dbf");
        assertThat(n.get("records").asLong()).isEqualTo(1475);
    }

    @Test
    void aCrcMismatchIsReportedNotThrown() throws IOException {
        byte[] b = Files.readAllBytes(SharedData.datasus("ERSE2003.dbc"));
        b[449 + 3] ^= 0x40;
        Path copy = dir.resolve("ERSE2003.dbc");
        Files.write(copy, b);
        FileInspection i = FileInspector.inspect(copy);
        assertThat(i.crcOk()).isFalse();
        assertThat(i.warnings()).anySatisfy(w -> assertThat(w).startsWith("CRC-32 mismatch"));
        assertThat(JSON.readTree(i.toJson()).get("crcOk").asBoolean()).isFalse();
    }

    @Test
    void aDamagedFileFailsWithOneLineNamingIt() throws IOException {
        byte[] b = Files.readAllBytes(SharedData.datasus("ERSE2003.dbc"));
        Path copy = dir.resolve("ERSE2003.dbc");
        Files.write(copy, Arrays.copyOf(b, b.length - 100));
        assertThatThrownBy(() -> FileInspector.inspect(copy))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(copy + ": byte ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aDbfThatIsNotSihHasNoLayout() throws IOException {
        Path file = dir.resolve("pessoas.dbf");
        try (DbfWriter w = DbfWriter.builder().character("NOME", 10).open(file)) {
            w.setString(0, "Ana");
            w.endRecord();
        }
        FileInspection i = FileInspector.inspect(file);
        assertThat(i.layout()).isNull();
        assertThat(JSON.readTree(i.toJson()).get("layout").isNull()).isTrue();
        assertThat(i.records()).isEqualTo(1);
    }
}
