package dev.glosa.io.tiss;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Drafts TISS 4.03.00 {@code recursoGlosa} messages (appeals) for chosen glosa rows, with the justification of each
 * reason code taken from a file the user keeps; nothing is invented: rows whose code has no text are left out and
 * listed.
 *
 * <p>One message per operator and protocol (a {@code guiaRecursoGlosa} appeals one protocol, at most 100 guides): an
 * item row becomes an {@code itensGuia} (item sequence, service date, procedure, {@code centroConsumo} when read, the
 * code, the glosa as {@code valorRecursado}), a guide row a {@code recursoGuiaCompleta}. A protocol's own glosa gets a
 * message of its own per reason code ({@code objetoRecurso} 1, a {@code recursoProtocolo}: the schema allows one code
 * per protocol appeal), its amount the code's glosa on that protocol. Rows without a glosa, and rows missing what the
 * schema requires (a numeric protocol number, a guide number, an item's date or procedure) are left out with the
 * reason. The epilogue's hash is the MD5 of the text of every element before it, in
 * document order, as TISS defines it. The draft is a starting point for a person to review and send, not a sent
 * appeal.
 *
 * <p>The justification file is delimited text with a header naming the code column ({@code codigo}) and the text
 * column ({@code justificativa}); ";" or tab; UTF-8. A text longer than 500 characters (the schema's limit for item
 * and whole-guide justifications) or with a character ISO-8859-1 cannot hold is refused, naming the line.
 */
public final class AppealDraft {
    /** The most characters of a justification ({@code st_texto500}). */
    public static final int MAX_TEXT = 500;

    private static final int MAX_GUIDES = 100;
    private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;

    /**
     * Who sends the appeal and when.
     *
     * @param providerCode the provider's code at the operator ({@code codigoPrestadorNaOperadora}, up to 14)
     * @param date the appeal's date ({@code dataRecurso})
     * @param draftNumber the provider's appeal guide number ({@code numeroGuiaRecGlosaPrestador}); a message suffix
     *     {@code -1}, {@code -2} ... is added when several messages are written
     */
    public record Sender(String providerCode, LocalDate date, String draftNumber) {
        /**
         * Checks the fields fit the schema.
         *
         * @param providerCode as {@link #providerCode()}; {@code null} for its default
         * @param date as {@link #date()}; {@code null} for its default
         * @param draftNumber as {@link #draftNumber()}; {@code null} for its default
         */
        public Sender {
            if (providerCode == null || providerCode.isBlank() || providerCode.length() > 14) {
                throw new IllegalArgumentException(
                        "the provider code must be 1 to 14 characters, found '" + providerCode + "'");
            }
            if (date == null) {
                throw new IllegalArgumentException("the appeal date is required");
            }
            if (draftNumber == null || draftNumber.isBlank() || draftNumber.length() > 16) {
                throw new IllegalArgumentException(
                        "the draft number must be 1 to 16 characters, found '" + draftNumber + "'");
            }
        }
    }

    /**
     * What a draft wrote and left out.
     *
     * @param files the messages written, one per operator and protocol (or per 100 guides)
     * @param rowsDrafted rows put in a message
     * @param codesWithoutText the reason codes of the rows left out because the justification file has no text for
     *     them, with the number of rows of each
     * @param leftOut other rows left out, one line each with the reason
     */
    public record Result(
            List<Path> files, int rowsDrafted, Map<String, Integer> codesWithoutText, List<String> leftOut) {
        /**
         * Copies the lists and map.
         *
         * @param files as {@link #files()}
         * @param rowsDrafted as {@link #rowsDrafted()}
         * @param codesWithoutText as {@link #codesWithoutText()}
         * @param leftOut as {@link #leftOut()}
         */
        public Result {
            files = List.copyOf(files);
            codesWithoutText = java.util.Collections.unmodifiableMap(new TreeMap<>(codesWithoutText));
            leftOut = List.copyOf(leftOut);
        }
    }

    private AppealDraft() {}

    /**
     * Reads a justification file: reason code to text.
     *
     * @param file the justification file
     * @throws IOException when the file cannot be read
     * @return the text of each reason code
     */
    public static Map<String, String> readJustifications(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int header = 0;
        while (header < lines.size() && lines.get(header).isBlank()) {
            header++;
        }
        if (header == lines.size()) {
            throw new TissFormatException(
                    file.toString(),
                    1,
                    -1,
                    "a justification file needs a header " + "(codigo;justificativa); the file is empty");
        }
        String h = lines.get(header);
        String sep = h.contains(";") ? ";" : "\t";
        String[] names = h.split(sep, -1);
        int code = -1;
        int text = -1;
        for (int i = 0; i < names.length; i++) {
            String n = Tabela38.normalise(names[i]);
            if (n.equals("codigo") || n.equals("code") || n.equals("codigo_glosa")) {
                code = i;
            } else if (n.equals("justificativa") || n.equals("justification") || n.equals("texto")) {
                text = i;
            }
        }
        if (code < 0 || text < 0) {
            throw new TissFormatException(
                    file.toString(),
                    header + 1,
                    -1,
                    "the header must name a code column " + "(codigo) and a text column (justificativa); found "
                            + List.of(names));
        }
        Map<String, String> out = new TreeMap<>();
        for (int ln = header + 1; ln < lines.size(); ln++) {
            if (lines.get(ln).isBlank()) {
                continue;
            }
            String[] cells = lines.get(ln).split(sep, -1);
            String c = code < cells.length ? cells[code].trim() : "";
            String t = text < cells.length ? cells[text].trim() : "";
            if (!c.matches("[0-9]{1,4}")) {
                throw new TissFormatException(
                        file.toString(),
                        ln + 1,
                        code + 1,
                        "the code must be a Tabela 38 code " + "of 1 to 4 digits; found '" + c + "'");
            }
            if (t.isEmpty() || t.length() > MAX_TEXT) {
                throw new TissFormatException(
                        file.toString(),
                        ln + 1,
                        text + 1,
                        "the justification of code " + c + " must be 1 to " + MAX_TEXT + " characters; it has "
                                + t.length());
            }
            if (!LATIN1.newEncoder().canEncode(t)) {
                throw new TissFormatException(
                        file.toString(),
                        ln + 1,
                        text + 1,
                        "the justification of code " + c
                                + " has a character TISS files (ISO-8859-1) cannot hold; replace it");
            }
            if (out.put(c, t) != null) {
                throw new TissFormatException(
                        file.toString(),
                        ln + 1,
                        code + 1,
                        "code " + c + " has a justification on an earlier line already; keep one");
            }
        }
        return out;
    }

    /**
     * Writes the draft messages for {@code rows} of {@code table} (a TISS table as {@link TissReader} builds it) into
     * {@code folder}, named {@code recurso_<operator>_<protocol>[_n].xml}.
     *
     * @param table the TISS table
     * @param rows the rows to appeal
     * @param justifications reason code to text
     * @param sender the provider, the date and the draft number of the message
     * @param folder where the files go
     * @return the files written and what was left out
     * @throws IOException when a file cannot be written
     */
    public static Result write(
            GlosaTable table, int[] rows, Map<String, String> justifications, Sender sender, Path folder)
            throws IOException {
        CategoryColumn payer = table.category(TissColumns.PAYER);
        CategoryColumn payerName = table.category(TissColumns.PAYER_NAME);
        CategoryColumn protocol = table.category(TissColumns.PROTOCOL_NUMBER);
        CategoryColumn batch = table.category(TissColumns.BATCH_NUMBER);
        CategoryColumn guide = table.category(TissColumns.GUIDE_NUMBER);
        CategoryColumn operatorGuide = table.category(TissColumns.OPERATOR_GUIDE_NUMBER);
        CategoryColumn level = table.category(TissColumns.GLOSA_LEVEL);
        CategoryColumn reason = table.category(TissColumns.REASON_CODE);
        LongColumn seq = table.longs(TissColumns.ITEM_SEQ);
        DateColumn service = table.dates(TissColumns.SERVICE_DATE);
        CategoryColumn procTable = table.category(TissColumns.PROCEDURE_TABLE);
        CategoryColumn procCode = table.category(TissColumns.PROCEDURE_CODE);
        CategoryColumn procDescription = table.category(TissColumns.PROCEDURE_DESCRIPTION);
        CategoryColumn centre =
                table.has(TissColumns.CONSUMPTION_CENTRE) ? table.category(TissColumns.CONSUMPTION_CENTRE) : null;
        DoubleColumn glosa = table.doubles(TissColumns.GLOSA_AMOUNT);

        Map<String, Integer> withoutText = new TreeMap<>();
        List<String> leftOut = new ArrayList<>();
        // operator|protocol -> guide -> rows, in row order
        Map<String, Map<String, List<Integer>>> messages = new LinkedHashMap<>();
        // operator|protocol|code -> rows: a protocol appeal names one code
        Map<String, List<Integer>> protocolAppeals = new LinkedHashMap<>();
        int drafted = 0;
        for (int r : rows) {
            String code = reason.get(r);
            String lvl = level.get(r);
            String why = null;
            if (code == null || !(glosa.get(r) > 0)) {
                why = "no glosa";
            } else if (protocol.get(r) == null || !protocol.get(r).matches("[0-9]{1,12}")) {
                why = "protocol number is not 1 to 12 digits, as recursoGlosa requires";
            } else if (payer.get(r) == null) {
                why = "no operator";
            } else if (!TissLevel.PROTOCOL.label().equals(lvl) && guide.get(r) == null) {
                why = "no guide number or operator";
            } else if (TissLevel.ITEM.label().equals(lvl)
                    && (seq.isMissing(r)
                            || service.isMissing(r)
                            || procTable.get(r) == null
                            || procCode.get(r) == null)) {
                why = "item without sequence, date or procedure";
            }
            if (why != null) {
                leftOut.add("row " + r + ": " + why);
                continue;
            }
            if (!justifications.containsKey(code)) {
                withoutText.merge(code, 1, Integer::sum);
                continue;
            }
            if (TissLevel.PROTOCOL.label().equals(lvl)) {
                protocolAppeals
                        .computeIfAbsent(payer.get(r) + "|" + protocol.get(r) + "|" + code, k -> new ArrayList<>())
                        .add(r);
            } else {
                messages.computeIfAbsent(payer.get(r) + "|" + protocol.get(r), k -> new LinkedHashMap<>())
                        .computeIfAbsent(guide.get(r) + "|" + lvl, k -> new ArrayList<>())
                        .add(r);
            }
            drafted++;
        }
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        int n = 0;
        int total = messages.values().stream()
                        .mapToInt(m -> (m.size() + MAX_GUIDES - 1) / MAX_GUIDES)
                        .sum()
                + protocolAppeals.size();
        for (Map.Entry<String, Map<String, List<Integer>>> m : messages.entrySet()) {
            List<List<Integer>> guides = new ArrayList<>(m.getValue().values());
            for (int from = 0; from < guides.size(); from += MAX_GUIDES) {
                List<List<Integer>> part = guides.subList(from, Math.min(guides.size(), from + MAX_GUIDES));
                int first = part.get(0).get(0);
                n++;
                String number = total == 1 ? sender.draftNumber() : sender.draftNumber() + "-" + n;
                String name = "recurso_" + safe(payer.get(first)) + "_" + safe(protocol.get(first))
                        + (guides.size() > MAX_GUIDES ? "_" + (from / MAX_GUIDES + 1) : "") + ".xml";
                Path file = folder.resolve(name);
                Files.write(
                        file,
                        message(
                                sender,
                                number,
                                payer.get(first),
                                payerName.get(first),
                                batch.get(first),
                                protocol.get(first),
                                part,
                                justifications,
                                level,
                                reason,
                                guide,
                                operatorGuide,
                                seq,
                                service,
                                procTable,
                                procCode,
                                procDescription,
                                centre,
                                glosa));
                files.add(file);
            }
        }
        for (List<Integer> rowsOfCode : protocolAppeals.values()) {
            int first = rowsOfCode.get(0);
            n++;
            String number = total == 1 ? sender.draftNumber() : sender.draftNumber() + "-" + n;
            String code = reason.get(first);
            BigDecimal amount = BigDecimal.ZERO;
            for (int r : rowsOfCode) {
                amount = amount.add(BigDecimal.valueOf(glosa.get(r)).setScale(2, RoundingMode.HALF_UP));
            }
            Path file = folder.resolve("recurso_" + safe(payer.get(first)) + "_" + safe(protocol.get(first))
                    + "_protocolo_" + safe(code) + ".xml");
            Files.write(
                    file,
                    protocolMessage(
                            sender,
                            number,
                            payer.get(first),
                            payerName.get(first),
                            batch.get(first),
                            protocol.get(first),
                            code,
                            justifications.get(code),
                            amount));
            files.add(file);
        }
        return new Result(files, drafted, withoutText, leftOut);
    }

    private static byte[] message(
            Sender sender,
            String number,
            String payer,
            String payerName,
            String batch,
            String protocol,
            List<List<Integer>> guides,
            Map<String, String> texts,
            CategoryColumn level,
            CategoryColumn reason,
            CategoryColumn guide,
            CategoryColumn operatorGuide,
            LongColumn seq,
            DateColumn service,
            CategoryColumn procTable,
            CategoryColumn procCode,
            CategoryColumn procDescription,
            CategoryColumn centre,
            DoubleColumn glosa)
            throws IOException {
        Hashing x = new Hashing();
        try {
            head(x, sender, number, payer, payerName, batch, protocol, "2");
            BigDecimal sum = BigDecimal.ZERO;
            x.start("opcaoRecurso");
            for (List<Integer> rowsOfGuide : guides) {
                int first = rowsOfGuide.get(0);
                x.start("recursoGuia");
                x.leaf("numeroGuiaOrigem", guide.get(first));
                if (operatorGuide.get(first) != null) {
                    x.leaf("numeroGuiaOperadora", operatorGuide.get(first));
                }
                x.start("opcaoRecursoGuia");
                boolean items = TissLevel.ITEM.label().equals(level.get(first));
                for (int r : rowsOfGuide) {
                    String code = reason.get(r);
                    BigDecimal amount = BigDecimal.valueOf(glosa.get(r)).setScale(2, RoundingMode.HALF_UP);
                    sum = sum.add(amount);
                    if (items) {
                        x.start("itensGuia");
                        x.leaf("sequencialItem", Long.toString(seq.get(r)));
                        x.leaf("dataInicio", service.get(r).toString());
                        x.start("procRecurso");
                        x.leaf("codigoTabela", procTable.get(r));
                        x.leaf("codigoProcedimento", procCode.get(r));
                        x.leaf(
                                "descricaoProcedimento",
                                procDescription.get(r) == null ? procCode.get(r) : cut(procDescription.get(r), 150));
                        x.end();
                        if (centre != null && TissColumns.consumptionCentreName(centre.get(r)) != null) {
                            x.leaf("centroConsumo", centre.get(r));
                        }
                        x.leaf("codGlosaItem", code);
                        x.leaf("valorRecursado", amount.toPlainString());
                        x.leaf("justificativaItem", texts.get(code));
                    } else {
                        x.start("recursoGuiaCompleta");
                        x.leaf("codGlosaGuia", code);
                        x.leaf("justificativaGuia", texts.get(code));
                    }
                    x.end();
                }
                x.end();
                x.end();
            }
            x.end();
            return tail(x, sender, sum);
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the appeal draft: " + e.getMessage(), e);
        }
    }

    /** The appeal of a protocol's own glosa of one reason code: a {@code recursoProtocolo}. */
    private static byte[] protocolMessage(
            Sender sender,
            String number,
            String payer,
            String payerName,
            String batch,
            String protocol,
            String code,
            String text,
            BigDecimal amount)
            throws IOException {
        Hashing x = new Hashing();
        try {
            head(x, sender, number, payer, payerName, batch, protocol, "1");
            x.start("opcaoRecurso");
            x.start("recursoProtocolo");
            x.leaf("codigoGlosaProtocolo", code);
            x.leaf("justificativaProtocolo", text);
            x.end();
            x.end();
            return tail(x, sender, amount);
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the appeal draft: " + e.getMessage(), e);
        }
    }

    /** The header and the guide's fields before {@code opcaoRecurso}; {@code objeto} is 1 (protocol) or 2 (guide). */
    private static void head(
            Hashing x,
            Sender sender,
            String number,
            String payer,
            String payerName,
            String batch,
            String protocol,
            String objeto)
            throws XMLStreamException {
        x.start("cabecalho");
        x.start("identificacaoTransacao");
        x.leaf("tipoTransacao", "RECURSO_GLOSA");
        x.leaf("sequencialTransacao", "1");
        x.leaf("dataRegistroTransacao", sender.date().toString());
        x.leaf("horaRegistroTransacao", "00:00:00");
        x.end();
        x.start("origem");
        x.start("identificacaoPrestador");
        x.leaf("codigoPrestadorNaOperadora", sender.providerCode());
        x.end();
        x.end();
        x.start("destino");
        x.leaf("registroANS", payer);
        x.end();
        x.leaf("Padrao", "4.03.00");
        x.end();
        x.start("prestadorParaOperadora");
        x.start("recursoGlosa");
        x.start("guiaRecursoGlosa");
        x.leaf("registroANS", payer);
        x.leaf("numeroGuiaRecGlosaPrestador", number);
        x.leaf("nomeOperadora", payerName == null || payerName.isBlank() ? payer : cut(payerName, 70));
        x.leaf("objetoRecurso", objeto);
        x.start("dadosContratado");
        x.leaf("codigoPrestadorNaOperadora", sender.providerCode());
        x.end();
        x.leaf("numeroLote", batch == null || batch.isBlank() ? "0" : cut(batch, 12));
        x.leaf("numeroProtocolo", protocol);
    }

    /** The total, the date, and the epilogue with the hash of everything before it. */
    private static byte[] tail(Hashing x, Sender sender, BigDecimal total) throws XMLStreamException {
        x.leaf("valorTotalRecursado", total.setScale(2, RoundingMode.HALF_UP).toPlainString());
        x.leaf("dataRecurso", sender.date().toString());
        x.end();
        x.end();
        x.end();
        x.start("epilogo");
        x.leaf("hash", x.hash());
        x.end();
        return x.finish();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** An XML writer in the TISS namespace that also hashes the text it writes. */
    private static final class Hashing {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final XMLStreamWriter w;
        private final MessageDigest md5;

        Hashing() throws IOException {
            try {
                md5 = MessageDigest.getInstance("MD5");
                w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, LATIN1.name());
                w.writeStartDocument(LATIN1.name(), "1.0");
                w.writeStartElement("ans", "mensagemTISS", TissFileParser.TISS_NAMESPACE);
                w.writeNamespace("ans", TissFileParser.TISS_NAMESPACE);
            } catch (NoSuchAlgorithmException | XMLStreamException e) {
                throw new IOException("cannot start the appeal draft: " + e.getMessage(), e);
            }
        }

        void start(String name) throws XMLStreamException {
            w.writeStartElement("ans", name, TissFileParser.TISS_NAMESPACE);
        }

        void end() throws XMLStreamException {
            w.writeEndElement();
        }

        void leaf(String name, String text) throws XMLStreamException {
            start(name);
            w.writeCharacters(text);
            end();
            md5.update(text.getBytes(LATIN1));
        }

        String hash() {
            return HexFormat.of().formatHex(md5.digest());
        }

        byte[] finish() throws XMLStreamException {
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return bytes.toByteArray();
        }
    }

    /**
     * {@return the distinct reason codes of {@code rows}, for listing what a justification file must cover}
     *
     * @param table the TISS table
     * @param rows the rows
     */
    public static java.util.SortedSet<String> codes(GlosaTable table, int[] rows) {
        CategoryColumn reason = table.category(TissColumns.REASON_CODE);
        java.util.SortedSet<String> out = new TreeSet<>();
        for (int r : rows) {
            if (reason.get(r) != null) {
                out.add(reason.get(r));
            }
        }
        return out;
    }
}
