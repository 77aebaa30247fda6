package dev.glosa.io.tiss;

import dev.glosa.core.table.PersonalFields;

/**
 * One appeal line ({@code recursoGlosa}) or one answer line ({@code respostaRecursoGlosa}) as read, before it is joined
 * to the glosa rows.
 *
 * @param answer whether this is the operator's answer (else the provider's appeal)
 * @param level what was appealed: an item, a whole guide or a protocol
 * @param file the input's name
 * @param line the line where the element ends
 * @param payer the operator's ANS registration
 * @param protocol the protocol number, or {@code null}
 * @param guide the provider's guide number ({@code numeroGuiaOrigem}, {@code numeroGuiaPrestador}), or {@code null}
 * @param operatorGuide the operator's guide number, or {@code null}
 * @param itemSeq the item's sequence, or {@code -1}
 * @param procedureTable the procedure table, or {@code null}
 * @param procedureCode the procedure code, or {@code null}
 * @param reasonCode the Tabela 38 code appealed
 * @param appealedCents the amount appealed in cents, or {@code -1} when the message gives none
 * @param acceptedCents the amount accepted in cents (answers to items), or {@code -1}
 * @param acceptedFlag {@code 'S'} or {@code 'N'} for answers to guides and protocols, else {@code 0}
 * @param date the appeal's date ({@code dataRecurso}, else its message's {@code dataRegistroTransacao}) or the
 *     answer's (its message's {@code dataRegistroTransacao}), as an epoch day; {@code DateColumn.MISSING} when unknown
 */
record AppealRecord(
        boolean answer,
        TissLevel level,
        String file,
        long line,
        String payer,
        String protocol,
        String guide,
        String operatorGuide,
        long itemSeq,
        String procedureTable,
        String procedureCode,
        String reasonCode,
        long appealedCents,
        long acceptedCents,
        char acceptedFlag,
        int date) {

    /** A line whose date is not known yet. */
    AppealRecord(
            boolean answer,
            TissLevel level,
            String file,
            long line,
            String payer,
            String protocol,
            String guide,
            String operatorGuide,
            long itemSeq,
            String procedureTable,
            String procedureCode,
            String reasonCode,
            long appealedCents,
            long acceptedCents,
            char acceptedFlag) {
        this(
                answer,
                level,
                file,
                line,
                payer,
                protocol,
                guide,
                operatorGuide,
                itemSeq,
                procedureTable,
                procedureCode,
                reasonCode,
                appealedCents,
                acceptedCents,
                acceptedFlag,
                dev.glosa.core.table.DateColumn.MISSING);
    }

    /** This line with the operator and protocol of its message, which the message may give after its lines. */
    AppealRecord withOrigin(String payer, String protocol) {
        return withOrigin(payer, protocol, date);
    }

    /** This line with the operator, protocol and date of its message. */
    AppealRecord withOrigin(String payer, String protocol, int date) {
        return new AppealRecord(
                answer,
                level,
                file,
                line,
                payer,
                protocol,
                guide,
                operatorGuide,
                itemSeq,
                procedureTable,
                procedureCode,
                reasonCode,
                appealedCents,
                acceptedCents,
                acceptedFlag,
                date);
    }

    /** A short description for warnings; the guide number shows only its shape. */
    String describe() {
        StringBuilder sb = new StringBuilder(answer ? "answer to appeal of " : "appeal of ").append(level.label());
        if (protocol != null) {
            sb.append(" protocol ").append(protocol);
        }
        if (guide != null) {
            sb.append(" guide (").append(PersonalFields.masked(guide)).append(')');
        }
        if (itemSeq >= 0) {
            sb.append(" item ").append(itemSeq);
        }
        if (procedureCode != null) {
            sb.append(" procedure ").append(procedureTable).append('/').append(procedureCode);
        }
        return sb.append(" code ")
                .append(reasonCode)
                .append(" (operator ")
                .append(payer)
                .append(')')
                .toString();
    }
}
