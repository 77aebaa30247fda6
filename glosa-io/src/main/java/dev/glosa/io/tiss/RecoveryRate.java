package dev.glosa.io.tiss;

import java.util.List;

/**
 * How much of the glosas of one group (by default operator × reason group × competence month) came back through
 * appeals: the private sector's "rejected, later paid".
 *
 * @param key the group's key values as text, one per key column (empty for missing)
 * @param glosaRows rows with a glosa (glosa_amount &gt; 0)
 * @param glosaAmount the sum of their glosa
 * @param appealedRows rows appealed
 * @param appealedAmount the sum appealed
 * @param recoveredRows rows with some amount recovered
 * @param recoveredAmount the sum recovered
 */
public record RecoveryRate(
        List<String> key,
        int glosaRows,
        double glosaAmount,
        int appealedRows,
        double appealedAmount,
        int recoveredRows,
        double recoveredAmount) {

    /**
     * Copies the key.
     *
     * @param key as {@link #key()}
     * @param glosaRows as {@link #glosaRows()}
     * @param glosaAmount as {@link #glosaAmount()}
     * @param appealedRows as {@link #appealedRows()}
     * @param appealedAmount as {@link #appealedAmount()}
     * @param recoveredRows as {@link #recoveredRows()}
     * @param recoveredAmount as {@link #recoveredAmount()}
     */
    public RecoveryRate {
        key = List.copyOf(key);
    }

    /** {@return recovered over glosa; 0 when there is no glosa} */
    public double recoveryRate() {
        return glosaAmount > 0 ? recoveredAmount / glosaAmount : 0.0;
    }

    /** {@return recovered over appealed: how well the appeals fare; 0 when nothing was appealed} */
    public double appealSuccessRate() {
        return appealedAmount > 0 ? recoveredAmount / appealedAmount : 0.0;
    }

    /**
     * Appealed rows over glosa rows; 0 when there is no glosa.
     *
     * @return the share, 0 to 1
     */
    public double appealRate() {
        return glosaRows > 0 ? (double) appealedRows / glosaRows : 0.0;
    }
}
