package dev.glosa.io.tiss;

import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.PersonalFields;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one TISS file in a single streaming pass: the rows of its demonstrativos de análise de conta, and the lines
 * of a recurso de glosa or of its answer.
 *
 * <p>Elements are matched by local name inside the containers the 3.05 and 4.01 schemas define, so a file with or
 * without the {@code ans:} namespace reads the same. Each open element carries its {@link Place}: a container opens
 * its place only from its parent's, and an element is read by the place it is in, never by flags left from elsewhere. Only the open containers are held in memory: an item becomes rows
 * when it closes, a guide's own rows and checks come when the guide closes (its totals follow its items), and so on up
 * to the demonstrativo; memory does not grow with the number of items beyond the table being built.
 */
final class TissFileParser {
    private static final int MAX_DEPTH = 128;
    private static final int MAX_TEXT = 1 << 20;

    private final TissOptions options;
    private final RowWriter out;
    private final ReportCollector report;
    private final List<AppealRecord> appeals;
    private final String file;
    private final String fileName;

    private XMLStreamReader r;
    private final StringBuilder text = new StringBuilder(64);
    private String[] stack = new String[32];
    private int depth;

    private String version = "";

    /** The namespace of every TISS schema version. */
    static final String TISS_NAMESPACE = "http://www.ans.gov.br/padroes/tiss/schemas";

    /** The versions whose schemas glosa's reading was checked against. */
    static final java.util.Set<String> KNOWN_VERSIONS =
            new java.util.TreeSet<>(java.util.List.of("3.05.00", "4.01.00", "4.03.00"));

    private String headerPayer;
    private int headerDate = DateColumn.MISSING;
    private String headerProvider;
    private int statements;
    private int protocols;
    private int guides;
    private int items;
    private int appealLines;
    private int answerLines;
    private final int rowsAtStart;

    /** The place each open element is in: {@code places[k]} is the state element {@code stack[k]} is read in. */
    private Place[] places = new Place[32];

    private final Statement st = new Statement();
    private final Protocol pr = new Protocol();
    private final Guide gu = new Guide();
    private final Item it = new Item();
    private String codeText;
    private String codeDescription;
    private long glosaValue;
    private String glosaCode;
    private final Appeal ap = new Appeal();
    private final List<AppealRecord> pending = new ArrayList<>();
    private final Map<String, String[]> classified = new HashMap<>();

    TissFileParser(
            TissOptions options, RowWriter out, ReportCollector report, List<AppealRecord> appeals, TissInput input) {
        this.options = options;
        this.out = out;
        this.report = report;
        this.appeals = appeals;
        this.file = input.name();
        this.fileName = input.fileName();
        this.rowsAtStart = out.rows();
    }

