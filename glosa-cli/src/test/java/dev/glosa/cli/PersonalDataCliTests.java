package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.glosa.io.csv.CsvMapping;
import dev.glosa.io.csv.CsvWriteOptions;
import dev.glosa.io.csv.CsvWriter;
import dev.glosa.io.generate.ErpGenerator;
import dev.glosa.io.generate.ErpGeneratorConfig;
import dev.glosa.io.generate.ErpSample;
import dev.glosa.io.powerbi.WriterOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ERP export whose patient columns have names on no fixed list: the run stops without a policy, and with a key no
 * value leaves in clear, in the fact table, in a group's label or in the log.
 */
class PersonalDataCliTests {
    private static final String KEY = "a-test-key-of-32-characters-long";
    private static final int PATIENTS = 40;

    @TempDir
    Path dir;

    private String month;

    /** Patient {@code p}'s CPF (valid check digits), name, birth date, card and the CPF again as bare digits. */
    private static String[] patient(int p) {
        int[] d = new int[11];
        String base = String.format("%09d", 123_456_789L + 7_919L * p);
        for (int i = 0; i < 9; i++) {
            d[i] = base.charAt(i) - '0';
        }
        for (int check = 9; check <= 10; check++) {
            int sum = 0;
            for (int i = 0; i < check; i++) {
                sum += d[i] * (check + 1 - i);
            }
            d[check] = sum * 10 % 11 % 10;
        }
        StringBuilder digits = new StringBuilder();
        for (int x : d) {
            digits.append(x);
        }
        String c = digits.toString();
        String cpf = c.substring(0, 3) + "." + c.substring(3, 6) + "." + c.substring(6, 9) + "-" + c.substring(9);
        String birth = String.format("%02d/%02d/%04d", 1 + p % 28, 1 + p % 12, 1935 + (p * 7) % 80);
        return new String[] {cpf, "MARIA DA SILVA " + (char) ('A' + p % 26) + p, birth, "CART" + (900_000 + p), c};
    }

    private Path export() throws IOException {
        ErpSample sample = ErpGenerator.generate(ErpGeneratorConfig.defaults(7).withSegments(2, 2, 2, 1.0));
        month = sample.config().analysedMonth().toString();
        Path csv = dir.resolve("export.csv");
        CsvWriter.write(sample.table(), csv, CsvMapping.reference(), CsvWriteOptions.ptBr());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + ";CPF_PACIENTE;NOME_PACIENTE;DT_NASCIMENTO;CARTEIRINHA;DOC");
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                out.add(lines.get(i) + ";" + String.join(";", patient(i % PATIENTS)));
            }
        }
        Files.write(csv, out, StandardCharsets.UTF_8);
        return csv;
    }

    private String writtenFiles(Path out) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                sb.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    private Path config(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "glosa", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void patientColumnsUnderAnyNameAreNeverWrittenInClearWithAKey() throws IOException {
        Path csv = export();
        Path out = dir.resolve("out");

        CliRun run = CliRun.of(
                "csv",
                "--in",
                csv.toString(),
                "--out",
                out.toString(),
                "--as-of",
                "2026-11-23",
                "--month",
                month,
                "--threads",
                "2",
                "--config",
                config("pseudonymKey: " + KEY + "\n").toString());

        assertThat(run.status).as(run.toString()).isZero();
        String all = writtenFiles(out) + run.out + run.err;
        for (int p = 0; p < PATIENTS; p++) {
            for (String value : patient(p)) {
                assertThat(all).doesNotContain(value);
            }
        }
        assertThat(all)
                .doesNotContain("NOME_PACIENTE=")
                .doesNotContain("DT_NASCIMENTO=")
                .doesNotContain("DOC=");
        assertThat(Files.readString(out.resolve("manifest.json")))
                .contains("CPF_PACIENTE", "NOME_PACIENTE", "DT_NASCIMENTO", "CARTEIRINHA", "\"DOC\"");
    }

    @Test
    void withoutAKeyOrAPolicyTheRunStopsAndSaysWhatToSet() throws IOException {
        assumeTrue(
                System.getenv(WriterOptions.KEY_ENVIRONMENT_VARIABLE) == null,
                "GLOSA_PSEUDONYM_KEY is set in this environment, so a run without a policy pseudonymises");
        Path out = dir.resolve("out");

        CliRun run = CliRun.of(
                "csv",
                "--in",
                export().toString(),
                "--out",
                out.toString(),
                "--as-of",
                "2026-11-23",
                "--month",
                month,
                "--threads",
                "2");

        assertThat(run.status).as(run.toString()).isEqualTo(2);
        assertThat(run.err)
                .contains(
                        "CPF_PACIENTE",
                        "NOME_PACIENTE",
                        "DT_NASCIMENTO",
                        "CARTEIRINHA",
                        "DOC",
                        WriterOptions.KEY_ENVIRONMENT_VARIABLE,
                        "DROP",
                        "KEEP_CLEAR");
        assertThat(out.resolve("fact_glosa.csv")).doesNotExist();
    }

    @Test
    void aMappingDecidesEitherWayWhichColumnsArePersonal() throws IOException {
        Path csv = export();
        String reference = new String(
                CsvMapping.class
                        .getResourceAsStream("/dev/glosa/io/csv/reference-erp.yaml")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        Path mapping = dir.resolve("mapping.yaml");
        Files.writeString(
                mapping,
                reference + "  - {source: CARTEIRINHA, type: category, personal: false}\n"
                        + "  - {source: SETOR_N2_X, type: category, optional: true, personal: true}\n");
        Path out = dir.resolve("out");

        CliRun run = CliRun.of(
                "csv",
                "--in",
                csv.toString(),
                "--mapping",
                mapping.toString(),
                "--out",
                out.toString(),
                "--as-of",
                "2026-11-23",
                "--month",
                month,
                "--threads",
                "2",
                "--config",
                config("pseudonymKey: " + KEY + "\n").toString());

        assertThat(run.status).as(run.toString()).isZero();
        String all = writtenFiles(out);
        assertThat(all).contains(patient(3)[3]).doesNotContain(patient(3)[0]).doesNotContain(patient(3)[1]);
    }
}
