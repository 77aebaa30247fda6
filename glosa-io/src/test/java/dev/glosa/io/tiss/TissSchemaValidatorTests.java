package dev.glosa.io.tiss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.io.tiss.TissGenerator.Shape;
import dev.glosa.io.tiss.TissGenerator.Spec;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline validation against the ANS schemas. */
class TissSchemaValidatorTests {

    private static TissInput generated(Spec spec) {
        return TissInput.of("gen.xml", () -> TissGenerator.open(spec));
    }

    @Test
    void anInvalidFileGetsItsErrorsWithFileAndLine() throws Exception {
        TissSchemaValidator validator = TissSchemaValidator.fromDirectory(TissTestData.tissDir());
        // without a CNES the 4.01 schema is not met (dadosPrestador/CNES is required)
        Spec spec = Spec.of("4.01.00", Shape.ITEM_LEVEL, 1).withParties("345678", null);

        List<String> errors = validator.validate(generated(spec));

        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0)).startsWith("gen.xml:").contains("dadosPrestador");
    }

    @Test
    void reportModeReadsAnInvalidFileAndStrictModeRefusesIt() throws Exception {
        Path dir = TissTestData.tissDir();
        Spec spec = Spec.of("4.01.00", Shape.ITEM_LEVEL, 1).withParties("345678", null);

        TissReadResult reported = TissTestData.read(
                TissOptions.defaults().withValidation(TissOptions.Validation.REPORT, dir), generated(spec));
        assertThat(reported.table().rowCount())
                .isEqualTo(TissGenerator.summary(spec).rows());
        assertThat(reported.report().files().get(0).schemaErrors()).isPositive();
        assertThat(reported.report().warnings()).anySatisfy(w -> assertThat(w).contains("schema: gen.xml:"));

        assertThatThrownBy(() -> TissTestData.read(
                        TissOptions.defaults().withValidation(TissOptions.Validation.STRICT, dir), generated(spec)))
                .isInstanceOf(TissFormatException.class)
                .hasMessageStartingWith("gen.xml: not valid against the TISS schema");
    }

    @Test
    void aVersionWithoutSchemaInTheFolderIsAClearError(@TempDir Path empty) throws Exception {
        Spec spec = Spec.of("3.05.00", Shape.ITEM_LEVEL, 1);

        assertThatThrownBy(() -> TissSchemaValidator.fromDirectory(empty).validate(generated(spec)))
                .isInstanceOf(TissFormatException.class)
                .hasMessageContaining("no schema for TISS version 3.05.00: tissV3_05_00.xsd is not in");
        assertThatThrownBy(() -> TissSchemaValidator.fromDirectory(empty.resolve("nowhere")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aSchemaThatWouldFetchFromTheNetworkIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tissV9_99_99.xsd"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <schema xmlns="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.ans.gov.br/padroes/tiss/schemas">
                  <include schemaLocation="http://www.ans.gov.br/padroes/tiss/schemas/tissSimpleTypesV9_99_99.xsd"/>
                </schema>
                """);
        String xml =
                "<?xml version=\"1.0\"?><ans:mensagemTISS xmlns:ans=\"http://www.ans.gov.br/padroes/tiss/schemas\">"
                        + "<ans:cabecalho><ans:Padrao>9.99.99</ans:Padrao></ans:cabecalho></ans:mensagemTISS>";

        assertThatThrownBy(() -> TissSchemaValidator.fromDirectory(dir).validate(TissTestData.input("v9.xml", xml)))
                .isInstanceOf(TissFormatException.class)
                .hasMessageContaining("tissSimpleTypesV9_99_99.xsd")
                .hasMessageContaining("is not in the local schema folder")
                .hasMessageContaining("nothing is fetched from the network");
    }

    @Test
    void aFileWithoutVersionCannotPickASchema() throws Exception {
        TissSchemaValidator validator = TissSchemaValidator.fromDirectory(TissTestData.tissDir());
        String xml = "<?xml version=\"1.0\"?><ans:mensagemTISS xmlns:ans=\"x\"><ans:cabecalho/></ans:mensagemTISS>";

        assertThatThrownBy(() -> validator.validate(TissTestData.input("noversion.xml", xml)))
                .isInstanceOf(TissFormatException.class)
                .hasMessageContaining("noversion.xml:")
                .hasMessageContaining("no <Padrao>");
    }

    @Test
    void theXmldsigSchemaWithItsW3cDoctypeCompilesOffline() throws Exception {
        // tissV4_01_00.xsd imports xmldsig-core-schema.xsd, whose DOCTYPE names http://www.w3.org/2001/XMLSchema.dtd
        TissSchemaValidator validator = TissSchemaValidator.fromDirectory(TissTestData.tissDir());

        assertThat(validator.schema("4.01.00", "test")).isNotNull();
        assertThat(validator.schema("3.05.00", "test")).isNotNull();
        assertThat(validator.schema("4.01.00", "test")).isSameAs(validator.schema("4.01.00", "test"));
    }
}