    /** Reads the file and returns its summary (schema errors filled in by the caller). */
    TissReadReport.FileSummary parse(InputStream in) throws TissFormatException {
        r = SecureXml.open(in, file);
        try {
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.START_ELEMENT -> start();
                    case XMLStreamConstants.END_ELEMENT -> end();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (text.length() + r.getTextLength() > MAX_TEXT) {
                            throw fail("element <" + stack[depth - 1] + "> holds more than " + MAX_TEXT
                                    + " characters of text; TISS fields are at most a few hundred");
                        }
                        text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                    case XMLStreamConstants.DTD -> throw fail(SecureXml.NO_DTD);
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw fail("entity reference &" + r.getLocalName()
                                + "; refused: a TISS file uses only the predefined XML entities");
                    default -> {
                        // comments, processing instructions, document start and end carry nothing for us
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw SecureXml.error(file, e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // closing a reader that failed; the original error is what matters
            }
        }
        TissReadReport.FileKind kind = statements > 0
                ? TissReadReport.FileKind.DEMONSTRATIVO
                : appealLines > 0
                        ? TissReadReport.FileKind.RECURSO_GLOSA
                        : answerLines > 0 ? TissReadReport.FileKind.RESPOSTA_RECURSO : TissReadReport.FileKind.OTHER;
        if (kind != TissReadReport.FileKind.OTHER && !KNOWN_VERSIONS.contains(version)) {
            report.warn(
                    file,
                    -1,
                    (version.isEmpty()
                                    ? "no <Padrao> gives the TISS version"
                                    : "TISS version " + version + " is not one glosa was checked against "
                                            + KNOWN_VERSIONS)
                            + "; its elements were read by name: check the totals");
        }
        if (kind == TissReadReport.FileKind.OTHER) {
            report.warn(
                    file,
                    -1,
                    "no demonstrativoAnaliseConta, recursoGlosa or respostaRecursoGlosa found; "
                            + "nothing read from this file");
        }
        return new TissReadReport.FileSummary(
                file,
                kind,
                version,
                statements,
                protocols,
                guides,
                items,
                out.rows() - rowsAtStart,
                appealLines,
                answerLines,
                0);
    }

    // ---------------------------------------------------------------- events

    /**
     * A TISS message is {@code mensagemTISS} in the ANS namespace (or in none: some systems drop the prefix); any
     * other document is not a TISS file, and reading its elements by name could invent rows.
     */
    private void checkRoot(String name, String namespace) throws TissFormatException {
        boolean ns = namespace == null || namespace.isEmpty() || namespace.equals(TISS_NAMESPACE);
        if (!ns || !name.equals("mensagemTISS")) {
            throw fail("not a TISS message: the root element is <" + name + ">"
                    + (namespace == null || namespace.isEmpty() ? "" : " in namespace " + namespace)
                    + ", expected <mensagemTISS> in namespace " + TISS_NAMESPACE);
        }
    }

    private void start() throws TissFormatException {
        String name = r.getLocalName();
        if (depth == stack.length) {
            if (depth >= MAX_DEPTH) {
                throw fail("elements nest deeper than " + MAX_DEPTH + " levels; a TISS message nests about 12");
            }
            stack = java.util.Arrays.copyOf(stack, depth * 2);
            places = java.util.Arrays.copyOf(places, depth * 2);
        }
        if (depth == 0) {
            checkRoot(name, r.getNamespaceURI());
        }
        Place parent = depth == 0 ? Place.DOCUMENT : places[depth - 1];
        Place place = parent.enter(name);
        stack[depth] = name;
        places[depth] = place == null ? parent : place;
        depth++;
        text.setLength(0);
        if (place != null) {
            open(place);
        } else if (name.equals("guiaRecursoGlosaOdonto") || name.equals("reciboGlosaOdonto")) {
            report.warn(file, line(), "<" + name + "> (dental appeals) is not read; its lines are not joined");
        }
    }

    /** Clears what the container entering {@code place} fills. */
    private void open(Place place) {
        switch (place) {
            case STATEMENT -> {
                st.clear();
                st.firstRow = out.rows();
                classified.clear();
            }
            case PROTOCOL -> pr.clear();
            case GUIDE -> {
                gu.clear();
                gu.firstRow = out.rows();
            }
            case ITEM -> it.clear();
            case ERROR_MESSAGE, PROTOCOL_GLOSA, GUIDE_GLOSA -> {
                codeText = null;
                codeDescription = null;
            }
            case ITEM_GLOSA -> {
                glosaValue = -1;
                glosaCode = null;
            }
            case APPEAL, ANSWER -> {
                ap.clearAll();
                pending.clear();
            }
            case APPEAL_GUIDE -> ap.clearGuide();
            case APPEAL_PROTOCOL, ANSWER_PROTOCOL, APPEAL_GUIDE_WHOLE, APPEAL_ITEM -> ap.clearLine();
            case ANSWER_GUIDE, ANSWER_ITEM -> {
                ap.clearGuide();
                ap.clearLine();
            }
            case DOCUMENT, HEADER, STATEMENT_HEADER, PROVIDER -> {
                // nothing carried over from a previous one
            }
        }
    }

    private void end() throws TissFormatException {
        String name = stack[depth - 1];
        Place place = places[depth - 1];
        Place parent = depth == 1 ? Place.DOCUMENT : places[depth - 2];
        // An element opened a place when its place differs from its parent's (no place re-enters itself).
        if (place != parent) {
            close(place, name);
        } else {
            field(place, name);
        }
        depth--;
        text.setLength(0);
    }

    /** The container that opened {@code place} ends: what it held becomes rows, codes or appeal lines. */
    private void close(Place place, String name) throws TissFormatException {
        switch (place) {
            case ERROR_MESSAGE ->
                report.warn(
                        file,
                        line(),
                        "the operator returned an error message instead of data: " + "code " + codeText
                                + (codeDescription == null ? "" : " (" + codeDescription + ")"));
            case STATEMENT -> finishStatement();
            case PROTOCOL -> finishProtocol();
            case PROTOCOL_GLOSA -> pr.addCode(requireCode(name), codeDescription);
            case GUIDE -> finishGuide();
            case GUIDE_GLOSA -> gu.addCode(requireCode(name), codeDescription);
            case ITEM -> finishItem();
            case ITEM_GLOSA -> {
                if (glosaCode == null) {
                    throw fail("<relacaoGlosa> of item " + it.seq + " has no <tipoGlosa>");
                }
                it.addGlosa(Math.max(glosaValue, 0), glosaCode);
            }
            case APPEAL -> finishAppeal(false);
            case ANSWER -> finishAppeal(true);
            case APPEAL_PROTOCOL -> addLine(TissLevel.PROTOCOL, name, false);
            case ANSWER_PROTOCOL -> addLine(TissLevel.PROTOCOL, name, true);
            case APPEAL_GUIDE_WHOLE -> addLine(TissLevel.GUIDE, name, false);
            case ANSWER_GUIDE -> addLine(TissLevel.GUIDE, name, true);
            case APPEAL_ITEM -> addLine(TissLevel.ITEM, name, false);
            case ANSWER_ITEM -> addLine(TissLevel.ITEM, name, true);
            case DOCUMENT, HEADER, STATEMENT_HEADER, PROVIDER, APPEAL_GUIDE -> {
                // their fields were taken as they ended
            }
        }
    }

    /** An element that opened no place ends inside {@code place}: read it if it is one of that place's fields. */
    private void field(Place place, String name) throws TissFormatException {
        switch (place) {
            case DOCUMENT -> {
                // outside the header, a statement, an appeal or an error message nothing is read
            }
            case HEADER -> headerField(name);
            case ERROR_MESSAGE -> {
                switch (name) {
                    case "codigoGlosa" -> codeText = text();
                    case "descricaoGlosa" -> codeDescription = text();
                    default -> {}
                }
            }
            case STATEMENT -> statementField(name);
            case STATEMENT_HEADER -> statementHeaderField(name);
            case PROVIDER -> providerField(name);
            case PROTOCOL -> protocolField(name);
            case PROTOCOL_GLOSA, GUIDE_GLOSA -> {
                switch (name) {
                    case "codigoGlosa" -> codeText = code(name);
                    case "descricaoGlosa" -> codeDescription = text();
                    default -> {}
                }
            }
            case GUIDE -> guideField(name);
            case ITEM -> itemField(name);
            case ITEM_GLOSA -> {
                switch (name) {
                    case "valorGlosa" -> glosaValue = cents(name);
                    case "tipoGlosa" -> glosaCode = code(name);
                    default -> {}
                }
            }
            case APPEAL,
                    APPEAL_PROTOCOL,
                    APPEAL_GUIDE,
                    APPEAL_GUIDE_WHOLE,
                    APPEAL_ITEM,
                    ANSWER,
                    ANSWER_PROTOCOL,
                    ANSWER_GUIDE,
                    ANSWER_ITEM -> appealField(name);
        }
    }

    private void headerField(String name) throws TissFormatException {
        switch (name) {
            case "Padrao" -> version = text();
            case "dataRegistroTransacao" -> headerDate = date(name);
            case "registroANS" -> headerPayer = text();
            case "codigoPrestadorNaOperadora", "cpfContratado", "cnpjContratado", "CNPJ", "CPF" -> {
                if (headerProvider == null) {
                    headerProvider = text();
                }
            }
            default -> {
                // other header fields (transaction type, sequence, hash) are not needed
            }
        }
    }

    private void statementField(String name) throws TissFormatException {
        switch (name) {
            case "valorInformadoGeral" -> st.declared.setBilled(cents(name));
            case "valorProcessadoGeral" -> st.declared.setProcessed(cents(name));
            case "valorLiberadoGeral" -> st.declared.setPaid(cents(name));
            case "valorGlosaGeral" -> st.declared.setGlosa(cents(name));
            case "observacao" -> st.note = text();
            default -> {}
        }
    }

    private void statementHeaderField(String name) throws TissFormatException {
        switch (name) {
            case "registroANS" -> st.payer = text();
            case "numeroDemonstrativo" -> st.number = text();
            case "nomeOperadora" -> st.payerName = text();
            case "dataEmissao" -> st.date = date(name);
            default -> {}
        }
    }

    private void providerField(String name) {
        switch (name) {
            case "codigoPrestadorNaOperadora", "cpfContratado", "cnpjContratado" -> st.providerCode = text();
            case "nomeContratado" -> st.providerName = text();
            case "CNES" -> st.cnes = text();
            default -> {}
        }
    }

    private void protocolField(String name) throws TissFormatException {
        switch (name) {
            case "numeroLotePrestador" -> pr.batch = text();
            case "numeroProtocolo" -> pr.number = text();
            case "dataProtocolo" -> pr.date = date(name);
            case "situacaoProtocolo" -> pr.status = text();
            case "valorInformadoProtocolo" -> pr.declared.setBilled(cents(name));
            case "valorProcessadoProtocolo" -> pr.declared.setProcessed(cents(name));
            case "valorLiberadoProtocolo" -> pr.declared.setPaid(cents(name));
            case "valorGlosaProtocolo" -> pr.declared.setGlosa(cents(name));
            default -> {}
        }
    }

    private void guideField(String name) throws TissFormatException {
        switch (name) {
            case "numeroGuiaPrestador" -> gu.number = text();
            case "numeroGuiaOperadora" -> gu.operatorNumber = text();
            case "numeroCarteira" -> gu.card = text();
            case "dataInicioFat" -> gu.start = date(name);
            case "dataFimFat" -> gu.end = date(name);
            case "situacaoGuia" -> gu.status = text();
            case "valorInformadoGuia" -> gu.declared.setBilled(cents(name));
            case "valorProcessadoGuia" -> gu.declared.setProcessed(cents(name));
            case "valorLiberadoGuia" -> gu.declared.setPaid(cents(name));
            case "valorGlosaGuia" -> gu.declared.setGlosa(cents(name));
            case "observacao" -> gu.note = text();
            default -> {}
        }
    }

    private void itemField(String name) throws TissFormatException {
        switch (name) {
            case "sequencialItem" -> it.seq = integer(name);
            case "dataRealizacao" -> it.date = date(name);
            case "codigoTabela" -> it.table = text();
            case "codigoProcedimento" -> it.code = text();
            case "descricaoProcedimento" -> it.description = text();
            case "valorInformado" -> it.billed = cents(name);
            case "qtdExecutada" -> it.quantity = decimal(name);
            case "valorProcessado" -> it.processed = cents(name);
            case "valorLiberado" -> it.paid = cents(name);
            case "centroConsumo" -> it.centre = text();
            default -> {}
        }
    }

    private void appealField(String name) throws TissFormatException {
        switch (name) {
            case "registroANS" -> ap.payer = text();
            case "numeroProtocolo" -> ap.protocol = text();
            case "numeroGuiaOrigem", "numeroGuiaPrestador" -> ap.guide = text();
            case "numeroGuiaOperadora" -> ap.operatorGuide = text();
            case "sequencialItem" -> ap.itemSeq = integer(name);
            case "codigoTabela" -> ap.table = text();
            case "codigoProcedimento" -> ap.code = text();
            case "codigoGlosaProtocolo", "codGlosaGuia", "codGlosaItem", "codGlosa" -> ap.reason = code(name);
            case "valorRecursado" -> ap.appealed = cents(name);
            case "valorAcatadado", "valorAcatado" -> ap.accepted = cents(name);
            case "recursoAcatado", "recursoGuiaAcatado" -> {
                String v = text();
                if (!v.equals("S") && !v.equals("N")) {
                    throw fail("<" + name + "> must be S or N, found '" + v + "'");
                }
                ap.flag = v.charAt(0);
            }
            case "valorTotalRecursado" -> ap.totalAppealed = cents(name);
            case "valorTotalAcatado" -> ap.totalAccepted = cents(name);
            case "dataRecurso" -> ap.date = date(name);
            default -> {}
        }
    }

    // ---------------------------------------------------------------- statements

    private void finishItem() throws TissFormatException {
        items++;
        gu.items++;
        long coded = 0;
        for (int k = 0; k < it.glosaCount; k++) {
            coded += it.glosaCents[k];
        }
        gu.sum.add(it.billed, it.processed, it.paid, coded);
        long gap = it.processed - it.paid;
        if (it.glosaCount > 0) {
            long tol = options.toleranceCents();
            if (Math.abs(coded - gap) > tol && Math.abs(coded - (it.billed - it.paid)) > tol) {
                report.mismatches.add(new TissReadReport.Mismatch(
                        file, line(), TissLevel.ITEM, key(true), "glosa", coded / 100.0, gap / 100.0));
            }
        }
        gu.uncoded += Math.max(0, gap - coded);
        if (it.glosaCount == 0) {
            if (options.itemsWithoutGlosa()) {
                emit(
                        TissLevel.ITEM,
                        TissColumns.PART_AMOUNTS,
                        null,
                        null,
                        it.billed,
                        it.processed,
                        it.paid,
                        0,
                        it.quantity);
            }
            return;
        }
        for (int k = 0; k < it.glosaCount; k++) {
            if (k == 0) {
                emit(
                        TissLevel.ITEM,
                        TissColumns.PART_AMOUNTS,
                        it.glosaCodes[k],
                        null,
                        it.billed,
                        it.processed,
                        it.paid,
                        it.glosaCents[k],
                        it.quantity);
            } else {
                emit(
                        TissLevel.ITEM,
                        TissColumns.PART_GLOSA_ONLY,
                        it.glosaCodes[k],
                        null,
                        0,
                        0,
                        0,
                        it.glosaCents[k],
                        0.0);
            }
        }
    }

    private void finishGuide() {
        guides++;
        pr.guides++;
        Declared d = gu.declared;
        long declaredGlosa = d.hasGlosa ? d.glosa : Math.max(0, d.billed - d.paid);
        if (gu.items == 0) {
            emitUnit(TissLevel.GUIDE, gu.codes, gu.descriptions, gu.codeCount, d, declaredGlosa, gu.sum);
        } else if (gu.codeCount > 0) {
            long remainder = declaredGlosa - gu.sum.glosa;
            emitRemainder(TissLevel.GUIDE, gu.codes, gu.descriptions, gu.codeCount, d, remainder, gu.sum);
        } else if (gu.uncoded > options.toleranceCents()) {
            report.warn(
                    file,
                    line(),
                    key(false) + ": items were denied " + gu.uncoded / 100.0
                            + " (valorProcessado - valorLiberado) without any reason code");
        }
        checkTotals(TissLevel.GUIDE, key(false), d, gu.sum);
        pr.sum.add(gu.sum);
        if (gu.note != null && !gu.note.isEmpty()) {
            out.guideNote(gu.firstRow, gu.note);
        }
    }

    private void finishProtocol() {
        protocols++;
        Declared d = pr.declared;
        long declaredGlosa = d.hasGlosa ? d.glosa : Math.max(0, d.billed - d.paid);
        if (pr.guides == 0) {
            emitUnit(TissLevel.PROTOCOL, pr.codes, pr.descriptions, pr.codeCount, d, declaredGlosa, pr.sum);
        } else if (pr.codeCount > 0) {
            emitRemainder(
                    TissLevel.PROTOCOL,
                    pr.codes,
                    pr.descriptions,
                    pr.codeCount,
                    d,
                    declaredGlosa - pr.sum.glosa,
                    pr.sum);
        }
        checkTotals(TissLevel.PROTOCOL, protocolKey(), d, pr.sum);
        st.sum.add(pr.sum);
    }

    private void finishStatement() {
        statements++;
        report.statementRead(file, line(), st.payer != null ? st.payer : headerPayer, st.number);
        checkTotals(TissLevel.STATEMENT, "statement " + st.number, st.declared, st.sum);
        if (st.note != null && !st.note.isEmpty()) {
            out.statementNote(st.firstRow, st.note);
        }
    }

    /**
     * A guide without items, or a protocol without guides: the unit itself is the row, carrying its declared amounts
     * and glosa under its first code; further codes get glosa-only rows of zero.
     */
    private void emitUnit(
            TissLevel level, String[] codes, String[] descriptions, int codeCount, Declared d, long glosa, Totals sum) {
        String first = codeCount > 0 ? codes[0] : null;
        emit(
                level,
                TissColumns.PART_AMOUNTS,
                first,
                codeCount > 0 ? descriptions[0] : null,
                d.billed,
                d.processed,
                d.paid,
                glosa,
                Double.NaN);
        sum.add(d.billed, d.processed, d.paid, glosa);
        if (codeCount == 0 && glosa > options.toleranceCents()) {
            report.warn(
                    file,
                    line(),
                    (level == TissLevel.GUIDE ? key(false) : protocolKey()) + ": glosa of " + glosa / 100.0
                            + " given without any reason code");
        }
        for (int k = 1; k < codeCount; k++) {
            emit(level, TissColumns.PART_GLOSA_ONLY, codes[k], descriptions[k], 0, 0, 0, 0, 0.0);
        }
    }

    /**
     * A guide (protocol) glosa on top of the items (guides) below it: what the declared glosa adds to theirs goes to
     * the first code. Its paid amount is the part of that glosa not yet deducted from the released amounts below,
     * so that sums of paid_amount equal the declared released total when the operator's totals are consistent.
     */
    private void emitRemainder(
            TissLevel level,
            String[] codes,
            String[] descriptions,
            int codeCount,
            Declared d,
            long remainder,
            Totals sum) {
        long glosa = Math.max(remainder, 0);
        long adjust = d.hasPaid ? Math.max(-glosa, Math.min(0, d.paid - sum.paid)) : 0;
        emit(level, TissColumns.PART_GLOSA_ONLY, codes[0], descriptions[0], 0, 0, adjust, glosa, 0.0);
        sum.add(0, 0, adjust, glosa);
        for (int k = 1; k < codeCount; k++) {
            emit(level, TissColumns.PART_GLOSA_ONLY, codes[k], descriptions[k], 0, 0, 0, 0, 0.0);
        }
    }

    private void checkTotals(TissLevel level, String key, Declared d, Totals sum) {
        long line = line();
        if (d.hasBilled) {
            report.check(file, line, level, key, "billed", d.billed, sum.billed);
        }
        if (d.hasProcessed) {
            report.check(file, line, level, key, "processed", d.processed, sum.processed);
        }
        if (d.hasPaid) {
            report.check(file, line, level, key, "paid", d.paid, sum.paid);
        }
        if (d.hasGlosa) {
            report.check(file, line, level, key, "glosa", d.glosa, sum.glosa);
        }
    }

    private void emit(
            TissLevel level,
            String part,
            String code,
            String fileDescription,
            long billed,
            long processed,
            long paid,
            long glosa,
            double quantity) {
        RowWriter w = out;
        w.fSourceFile = fileName;
        w.fVersion = version.isEmpty() ? null : version;
        w.fPayer = st.payer != null ? st.payer : headerPayer;
        w.fPayerName = st.payerName;
        w.fProviderCode = st.providerCode != null ? st.providerCode : headerProvider;
        w.fProviderName = st.providerName;
        w.fCnes = st.cnes;
        w.fHospital = st.cnes != null ? st.cnes : w.fProviderCode;
        w.fStatementNumber = st.number;
        w.fStatementDate = st.date;
        w.fBatchNumber = pr.batch;
        w.fProtocolNumber = pr.number;
        w.fProtocolDate = pr.date;
        w.fProtocolStatus = pr.status;
        boolean guideRow = level != TissLevel.PROTOCOL;
        w.fGuideNumber = guideRow ? gu.number : null;
        w.fOperatorGuideNumber = guideRow ? gu.operatorNumber : null;
        w.fCardNumber = guideRow ? gu.card : null;
        w.fGuideStatus = guideRow ? gu.status : null;
        w.fBillingStart = guideRow ? gu.start : DateColumn.MISSING;
        w.fBillingEnd = guideRow ? gu.end : DateColumn.MISSING;
        w.fClaimId = guideRow ? claimId(gu.number) : LongColumn.MISSING;
        boolean itemRow = level == TissLevel.ITEM;
        w.fItemSeq = itemRow ? it.seq : LongColumn.MISSING;
        w.fServiceDate = itemRow ? it.date : DateColumn.MISSING;
        w.fProcedureTable = itemRow ? it.table : null;
        w.fProcedureCode = itemRow ? it.code : null;
        w.fProcedureDescription = itemRow ? it.description : null;
        w.fConsumptionCentre = itemRow ? it.centre : null;
        w.fQuantity = quantity;
        int primary = options.competence() == TissOptions.Competence.PROTOCOL_DATE ? pr.date : st.date;
        int secondary = options.competence() == TissOptions.Competence.PROTOCOL_DATE ? st.date : pr.date;
        int day = primary != DateColumn.MISSING ? primary : secondary;
        w.fCompetence = day == DateColumn.MISSING ? MonthColumn.MISSING : monthIndex(day);
        w.fBilledCents = billed;
        w.fProcessedCents = processed;
        w.fPaidCents = paid;
        w.fGlosaCents = glosa;
        w.fLevel = level;
        w.fRowPart = part;
        classify(w, code, fileDescription, glosa);
        w.emit();
    }

    private void classify(RowWriter w, String code, String fileDescription, long glosa) {
        w.fReasonCode = code;
        if (code == null) {
            w.fReasonDescription = null;
            if (glosa > 0) {
                w.fReasonGroup = TissColumns.GROUP_UNCODED;
                w.fGlosaType = options.glosaTypes().typeOf(null, null);
            } else {
                w.fReasonGroup = null;
                w.fGlosaType = GlosaTypeMapping.SEM_GLOSA;
            }
            return;
        }
        // One Tabela 38 lookup per code and statement (the statement date picks the entry), not one per row.
        String[] c = classified.get(code);
        if (c == null) {
            Optional<Tabela38.Entry> e =
                    options.tabela38().find(code, st.date == DateColumn.MISSING ? null : LocalDate.ofEpochDay(st.date));
            String group = e.map(Tabela38.Entry::group).orElse(null);
            String description =
                    e.map(Tabela38.Entry::description).filter(d -> !d.isEmpty()).orElse(null);
            // Validity is judged on the statement's issue date: the day the operator applied the code.
            String use = e.isEmpty()
                    ? null
                    : !e.get().inEdition()
                            ? "retired"
                            : st.date != DateColumn.MISSING && !e.get().validOn(LocalDate.ofEpochDay(st.date))
                                    ? "expired"
                                    : "known";
            c = new String[] {
                use,
                description,
                group == null ? TissColumns.GROUP_UNKNOWN : group,
                options.glosaTypes().typeOf(code, group)
            };
            classified.put(code, c);
        }
        if (c[0] == null) {
            report.unknownCode(code);
        } else if (c[0].equals("expired")) {
            report.expiredCode(code);
        } else if (c[0].equals("retired")) {
            report.retiredCode(code);
        }
        w.fReasonDescription = c[1] != null ? c[1] : fileDescription;
        w.fReasonGroup = c[2];
        w.fGlosaType = c[3];
    }

    private static int monthIndex(int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    /** The guide number as a number when it is 1 to 18 digits, so that it fits a {@code long}. */
    static long claimId(String guide) {
        if (guide == null || guide.isEmpty() || guide.length() > 18) {
            return LongColumn.MISSING;
        }
        long v = 0;
        for (int i = 0; i < guide.length(); i++) {
            char c = guide.charAt(i);
            if (c < '0' || c > '9') {
                return LongColumn.MISSING;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private String protocolKey() {
        return "statement " + st.number + " / protocol " + pr.number;
    }

    private String key(boolean withItem) {
        // a guide number leads straight back to a stay: warnings and mismatches show its shape, as errors do
        String k = protocolKey() + " / guide (" + PersonalFields.masked(gu.number == null ? "" : gu.number) + ")";
        return withItem ? k + " / item " + it.seq : k;
    }

    // ---------------------------------------------------------------- appeals

    private void addLine(TissLevel level, String element, boolean answer) throws TissFormatException {
        if (ap.reason == null) {
            throw fail("<" + element + "> names no glosa code (codGlosa...)");
        }
        pending.add(new AppealRecord(
                answer,
                level,
                file,
                line(),
                null,
                null,
                level == TissLevel.PROTOCOL ? null : ap.guide,
                level == TissLevel.PROTOCOL ? null : ap.operatorGuide,
                level == TissLevel.ITEM ? ap.itemSeq : -1,
                level == TissLevel.ITEM ? ap.table : null,
                level == TissLevel.ITEM ? ap.code : null,
                ap.reason,
                ap.appealed,
                ap.accepted,
                level == TissLevel.ITEM ? 0 : ap.flag));
        if (answer && level != TissLevel.ITEM && ap.flag == 0) {
            throw fail("<" + element + "> of an answer must say whether the appeal was accepted (S or N)");
        }
        ap.clearLine();
    }

    /** Completes the lines of one appeal (or answer) with the fields that may come after them, and keeps them. */
    private void finishAppeal(boolean answer) {
        // The header's registroANS is the operator's either way: the destino of an appeal, the origem of an answer.
        String payer = ap.payer != null ? ap.payer : headerPayer;
        long sumAppealed = 0;
        long sumAccepted = 0;
        for (AppealRecord a : pending) {
            // an answer is dated by its message; its dataRecurso repeats the appeal's date
            int date = !answer && ap.date != DateColumn.MISSING ? ap.date : headerDate;
            appeals.add(a.withOrigin(payer, ap.protocol, date));
            sumAppealed += Math.max(0, a.appealedCents());
            sumAccepted += Math.max(0, a.acceptedCents());
            if (answer) {
                answerLines++;
                report.answersRead++;
            } else {
                appealLines++;
                report.appealsRead++;
            }
        }
        boolean itemLevel = !pending.isEmpty() && pending.get(0).level() == TissLevel.ITEM;
        long tol = options.toleranceCents();
        if (itemLevel && ap.totalAppealed >= 0 && Math.abs(ap.totalAppealed - sumAppealed) > tol) {
            report.warn(
                    file,
                    line(),
                    "valorTotalRecursado " + ap.totalAppealed / 100.0 + " differs from the sum of the appealed items "
                            + sumAppealed / 100.0);
        }
        if (answer && itemLevel && ap.totalAccepted >= 0 && Math.abs(ap.totalAccepted - sumAccepted) > tol) {
            report.warn(
                    file,
                    line(),
                    "valorTotalAcatado " + ap.totalAccepted / 100.0 + " differs from the sum of the accepted items "
                            + sumAccepted / 100.0);
        }
        pending.clear();
    }

    // ---------------------------------------------------------------- values

    private String text() {
        return text.toString().strip();
    }

    private String code(String element) throws TissFormatException {
        String s = text();
        if (s.isEmpty()) {
            throw fail("<" + element + "> must hold a Tabela 38 code; found an empty element");
        }
        return s;
    }

    private String requireCode(String element) throws TissFormatException {
        if (codeText == null) {
            throw fail("<" + element + "> has no <codigoGlosa>");
        }
        return codeText;
    }

    private long integer(String element) throws TissFormatException {
        String s = text();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw fail("<" + element + "> must be an integer; found '" + s + "'", e);
        }
    }

    private double decimal(String element) throws TissFormatException {
        String s = text();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw fail("<" + element + "> must be a decimal number with '.' as decimal mark; found '" + s + "'", e);
        }
    }

    /** An amount in cents; TISS amounts have at most two decimals, more are rounded half up. */
    private long cents(String element) throws TissFormatException {
        String s = text();
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        long whole = 0;
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && digits < 15) {
            whole = whole * 10 + (s.charAt(i++) - '0');
            digits++;
        }
        long frac = 0;
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && fracDigits < 2) {
                frac = frac * 10 + (s.charAt(i++) - '0');
                fracDigits++;
            }
        }
        if (i == n && (digits > 0 || fracDigits > 0)) {
            long v = whole * 100 + (fracDigits == 1 ? frac * 10 : frac);
            return negative ? -v : v;
        }
        try {
            return new BigDecimal(s)
                    .setScale(2, RoundingMode.HALF_UP)
                    .movePointRight(2)
                    .longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw fail("<" + element + "> must be an amount like 1500.00; found '" + s + "'", e);
        }
    }

