package dev.glosa.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class ChartsTests {

    private static Document svg(String markup) {
        return Jsoup.parse(markup, "", Parser.xmlParser());
    }

    @Test
    void theLargestBarSpansThePlotAndTheOthersAreInProportion() {
        Document d = svg(Charts.bars(
                "t",
                List.of(new Charts.Bar("a", 200, "200"), new Charts.Bar("b", 50, "50"), new Charts.Bar("c", 0, "0"))));
        List<Double> widths = d.select("rect").stream()
                .map(r -> Double.parseDouble(r.attr("width")))
                .toList();
        assertThat(widths).hasSize(3);
        assertThat(widths.get(1) / widths.get(0)).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.002));
        assertThat(widths.get(2)).isZero();
    }

    @Test
    void aLongUppercaseNameIsCutToTheLabelsRoomAndAShortOneIsKept() {
        int room = 220;
        String upper = Charts.clip("SANTA CASA DE MISERICÓRDIA DE SÃO PAULO (2077485)", room);
        assertThat(upper).endsWith("…").startsWith("SANTA CASA DE");
        assertThat(width(upper)).isLessThanOrEqualTo(room);
        String mixed = Charts.clip("Hospital Universitário Professor Doutor Fulano de Tal (1234567)", room);
        assertThat(mixed).endsWith("…");
        assertThat(width(mixed)).isLessThanOrEqualTo(room);
        assertThat(Charts.clip("Hospital Santa Clara (2252404)", room)).isEqualTo("Hospital Santa Clara (2252404)");
        // the same count of characters takes more room in capitals, so a capital name is cut earlier
        assertThat(Charts.clip("A".repeat(40), room).length())
                .isLessThan(Charts.clip("a".repeat(40), room).length());
    }

    private static double width(String s) {
        double em = 0;
        for (char c : s.toCharArray()) {
            em += Charts.em(c);
        }
        return em * 11;
    }

    @Test
    void aLabelIsTextNotMarkup() {
        String out = Charts.bars("<b>t</b>", List.of(new Charts.Bar("<script>alert(1)</script>", 1, "x & y")));
        assertThat(out)
                .doesNotContain("<script>")
                .doesNotContain("<b>")
                .contains("&lt;script&gt;")
                .contains("x &amp; y");
        assertThat(svg(out).select("text").eachText()).contains("<script>alert(1)</script>");
    }

    @Test
    void anIntervalIsDrawnFromItsLowToItsHighBound() {
        Document d = svg(Charts.intervals("t", List.of(new Charts.Interval("h", 0.2, 0.1, 0.4, "20%")), v -> "" + v));
        Element ci = d.selectFirst("g.ci");
        Element bar = ci.selectFirst("line");
        double lo = Double.parseDouble(bar.attr("x1"));
        double hi = Double.parseDouble(bar.attr("x2"));
        double dot = Double.parseDouble(ci.selectFirst("circle").attr("cx"));
        assertThat(lo).isLessThan(dot);
        assertThat(dot).isLessThan(hi);
        // 0.1 and 0.2 on an axis ending at 0.4: the dot is a third of the way from the low bound to the high one.
        assertThat((dot - lo) / (hi - lo)).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aScatterOfConstantValuesStaysInsideItsFrame() {
        String out = Charts.scatter(
                "t", "x", "y", List.of(new Charts.Point(5, 5, 0), new Charts.Point(5, 5, 1)), List.of("G1", "G2"));
        Document d = svg(out);
        for (Element c : d.select("circle")) {
            double x = Double.parseDouble(c.attr("cx"));
            double y = Double.parseDouble(c.attr("cy"));
            assertThat(x).isBetween(40.0, 300.0);
            assertThat(y).isBetween(0.0, 220.0);
        }
        assertThat(out).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(d.select("circle").eachAttr("fill")).containsExactly(Charts.PALETTE[0], Charts.PALETTE[1]);
    }

    @Test
    void aLineGoesThroughEveryPointInOrderAndHigherValuesAreHigher() {
        Document d = svg(Charts.line("t", List.of(new Charts.Bar("w1", 10, "10"), new Charts.Bar("w2", 20, "20"))));
        List<Element> dots = d.select("circle");
        assertThat(dots).hasSize(2);
        assertThat(Double.parseDouble(dots.get(1).attr("cy")))
                .isLessThan(Double.parseDouble(dots.get(0).attr("cy")));
        assertThat(d.selectFirst("path").attr("d")).startsWith("M").contains(" L");
    }

    @Test
    void theSameDataDrawsTheSameBytesWhateverTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            String de = Charts.bars("t", List.of(new Charts.Bar("a", 1.25, "x")));
            java.util.Locale.setDefault(java.util.Locale.US);
            assertThat(Charts.bars("t", List.of(new Charts.Bar("a", 1.25, "x"))))
                    .isEqualTo(de)
                    .doesNotContain(",5");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
