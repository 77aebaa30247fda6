package dev.glosa.io.tiss;

import static dev.glosa.io.tiss.TissColumns.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.glosa.core.table.GlosaTable;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/** Files that try to read local files, expand entities or fetch resources are refused with a clear error. */
class TissHostileXmlTests {
    private static final String ONE_ITEM = TissTestData.protocol(
            "P1",
            "2025-02-05",
            null,
            TissTestData.guide(
                    "G1",
                    new String[0],
                    TissTestData.item(1, "22", "10101012", "10.00", "10.00", "10.00"),
                    TissTestData.totals("Guia", "10.00", "10.00", "10.00", null)),
            TissTestData.totals("Protocolo", "10.00", "10.00", "10.00", null));

    /** A valid demonstrativo with {@code doctype} after the XML declaration and {@code text} as an item description. */
    private static String withDoctype(String doctype, String text) {
        String xml = TissTestData.demonstrativo(
                "345678", "7654321", ONE_ITEM, TissTestData.geral("10.00", "10.00", "10.00", null));
        xml = xml.replace("PROC 10101012", text);
        int decl = xml.indexOf("?>") + 2;
        return xml.substring(0, decl) + "\n" + doctype + xml.substring(decl);
    }

    @Test
    void externalEntityReadingALocalFileIsRefused() {
        String xml = withDoctype("<!DOCTYPE ans:mensagemTISS [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;");

        assertThatThrownBy(() -> TissTestData.read(TissTestData.input("xxe.xml", xml)))
                .isInstanceOf(TissFormatException.class)
                .hasMessageStartingWith("xxe.xml:2:")
                .hasMessageContaining("must not declare a DOCTYPE")
                .hasMessageContaining("XXE")
                .hasMessageNotContaining("root:")
                .satisfies(e -> assertThat(((TissFormatException) e).line()).isEqualTo(2));
    }

    @Test
    void externalEntityIsRefusedBeforeValidationToo(@TempDir Path schemas) {
        String xml = withDoctype("<!DOCTYPE ans:mensagemTISS [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;");
        TissOptions options = TissOptions.defaults().withValidation(TissOptions.Validation.REPORT, schemas);

        assertThatThrownBy(() -> TissTestData.read(options, TissTestData.input("xxe-validated.xml", xml)))
                .isInstanceOf(TissFormatException.class)
                .hasMessageStartingWith("xxe-validated.xml:2:")
                .hasMessageContaining("must not declare a DOCTYPE");
    }

