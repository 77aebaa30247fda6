package dev.glosa.io.tiss;

import dev.glosa.core.table.Role;

/**
 * The columns of the table {@link TissReader} builds, and the fixed values some of them take.
 *
 * <p>Columns that play a {@link Role} carry its name: {@code payer} (registroANS), {@code hospital} (CNES, or the
 * provider's code at the operator when the CNES is absent), {@code claim_id}, {@code competence},
 * {@code billed_amount} (valorInformado), {@code paid_amount} (valorLiberado), {@code glosa_amount},
 * {@code reason_code} (Tabela 38) and {@code glosa_type}. {@code admission_date} and {@code discharge_date} are not
 * written: a demonstrativo gives billing dates ({@code dataInicioFat}, {@code dataFimFat}), which are not the stay's.
 */
public final class TissColumns {
    /** The input's file name. CATEGORY. */
    public static final String SOURCE_FILE = "source_file";
    /** The TISS version of the file header ({@code Padrao}). CATEGORY. */
    public static final String TISS_VERSION = "tiss_version";
    /** The operator's ANS registration ({@code registroANS}). CATEGORY, role PAYER. */
    public static final String PAYER = Role.PAYER.column();
    /** The operator's name ({@code nomeOperadora}). CATEGORY. */
    public static final String PAYER_NAME = "payer_name";
    /** The CNES of the provider, or its code at the operator when the CNES is absent. CATEGORY, role HOSPITAL. */
    public static final String HOSPITAL = Role.HOSPITAL.column();
    /** The provider's code at the operator (or its CPF/CNPJ). CATEGORY. */
    public static final String PROVIDER_CODE = "provider_code";
    /** The provider's name ({@code nomeContratado}, TISS 3 only). CATEGORY. */
    public static final String PROVIDER_NAME = "provider_name";
    /** The CNES as written (missing when absent). CATEGORY. */
    public static final String CNES = "cnes";
    /** The demonstrativo number ({@code numeroDemonstrativo}). CATEGORY. */
    public static final String STATEMENT_NUMBER = "statement_number";
    /** The demonstrativo's issue date ({@code dataEmissao}). DATE. */
    public static final String STATEMENT_DATE = "statement_date";
    /** The provider's batch number ({@code numeroLotePrestador}). CATEGORY. */
    public static final String BATCH_NUMBER = "batch_number";
    /** The operator's protocol number ({@code numeroProtocolo}). CATEGORY. */
    public static final String PROTOCOL_NUMBER = "protocol_number";
    /** The protocol date ({@code dataProtocolo}). DATE. */
    public static final String PROTOCOL_DATE = "protocol_date";
    /** The protocol status ({@code situacaoProtocolo}, 1 to 9; 10, bloqueio judicial, from TISS 4.03). CATEGORY. */
    public static final String PROTOCOL_STATUS = "protocol_status";
    /** The provider's guide number ({@code numeroGuiaPrestador}, text up to 20 characters). CATEGORY. */
    public static final String GUIDE_NUMBER = "guide_number";
    /** The operator's guide number ({@code numeroGuiaOperadora}). CATEGORY. */
    public static final String OPERATOR_GUIDE_NUMBER = "operator_guide_number";
    /** The beneficiary's card number ({@code numeroCarteira}). CATEGORY. */
    public static final String CARD_NUMBER = "card_number";
    /** The guide status ({@code situacaoGuia}). CATEGORY. */
    public static final String GUIDE_STATUS = "guide_status";
    /** The first billed day of the guide ({@code dataInicioFat}). DATE. */
    public static final String BILLING_START = "billing_start";
    /** The last billed day of the guide ({@code dataFimFat}). DATE. */
    public static final String BILLING_END = "billing_end";
    /**
     * The provider's guide number as a number, only when it is 1 to 18 digits (leading zeros are lost); missing
     * otherwise. LONG, role CLAIM_ID. {@link #GUIDE_NUMBER} is the key to use.
     */
    public static final String CLAIM_ID = Role.CLAIM_ID.column();
    /** The item's sequence in its guide ({@code sequencialItem}); missing on guide and protocol rows. LONG. */
    public static final String ITEM_SEQ = "item_seq";
    /** The day the item was performed ({@code dataRealizacao}). DATE. */
    public static final String SERVICE_DATE = "service_date";
    /** The procedure table ({@code codigoTabela}: 18, 19, 20, 22, 90, 98, 00). CATEGORY. */
    public static final String PROCEDURE_TABLE = "procedure_table";
    /** The procedure code ({@code codigoProcedimento}). CATEGORY. */
    public static final String PROCEDURE_CODE = "procedure_code";
    /** The procedure description ({@code descricaoProcedimento}). CATEGORY. */
    public static final String PROCEDURE_DESCRIPTION = "procedure_description";
    /** The quantity performed ({@code qtdExecutada}); 0 on a {@value #PART_GLOSA_ONLY} row. DOUBLE. */
    public static final String QUANTITY = "quantity";
    /** The competence month, from the protocol or the statement date (see {@link TissOptions}). MONTH. */
    public static final String COMPETENCE = Role.COMPETENCE.column();
    /** The amount billed ({@code valorInformado}). DOUBLE, role BILLED_AMOUNT. */
    public static final String BILLED_AMOUNT = Role.BILLED_AMOUNT.column();
    /** The amount the operator processed ({@code valorProcessado}). DOUBLE. */
    public static final String PROCESSED_AMOUNT = "processed_amount";
    /** The amount released ({@code valorLiberado}), or an adjustment on a glosa-only row. DOUBLE, role PAID_AMOUNT. */
    public static final String PAID_AMOUNT = Role.PAID_AMOUNT.column();
    /** The amount denied under this row's reason code. DOUBLE, role GLOSA_AMOUNT. */
    public static final String GLOSA_AMOUNT = Role.GLOSA_AMOUNT.column();
    /** The level the glosa was given at: {@code item}, {@code guide} or {@code protocol}. CATEGORY. */
    public static final String GLOSA_LEVEL = "glosa_level";
    /** Which part of its unit the row carries: {@value #PART_AMOUNTS} or {@value #PART_GLOSA_ONLY}. CATEGORY. */
    public static final String ROW_PART = "row_part";
    /** The Tabela 38 code; missing on a row without glosa. CATEGORY, role REASON_CODE. */
    public static final String REASON_CODE = Role.REASON_CODE.column();
    /** The Tabela 38 description, or the file's {@code descricaoGlosa} for unknown codes. CATEGORY. */
    public static final String REASON_DESCRIPTION = "reason_description";
    /** The Tabela 38 group of the code, {@value #GROUP_UNKNOWN} or {@value #GROUP_UNCODED}. CATEGORY. */
    public static final String REASON_GROUP = "reason_group";
    /** The glosa type from {@link GlosaTypeMapping}. CATEGORY, role GLOSA_TYPE. */
    public static final String GLOSA_TYPE = Role.GLOSA_TYPE.column();
    /** 1 when the glosa was appealed (a recurso or an answer names it), else 0. LONG. */
    public static final String APPEALED = "appealed";
    /** {@value #APPEAL_NONE}, {@value #APPEAL_PENDING}, {@value #APPEAL_ACCEPTED}, ... CATEGORY. */
    public static final String APPEAL_STATUS = "appeal_status";
    /** The amount appealed ({@code valorRecursado}); 0 when not appealed. DOUBLE. */
    public static final String APPEALED_AMOUNT = "appealed_amount";
    /** The amount the operator accepted back ({@code valorAcatado}); 0 when none. DOUBLE. */
    public static final String RECOVERED_AMOUNT = "recovered_amount";

