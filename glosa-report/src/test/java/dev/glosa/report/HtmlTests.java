package dev.glosa.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTests {

    @Test
    void escapesTheFiveCharactersThatChangeMeaningInHtml() {
        assertThat(Html.esc("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void leavesOtherTextAloneAndNullEmpty() {
        assertThat(Html.esc("Gravidez, parto e puerpério — R$ 1,0 mil"))
                .isEqualTo("Gravidez, parto e puerpério — R$ 1,0 mil");
        assertThat(Html.esc(null)).isEmpty();
    }
}
