package dev.glosa.io.tiss;

/**
 * Where the TISS parser is in a message: the state of its element-by-element reading.
 *
 * <p>An element is read by the place it occurs in, and only the containers listed in {@link #enter} open a new
 * place, each only from its parent place in the 3.05 and 4.01 schemas (wrappers such as {@code dadosConta} or
 * {@code opcaoRecurso} open none and stay in their parent's place). A container found anywhere else opens nothing,
 * so its fields are not read: a {@code relacaoGlosa} outside a {@code detalhesGuia} adds no glosa to a guide, and a
 * {@code motivoGlosaGuia} inside an item neither codes the guide nor hides the guide's own fields that follow it.
 */
enum Place {
    /** Outside every container read: the root and the envelopes around the message body. */
    DOCUMENT,
    /** {@code cabecalho}: the version and the parties of the message. */
    HEADER,
    /** {@code mensagemErro}: the operator sent an error instead of data. */
    ERROR_MESSAGE,
    /** {@code demonstrativoAnaliseConta}: one statement, its totals read as they end. */
    STATEMENT,
    /** {@code cabecalhoDemonstrativo}: the statement's number, date and operator. */
    STATEMENT_HEADER,
    /** {@code dadosPrestador}: the provider the statement is for. */
    PROVIDER,
    /** {@code dadosProtocolo}: one protocol (batch) of the statement. */
    PROTOCOL,
    /** {@code GlosaProtocolo}: a glosa code on the whole protocol. */
    PROTOCOL_GLOSA,
    /** {@code relacaoGuias}: one guide of the protocol. */
    GUIDE,
    /** {@code motivoGlosaGuia}: a glosa code on the whole guide. */
    GUIDE_GLOSA,
    /** {@code detalhesGuia}: one item of the guide. */
    ITEM,
    /** {@code relacaoGlosa}: one glosa (amount and code) on the item. */
    ITEM_GLOSA,
    /** {@code guiaRecursoGlosa}: a provider's appeal. */
    APPEAL,
    /** {@code recursoProtocolo} in an appeal: the whole protocol appealed. */
    APPEAL_PROTOCOL,
    /** {@code recursoGuia} in an appeal: one guide appealed, whole or by items. */
    APPEAL_GUIDE,
    /** {@code recursoGuiaCompleta}: the whole guide appealed. */
    APPEAL_GUIDE_WHOLE,
    /** {@code itensGuia}: one item of the guide appealed. */
    APPEAL_ITEM,
    /** {@code reciboGlosa}: the operator's answer to an appeal. */
    ANSWER,
    /** {@code recursoProtocolo} in an answer: the answer on the whole protocol. */
    ANSWER_PROTOCOL,
    /** {@code respostaGuia}: the answer on a whole guide. */
    ANSWER_GUIDE,
    /** {@code respostaGuiaItens}: the answer on one item. */
    ANSWER_ITEM;

    /**
     * The place an element of this local name opens when it starts in this place, or {@code null} when it opens
     * none here (a field, a wrapper, or a container out of its place).
     */
    Place enter(String element) {
        return switch (this) {
            case DOCUMENT ->
                switch (element) {
                    case "cabecalho" -> HEADER;
                    case "mensagemErro" -> ERROR_MESSAGE;
                    case "demonstrativoAnaliseConta" -> STATEMENT;
                    case "guiaRecursoGlosa" -> APPEAL;
                    case "reciboGlosa" -> ANSWER;
                    default -> null;
                };
            case STATEMENT ->
                switch (element) {
                    case "cabecalhoDemonstrativo" -> STATEMENT_HEADER;
                    case "dadosPrestador" -> PROVIDER;
                    case "dadosProtocolo" -> PROTOCOL;
                    default -> null;
                };
            case PROTOCOL ->
                switch (element) {
                    case "GlosaProtocolo" -> PROTOCOL_GLOSA;
                    case "relacaoGuias" -> GUIDE;
                    default -> null;
                };
            case GUIDE ->
                switch (element) {
                    case "motivoGlosaGuia" -> GUIDE_GLOSA;
                    case "detalhesGuia" -> ITEM;
                    default -> null;
                };
            case ITEM -> element.equals("relacaoGlosa") ? ITEM_GLOSA : null;
            case APPEAL ->
                switch (element) {
                    case "recursoProtocolo" -> APPEAL_PROTOCOL;
                    case "recursoGuia" -> APPEAL_GUIDE;
                    default -> null;
                };
            case APPEAL_GUIDE ->
                switch (element) {
                    case "recursoGuiaCompleta" -> APPEAL_GUIDE_WHOLE;
                    case "itensGuia" -> APPEAL_ITEM;
                    default -> null;
                };
            case ANSWER ->
                switch (element) {
                    case "recursoProtocolo" -> ANSWER_PROTOCOL;
                    case "respostaGuia" -> ANSWER_GUIDE;
                    case "respostaGuiaItens" -> ANSWER_ITEM;
                    default -> null;
                };
            case HEADER,
                    ERROR_MESSAGE,
                    STATEMENT_HEADER,
                    PROVIDER,
                    PROTOCOL_GLOSA,
                    GUIDE_GLOSA,
                    ITEM_GLOSA,
                    APPEAL_PROTOCOL,
                    APPEAL_GUIDE_WHOLE,
                    APPEAL_ITEM,
                    ANSWER_PROTOCOL,
                    ANSWER_GUIDE,
                    ANSWER_ITEM -> null;
        };
    }
}
