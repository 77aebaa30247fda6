package dev.glosa.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTests {
    private static final Messages EN = Messages.of(Language.EN);
    private static final Messages PT = Messages.of(Language.PT_BR);

    @Test
    void moneyAndNumbersFollowTheLanguageNotTheMachine() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(PT.money(6_665_862.12)).isEqualTo("R$ 6.665.862,12");
            assertThat(EN.money(6_665_862.12)).isEqualTo("R$ 6,665,862.12");
            assertThat(PT.money(-80)).isEqualTo("-R$ 80,00");
            assertThat(EN.moneyChange(1234.5)).isEqualTo("+R$ 1,234.50");
            assertThat(PT.number(1_234_567)).isEqualTo("1.234.567");
            assertThat(EN.percent(0.4134)).isEqualTo("41.3%");
            assertThat(PT.percent(0.4134)).isEqualTo("41,3%");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void shortMoneyForLabelsInBothLanguages() {
        assertThat(PT.moneyShort(820.4)).isEqualTo("R$ 820");
        assertThat(PT.moneyShort(4_500)).isEqualTo("R$ 4,5 mil");
        assertThat(PT.moneyShort(350_200)).isEqualTo("R$ 350 mil");
        assertThat(PT.moneyShort(1_234_567)).isEqualTo("R$ 1,2 mi");
        assertThat(PT.moneyShort(3_400_000_000.0)).isEqualTo("R$ 3,4 bi");
        assertThat(PT.moneyShort(-1_500)).isEqualTo("R$ -1,5 mil");
        assertThat(EN.moneyShort(4_500)).isEqualTo("R$ 4.5k");
        assertThat(EN.moneyShort(350_200)).isEqualTo("R$ 350k");
        assertThat(EN.moneyShort(1_234_567)).isEqualTo("R$ 1.2M");
        assertThat(EN.moneyShort(3_400_000_000.0)).isEqualTo("R$ 3.4bn");
        // thresholds where rounding would print "1000 mil"
        assertThat(PT.moneyShort(999_999)).isEqualTo("R$ 1,0 mi");
        assertThat(PT.moneyShort(9_999.6)).isEqualTo("R$ 10 mil");
        assertThat(PT.moneyShort(999.7)).isEqualTo("R$ 1,0 mil");
        assertThat(EN.percentShort(0.004)).isEqualTo("<1%");
        assertThat(EN.percentShort(0.41)).isEqualTo("41%");
    }

    @Test
    void bothBundlesHaveTheSameKeysAndEveryTextRendersInBoth() throws IOException {
        Properties en = load("messages.properties");
        Properties pt = load("messages_pt_BR.properties");
        assertThat(pt.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(EN.text(key, "a", "b", "c", "d", "e", "f", "g")).as(key).isNotBlank();
            assertThat(PT.text(key, "a", "b", "c", "d", "e", "f", "g")).as(key).isNotBlank();
        }
        assertThat(PT.text("label.share", "R$ 1 mil", "5%")).isEqualTo("R$ 1 mil, 5% do segmento");
        // A text with placeholders goes through MessageFormat, where an apostrophe is written twice; a text without
        // any is given as it is, so there it is written once.
        for (Properties bundle : List.of(en, pt)) {
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                boolean formatted = text.matches("(?s).*\\{\\d.*");
                assertThat(formatted ? text.replace("''", "") : text)
                        .as(key + ": apostrophes " + (formatted ? "doubled" : "single"))
                        .doesNotContain(formatted ? "'" : "''");
            }
        }
        assertThat(EN.text("error.language", "fr")).isEqualTo("--lang must be pt-BR or en, found 'fr'");
    }

    @Test
    void englishAskedIsEnglishGivenOnAPortugueseMachine() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("pt-BR"));
            assertThat(Language.system()).isEqualTo(Language.PT_BR);
            // The texts are read from their files by name, never through the default locale's bundle.
            assertThat(EN.text("status.new")).isEqualTo("new");
            Locale.setDefault(Locale.JAPAN);
            assertThat(Language.system()).isEqualTo(Language.EN);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void languageParsesWhatUsersWriteAndRefusesTheRest() {
        assertThat(Language.parse("pt-BR")).isEqualTo(Language.PT_BR);
        assertThat(Language.parse("pt_br")).isEqualTo(Language.PT_BR);
        assertThat(Language.parse("EN")).isEqualTo(Language.EN);
        assertThat(Language.PT_BR.locale().toLanguageTag()).isEqualTo("pt-BR");
        assertThatThrownBy(() -> Language.parse("fr")).hasMessageContaining("pt-BR or en, found 'fr'");
    }

    @Test
    void keyNamesShowNamesWhereKnownElseCodesAndUserNamesWin() {
        KeyNames known = KeyNames.of("glosa_type", java.util.Map.of("06", "Procedimentos"));
        KeyNames user = KeyNames.of("glosa_type", java.util.Map.of("06", "Proc. e OPM"))
                .and(KeyNames.of("hospital", java.util.Map.of("2077485", "Hospital São Lucas")));
        KeyNames names = known.and(user);
        assertThat(names.display("glosa_type", "06")).isEqualTo("Proc. e OPM");
        assertThat(names.display("hospital", "2077485")).isEqualTo("Hospital São Lucas");
        assertThat(names.display("hospital", "999")).isEqualTo("999");
        assertThat(names.name("payer", "1")).isNull();
        assertThat(KeyNames.none().display("payer", null)).isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
