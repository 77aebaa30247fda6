package dev.glosa.core.sus;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.GlosaTable;
import java.util.function.UnaryOperator;

/**
 * Columns derived from SIH fields that make SUS claims comparable in groups and readable in labels: the SIGTAP
 * procedure group of {@code PROC_REA}, the ICD-10 chapter of {@code DIAG_PRINC} and the bed specialty of
 * {@code ESPEC}.
 *
 * <p>A SIGTAP procedure code has ten digits, {@code GGSSFFPPPD}: its first two give one of eight groups (01 promotion
 * and prevention ... 08 complementary actions). An ICD-10 code's letter and first two digits give its chapter
 * (WHO ICD-10, 2019 edition). Codes that fit neither give a missing value, never an error: the source files hold
 * blanks and placeholders.
 */
public final class SusColumns {
    /** The derived SIGTAP group column. */
    public static final String PROCEDURE_GROUP = "proc_group";
    /** The derived ICD-10 chapter column. */
    public static final String ICD_CHAPTER = "icd_chapter";
    /** The derived bed specialty label column. */
    public static final String SPECIALTY = "specialty";
    /** The glosa type of a rejected AIH when no ER file says which error rejected it. */
    public static final String WITHOUT_ERROR_CODE = "without error code";
    /** The SIH bed specialty column. */
    public static final String ESPEC = "ESPEC";
    /** The SIH procedure column. */
    public static final String PROC_REA = "PROC_REA";
    /** The SIH principal diagnosis column. */
    public static final String DIAG_PRINC = "DIAG_PRINC";

    private static final String[] SIGTAP_GROUPS = {
        null,
        "01 Promoção e prevenção",
        "02 Finalidade diagnóstica",
        "03 Procedimentos clínicos",
        "04 Procedimentos cirúrgicos",
        "05 Transplantes",
        "06 Medicamentos",
        "07 Órteses, próteses e materiais",
        "08 Ações complementares",
    };

    /** SIH bed specialties ({@code ESPEC}) 01 to 08; other codes are labelled by their code. */
    private static final String[] SPECIALTIES = {
        null,
        "01 Cirúrgico",
        "02 Obstétrico",
        "03 Clínico",
        "04 Crônico",
        "05 Psiquiatria",
        "06 Tisiologia",
        "07 Pediátrico",
        "08 Reabilitação",
    };

    /** First code of each ICD-10 chapter (letter × 100 + number), in order, with the chapter's label. */
    private static final int[] CHAPTER_START = {
        code('A', 0), code('C', 0), code('D', 50), code('E', 0), code('F', 0), code('G', 0), code('H', 0),
                code('H', 60),
        code('I', 0), code('J', 0), code('K', 0), code('L', 0), code('M', 0), code('N', 0), code('O', 0), code('P', 0),
        code('Q', 0), code('R', 0), code('S', 0), code('V', 1), code('Z', 0),
    };

    private static final String[] CHAPTER_LABEL = {
        "I Infecciosas e parasitárias",
        "II Neoplasias",
        "III Sangue e imunidade",
        "IV Endócrinas e metabólicas",
        "V Transtornos mentais",
        "VI Sistema nervoso",
        "VII Olho",
        "VIII Ouvido",
        "IX Aparelho circulatório",
        "X Aparelho respiratório",
        "XI Aparelho digestivo",
        "XII Pele",
        "XIII Osteomuscular",
        "XIV Geniturinário",
        "XV Gravidez, parto e puerpério",
        "XVI Perinatais",
        "XVII Malformações congênitas",
        "XVIII Sintomas e achados anormais",
        "XIX Lesões e envenenamentos",
        "XX Causas externas",
        "XXI Contatos com serviços de saúde",
    };

    private SusColumns() {}

    private static int code(char letter, int number) {
        return (letter - 'A') * 100 + number;
    }