    @Test
    void billionLaughsIsRefusedAtOnceWithoutExpandingAnything() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE ans:mensagemTISS [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        String xml = withDoctype(dtd.append("]>").toString(), "&lol9;");

        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThatThrownBy(() -> TissTestData.read(TissTestData.input("laughs.xml", xml)))
                        .isInstanceOf(TissFormatException.class)
                        .hasMessageStartingWith("laughs.xml:2:")
                        .hasMessageContaining("must not declare a DOCTYPE")
                        .hasMessageContaining("entity-expansion"));
    }

    @Test
    void anExternalDtdIsRefusedWithoutFetchingIt() {
        String xml = withDoctype("<!DOCTYPE ans:mensagemTISS SYSTEM \"http://example.invalid/tiss.dtd\">", "X");

        assertThatThrownBy(() -> TissTestData.read(TissTestData.input("remote-dtd.xml", xml)))
                .isInstanceOf(TissFormatException.class)
                .hasMessageContaining("remote-dtd.xml:2:")
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void anUndeclaredEntityReferenceIsRefused() {
        String xml = TissTestData.demonstrativo(
                        "345678", "7654321", ONE_ITEM, TissTestData.geral("10.00", "10.00", "10.00", null))
                .replace("PROC 10101012", "&secret;");

        assertThatThrownBy(() -> TissTestData.read(TissTestData.input("entity.xml", xml)))
                .isInstanceOf(TissFormatException.class)
                .hasMessageStartingWith("entity.xml:")
                .hasMessageContaining("secret");
    }

    @Test
    void xincludeIsNotProcessed() throws Exception {
        String xml = TissTestData.demonstrativo(
                        "345678", "7654321", ONE_ITEM, TissTestData.geral("10.00", "10.00", "10.00", null))
                .replace(
                        "PROC 10101012",
                        "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>");

        GlosaTable t =
                TissTestData.read(TissTestData.input("xinclude.xml", xml)).table();

        assertThat(t.rowCount()).isEqualTo(1);
        assertThat(t.category(PROCEDURE_DESCRIPTION).isMissing(0)).isTrue();
        assertThat(TissTestData.rowsAsText(t).get(0)).doesNotContain("root:");
    }

    @Test
    void theValidationParserRefusesADoctypeOnItsOwn() throws Exception {
        XMLReader reader = SecureXml.saxReader("doc.xml");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";

        assertThatThrownBy(() ->
                        reader.parse(new InputSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(SAXParseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void theValidatorRefusesADoctypeNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hostile.xml");
        Files.writeString(file, withDoctype("<!DOCTYPE ans:mensagemTISS [<!ENTITY x 'y'>]>", "&x;"));

        assertThatThrownBy(() -> TissSchemaValidator.fromDirectory(dir).validate(file))
                .isInstanceOf(TissFormatException.class)
                .hasMessageContaining("hostile.xml:2:")
                .hasMessageContaining("must not declare a DOCTYPE");
    }

    @Test
    void malformedXmlNamesFileLineAndColumn() {
        String xml =
                "<?xml version=\"1.0\"?>\n<ans:mensagemTISS xmlns:ans=\"http://www.ans.gov.br/padroes/tiss/schemas\">\n<ans:cabecalho>\n</ans:mensagemTISS>";

        assertThatThrownBy(() -> TissTestData.read(TissTestData.input("broken.xml", xml)))
                .isInstanceOf(TissFormatException.class)
                .hasMessageMatching("broken\\.xml:4:\\d+: not well-formed or refused XML: .*")
                .hasCauseInstanceOf(javax.xml.stream.XMLStreamException.class);
    }

    @Test
    void aDocumentThatIsNotATissMessageIsRefusedNotReadByElementNames() {
        String other = "<?xml version=\"1.0\"?>\n<x:mensagemTISS xmlns:x=\"urn:other\"><x:cabecalho/></x:mensagemTISS>";
        assertThatThrownBy(() -> TissTestData.read(TissTestData.input("other.xml", other)))
                .isInstanceOf(TissFormatException.class)
                .hasMessageContaining("other.xml:2:")
                .hasMessageContaining("not a TISS message")
                .hasMessageContaining("urn:other");
        String root = "<?xml version=\"1.0\"?>\n<relatorio><demonstrativoAnaliseConta/></relatorio>";
        assertThatThrownBy(() -> TissTestData.read(TissTestData.input("root.xml", root)))
                .isInstanceOf(TissFormatException.class)
                .hasMessageContaining("the root element is <relatorio>");
    }

    @Test
    void anAmountWithACommaNamesTheElementAndTheValue() {
        String xml = TissTestData.demonstrativo(
                "345678",
                "7654321",
                ONE_ITEM.replace(
                        "<ans:valorInformado>10.00</ans:valorInformado>",
                        "<ans:valorInformado>10,00</ans:valorInformado>"),
                TissTestData.geral("10.00", "10.00", "10.00", null));

        assertThatThrownBy(() -> TissTestData.read(TissTestData.input("comma.xml", xml)))
                .isInstanceOf(TissFormatException.class)
                .hasMessageStartingWith("comma.xml:")
                .hasMessageContaining("<valorInformado> must be an amount like 1500.00; found '10,00'");
    }

    @Test
    void aBadDateNamesTheElementAndTheValue() {
        String xml = TissTestData.demonstrativo(
                "345678",
                "7654321",
                ONE_ITEM.replace("2025-02-05", "05/02/2025"),
                TissTestData.geral("10.00", "10.00", "10.00", null));

        assertThatThrownBy(() -> TissTestData.read(TissTestData.input("date.xml", xml)))
                .isInstanceOf(TissFormatException.class)
                .hasMessageContaining("<dataProtocolo> must be a date yyyy-MM-dd; found '05/02/2025'");
    }
}
