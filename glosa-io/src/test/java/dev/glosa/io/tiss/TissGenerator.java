package dev.glosa.io.tiss;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes synthetic TISS demonstrativos de análise de conta of every shape, for tests, demos and benchmarks: glosas at
 * item level (one or several codes per item), at guide level (guides without items, or a cut on top of paid items), at
 * protocol level (protocols without guides, or a cut on top of their guides), TISS 3.05 or 4.01, ISO-8859-1 or UTF-8,
 * with a share of guides whose declared totals do not add up.
 *
 * <p>Files are valid against the ANS schemas of their version (unless the CNES is left out or amounts exceed the
 * schema's digit limits). {@link #open(Spec)} generates lazily, so a file of any size is read without being held in
 * memory; the same spec always gives the same bytes. {@link #summary(Spec)} tells what a reader must find.
 */
public final class TissGenerator {
    /** Where the glosas of a generated file sit. */
    public enum Shape {
        /** Items with at most one glosa code each. */
        ITEM_LEVEL,
        /** Items with two or three glosa codes each when glosed. */
        MULTI_GLOSA,
        /** Guides without items, wholly denied under a guide-level code ({@code motivoGlosaGuia}). */
        GUIDE_ONLY,
        /** Paid items without codes, and a guide-level code with a cut on the guide's total. */
        GUIDE_LEVEL_ON_ITEMS,
        /** Protocols without guides, wholly denied under a protocol-level code ({@code GlosaProtocolo}). */
        PROTOCOL_ONLY,
        /** Item-level guides, and a protocol-level code with a cut on the protocol's total. */
        PROTOCOL_LEVEL_ON_GUIDES,
        /** Each protocol takes the next of the shapes above in turn. */
        MIXED
    }

    /**
     * What to generate.
     *
     * @param version {@code "3.05.00"} or {@code "4.01.00"}
     * @param shape where the glosas sit
     * @param protocols protocols in the demonstrativo (at least 1)
     * @param guidesPerProtocol guides per protocol (at least 1; ignored by protocol-only protocols)
     * @param itemsPerGuide items per guide (at least 1; ignored by guide-only guides)
     * @param glosaRate share of items that get glosas, 0 to 1
     * @param brokenTotalsRate share of guides with items whose declared billed total is one real too high, 0 to 1
     * @param encoding {@code ISO-8859-1} or {@code UTF-8}
     * @param registroAns the operator's ANS registration (6 digits)
     * @param cnes the provider's CNES, or {@code null} to leave it out
     * @param seed the seed of every random draw
     */
    public record Spec(
            String version,
            Shape shape,
            int protocols,
            int guidesPerProtocol,
            int itemsPerGuide,
            double glosaRate,
            double brokenTotalsRate,
            Charset encoding,
            String registroAns,
            String cnes,
            long seed) {
        /** Checks every field. */
        public Spec {
            if (!"3.05.00".equals(version) && !"4.01.00".equals(version)) {
                throw new IllegalArgumentException("version must be 3.05.00 or 4.01.00, found " + version);
            }
            if (shape == null) {
                throw new IllegalArgumentException("shape must not be null");
            }
            if (protocols < 1 || guidesPerProtocol < 1 || itemsPerGuide < 1) {
                throw new IllegalArgumentException("protocols, guides per protocol and items per guide must be >= 1, "
                        + "found " + protocols + ", " + guidesPerProtocol + ", " + itemsPerGuide);
            }
            if (!(glosaRate >= 0 && glosaRate <= 1) || !(brokenTotalsRate >= 0 && brokenTotalsRate <= 1)) {
                throw new IllegalArgumentException(
                        "rates must be between 0 and 1, found " + glosaRate + ", " + brokenTotalsRate);
            }
            if (!StandardCharsets.ISO_8859_1.equals(encoding) && !StandardCharsets.UTF_8.equals(encoding)) {
                throw new IllegalArgumentException("encoding must be ISO-8859-1 or UTF-8, found " + encoding);
            }
            if (registroAns == null || !registroAns.matches("[0-9]{6}")) {
                throw new IllegalArgumentException("registroANS must be 6 digits, found " + registroAns);
            }
        }

        /** 2 protocols × 3 guides × 4 items, 60% of items glosed, totals consistent, ISO-8859-1, CNES 1234567. */
        public static Spec of(String version, Shape shape, long seed) {
            return new Spec(version, shape, 2, 3, 4, 0.6, 0.0, StandardCharsets.ISO_8859_1, "345678", "1234567", seed);
        }

        /** This spec with another size. */
        public Spec withSize(int protocols, int guidesPerProtocol, int itemsPerGuide) {
            return new Spec(
                    version,
                    shape,
                    protocols,
                    guidesPerProtocol,
                    itemsPerGuide,
                    glosaRate,
                    brokenTotalsRate,
                    encoding,
                    registroAns,
                    cnes,
                    seed);
        }

        /** This spec with {@code rate} of guides declaring a wrong billed total. */
        public Spec withBrokenTotals(double rate) {
            return new Spec(
                    version,
                    shape,
                    protocols,
                    guidesPerProtocol,
                    itemsPerGuide,
                    glosaRate,
                    rate,
                    encoding,
                    registroAns,
                    cnes,
                    seed);
        }

        /** This spec with another glosa rate. */
        public Spec withGlosaRate(double rate) {
            return new Spec(
                    version,
                    shape,
                    protocols,
                    guidesPerProtocol,
                    itemsPerGuide,
                    rate,
                    brokenTotalsRate,
                    encoding,
                    registroAns,
                    cnes,
                    seed);
        }

        /** This spec written in another encoding. */
        public Spec withEncoding(Charset charset) {
            return new Spec(
                    version,
                    shape,
                    protocols,
                    guidesPerProtocol,
                    itemsPerGuide,
                    glosaRate,
                    brokenTotalsRate,
                    charset,
                    registroAns,
                    cnes,
                    seed);
        }

        /** This spec for another operator and provider ({@code cnes} may be {@code null}). */
        public Spec withParties(String registro, String cnesCode) {
            return new Spec(
                    version,
                    shape,
                    protocols,
                    guidesPerProtocol,
                    itemsPerGuide,
                    glosaRate,
                    brokenTotalsRate,
                    encoding,
                    registro,
                    cnesCode,
                    seed);
        }
    }

    /**
     * What a generated file holds, as a reader keeping items without glosa must find it.
     *
     * @param protocols protocols written
     * @param guides guides written
     * @param items items written
     * @param rows rows expected in the table
     * @param glosaRows rows expected to carry a reason code
     * @param billed sum of billed amounts over the rows
     * @param paid sum of paid amounts over the rows (released totals)
     * @param glosa sum of glosa amounts over the rows
     * @param brokenGuides guides whose declared billed total is wrong (one guide-level mismatch each)
     */
    public record Summary(
            int protocols,
            int guides,
            int items,
            int rows,
            int glosaRows,
            double billed,
            double paid,
            double glosa,
            int brokenGuides) {}

    private static final String[][] PROCEDURES = {
        {"22", "31009336", "APENDICECTOMIA"},
        {"22", "10101012", "CONSULTA EM CONSULTÓRIO"},
        {"18", "60000775", "DIÁRIA DE APARTAMENTO"},
        {"22", "40304361", "HEMOGRAMA COMPLETO"},
        {"20", "90000001", "SORO FISIOLÓGICO 0,9% 500 ML"},
        {"19", "70000001", "CATETER VENOSO CENTRAL"},
    };
    private static final String[] ITEM_CODES = {
        "1702", "1705", "1714", "1801", "1809", "1903", "2008", "2107", "2202", "2403", "2602", "2709", "2811"
    };
    private static final String[] GUIDE_CODES = {"1001", "1201", "1301", "1401"};
    private static final String[] PROTOCOL_CODES = {"1101", "5001", "2501"};
    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    private TissGenerator() {}

    /** Writes the demonstrativo of {@code spec} to {@code out} (not closed). */
    public static void write(Spec spec, OutputStream out) throws IOException {
        try (InputStream in = open(spec)) {
            in.transferTo(out);
        }
    }

    /** The bytes of the demonstrativo of {@code spec}, generated as they are read. */
    public static InputStream open(Spec spec) {
        return new Stream(new Emitter(spec));
    }

    /** What the demonstrativo of {@code spec} holds (generates it once, without keeping it). */
    public static Summary summary(Spec spec) throws IOException {
        Emitter e = new Emitter(spec);
        try (InputStream in = new Stream(e)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return e.summary();
    }

    /** An input stream over the emitter's chunks. */
    private static final class Stream extends InputStream {
        private final Emitter emitter;
        private final StringBuilder chunk = new StringBuilder(8192);
        private byte[] bytes = new byte[0];
        private int pos;
        private boolean done;

        Stream(Emitter emitter) {
            this.emitter = emitter;
        }

        private boolean fill() {
            while (pos == bytes.length) {
                if (done) {
                    return false;
                }
                chunk.setLength(0);
                done = !emitter.next(chunk);
                bytes = chunk.toString().getBytes(emitter.spec.encoding());
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? bytes[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** Writes the file piece by piece: the head, one guide (or protocol part) per call, the tail. */
    private static final class Emitter {
        final Spec spec;
        private final SplittableRandom rnd;
        private final boolean v3;
        private int stage;
        private int protocol;
        private int guide;
        private int guideCounter;
        private Shape protocolShape;
        private LocalDate protocolDate;
        private final long[] protocolSum = new long[4];
        private final long[] statementSum = new long[4];
        private int protocols;
        private int guides;
        private int items;
        private int rows;
        private int glosaRows;
        private int broken;

        Emitter(Spec spec) {
            this.spec = spec;
            this.rnd = new SplittableRandom(spec.seed());
            this.v3 = spec.version().startsWith("3.");
        }

        Summary summary() {
            return new Summary(
                    protocols,
                    guides,
                    items,
                    rows,
                    glosaRows,
                    statementSum[0] / 100.0,
                    statementSum[2] / 100.0,
                    statementSum[3] / 100.0,
                    broken);
        }

        /** Appends the next piece; false when it was the last. */
        boolean next(StringBuilder sb) {
            switch (stage) {
                case 0 -> {
                    head(sb);
                    stage = 1;
                    protocol = 0;
                    startProtocol(sb);
                    return true;
                }
                case 1 -> {
                    if (protocolShape == Shape.PROTOCOL_ONLY || guide == spec.guidesPerProtocol()) {
                        endProtocol(sb);
                        protocol++;
                        if (protocol == spec.protocols()) {
                            tail(sb);
                            stage = 2;
                            return false;
                        }
                        startProtocol(sb);
                    } else {
                        guide(sb);
                        guide++;
                    }
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }

        private void head(StringBuilder sb) {
            String enc = spec.encoding().name();
            sb.append("<?xml version=\"1.0\" encoding=\"")
                    .append(enc)
                    .append("\"?>\n")
                    .append("<ans:mensagemTISS xmlns:ans=\"http://www.ans.gov.br/padroes/tiss/schemas\">\n")
                    .append("<ans:cabecalho><ans:identificacaoTransacao>")
                    .append("<ans:tipoTransacao>DEMONSTRATIVO_ANALISE_CONTA</ans:tipoTransacao>")
                    .append("<ans:sequencialTransacao>")
                    .append(1 + Math.floorMod(spec.seed(), 999_999))
                    .append("</ans:sequencialTransacao>")
                    .append("<ans:dataRegistroTransacao>2025-06-30</ans:dataRegistroTransacao>")
                    .append("<ans:horaRegistroTransacao>10:15:00</ans:horaRegistroTransacao>")
                    .append("</ans:identificacaoTransacao>")
                    .append("<ans:origem><ans:registroANS>")
                    .append(spec.registroAns())
                    .append("</ans:registroANS>")
                    .append("</ans:origem><ans:destino><ans:identificacaoPrestador><ans:codigoPrestadorNaOperadora>")
                    .append("PRE0042</ans:codigoPrestadorNaOperadora></ans:identificacaoPrestador></ans:destino>")
                    .append("<ans:Padrao>")
                    .append(spec.version())
                    .append("</ans:Padrao></ans:cabecalho>\n")
                    .append("<ans:operadoraParaPrestador><ans:demonstrativosRetorno><ans:demonstrativoAnaliseConta>\n")
                    .append("<ans:cabecalhoDemonstrativo><ans:registroANS>")
                    .append(spec.registroAns())
                    .append("</ans:registroANS><ans:numeroDemonstrativo>DAC-")
                    .append(spec.seed())
                    .append("</ans:numeroDemonstrativo><ans:nomeOperadora>OPERADORA SAÚDE &amp; VIDA")
                    .append("</ans:nomeOperadora><ans:numeroCNPJ>00000000000191</ans:numeroCNPJ>")
                    .append("<ans:dataEmissao>2025-06-30</ans:dataEmissao></ans:cabecalhoDemonstrativo>\n")
                    .append("<ans:dadosPrestador><ans:dadosContratado><ans:codigoPrestadorNaOperadora>PRE0042")
                    .append("</ans:codigoPrestadorNaOperadora>");
            if (v3) {
                sb.append("<ans:nomeContratado>HOSPITAL SÃO LUCAS</ans:nomeContratado>");
            }
            sb.append("</ans:dadosContratado>");
            if (spec.cnes() != null) {
                sb.append("<ans:CNES>").append(spec.cnes()).append("</ans:CNES>");
            }
            sb.append("</ans:dadosPrestador>\n<ans:dadosConta>\n");
        }

        private void startProtocol(StringBuilder sb) {
            protocols++;
            protocolShape =
                    spec.shape() == Shape.MIXED ? Shape.values()[protocol % (Shape.values().length - 1)] : spec.shape();
            protocolDate = START.plusDays(11L * protocol % 150);
            guide = 0;
            java.util.Arrays.fill(protocolSum, 0);
            sb.append("<ans:dadosProtocolo><ans:numeroLotePrestador>L")
                    .append(protocol + 1)
                    .append("</ans:numeroLotePrestador><ans:numeroProtocolo>P")
                    .append(String.format("%09d", protocol + 1))
                    .append("</ans:numeroProtocolo><ans:dataProtocolo>")
                    .append(protocolDate)
                    .append("</ans:dataProtocolo>");
            if (protocolShape == Shape.PROTOCOL_ONLY || protocolShape == Shape.PROTOCOL_LEVEL_ON_GUIDES) {
                sb.append("<ans:GlosaProtocolo><ans:codigoGlosa>")
                        .append(PROTOCOL_CODES[rnd.nextInt(PROTOCOL_CODES.length)])
                        .append("</ans:codigoGlosa><ans:descricaoGlosa>GLOSA DO PROTOCOLO</ans:descricaoGlosa>")
                        .append("</ans:GlosaProtocolo>");
            }
            sb.append("<ans:situacaoProtocolo>")
                    .append(protocolShape == Shape.PROTOCOL_ONLY ? 4 : 3)
                    .append("</ans:situacaoProtocolo>\n");
        }

        private void endProtocol(StringBuilder sb) {
            long billed;
            long processed;
            long paid;
            long glosa;
            if (protocolShape == Shape.PROTOCOL_ONLY) {
                billed = cents(5_000, 500_000);
                processed = billed;
                paid = 0;
                glosa = billed;
                rows++;
                glosaRows++;
            } else {
                billed = protocolSum[0];
                processed = protocolSum[1];
                paid = protocolSum[2];
                glosa = protocolSum[3];
                if (protocolShape == Shape.PROTOCOL_LEVEL_ON_GUIDES) {
                    long cut = 1 + rnd.nextLong(Math.max(1, paid / 4));
                    paid -= cut;
                    glosa += cut;
                    rows++;
                    glosaRows++;
                }
            }
            sb.append("<ans:valorInformadoProtocolo>")
                    .append(money(billed))
                    .append("</ans:valorInformadoProtocolo>")
                    .append("<ans:valorProcessadoProtocolo>")
                    .append(money(processed))
                    .append("</ans:valorProcessadoProtocolo><ans:valorLiberadoProtocolo>")
                    .append(money(paid))
                    .append("</ans:valorLiberadoProtocolo><ans:valorGlosaProtocolo>")
                    .append(money(glosa))
                    .append("</ans:valorGlosaProtocolo></ans:dadosProtocolo>\n");
            add(statementSum, billed, processed, paid, glosa);
        }

        private void guide(StringBuilder sb) {
            guides++;
            guideCounter++;
            Shape shape = protocolShape == Shape.PROTOCOL_LEVEL_ON_GUIDES ? Shape.ITEM_LEVEL : protocolShape;
            LocalDate start = protocolDate.minusDays(20 + rnd.nextInt(10));
            sb.append("<ans:relacaoGuias><ans:numeroGuiaPrestador>")
                    .append(100_000_000L + guideCounter)
                    .append("</ans:numeroGuiaPrestador><ans:numeroGuiaOperadora>OP")
                    .append(guideCounter)
                    .append("</ans:numeroGuiaOperadora>");
            if (v3) {
                sb.append("<ans:nomeBeneficiario>BENEFICIÁRIO ")
                        .append(guideCounter)
                        .append("</ans:nomeBeneficiario>");
            }
            sb.append("<ans:numeroCarteira>")
                    .append(String.format("%014d", 7_000_000L + guideCounter))
                    .append("</ans:numeroCarteira><ans:dataInicioFat>")
                    .append(start)
                    .append("</ans:dataInicioFat>")
                    .append("<ans:dataFimFat>")
                    .append(start.plusDays(3))
                    .append("</ans:dataFimFat>");
            String guideCode = null;
            if (shape == Shape.GUIDE_ONLY || shape == Shape.GUIDE_LEVEL_ON_ITEMS) {
                guideCode = GUIDE_CODES[rnd.nextInt(GUIDE_CODES.length)];
                sb.append("<ans:motivoGlosaGuia><ans:codigoGlosa>")
                        .append(guideCode)
                        .append("</ans:codigoGlosa><ans:descricaoGlosa>GLOSA DA GUIA</ans:descricaoGlosa>")
                        .append("</ans:motivoGlosaGuia>");
            }
            sb.append("<ans:situacaoGuia>")
                    .append(shape == Shape.GUIDE_ONLY ? 4 : 3)
                    .append("</ans:situacaoGuia>\n");
            long[] sum = new long[4];
            if (shape == Shape.GUIDE_ONLY) {
                long billed = cents(1_000, 300_000);
                add(sum, billed, billed, 0, billed);
                rows++;
                glosaRows++;
            } else {
                for (int i = 1; i <= spec.itemsPerGuide(); i++) {
                    item(sb, shape, i, start, sum);
                }
                if (shape == Shape.GUIDE_LEVEL_ON_ITEMS) {
                    long cut = 1 + rnd.nextLong(Math.max(1, sum[2] / 3));
                    sum[2] -= cut;
                    sum[3] += cut;
                    rows++;
                    glosaRows++;
                }
            }
            long declaredBilled = sum[0];
            if (shape != Shape.GUIDE_ONLY && rnd.nextDouble() < spec.brokenTotalsRate()) {
                declaredBilled += 100;
                broken++;
            }
            sb.append("<ans:valorInformadoGuia>")
                    .append(money(declaredBilled))
                    .append("</ans:valorInformadoGuia>")
                    .append("<ans:valorProcessadoGuia>")
                    .append(money(sum[1]))
                    .append("</ans:valorProcessadoGuia>")
                    .append("<ans:valorLiberadoGuia>")
                    .append(money(sum[2]))
                    .append("</ans:valorLiberadoGuia>")
                    .append("<ans:valorGlosaGuia>")
                    .append(money(sum[3]))
                    .append("</ans:valorGlosaGuia>")
                    .append("</ans:relacaoGuias>\n");
            add(protocolSum, sum[0], sum[1], sum[2], sum[3]);
        }

        private void item(StringBuilder sb, Shape shape, int seq, LocalDate start, long[] sum) {
            items++;
            String[] proc = PROCEDURES[rnd.nextInt(PROCEDURES.length)];
            long billed = cents(500, 50_000);
            int codes = 0;
            if (shape != Shape.GUIDE_LEVEL_ON_ITEMS && rnd.nextDouble() < spec.glosaRate()) {
                codes = shape == Shape.MULTI_GLOSA ? 2 + rnd.nextInt(2) : 1;
            }
            long[] parts = new long[codes];
            long glosa = 0;
            for (int k = 0; k < codes; k++) {
                // each code takes at most a third of what is left, so every code gets at least a cent
                long left = billed - glosa;
                parts[k] = 1 + rnd.nextLong(Math.max(1, left / 3));
                glosa += parts[k];
            }
            long paid = billed - glosa;
            sb.append("<ans:detalhesGuia><ans:sequencialItem>")
                    .append(seq)
                    .append("</ans:sequencialItem>")
                    .append("<ans:dataRealizacao>")
                    .append(start.plusDays(seq % 4))
                    .append("</ans:dataRealizacao>")
                    .append("<ans:procedimento><ans:codigoTabela>")
                    .append(proc[0])
                    .append("</ans:codigoTabela>")
                    .append("<ans:codigoProcedimento>")
                    .append(proc[1])
                    .append("</ans:codigoProcedimento>")
                    .append("<ans:descricaoProcedimento>")
                    .append(proc[2])
                    .append("</ans:descricaoProcedimento>")
                    .append("</ans:procedimento><ans:valorInformado>")
                    .append(money(billed))
                    .append("</ans:valorInformado><ans:qtdExecutada>")
                    .append(1 + rnd.nextInt(5))
                    .append(".0000</ans:qtdExecutada><ans:valorProcessado>")
                    .append(money(billed))
                    .append("</ans:valorProcessado><ans:valorLiberado>")
                    .append(money(paid))
                    .append("</ans:valorLiberado>");
            for (int k = 0; k < codes; k++) {
                sb.append("<ans:relacaoGlosa><ans:valorGlosa>")
                        .append(money(parts[k]))
                        .append("</ans:valorGlosa><ans:tipoGlosa>")
                        .append(ITEM_CODES[rnd.nextInt(ITEM_CODES.length)])
                        .append("</ans:tipoGlosa></ans:relacaoGlosa>");
            }
            sb.append("</ans:detalhesGuia>\n");
            rows += Math.max(1, codes);
            glosaRows += codes;
            add(sum, billed, billed, paid, glosa);
        }

        private void tail(StringBuilder sb) {
            sb.append("</ans:dadosConta>\n<ans:valorInformadoGeral>")
                    .append(money(statementSum[0]))
                    .append("</ans:valorInformadoGeral><ans:valorProcessadoGeral>")
                    .append(money(statementSum[1]))
                    .append("</ans:valorProcessadoGeral><ans:valorLiberadoGeral>")
                    .append(money(statementSum[2]))
                    .append("</ans:valorLiberadoGeral><ans:valorGlosaGeral>")
                    .append(money(statementSum[3]))
                    .append("</ans:valorGlosaGeral>\n</ans:demonstrativoAnaliseConta></ans:demonstrativosRetorno>")
                    .append("</ans:operadoraParaPrestador>\n<ans:epilogo><ans:hash>")
                    .append(String.format("%032x", spec.seed()))
                    .append("</ans:hash></ans:epilogo>\n")
                    .append("</ans:mensagemTISS>\n");
        }

        private long cents(int min, int max) {
            return min + rnd.nextInt(max - min + 1);
        }

        private static void add(long[] sum, long billed, long processed, long paid, long glosa) {
            sum[0] += billed;
            sum[1] += processed;
            sum[2] += paid;
            sum[3] += glosa;
        }

        private static String money(long cents) {
            long abs = Math.abs(cents);
            String s = (abs / 100) + "." + (abs % 100 < 10 ? "0" : "") + (abs % 100);
            return cents < 0 ? "-" + s : s;
        }
    }
}
