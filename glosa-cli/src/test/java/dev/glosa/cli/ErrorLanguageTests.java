package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.io.csv.CsvMapping;
import dev.glosa.io.csv.CsvWriteOptions;
import dev.glosa.io.csv.CsvWriter;
import dev.glosa.io.generate.ErpGenerator;
import dev.glosa.io.generate.ErpGeneratorConfig;
import dev.glosa.io.generate.ErpSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code detail} of {@code rejects.csv}, the too-many-rejects error and the errors an analyst can fix speak the
 * run's language ({@code --lang}, else the configuration's {@code lang:}); {@code reason} is the same stable code in
 * both, so a filter built on it works with either.
 */
class ErrorLanguageTests {
    @TempDir
    Path dir;

    private String month;

    @Test
    void theRejectsDetailFollowsTheLanguageAndTheReasonStaysTheSame() throws IOException {
        Path csv = exportWithTwoBadLines(1);

        run(csv, "en", "out-en");
        run(csv, "pt-BR", "out-pt");
        List<String[]> en = rejects(dir.resolve("out-en"));
        List<String[]> pt = rejects(dir.resolve("out-pt"));

        assertThat(en).extracting(r -> r[3]).containsExactly("NOT_A_NUMBER", "NOT_A_MONTH");
        assertThat(pt).extracting(r -> r[3]).containsExactly("NOT_A_NUMBER", "NOT_A_MONTH");
        assertThat(en.get(0)[4]).isEqualTo("not a number in pt-BR format (unexpected character 'x')");
        assertThat(pt.get(0)[4]).isEqualTo("não é um número no formato pt-BR (caractere inesperado 'x')");
        assertThat(en.get(1)[4]).endsWith("(month 13 out of 1..12)").startsWith("not a month in ");
        assertThat(pt.get(1)[4]).endsWith("(mês 13 fora de 1..12)").startsWith("não é um mês em ");
        // the same cells, lines and values in both languages
        for (int i = 0; i < 2; i++) {
            assertThat(Arrays.asList(pt.get(i)).subList(0, 4))
                    .isEqualTo(Arrays.asList(en.get(i)).subList(0, 4));
            assertThat(pt.get(i)[5]).isEqualTo(en.get(i)[5]);
        }
    }

    @Test
    void tooManyRejectsFailsWithAMessageInTheRunsLanguage() throws IOException {
        // every data line broken: far past the mapping's 1%
        Path csv = exportWithTwoBadLines(0);
        List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
        String[] header = lines.get(0).split(";", -1);
        int glosa = Arrays.asList(header).indexOf("VALOR_GLOSA");
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(";", -1);
            cells[glosa] = "12x";
            lines.set(i, String.join(";", cells));
        }
        Files.write(csv, lines, StandardCharsets.UTF_8);

        CliRun pt = run(csv, "pt-BR", "out-pt", 2);
        CliRun en = run(csv, "en", "out-en", 2);

        assertThat(pt.err)
                .contains("linhas de dados rejeitadas")
                .contains("permitidos pelo mapeamento 'reference-erp'")
                .contains("linha 2 coluna 'VALOR_GLOSA' NOT_A_NUMBER não é um número");
        assertThat(en.err)
                .contains("data lines rejected")
                .contains("allowed by mapping 'reference-erp'")
                .contains("line 2 column 'VALOR_GLOSA' NOT_A_NUMBER not a number");
    }

    @Test
    void errorsAnAnalystCanFixAreSaidInTheRunsLanguage() throws IOException {
        Path missing = dir.resolve("nao-existe.csv");
        Path wrong = dir.resolve("outra-planilha.csv");
        Files.writeString(wrong, "CONTA;VALOR\n1;2\n", StandardCharsets.UTF_8);
        String[][] cases = {
            // an export that is not the mapping's
            {"csv", "--in", wrong.toString(), "--out", dir.resolve("o0").toString()},
            // a missing input, after --lang
            {"csv", "--in", missing.toString(), "--out", dir.resolve("o1").toString()},
            // a bad option value
            {"csv", "--in", missing.toString(), "--out", dir.resolve("o2").toString(), "--as-of", "23/11/2026"},
        };
        String[][] expected = {
            {wrong + ":1: mapped column(s) [", wrong + ":1: coluna(s) mapeada(s) ["},
            {"file not found: " + missing, "arquivo não encontrado: " + missing},
            {
                "--as-of must be a date like 2026-11-23, found '23/11/2026'",
                "--as-of deve ser uma data como 2026-11-23, encontrado '23/11/2026'"
            },
        };
        for (int i = 0; i < cases.length; i++) {
            for (String lang : List.of("en", "pt-BR")) {
                List<String> args = new ArrayList<>(List.of(cases[i]));
                args.addAll(
                        List.of("--lang", lang, "--config", identifiersDrop().toString()));
                CliRun run = CliRun.of(args.toArray(new String[0]));
                assertThat(run.status).as(run.toString()).isEqualTo(2);
                assertThat(run.err).as(run.toString()).contains("glosa csv: " + expected[i][lang.equals("en") ? 0 : 1]);
            }
        }
        // the configuration's own lang: speaks once the configuration is read
        Path config = dir.resolve("pt.yaml");
        Files.writeString(config, "lang: pt-BR\nidentifiers: drop\nhistory:\n  keepWeeks: 0\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.of(
                "csv",
                "--in",
                missing.toString(),
                "--out",
                dir.resolve("o3").toString(),
                "--config",
                config.toString());
        assertThat(run.status).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("configuração: history.keepWeeks deve ser pelo menos 1, encontrado 0");
    }

    private Path identifiersDrop() throws IOException {
        Path config = dir.resolve("drop.yaml");
        Files.writeString(config, "identifiers: drop\n", StandardCharsets.UTF_8);
        return config;
    }

    /** The demo's ERP export with a glosa of {@code 12x} on data line {@code first} and month 13 on the next. */
    private Path exportWithTwoBadLines(int first) throws IOException {
        ErpSample sample = ErpGenerator.generate(ErpGeneratorConfig.defaults(7).withSegments(2, 2, 2, 1.0));
        month = sample.config().analysedMonth().toString();
        Path csv = dir.resolve("export.csv");
        CsvWriter.write(sample.table(), csv, CsvMapping.reference(), CsvWriteOptions.ptBr());
        if (first > 0) {
            List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
            List<String> header = Arrays.asList(lines.get(0).split(";", -1));
            String[] a = lines.get(first).split(";", -1);
            a[header.indexOf("VALOR_GLOSA")] = "12x";
            lines.set(first, String.join(";", a));
            String[] b = lines.get(first + 1).split(";", -1);
            b[header.indexOf("MES_RECEBIMENTO")] = "2025-13";
            lines.set(first + 1, String.join(";", b));
            Files.write(csv, lines, StandardCharsets.UTF_8);
        }
        return csv;
    }

    private CliRun run(Path csv, String lang, String out) {
        return run(csv, lang, out, 0);
    }

    private CliRun run(Path csv, String lang, String out, int status) {
        CliRun run = CliRun.of(
                "csv",
                "--in",
                csv.toString(),
                "--out",
                dir.resolve(out).toString(),
                "--as-of",
                "2026-11-23",
                "--month",
                month,
                "--lang",
                lang);
        assertThat(run.status).as(run.toString()).isEqualTo(status);
        return run;
    }

    private static List<String[]> rejects(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("rejects.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("source;line;column;reason;detail;value");
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            rows.add(l.split(";", -1));
        }
        return rows;
    }
}
