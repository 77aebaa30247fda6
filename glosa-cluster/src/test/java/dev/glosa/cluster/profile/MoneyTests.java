package dev.glosa.cluster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void formatsAmountsInShortPtBrForm() {
        assertThat(Money.format(820.4)).isEqualTo("R$ 820");
        assertThat(Money.format(4_500)).isEqualTo("R$ 4,5 mil");
        assertThat(Money.format(350_200)).isEqualTo("R$ 350 mil");
        assertThat(Money.format(1_234_567)).isEqualTo("R$ 1,2 M");
        assertThat(Money.format(3_400_000_000.0)).isEqualTo("R$ 3,4 bi");
        assertThat(Money.format(-1_500)).isEqualTo("R$ -1,5 mil");
        assertThat(Money.format(0)).isEqualTo("R$ 0");
    }

    @Test
    void neverPrintsAThousandOfTheSmallerUnit() {
        assertThat(Money.format(999_999)).isEqualTo("R$ 1,0 M");
        assertThat(Money.format(9_999.6)).isEqualTo("R$ 10 mil");
        assertThat(Money.format(999.7)).isEqualTo("R$ 1,0 mil");
        assertThat(Money.format(999_960_000)).isEqualTo("R$ 1,0 bi");
    }

    @Test
    void formatsSharesAsWholePercents() {
        assertThat(Money.percent(0.41)).isEqualTo("41%");
        assertThat(Money.percent(1.0)).isEqualTo("100%");
        assertThat(Money.percent(0.001)).isEqualTo("<1%");
        assertThat(Money.percent(0)).isEqualTo("0%");
    }
}
