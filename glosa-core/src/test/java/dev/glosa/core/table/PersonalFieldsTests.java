package dev.glosa.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
    void recognisesPersonalWordsOfAnyNameWhateverTheirSpelling() {
        for (String name : List.of(
                "CPF_PACIENTE",
                "NOME_PACIENTE",
                "DT_NASCIMENTO",
                "CARTEIRINHA",
                "cpfPaciente",
                "dataNascimento",
                "DTNASC",
                "Matrícula_Beneficiário",
                "ENDEREÇO",
                "e-mail",
                "TELEFONE_CONTATO",
                "RG",
                "cep_residencia",
                "NUM_CARTEIRA_CONVENIO",
                "CNSPAC",
                "Paciente",
                "BENEFICIARIO",
                "NOME_MEDICO",
                "NOME_PACIENTE_CONVENIO",
                "PRONTUARIO",
                "nomeBeneficiario",
                "birthDate")) {
            assertThat(PersonalFields.byName(name)).as(name).isNotNull();
        }
    }

    @Test
    void anOrganisationsNameOrAPatientsAgeIsNotPersonal() {
        for (String name : List.of(
                "NOME_CONVENIO",
                "NOME_HOSPITAL",
                "payer_name",
                "provider_name",
                "CEP_PRESTADOR",
                "IDADE_PACIENTE",
                "SEXO_BENEFICIARIO",
                "FAIXA_ETARIA_PACIENTE",
                "CNES",
                "CONTRACEP1",
                "NACIONAL",
                "REGIONAL",
                "procedure_description",
                "CONVENIO",
                "glosa_amount",
                "MES_RECEBIMENTO")) {
            assertThat(PersonalFields.byName(name)).as(name).isNull();
        }
    }

    @Test
    void namesAreCutIntoWordsAtCamelCaseDigitsAndPunctuation() {
        assertThat(PersonalFields.words("numeroCarteira")).containsExactly("NUMERO", "CARTEIRA");
        assertThat(PersonalFields.words("CPFPaciente")).containsExactly("CPF", "PACIENTE");
        assertThat(PersonalFields.words("Endereço do paciente 2")).containsExactly("ENDERECO", "DO", "PACIENTE", "2");
    }

    @Test
    void cpfAndCnsCheckDigitsAreVerified() {
        assertThat(PersonalFields.validCpf("52998224725")).isTrue();
        assertThat(PersonalFields.validCpf("52998224726")).isFalse();
        assertThat(PersonalFields.validCpf("11111111111")).isFalse();
        assertThat(PersonalFields.validCns("898001020032180")).isTrue();
        assertThat(PersonalFields.validCns("898001020032181")).isFalse();
        assertThat(PersonalFields.validCns("398001020032180")).isFalse();
    }

    @Test
    void columnsAreFoundPersonalByTheirContentWhateverTheirName() {
        Random rnd = new Random(7);
        int n = 300;
        List<String> cpfs = new ArrayList<>();
        List<String> cns = new ArrayList<>();
        List<String> births = new ArrayList<>();
        List<String> admissions = new ArrayList<>();
        long[] cpfNumbers = new long[n];
        for (int i = 0; i < n; i++) {
            String cpf = cpf(rnd);
            cpfs.add(
                    i % 2 == 0
                            ? cpf
                            : cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-"
                                    + cpf.substring(9));
            cpfNumbers[i] = Long.parseLong(cpf);
            cns.add(cns(rnd));
            births.add(LocalDate.of(1930 + rnd.nextInt(90), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28))
                    .toString()
                    .replace("-", ""));
            admissions.add(LocalDate.of(2025, 1, 1).plusDays(rnd.nextInt(400)).toString());
        }
        GlosaTable t = GlosaTable.of(
                CategoryColumn.of("DOC", cpfs),
                LongColumn.of("X1", cpfNumbers),
                CategoryColumn.of("REF", cns),
                CategoryColumn.of("D1", births),
                CategoryColumn.of("D2", admissions),
                CategoryColumn.of(
                        "NOME_CONVENIO",
                        cpfs.stream().map(s -> "Plano " + s.charAt(0)).toList()));

        List<PersonalFields.Detected> found = PersonalFields.detect(t, Map.of());

        assertThat(found).extracting(PersonalFields.Detected::column).containsExactly("DOC", "X1", "REF", "D1");
        assertThat(found.get(0).reason()).isEqualTo("100% of 300 values sampled are valid CPFs");
        assertThat(found.get(2).reason()).contains("valid CNS");
        assertThat(found.get(3).reason()).contains("birth dates");
    }

    @Test
    void overridesDecideEitherWay() {
        GlosaTable t = GlosaTable.of(
                CategoryColumn.of("NOME_MEDICO", "Ana", "Rui"),
                CategoryColumn.of("OBS", "x", "y"),
                CategoryColumn.of("CPF_PACIENTE", "a", "b"));

        assertThat(PersonalFields.detect(t, Map.of("nome_medico", false, "OBS", true)))
                .containsExactly(
                        new PersonalFields.Detected("OBS", "declared personal"),
                        new PersonalFields.Detected("CPF_PACIENTE", "word CPF of the name"));
    }

    @Test
    void valuesInMessagesKeepOnlyTheirShape() {
        assertThat(PersonalFields.shape("12/04/1987")).isEqualTo("99/99/9999");
        assertThat(PersonalFields.shape("282010023185")).isEqualTo("999999999999");
        assertThat(PersonalFields.shape("Maria S.")).isEqualTo("AAAAA A.");
        assertThat(PersonalFields.shape("9".repeat(45))).isEqualTo("9".repeat(40) + "... (45 characters)");
        assertThat(PersonalFields.forMessage("CNS", "700501234567891"))
                .isEqualTo("shape 999999999999999, value masked");
        assertThat(PersonalFields.forMessage("NOME_PACIENTE", "MARIA")).isEqualTo("shape AAAAA, value masked");
        assertThat(PersonalFields.forMessage("VAL_TOT", "12a")).isEqualTo("12a");
    }

    /** A valid CPF: nine random digits and their two check digits. */
    static String cpf(Random rnd) {
        int[] d = new int[11];
        for (int i = 0; i < 9; i++) {
            d[i] = rnd.nextInt(10);
        }
        for (int check = 9; check <= 10; check++) {
            int sum = 0;
            for (int i = 0; i < check; i++) {
                sum += d[i] * (check + 1 - i);
            }
            d[check] = sum * 10 % 11 % 10;
        }
        StringBuilder sb = new StringBuilder();
        for (int x : d) {
            sb.append(x);
        }
        return sb.toString();
    }

    /** A valid provisional CNS: 8, thirteen random digits, and a last digit making the weighted sum divisible by 11. */
    static String cns(Random rnd) {
        while (true) {
            StringBuilder sb = new StringBuilder("8");
            for (int i = 1; i < 14; i++) {
                sb.append(rnd.nextInt(10));
            }
            int sum = 0;
            for (int i = 0; i < 14; i++) {
                sum += (sb.charAt(i) - '0') * (15 - i);
            }
            int last = (11 - sum % 11) % 11;
            if (last < 10) {
                return sb.append(last).toString();
            }
        }
    }
}