    /**
     * {@return the SIGTAP group label of a procedure code, or {@code null} when the code does not name one}
     *
     * @param procedure the SIGTAP procedure code, ten digits
     */
    public static String procedureGroup(String procedure) {
        if (procedure == null || procedure.length() < 2) {
            return null;
        }
        char a = procedure.charAt(0);
        char b = procedure.charAt(1);
        if (a != '0' || b < '1' || b > '8') {
            return null;
        }
        return SIGTAP_GROUPS[b - '0'];
    }

    /**
     * {@return the label of a bed specialty code ({@code 02} gives {@code 02 Obstétrico}); blank gives {@code null}}
     *
     * @param code the SIH bed specialty code
     */
    public static String specialty(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.trim();
        if (c.length() == 2 && c.charAt(0) == '0' && c.charAt(1) >= '1' && c.charAt(1) <= '8') {
            return SPECIALTIES[c.charAt(1) - '0'];
        }
        return c + " Especialidade " + c;
    }

    /**
     * The ICD-10 chapter label of a diagnosis code ({@code J189}, {@code J18.9}), or {@code null} when it is not one;
     * chapter XXII (U codes, special purposes) has no entry in SIH principal diagnoses and gives {@code "XXII Códigos
     * especiais"}.
     *
     * @param diagnosis the ICD-10 code
     * @return the chapter's label, or {@code null}
     */
    public static String icdChapter(String diagnosis) {
        if (diagnosis == null || diagnosis.length() < 3) {
            return null;
        }
        char letter = Character.toUpperCase(diagnosis.charAt(0));
        char d1 = diagnosis.charAt(1);
        char d2 = diagnosis.charAt(2);
        if (letter < 'A' || letter > 'Z' || d1 < '0' || d1 > '9' || d2 < '0' || d2 > '9') {
            return null;
        }
        if (letter == 'U') {
            return "XXII Códigos especiais";
        }
        if (letter == 'W' || letter == 'X' || letter == 'Y') {
            return CHAPTER_LABEL[19];
        }
        if (letter == 'T') {
            return CHAPTER_LABEL[18];
        }
        int c = code(letter, (d1 - '0') * 10 + (d2 - '0'));
        String label = null;
        for (int i = 0; i < CHAPTER_START.length; i++) {
            if (c >= CHAPTER_START[i]) {
                label = CHAPTER_LABEL[i];
            }
        }
        return label;
    }

    /**
     * The table with {@value #PROCEDURE_GROUP}, {@value #ICD_CHAPTER} and {@value #SPECIALTY} added from
     * {@code PROC_REA}, {@code DIAG_PRINC} and {@code ESPEC} where those are present; the derivation runs once per
     * distinct code, not per row.
     *
     * @param table the claims table
     * @return the table with the derived columns
     */
    public static GlosaTable derive(GlosaTable table) {
        GlosaTable out = table;
        if (table.has(PROC_REA)) {
            out = out.with(map(table.category(PROC_REA), PROCEDURE_GROUP, SusColumns::procedureGroup));
        }
        if (table.has(DIAG_PRINC)) {
            out = out.with(map(table.category(DIAG_PRINC), ICD_CHAPTER, SusColumns::icdChapter));
        }
        if (table.has(ESPEC)) {
            out = out.with(map(table.category(ESPEC), SPECIALTY, SusColumns::specialty));
        }
        return out;
    }

    private static CategoryColumn map(CategoryColumn source, String name, UnaryOperator<String> label) {
        CategoryColumn.Builder b = new CategoryColumn.Builder(name, source.size());
        int[] remap = new int[source.cardinality()];
        for (int code = 0; code < remap.length; code++) {
            String v = source.value(code).trim();
            String l = label.apply(v);
            remap[code] = l == null ? CategoryColumn.MISSING : b.codeFor(l);
        }
        for (int r = 0; r < source.size(); r++) {
            int c = source.code(r);
            b.addCode(c < 0 ? CategoryColumn.MISSING : remap[c]);
        }
        return b.build();
    }
}
