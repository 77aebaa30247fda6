package dev.glosa.io.tiss;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.glosa.core.table.Column;
import dev.glosa.core.table.GlosaTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: the shared data folder, in-memory inputs, hand-written TISS messages. */
final class TissTestData {
    private TissTestData() {}

    /** {@code shared/data} beside the repository, found by walking up from the working directory, or null. */
    static Path sharedData() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return null;
    }

    /** {@code shared/data/tiss}, or skips the test with a clear message. */
    static Path tissDir() {
        Path data = sharedData();
        assumeTrue(
                data != null && Files.isDirectory(data.resolve("tiss")),
                "../shared/data not found from " + Paths.get("").toAbsolutePath() + ": TISS sample tests skipped");
        return data.resolve("tiss");
    }

    static TissInput input(String name, String xml) {
        return input(name, xml, StandardCharsets.UTF_8);
    }

    static TissInput input(String name, String xml, Charset charset) {
        byte[] bytes = xml.getBytes(charset);
        return TissInput.of(name, () -> new ByteArrayInputStream(bytes));
    }

    static TissReadResult read(TissInput... inputs) throws IOException {
        return TissReader.create(TissOptions.defaults()).read(List.of(inputs));
    }

    static TissReadResult read(TissOptions options, TissInput... inputs) throws IOException {
        return TissReader.create(options).read(List.of(inputs));
    }

    /** Every row as text, for equality checks. */
    static List<String> rowsAsText(GlosaTable t) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            StringBuilder sb = new StringBuilder();
            for (Column c : t.columns()) {
                sb.append(c.name()).append('=').append(c.text(r)).append(';');
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Sum of a double column over the rows where {@code column} equals {@code value}. */
    static double sumWhere(GlosaTable t, String measure, String column, String value) {
        double s = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            if (value.equals(t.category(column).get(r))) {
                s += t.doubles(measure).get(r);
            }
        }
        return Math.round(s * 100.0) / 100.0;
    }

    static double sum(GlosaTable t, String measure) {
        return Math.round(t.doubles(measure).sum() * 100.0) / 100.0;
    }

    /** A 4.01 demonstrativo message around {@code protocols} (dadosProtocolo elements) with the given totals. */
    static String demonstrativo(String registro, String cnes, String protocols, String geral) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ans:mensagemTISS xmlns:ans="http://www.ans.gov.br/padroes/tiss/schemas">
                  <ans:cabecalho>
                    <ans:identificacaoTransacao>
                      <ans:tipoTransacao>DEMONSTRATIVO_ANALISE_CONTA</ans:tipoTransacao>
                      <ans:sequencialTransacao>1</ans:sequencialTransacao>
                      <ans:dataRegistroTransacao>2025-03-10</ans:dataRegistroTransacao>
                      <ans:horaRegistroTransacao>10:00:00</ans:horaRegistroTransacao>
                    </ans:identificacaoTransacao>
                    <ans:origem><ans:registroANS>%1$s</ans:registroANS></ans:origem>
                    <ans:destino><ans:identificacaoPrestador><ans:codigoPrestadorNaOperadora>PRE1</ans:codigoPrestadorNaOperadora></ans:identificacaoPrestador></ans:destino>
                    <ans:Padrao>4.01.00</ans:Padrao>
                  </ans:cabecalho>
                  <ans:operadoraParaPrestador><ans:demonstrativosRetorno><ans:demonstrativoAnaliseConta>
                    <ans:cabecalhoDemonstrativo>
                      <ans:registroANS>%1$s</ans:registroANS>
                      <ans:numeroDemonstrativo>D1</ans:numeroDemonstrativo>
                      <ans:nomeOperadora>OPERADORA TESTE</ans:nomeOperadora>
                      <ans:numeroCNPJ>00000000000191</ans:numeroCNPJ>
                      <ans:dataEmissao>2025-03-10</ans:dataEmissao>
                    </ans:cabecalhoDemonstrativo>
                    <ans:dadosPrestador>
                      <ans:dadosContratado><ans:codigoPrestadorNaOperadora>PRE1</ans:codigoPrestadorNaOperadora></ans:dadosContratado>
                      %2$s
                    </ans:dadosPrestador>
                    <ans:dadosConta>
                %3$s
                    </ans:dadosConta>
                %4$s
                  </ans:demonstrativoAnaliseConta></ans:demonstrativosRetorno></ans:operadoraParaPrestador>
                  <ans:epilogo><ans:hash>0</ans:hash></ans:epilogo>
                </ans:mensagemTISS>
                """.formatted(registro, cnes == null ? "" : "<ans:CNES>" + cnes + "</ans:CNES>", protocols, geral);
    }

    /** The four {@code valor*Geral} elements. */
    static String geral(String billed, String processed, String paid, String glosa) {
        return totals("Geral", billed, processed, paid, glosa);
    }

    /** The four {@code valor*<suffix>} total elements (glosa left out when null). */
    static String totals(String suffix, String billed, String processed, String paid, String glosa) {
        return "<ans:valorInformado" + suffix + ">" + billed + "</ans:valorInformado" + suffix + ">"
                + "<ans:valorProcessado" + suffix + ">" + processed + "</ans:valorProcessado" + suffix + ">"
                + "<ans:valorLiberado" + suffix + ">" + paid + "</ans:valorLiberado" + suffix + ">"
                + (glosa == null ? "" : "<ans:valorGlosa" + suffix + ">" + glosa + "</ans:valorGlosa" + suffix + ">");
    }

    /** One item ({@code detalhesGuia}); {@code glosas} alternates value and code. */
    static String item(
            int seq, String table, String code, String billed, String processed, String paid, String... glosas) {
        StringBuilder sb = new StringBuilder("<ans:detalhesGuia><ans:sequencialItem>")
                .append(seq)
                .append("</ans:sequencialItem><ans:dataRealizacao>2025-01-20</ans:dataRealizacao>")
                .append("<ans:procedimento><ans:codigoTabela>")
                .append(table)
                .append("</ans:codigoTabela>")
                .append("<ans:codigoProcedimento>")
                .append(code)
                .append("</ans:codigoProcedimento>")
                .append("<ans:descricaoProcedimento>PROC ")
                .append(code)
                .append("</ans:descricaoProcedimento>")
                .append("</ans:procedimento><ans:valorInformado>")
                .append(billed)
                .append("</ans:valorInformado><ans:qtdExecutada>1.0000</ans:qtdExecutada><ans:valorProcessado>")
                .append(processed)
                .append("</ans:valorProcessado><ans:valorLiberado>")
                .append(paid)
                .append("</ans:valorLiberado>");
        for (int i = 0; i < glosas.length; i += 2) {
            sb.append("<ans:relacaoGlosa><ans:valorGlosa>")
                    .append(glosas[i])
                    .append("</ans:valorGlosa><ans:tipoGlosa>")
                    .append(glosas[i + 1])
                    .append("</ans:tipoGlosa></ans:relacaoGlosa>");
        }
        return sb.append("</ans:detalhesGuia>\n").toString();
    }

    /** One guide ({@code relacaoGuias}) with optional guide-level codes, its items and totals. */
    static String guide(String number, String[] codes, String items, String totals) {
        StringBuilder sb = new StringBuilder("<ans:relacaoGuias><ans:numeroGuiaPrestador>")
                .append(number)
                .append("</ans:numeroGuiaPrestador><ans:numeroGuiaOperadora>OP")
                .append(number)
                .append("</ans:numeroGuiaOperadora><ans:numeroCarteira>123</ans:numeroCarteira>")
                .append("<ans:dataInicioFat>2025-01-20</ans:dataInicioFat>");
        for (String c : codes) {
            sb.append("<ans:motivoGlosaGuia><ans:codigoGlosa>")
                    .append(c)
                    .append("</ans:codigoGlosa></ans:motivoGlosaGuia>");
        }
        return sb.append("<ans:situacaoGuia>3</ans:situacaoGuia>")
                .append(items)
                .append(totals)
                .append("</ans:relacaoGuias>\n")
                .toString();
    }

    /** One protocol ({@code dadosProtocolo}) with an optional protocol-level code, its guides and totals. */
    static String protocol(String number, String date, String code, String guides, String totals) {
        return "<ans:dadosProtocolo><ans:numeroLotePrestador>L1</ans:numeroLotePrestador><ans:numeroProtocolo>"
                + number + "</ans:numeroProtocolo><ans:dataProtocolo>" + date + "</ans:dataProtocolo>"
                + (code == null
                        ? ""
                        : "<ans:GlosaProtocolo><ans:codigoGlosa>" + code + "</ans:codigoGlosa></ans:GlosaProtocolo>")
                + "<ans:situacaoProtocolo>3</ans:situacaoProtocolo>" + guides + totals + "</ans:dadosProtocolo>\n";
    }
}