    /**
     * The item's consumption centre ({@code centroConsumo}, TISS 4.03: 1 to 10); missing before 4.03 and on guide and
     * protocol rows. CATEGORY.
     */
    public static final String CONSUMPTION_CENTRE = "consumption_centre";
    /** The name of {@link #CONSUMPTION_CENTRE} (1 Berçário ... 10 Nutrição, as the 4.03 schema names them). CATEGORY. */
    public static final String CONSUMPTION_CENTRE_NAME = "consumption_centre_name";
    /**
     * The guide's {@code observacao} (TISS 4.03, free text up to 500 characters), on every row of the guide. Free text
     * may name a patient, so the TISS source declares it personal. CATEGORY.
     */
    public static final String GUIDE_OBSERVATION = "guide_observation";
    /** The demonstrativo's {@code observacao} (TISS 4.03), on every row of it; personal like the guide's. CATEGORY. */
    public static final String STATEMENT_OBSERVATION = "statement_observation";

    /**
     * The day the glosa was appealed ({@code dataRecurso}, else the appeal message's {@code dataRegistroTransacao});
     * missing when not appealed. DATE.
     */
    public static final String APPEAL_DATE = "appeal_date";
    /** The day of the operator's answer (its message's {@code dataRegistroTransacao}); missing when none. DATE. */
    public static final String ANSWER_DATE = "answer_date";

    /** Row part: the row carries its unit's billed, processed and paid amounts, plus its own glosa. */
    public static final String PART_AMOUNTS = "amounts";
    /**
     * Row part: the row carries only a glosa (another code of the same item, or a guide or protocol glosa whose unit's
     * amounts are on the rows below it); billed and processed are 0 and paid is 0 or the negative adjustment that
     * makes released totals add up.
     */
    public static final String PART_GLOSA_ONLY = "glosa_only";
    /** Reason group of a code the Tabela 38 in use lacks. */
    public static final String GROUP_UNKNOWN = "Desconhecido";
    /** Reason group of a glosa the operator gave without any reason code. */
    public static final String GROUP_UNCODED = "Sem código";
    /** Appeal status: not appealed. */
    public static final String APPEAL_NONE = "not_appealed";
    /** Appeal status: appealed, no answer read. */
    public static final String APPEAL_PENDING = "pending";
    /** Appeal status: the operator accepted the whole appealed amount. */
    public static final String APPEAL_ACCEPTED = "accepted";
    /** Appeal status: the operator accepted part of the appealed amount. */
    public static final String APPEAL_PARTIAL = "partially_accepted";
    /** Appeal status: the operator kept the glosa. */
    public static final String APPEAL_REJECTED = "rejected";

    private static final String[] CONSUMPTION_CENTRES = {
        "Berçário",
        "Enfermaria",
        "Apartamento",
        "Semi-UTI",
        "UTI",
        "Centro Cirúrgico",
        "Pronto Socorro",
        "Radiologia",
        "Laboratório",
        "Nutrição"
    };

    private TissColumns() {}

    /**
     * The name the TISS 4.03 schema gives consumption centre {@code code} ({@code dm_centroConsumo}, 1 to 10), or
     * {@code null} for {@code null} or a code outside that list.
     *
     * @param code the consumption centre's code
     * @return its name, or {@code null}
     */
    public static String consumptionCentreName(String code) {
        if (code == null || code.isEmpty() || code.length() > 2) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return null;
            }
        }
        int n = Integer.parseInt(code);
        return n >= 1 && n <= CONSUMPTION_CENTRES.length ? CONSUMPTION_CENTRES[n - 1] : null;
    }
}
