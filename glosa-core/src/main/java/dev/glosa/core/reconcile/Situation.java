package dev.glosa.core.reconcile;

/** The one situation every reconciled claim ends in (docs/domain.md, "DATASUS SIH: the reference reconciliation"). */
public enum Situation {
    /** A: rejected and never paid; glosa is the rejected amount. */
    REJECTED_NEVER_PAID("A", "rejected"),
    /** B: rejected, re-presented and later paid; glosa is what the payment fell short of the rejected amount. */
    REJECTED_LATER_PAID("B", "approved"),
    /** C: paid and never rejected; no glosa. */
    PAID_NEVER_REJECTED("C", "approved");

    private final String code;
    private final String status;

    Situation(String code, String status) {
        this.code = code;
        this.status = status;
    }

    /** {@return the one-letter code written in the {@code situation} column} */
    public String code() {
        return code;
    }

    /** {@return the status the reference analysis gives: {@code rejected} or {@code approved}} */
    public String status() {
        return status;
    }

    /**
     * {@return the situation of a one-letter code}
     *
     * @param code {@code A}, {@code B} or {@code C}
     */
    public static Situation ofCode(String code) {
        for (Situation s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("situation code '" + code + "' must be A, B or C");
    }
}
