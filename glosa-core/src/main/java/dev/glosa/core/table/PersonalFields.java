package dev.glosa.core.table;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The column names that carry personal identifiers in the files glosa reads, and how their values are shown in error
 * messages: never in clear.
 *
 * <p>The names are those of DATASUS SIH fields, TISS elements, common ERP export headers and the canonical
 * {@link Role} names: claim and AIH numbers, CPF (patient, authoriser, manager, provider), CNS, health-plan card
 * numbers, birth dates, postal code, prenatal registration, patient names, guide numbers (which lead straight back
 * to a stay) and auditors' free text (which often holds a CNS or a name). Writers pseudonymise or drop these columns;
 * readers that report a bad value in one of them report its {@linkplain #shape(String) shape} instead.
 */
public final class PersonalFields {

    /** The recognised names, as spelled in the files; {@link #isPersonal} ignores case. */
    public static final List<String> NAMES = List.of(
            "claim_id", "N_AIH", "AIH", "CPF", "CPF_AUT", "GESTOR_CPF", "CNS", "CNS_PAC", "NUM_CARTAO",
            "numeroCarteira", "numero_carteira", "card_number", "NASC", "birth_date", "data_nascimento", "CEP",
            "INSC_PN", "NOME", "nomeBeneficiario", "patient_name",
            "guide_number", "operator_guide_number", "AUD_JUST", "SIS_JUST", "SP_CPFCGC", "SP_PF_DOC", "SP_CNS");

    private static final Set<String> LOWER = NAMES.stream().map(n -> n.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    private PersonalFields() {
    }

    /** Whether a column of that name holds a personal identifier (case ignored; {@code null} is not). */
    public static boolean isPersonal(String column) {
        return column != null && LOWER.contains(column.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * The value with every digit shown as {@code 9} and every letter as {@code A}, other characters kept, for an
     * error message: enough to see that a date came as {@code 99/99/9999} rather than {@code 99999999}, or that a
     * number has 12 digits instead of 13, and nothing that identifies anyone. Truncated after 40 characters.
     */
    public static String shape(String value) {
        StringBuilder sb = new StringBuilder(Math.min(value.length(), 40) + 24);
        int n = Math.min(value.length(), 40);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            sb.append(Character.isDigit(c) ? '9' : Character.isLetter(c) ? 'A' : c);
        }
        if (value.length() > n) {
            sb.append("... (").append(value.length()).append(" characters)");
        }
        return sb.toString();
    }

    /** The value as an error message shows a personal identifier: {@code shape 99/99/9999, value masked}. */
    public static String masked(String value) {
        return "shape " + shape(value) + ", value masked";
    }

    /** {@code value} itself, or {@linkplain #masked masked} when {@code column} is personal. */
    public static String forMessage(String column, String value) {
        return isPersonal(column) ? masked(value) : value;
    }
}
