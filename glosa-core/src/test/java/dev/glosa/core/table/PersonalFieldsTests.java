package dev.glosa.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalFieldsTests {

    @Test
    void recognisesIdentifierColumnsWhateverTheirCase() {
        assertThat(PersonalFields.isPersonal("NASC")).isTrue();
        assertThat(PersonalFields.isPersonal(" n_aih ")).isTrue();
        assertThat(PersonalFields.isPersonal("NumeroCarteira")).isTrue();
        assertThat(PersonalFields.isPersonal(Role.CLAIM_ID.column())).isTrue();
        assertThat(PersonalFields.isPersonal("VAL_TOT")).isFalse();
        assertThat(PersonalFields.isPersonal(null)).isFalse();
    }

    @Test
    void showsTheShapeOfAValueAndNothingElse() {
        assertThat(PersonalFields.shape("12/04/1987")).isEqualTo("99/99/9999");
        assertThat(PersonalFields.shape("282010023185")).isEqualTo("999999999999");
        assertThat(PersonalFields.shape("Maria S.")).isEqualTo("AAAAA A.");
        assertThat(PersonalFields.shape("9".repeat(45))).isEqualTo("9".repeat(40) + "... (45 characters)");
        assertThat(PersonalFields.forMessage("CNS", "700501234567891")).isEqualTo("shape 999999999999999, value masked")
                .doesNotContain("7005");
        assertThat(PersonalFields.forMessage("VAL_TOT", "12a")).isEqualTo("12a");
    }
}
