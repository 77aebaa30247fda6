package dev.glosa.io.tiss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.core.table.Role;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parser reads an element by the place it occurs in, and a container out of its place opens nothing. */
class TissPlaceTests {

    private static final String STRAY_GUIDE_CODE =
            "<ans:motivoGlosaGuia><ans:codigoGlosa>1001</ans:codigoGlosa></ans:motivoGlosaGuia>";
    private static final String STRAY_ITEM_GLOSA =
            "<ans:relacaoGlosa><ans:valorGlosa>40.00</ans:valorGlosa><ans:tipoGlosa>1714</ans:tipoGlosa></ans:relacaoGlosa>";

    /** One guide of one item billed 300, paid 200, denied 100 under 2107; {@code inItem} and {@code inGuide} added. */
    private static String message(String inItem, String inGuide, String inProtocol) {
        String item = TissTestData.item(1, "20", "90000001", "300.00", "300.00", "200.00", "100.00", "2107")
                .replace("</ans:detalhesGuia>", inItem + "</ans:detalhesGuia>");
        String guide = TissTestData.guide(
                "1001",
                new String[0],
                item + inGuide,
                TissTestData.totals("Guia", "300.00", "300.00", "200.00", "100.00"));
        return TissTestData.demonstrativo(
                "345678",
                "7654321",
                TissTestData.protocol(
                        "P1",
                        "2025-02-05",
                        null,
                        inProtocol + guide,
                        TissTestData.totals("Protocolo", "300.00", "300.00", "200.00", "100.00")),
                TissTestData.geral("300.00", "300.00", "200.00", "100.00"));
    }

    private static TissReadResult read(String xml) throws Exception {
        return TissTestData.read(TissTestData.input("place.xml", xml));
    }

    private static Set<String> codes(TissReadResult result) {
        Set<String> out = new HashSet<>();
        for (int r = 0; r < result.table().rowCount(); r++) {
            out.add(result.table().category(Role.REASON_CODE).get(r));
        }
        return out;
    }

    @Test
    void aGuideGlosaInsideAnItemNeitherCodesTheGuideNorHidesTheGuideFieldsAfterIt() throws Exception {
        TissReadResult clean = read(message("", "", ""));
        TissReadResult stray = read(message(STRAY_GUIDE_CODE, "", ""));

        // With one flag per container this element left "in a guide glosa" set after the item closed, so the
        // guide's totals and its own end were taken as parts of a guide glosa and the guide was never finished.
        assertThat(TissTestData.rowsAsText(stray.table())).isEqualTo(TissTestData.rowsAsText(clean.table()));
        assertThat(codes(stray)).containsExactly("2107");
        assertThat(stray.report().files().get(0).guides()).isEqualTo(1);
        assertThat(stray.report().files().get(0).items()).isEqualTo(1);
        assertThat(stray.report().mismatches()).isEmpty();
    }

    @Test
    void anItemGlosaOutsideAnItemAddsNothing() throws Exception {
        TissReadResult clean = read(message("", "", ""));
        TissReadResult stray = read(message("", STRAY_ITEM_GLOSA, ""));

        assertThat(TissTestData.rowsAsText(stray.table())).isEqualTo(TissTestData.rowsAsText(clean.table()));
        assertThat(codes(stray)).containsExactly("2107");
        assertThat(stray.report().mismatches()).isEmpty();
    }

    @Test
    void anItemOutsideAGuideIsNotRead() throws Exception {
        TissReadResult clean = read(message("", "", ""));
        String strayItem = TissTestData.item(9, "20", "90000009", "999.00", "999.00", "0.00", "999.00", "1714");
        TissReadResult stray = read(message("", "", strayItem));

        assertThat(TissTestData.rowsAsText(stray.table())).isEqualTo(TissTestData.rowsAsText(clean.table()));
        assertThat(stray.report().files().get(0).items()).isEqualTo(1);
    }

    @Test
    void eachContainerOpensItsPlaceOnlyFromItsParentPlace() {
        assertThat(Place.DOCUMENT.enter("demonstrativoAnaliseConta")).isEqualTo(Place.STATEMENT);
        assertThat(Place.STATEMENT.enter("dadosProtocolo")).isEqualTo(Place.PROTOCOL);
        assertThat(Place.PROTOCOL.enter("relacaoGuias")).isEqualTo(Place.GUIDE);
        assertThat(Place.GUIDE.enter("detalhesGuia")).isEqualTo(Place.ITEM);
        assertThat(Place.ITEM.enter("relacaoGlosa")).isEqualTo(Place.ITEM_GLOSA);
        assertThat(Place.ANSWER.enter("recursoProtocolo")).isEqualTo(Place.ANSWER_PROTOCOL);
        assertThat(Place.APPEAL.enter("recursoProtocolo")).isEqualTo(Place.APPEAL_PROTOCOL);

        assertThat(Place.ITEM.enter("motivoGlosaGuia")).isNull();
        assertThat(Place.GUIDE.enter("relacaoGlosa")).isNull();
        assertThat(Place.PROTOCOL.enter("detalhesGuia")).isNull();
        assertThat(Place.STATEMENT.enter("demonstrativoAnaliseConta")).isNull();
        assertThat(Place.GUIDE.enter("GlosaProtocolo")).isNull();
        assertThat(Place.ANSWER.enter("recursoGuia"))
                .as("a wrapper in an answer")
                .isNull();
        for (Place p : Place.values()) {
            assertThat(p.enter("valorGlosa"))
                    .as("a field opens no place in %s", p)
                    .isNull();
            assertThat(p.enter("dadosConta"))
                    .as("a wrapper opens no place in %s", p)
                    .isNull();
        }
    }
}
