package dev.glosa.core.table;

/**
 * The canonical columns the rest of the library relies on, each with its fixed name and type.
 *
 * <p>Readers write a column that plays a role under the role's name; every other column keeps its own name.
 */
public enum Role {
    /** The claim (AIH, guide) number. */
    CLAIM_ID("claim_id", ColumnType.LONG),
    /** The care provider, by CNES in SUS. */
    HOSPITAL("hospital", ColumnType.CATEGORY),
    /** The payer: an operator, or {@code SUS}. */
    PAYER("payer", ColumnType.CATEGORY),
    /** The kind of denial (administrative, technical, contractual, ... or an error group in SUS). */
    GLOSA_TYPE("glosa_type", ColumnType.CATEGORY),
    /** The reason code of the denial: TISS Tabela 38 or SIH {@code CO_ERRO}. */
    REASON_CODE("reason_code", ColumnType.CATEGORY),
    /** The billing month (competência, month of receipt). */
    COMPETENCE("competence", ColumnType.MONTH),
    /** The amount billed. */
    BILLED_AMOUNT("billed_amount", ColumnType.DOUBLE),
    /** The amount denied. */
    GLOSA_AMOUNT("glosa_amount", ColumnType.DOUBLE),
    /** The amount paid. */
    PAID_AMOUNT("paid_amount", ColumnType.DOUBLE),
    /** The admission date of a hospital stay. */
    ADMISSION_DATE("admission_date", ColumnType.DATE),
    /** The discharge date of a hospital stay. */
    DISCHARGE_DATE("discharge_date", ColumnType.DATE);

    private final String column;
    private final ColumnType type;

    Role(String column, ColumnType type) {
        this.column = column;
        this.type = type;
    }

    /** {@return the canonical column name} */
    public String column() {
        return column;
    }

    /** {@return the type a column playing this role must have} */
    public ColumnType type() {
        return type;
    }
}
