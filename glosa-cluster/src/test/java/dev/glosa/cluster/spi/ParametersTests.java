package dev.glosa.cluster.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTests {
    private static final ParameterSpace SPACE = ParameterSpace.of(
            "demo",
            new Parameter.IntParameter("k", 3, 1, 50, "clusters"),
            new Parameter.RealParameter("eps", null, 0.0, 10.0, "radius"),
            new Parameter.ChoiceParameter("linkage", "ward", List.of("ward", "single"), "linkage"));

    @Test
    void defaultsLeaveAutomaticParametersUnset() {
        Parameters p = SPACE.defaults();
        assertThat(p.getInt("k")).isEqualTo(3);
        assertThat(p.getChoice("linkage")).isEqualTo("ward");
        assertThat(p.isSet("eps")).isFalse();
        assertThat(p.findDouble("eps")).isEmpty();
        assertThat(p.asText())
                .containsExactly(Map.entry("k", "3"), Map.entry("eps", "auto"), Map.entry("linkage", "ward"));
    }

    @Test
    void parsesConfigurationText() {
        Parameters p = SPACE.parse(Map.of("k", " 7 ", "eps", "0.5", "linkage", "SINGLE"));
        assertThat(p.getInt("k")).isEqualTo(7);
        assertThat(p.getDouble("eps")).isEqualTo(0.5);
        assertThat(p.getChoice("linkage")).isEqualTo("single");
        assertThat(SPACE.parse(Map.of("eps", "auto")).isSet("eps")).isFalse();
    }

    @Test
    void errorsNameTheParameterTheRuleAndTheValue() {
        assertThatThrownBy(() -> SPACE.parse(Map.of("k", "abc")))
                .hasMessageContaining("'k'")
                .hasMessageContaining("[1, 50]")
                .hasMessageContaining("'abc'");
        assertThatThrownBy(() -> SPACE.parse(Map.of("k", "51"))).hasMessageContaining("found 51");
        assertThatThrownBy(() -> SPACE.parse(Map.of("kk", "5")))
                .hasMessageContaining("'kk'")
                .hasMessageContaining("[k, eps, linkage]");
        assertThatThrownBy(() -> SPACE.parse(Map.of("linkage", "median"))).hasMessageContaining("[ward, single]");
        assertThatThrownBy(() -> SPACE.parse(Map.of("k", "auto"))).hasMessageContaining("not automatic");
        assertThatThrownBy(() -> SPACE.defaults().with("eps", Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> SPACE.defaults().getDouble("k")).hasMessageContaining("not a RealParameter");
    }

    @Test
    void withReturnsACheckedCopy() {
        Parameters p = SPACE.defaults();
        Parameters q = p.with("k", 9).with("eps", 2);
        assertThat(p.getInt("k")).isEqualTo(3);
        assertThat(q.getInt("k")).isEqualTo(9);
        assertThat(q.getDouble("eps")).isEqualTo(2.0);
        assertThat(q.automatic("eps").isSet("eps")).isFalse();
        assertThat(q).isEqualTo(SPACE.parse(Map.of("k", "9", "eps", "2.0")));
    }
}
