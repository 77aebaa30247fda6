package dev.glosa.core.table;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which columns carry personal data, and how their values are shown in messages: never in clear.
 *
 * <p>A column is personal, in this order of precedence:
 * <ol>
 *   <li>when an override says so, either way ({@code personal: true|false} in a CSV mapping, or the personal
 *       overrides of the writer's and the profiler's options);</li>
 *   <li>by exact name: one of {@link #NAMES}, the DATASUS SIH fields, TISS elements and canonical names that identify
 *       a claim, a stay or a person (claim and AIH numbers, guide numbers, auditors' free text, ...);</li>
 *   <li>by a word of its name ({@link #byName}): the name is cut into words at {@code _}, spaces, punctuation and
 *       camelCase humps, accents and case ignored; a word CPF, CNS, RG, CARTEIRINHA, CARTEIRA, CARTAO, MATRICULA,
 *       PRONTUARIO or IDENTIDADE, or a word containing NASC (NASC, DTNASC, NASCIMENTO), BIRTH or DOB, always makes it
 *       personal; a word NOME/NAME, TELEFONE/FONE/CELULAR/PHONE, EMAIL/MAIL, ENDERECO/LOGRADOURO/ADDRESS or CEP makes
 *       it personal unless another word names an organisation or a thing (NOME_CONVENIO, NOME_HOSPITAL,
 *       payer_name, CEP_PRESTADOR are not personal); a word PACIENTE, BENEFICIARIO, SEGURADO, TITULAR or PATIENT makes
 *       it personal unless another word is an attribute that identifies nobody (IDADE_PACIENTE, SEXO_BENEFICIARIO);
 *       a person's name wins over an organisation (NOME_PACIENTE_CONVENIO is personal), and a professional's name
 *       (NOME_MEDICO) is a person's name;</li>
 *   <li>by content ({@link #detect}): at least half of the non-empty values of a sample are valid CPFs (mod-11 check
 *       digits), or valid CNS (weighted sum divisible by 11), or dates spread like birth dates (none in the future,
 *       at least ten years between the earliest and the latest tenth).</li>
 * </ol>
 * Writers pseudonymise, drop or (when asked) keep personal columns; profiles never describe a group by one; readers
 * that report a bad value in one report its {@linkplain #shape(String) shape} instead.
 */
public final class PersonalFields {

    /** The names recognised exactly, as spelled in the files; {@link #isPersonal} ignores case. */
    public static final List<String> NAMES = List.of(
            "claim_id",
            "N_AIH",
            "AIH",
            "CPF",
            "CPF_AUT",
            "GESTOR_CPF",
            "CNS",
            "CNS_PAC",
            "NUM_CARTAO",
            "numeroCarteira",
            "numero_carteira",
            "card_number",
            "NASC",
            "birth_date",
            "data_nascimento",
            "CEP",
            "INSC_PN",
            "NOME",
            "nomeBeneficiario",
            "patient_name",
            "guide_number",
            "operator_guide_number",
            "AUD_JUST",
            "SIS_JUST",
            "SP_CPFCGC",
            "SP_PF_DOC",
            "SP_CNS");

    /**
     * A column found personal and why.
     *
     * @param column the column's name in the table
     * @param reason why, for messages and the manifest: {@code name NASC}, {@code word CPF of the name},
     *     {@code 98% of 1,000 values are valid CPFs}, {@code declared personal}
     */
    public record Detected(String column, String reason) {
        /** {@code column (reason)}. */
        @Override
        public String toString() {
            return column + " (" + reason + ")";
        }
    }

    private static final Set<String> LOWER =
            NAMES.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    /** Words that identify a person whatever else the name says. */
    private static final Set<String> ALWAYS = Set.of(
            "CPF", "CNS", "RG", "CARTEIRINHA", "CARTEIRA", "CARTAO", "MATRICULA", "PRONTUARIO", "IDENTIDADE", "DOB");

    /** Words that identify a person unless an organisation or a thing is named with them. */
    private static final Set<String> CONTACT = Set.of(
            "NOME",
            "NOMES",
            "NAME",
            "TELEFONE",
            "FONE",
            "CELULAR",
            "PHONE",
            "EMAIL",
            "MAIL",
            "ENDERECO",
            "LOGRADOURO",
            "ADDRESS",
            "CEP");

    /** Words naming the patient or beneficiary. */
    private static final Set<String> PERSON =
            Set.of("PACIENTE", "BENEFICIARIO", "BENEFICIARIA", "SEGURADO", "TITULAR", "PATIENT", "BENEFICIARY");

    /** Words naming an organisation or a thing, whose name, address or phone is nobody's personal data. */
    private static final Set<String> ORGANISATION = Set.of(
            "CONVENIO",
            "OPERADORA",
            "HOSPITAL",
            "PRESTADOR",
            "PLANO",
            "PRODUTO",
            "PROCEDIMENTO",
            "ESPECIALIDADE",
            "SETOR",
            "UNIDADE",
            "ESTABELECIMENTO",
            "CLINICA",
            "LABORATORIO",
            "MUNICIPIO",
            "CIDADE",
            "ESTADO",
            "UF",
            "REGIONAL",
            "TABELA",
            "ITEM",
            "ARQUIVO",
            "EMPRESA",
            "FORNECEDOR",
            "MOTIVO",
            "GLOSA",
            "GRUPO",
            "SERVICO",
            "EXAME",
            "MATERIAL",
            "MEDICAMENTO",
            "FONTE",
            "PAGADOR",
            "CONTRATO",
            "REDE",
            "FILIAL",
            "CENTRO",
            "LEITO",
            "FILE",
            "PAYER",
            "PROVIDER",
            "HOSPITALS",
            "PLAN",
            "PRODUCT",
            "PROCEDURE",
            "REASON",
            "SECTOR",
            "UNIT",
            "CITY",
            "STATE",
            "COMPANY",
            "SUPPLIER",
            "TABLE",
            "COLUMN",
            "COLUNA",
            "CAMPO",
            "FIELD");

    /** Attributes of a patient that identify nobody on their own. */
    private static final Set<String> ATTRIBUTE = Set.of(
            "IDADE",
            "SEXO",
            "GENERO",
            "FAIXA",
            "ETARIA",
            "AGE",
            "SEX",
            "GENDER",
            "TIPO",
            "TYPE",
            "QTD",
            "QUANTIDADE",
            "COUNT",
            "CARATER",
            "RACA",
            "COR");

    private static final Pattern CPF_TEXT = Pattern.compile("[0-9]{3}\\.?[0-9]{3}\\.?[0-9]{3}-?[0-9]{2}");
    private static final Pattern CNS_TEXT = Pattern.compile("[0-9 ]{15,18}");
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");

    /** Rows looked at per column by the content rules, evenly spread over the table. */
    static final int SAMPLE = 2_000;

    private static final int MIN_DATES = 5;
    private static final int BIRTH_SPREAD_DAYS = 3_652;

    private PersonalFields() {}

    /**
     * Whether a column of that name holds personal data by its name alone: one of {@link #NAMES} or a personal word
     * ({@link #byName}); case and accents ignored, {@code null} is not.
     *
     * @param column the column's name, may be {@code null}
     * @return whether the name alone makes the column personal
     */
    public static boolean isPersonal(String column) {
        return byName(column) != null;
    }

    /**
     * Why a column of that name is personal by its name alone, or {@code null} when its name does not say: an exact
     * name of {@link #NAMES}, else the rules on the words of the name described in the class comment.
     *
     * @param column the column's name, may be {@code null}
     * @return the reason, or {@code null}
     */
    public static String byName(String column) {
        if (column == null || column.isBlank()) {
            return null;
        }
        if (LOWER.contains(column.trim().toLowerCase(Locale.ROOT))) {
            return "name " + column.trim();
        }
        List<String> words = words(column);
        String person = null;
        String contact = null;
        boolean organisation = false;
        boolean attribute = false;
        for (String w : words) {
            if (ALWAYS.contains(w)
                    || w.contains("NASC")
                    || w.contains("BIRTH")
                    || w.length() > 3 && w.length() <= 6 && (w.startsWith("CPF") || w.startsWith("CNS"))) {
                return "word " + w + " of the name";
            }
            if (PERSON.contains(w) && person == null) {
                person = w;
            } else if (CONTACT.contains(w) && contact == null) {
                contact = w;
            } else if (ORGANISATION.contains(w)) {
                organisation = true;
            } else if (ATTRIBUTE.contains(w)) {
                attribute = true;
            }
        }
        if (contact != null && (person != null || !organisation)) {
            return "word " + contact + " of the name";
        }
        if (person != null && !attribute) {
            return "word " + person + " of the name";
        }
        return null;
    }

    /**
     * The words of a column name as the name rules see them: cut at anything not a letter or digit, at camelCase
     * humps and between letters and digits, accents removed, upper case.
     */
    static List<String> words(String column) {
        String n = Normalizer.normalize(column, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        n = n.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .replaceAll("([A-Za-z])([0-9])", "$1_$2")
                .replaceAll("([0-9])([A-Za-z])", "$1_$2");
        List<String> out = new ArrayList<>();
        for (String w : n.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(w.toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * The personal columns of {@code table}, in table order, each with why: by override, by name, then by content.
     *
     * @return the personal columns, each with its reason
     * @param table any table a reader, the reconciler or the aggregator produced
     * @param overrides column name (case ignored) to {@code true} (personal whatever its name and content) or
     *     {@code false} (not personal: written in clear and free to describe groups)
     */
    public static List<Detected> detect(GlosaTable table, Map<String, Boolean> overrides) {
        Map<String, Boolean> decided = lowerKeys(overrides);
        List<Detected> out = new ArrayList<>();
        for (Column c : table.columns()) {
            Boolean o = decided.get(c.name().toLowerCase(Locale.ROOT));
            if (o != null) {
                if (o) {
                    out.add(new Detected(c.name(), "declared personal"));
                }
                continue;
            }
            String reason = byName(c.name());
            if (reason == null) {
                reason = byContent(c);
            }
            if (reason != null) {
                out.add(new Detected(c.name(), reason));
            }
        }
        return List.copyOf(out);
    }

    /**
     * {@return the names of {@link #detect}'s columns}
     *
     * @param table the table looked at
     * @param overrides column name to personal or not, as {@link #detect} takes it
     */
    public static Set<String> detectNames(GlosaTable table, Map<String, Boolean> overrides) {
        return detect(table, overrides).stream().map(Detected::column).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether a column is personal by override or name alone, for a column that is not in a table at hand (a
     * segment key, a configured name).
     *
     * @param column the column's name
     * @param overrides column name (case ignored) to personal or not
     * @return whether the column is personal
     */
    public static boolean isPersonal(String column, Map<String, Boolean> overrides) {
        Boolean o = lowerKeys(overrides).get(column.toLowerCase(Locale.ROOT));
        return o != null ? o : isPersonal(column);
    }

    private static Map<String, Boolean> lowerKeys(Map<String, Boolean> overrides) {
        Map<String, Boolean> out = new HashMap<>();
        if (overrides != null) {
            overrides.forEach((k, v) -> {
                if (k != null && v != null) {
                    out.put(k.trim().toLowerCase(Locale.ROOT), v);
                }
            });
        }
        return out;
    }

    /** Why the values of {@code c} look personal, or {@code null}. */
    static String byContent(Column c) {
        if (c.type() == ColumnType.DOUBLE || c.type() == ColumnType.MONTH) {
            return null;
        }
        int n = c.size();
        int step = Math.max(1, n / SAMPLE);
        int seen = 0;
        int cpf = 0;
        int cns = 0;
        int[] days = new int[Math.min(n, SAMPLE + 1)];
        int dated = 0;
        for (int row = 0; row < n && seen < SAMPLE; row += step) {
            if (c.isMissing(row)) {
                continue;
            }
            String digits;
            int day;
            if (c instanceof LongColumn l) {
                long v = l.get(row);
                if (v == 0) {
                    continue;
                }
                digits = v >= 100_000_000L && v < 100_000_000_000L ? String.format("%011d", v) : Long.toString(v);
                day = v >= 10_000_000L && v <= 99_999_999L ? epochDay(Long.toString(v)) : DateColumn.MISSING;
            } else if (c instanceof DateColumn d) {
                digits = "";
                day = d.epochDay(row);
            } else {
                String text = c.text(row).trim();
                if (text.isEmpty()) {
                    continue;
                }
                digits = CPF_TEXT.matcher(text).matches()
                                || CNS_TEXT.matcher(text).matches()
                        ? NOT_DIGIT.matcher(text).replaceAll("")
                        : text;
                day = epochDay(text);
            }
            if (digits.chars().allMatch(ch -> ch == '0')) {
                continue;
            }
            seen++;
            if (validCpf(digits)) {
                cpf++;
            } else if (validCns(digits)) {
                cns++;
            }
            if (day != DateColumn.MISSING) {
                days[dated++] = day;
            }
        }
        if (seen == 0) {
            return null;
        }
        if (2 * cpf >= seen) {
            return share(cpf, seen) + " of " + count(seen) + " values sampled are valid CPFs";
        }
        if (2 * cns >= seen) {
            return share(cns, seen) + " of " + count(seen) + " values sampled are valid CNS";
        }
        if (2 * dated >= seen && dated >= MIN_DATES && birthLike(Arrays.copyOf(days, dated))) {
            return share(dated, seen) + " of " + count(seen) + " values sampled are dates spread like birth dates";
        }
        return null;
    }

    private static String share(int part, int whole) {
        return Math.round(100.0 * part / whole) + "%";
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** None in the future, and the earliest and the latest tenth at least ten years apart. */
    private static boolean birthLike(int[] days) {
        Arrays.sort(days);
        int today = (int) LocalDate.now().toEpochDay();
        if (days[days.length - 1] > today || days[0] < LocalDate.of(1880, 1, 1).toEpochDay()) {
            return false;
        }
        int p10 = days[(int) Math.floor(0.1 * (days.length - 1))];
        int p90 = days[(int) Math.ceil(0.9 * (days.length - 1))];
        return p90 - p10 >= BIRTH_SPREAD_DAYS;
    }

    /** The epoch day of {@code yyyyMMdd}, {@code dd/MM/yyyy} or {@code yyyy-MM-dd}, or {@link DateColumn#MISSING}. */
    static int epochDay(String text) {
        int y;
        int m;
        int d;
        try {
            if (text.length() == 8 && text.chars().allMatch(Character::isDigit)) {
                y = Integer.parseInt(text, 0, 4, 10);
                m = Integer.parseInt(text, 4, 6, 10);
                d = Integer.parseInt(text, 6, 8, 10);
            } else if (text.length() == 10 && text.charAt(2) == '/' && text.charAt(5) == '/') {
                d = Integer.parseInt(text, 0, 2, 10);
                m = Integer.parseInt(text, 3, 5, 10);
                y = Integer.parseInt(text, 6, 10, 10);
            } else if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
                y = Integer.parseInt(text, 0, 4, 10);
                m = Integer.parseInt(text, 5, 7, 10);
                d = Integer.parseInt(text, 8, 10, 10);
            } else {
                return DateColumn.MISSING;
            }
            if (y < 1800 || m < 1 || m > 12 || d < 1 || d > 31) {
                return DateColumn.MISSING;
            }
            return (int) LocalDate.of(y, m, d).toEpochDay();
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return DateColumn.MISSING;
        }
    }

    /**
     * {@return whether {@code digits} is a CPF with valid mod-11 check digits (not eleven equal digits)}
     *
     * @param digits the text to check, digits only
     */
    public static boolean validCpf(String digits) {
        if (digits.length() != 11
                || !digits.chars().allMatch(Character::isDigit)
                || digits.chars().allMatch(ch -> ch == digits.charAt(0))) {
            return false;
        }
        for (int check = 9; check <= 10; check++) {
            int sum = 0;
            for (int i = 0; i < check; i++) {
                sum += (digits.charAt(i) - '0') * (check + 1 - i);
            }
            int r = sum * 10 % 11;
            if (r == 10) {
                r = 0;
            }
            if (r != digits.charAt(check) - '0') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code digits} is a CNS: fifteen digits starting with 1, 2 (definitive) or 7, 8, 9 (provisional), whose
     * digits weighted 15 down to 1 sum to a multiple of 11.
     *
     * @param digits the text to check, digits only
     * @return whether it is a valid CNS
     */
    public static boolean validCns(String digits) {
        if (digits.length() != 15 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        char first = digits.charAt(0);
        if (first != '1' && first != '2' && first != '7' && first != '8' && first != '9') {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            sum += (digits.charAt(i) - '0') * (15 - i);
        }
        return sum % 11 == 0;
    }

    /**
     * The value with every digit shown as {@code 9} and every letter as {@code A}, other characters kept, for an
     * error message: enough to see that a date came as {@code 99/99/9999} rather than {@code 99999999}, or that a
     * number has 12 digits instead of 13, and nothing that identifies anyone. Truncated after 40 characters.
     *
     * @param value the text to mask, may be {@code null}
     * @return its shape
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

    /**
     * {@return the value as an error message shows a personal identifier: {@code shape 99/99/9999, value masked}}
     *
     * @param value the personal value
     */
    public static String masked(String value) {
        return "shape " + shape(value) + ", value masked";
    }

    /**
     * {@return {@code value} itself, or {@linkplain #masked masked} when {@code column} is personal}
     *
     * @param column the value's column
     * @param value the value
     */
    public static String forMessage(String column, String value) {
        return isPersonal(column) ? masked(value) : value;
    }
}