    /** A date as its epoch day; an {@code xs:date} may carry a time zone, which is ignored. */
    private int date(String element) throws TissFormatException {
        String s = text();
        try {
            return (int)
                    LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).toEpochDay();
        } catch (DateTimeParseException e) {
            throw fail("<" + element + "> must be a date yyyy-MM-dd; found '" + s + "'", e);
        }
    }

    private long line() {
        return r.getLocation().getLineNumber();
    }

    private TissFormatException fail(String message) {
        return fail(message, null);
    }

    private TissFormatException fail(String message, Throwable cause) {
        return new TissFormatException(
                file, r.getLocation().getLineNumber(), r.getLocation().getColumnNumber(), message, cause);
    }

    // ---------------------------------------------------------------- state (one instance per level, reused)

    /** Sums of billed, processed, paid and glosa, in cents. */
    static final class Totals {
        long billed;
        long processed;
        long paid;
        long glosa;

        void add(long b, long p, long l, long g) {
            billed += b;
            processed += p;
            paid += l;
            glosa += g;
        }

        void add(Totals t) {
            add(t.billed, t.processed, t.paid, t.glosa);
        }

        void clear() {
            billed = 0;
            processed = 0;
            paid = 0;
            glosa = 0;
        }
    }

    /** Declared totals of a level, each with whether it was given. */
    static final class Declared {
        long billed;
        long processed;
        long paid;
        long glosa;
        boolean hasBilled;
        boolean hasProcessed;
        boolean hasPaid;
        boolean hasGlosa;

        void setBilled(long v) {
            billed = v;
            hasBilled = true;
        }

        void setProcessed(long v) {
            processed = v;
            hasProcessed = true;
        }

        void setPaid(long v) {
            paid = v;
            hasPaid = true;
        }

        void setGlosa(long v) {
            glosa = v;
            hasGlosa = true;
        }

        void clear() {
            billed = 0;
            processed = 0;
            paid = 0;
            glosa = 0;
            hasBilled = false;
            hasProcessed = false;
            hasPaid = false;
            hasGlosa = false;
        }
    }

    /** Reason codes given at guide or protocol level ({@code ct_motivoGlosa}). */
    abstract static class Coded {
        String[] codes = new String[4];
        String[] descriptions = new String[4];
        int codeCount;

        void addCode(String code, String description) {
            if (codeCount == codes.length) {
                codes = java.util.Arrays.copyOf(codes, codeCount * 2);
                descriptions = java.util.Arrays.copyOf(descriptions, codeCount * 2);
            }
            codes[codeCount] = code;
            descriptions[codeCount++] = description;
        }
    }

    static final class Statement {
        String payer;
        String payerName;
        String number;
        String note;
        int firstRow;
        int date = DateColumn.MISSING;
        String providerCode;
        String providerName;
        String cnes;
        final Declared declared = new Declared();
        final Totals sum = new Totals();

        void clear() {
            note = null;
            payer = null;
            payerName = null;
            number = null;
            date = DateColumn.MISSING;
            providerCode = null;
            providerName = null;
            cnes = null;
            declared.clear();
            sum.clear();
        }
    }

    static final class Protocol extends Coded {
        String batch;
        String number;
        int date = DateColumn.MISSING;
        String status;
        int guides;
        final Declared declared = new Declared();
        final Totals sum = new Totals();

        void clear() {
            batch = null;
            number = null;
            date = DateColumn.MISSING;
            status = null;
            guides = 0;
            codeCount = 0;
            declared.clear();
            sum.clear();
        }
    }

    static final class Guide extends Coded {
        String number;
        String note;
        int firstRow;
        String operatorNumber;
        String card;
        int start = DateColumn.MISSING;
        int end = DateColumn.MISSING;
        String status;
        int items;
        long uncoded;
        final Declared declared = new Declared();
        final Totals sum = new Totals();

        void clear() {
            note = null;
            number = null;
            operatorNumber = null;
            card = null;
            start = DateColumn.MISSING;
            end = DateColumn.MISSING;
            status = null;
            items = 0;
            uncoded = 0;
            codeCount = 0;
            declared.clear();
            sum.clear();
        }
    }

    static final class Item {
        long seq = LongColumn.MISSING;
        int date = DateColumn.MISSING;
        String table;
        String code;
        String description;
        String centre;
        long billed;
        double quantity = Double.NaN;
        long processed;
        long paid;
        long[] glosaCents = new long[4];
        String[] glosaCodes = new String[4];
        int glosaCount;

        void addGlosa(long cents, String code) {
            if (glosaCount == glosaCents.length) {
                glosaCents = java.util.Arrays.copyOf(glosaCents, glosaCount * 2);
                glosaCodes = java.util.Arrays.copyOf(glosaCodes, glosaCount * 2);
            }
            glosaCents[glosaCount] = cents;
            glosaCodes[glosaCount++] = code;
        }

        void clear() {
            seq = LongColumn.MISSING;
            date = DateColumn.MISSING;
            table = null;
            code = null;
            description = null;
            centre = null;
            billed = 0;
            quantity = Double.NaN;
            processed = 0;
            paid = 0;
            glosaCount = 0;
        }
    }

    /** The fields of the appeal (or answer) being read. */
    static final class Appeal {
        String payer;
        String protocol;
        String guide;
        String operatorGuide;
        long itemSeq = -1;
        String table;
        String code;
        String reason;
        long appealed = -1;
        long accepted = -1;
        char flag;
        long totalAppealed = -1;
        long totalAccepted = -1;
        int date = DateColumn.MISSING;

        void clearAll() {
            payer = null;
            date = DateColumn.MISSING;
            protocol = null;
            totalAppealed = -1;
            totalAccepted = -1;
            clearGuide();
            clearLine();
        }

        void clearGuide() {
            guide = null;
            operatorGuide = null;
        }

        void clearLine() {
            itemSeq = -1;
            table = null;
            code = null;
            reason = null;
            appealed = -1;
            accepted = -1;
            flag = 0;
        }
    }
}
