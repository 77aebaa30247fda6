package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.io.generate.SihFileSet;
import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.io.tiss.TissGenerator;
import dev.glosa.run.CsvTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's answers to the mistakes a hostile or hurried user makes: every one is refused with a sentence
 * (exit 2) before any data is read where it can be, never run through silently, never an exception's class name.
 */
class TrustCliTests {
    static final String KEY = "pseudonymKey: a-key-of-sixteen-chars-or-more\n";

    @TempDir
    static Path shared;

    static SihFileSet sih;

    @TempDir
    Path dir;

    @BeforeAll
    static void sihFiles() throws IOException {
        sih = SihFiles.write(
                SihGenerator.generate(SihGeneratorConfig.defaults(11).withTotalClaims(1500)), shared.resolve("sih"));
    }

    private List<String> sus(Path out, boolean withEr) {
        List<String> args =
                new ArrayList<>(List.of("sus", "--out", out.toString(), "--as-of", "2026-11-23", "--threads", "2"));
        args.add("--rd");
        sih.rd().forEach(p -> args.add(p.toString()));
        args.add("--rj");
        sih.rj().forEach(p -> args.add(p.toString()));
        if (withEr) {
            args.add("--er");
            sih.er().forEach(p -> args.add(p.toString()));
        }
        return args;
    }

    private Path config(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "glosa", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static CliRun run(List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertRefused(CliRun run, String... phrases) {
        assertThat(run.status).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains(phrases).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void theSameFileGivenTwiceIsRefusedAndNamed() throws IOException {
        List<String> args = sus(dir.resolve("out"), true);
        args.addAll(List.of("--config", config(KEY).toString()));
        int rd = args.indexOf("--rd");
        args.add(rd + 1, sih.rd().get(0).toString());
        assertRefused(run(args), "is given twice", sih.rd().get(0).getFileName().toString(), "counted twice");
        assertThat(dir.resolve("out").resolve("fact_glosa.csv")).doesNotExist();

        Path copy = dir.resolve("copia.dbc");
        Files.copy(sih.rd().get(0), copy);
        List<String> renamed = sus(dir.resolve("out"), true);
        renamed.addAll(List.of("--config", config(KEY).toString()));
        renamed.add(renamed.indexOf("--rd") + 1, copy.toString());
        assertRefused(run(renamed), "copia.dbc", "has the same content as", "SHA-256");
    }

    @Test
    void susWithoutErRunsAndSaysTheGlosaTypeIsUnknown() throws IOException {
        Path out = dir.resolve("out");
        List<String> args = sus(out, false);
        args.addAll(List.of("--config", config(KEY).toString()));
        CliRun run = run(args);
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(run.err).contains("no ER files given").contains("without error code");
        CsvTable fact = CsvTable.read(out.resolve("fact_glosa.csv"));
        List<String> rejectedTypes = new ArrayList<>();
        for (List<String> r : fact.rows()) {
            if (r.get(fact.col("situation")).startsWith("A")
                    || r.get(fact.col("situation")).startsWith("B")) {
                rejectedTypes.add(r.get(fact.col("glosa_type")));
            }
        }
        assertThat(rejectedTypes).isNotEmpty().containsOnly("without error code");
    }

    @Test
    void aConfigurationErrorComesBeforeAnyInputIsRead() throws IOException {
        Path missing = dir.resolve("nao-existe.csv");
        assertRefused(
                CliRun.of(
                        "csv",
                        "--in",
                        missing.toString(),
                        "--out",
                        dir.resolve("o").toString(),
                        "--config",
                        config("strategy: magic\n").toString()),
                "magic");
        assertRefused(
                CliRun.of(
                        "csv",
                        "--in",
                        missing.toString(),
                        "--out",
                        dir.resolve("o").toString(),
                        "--config",
                        config("seed: 1\nseed: 2\n").toString()),
                "seed");
        assertRefused(
                CliRun.of(
                        "csv",
                        "--in",
                        missing.toString(),
                        "--out",
                        dir.resolve("o").toString(),
                        "--config",
                        config("seed: 1.5\n").toString()),
                "1.5");
        assertRefused(
                CliRun.of(
                        "csv",
                        "--in",
                        missing.toString(),
                        "--out",
                        dir.resolve("o").toString(),
                        "--config",
                        config("features:\n  - column: glosa_amount\n    weight: -1\n")
                                .toString()),
                "weight of feature glosa_amount must be a positive number");
        assertRefused(
                CliRun.of(
                        "csv",
                        "--in",
                        missing.toString(),
                        "--out",
                        dir.resolve("o").toString(),
                        "--config",
                        config("overrides:\n  - keys: {hospitl: '2001'}\n    kMax: 4\n")
                                .toString()),
                "'hospitl', which is not a segment key");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void theIdentifierChoiceIsCheckedBeforeSihFilesAreRead() throws IOException {
        // A damaged RD file would fail its read; the missing identifier choice is reported first.
        Path damaged = dir.resolve("RDXX2101.dbc");
        Files.write(damaged, new byte[] {3, 1, 2, 3, 0, 0, 0, 0});
        List<String> args = new ArrayList<>(List.of(
                "sus",
                "--out",
                dir.resolve("out").toString(),
                "--rd",
                damaged.toString(),
                "--rj",
                sih.rj().get(0).toString()));
        assertRefused(run(args), "identify patients", "GLOSA_PSEUDONYM_KEY");
    }

    @Test
    void anEmptyOutputFolderNameIsRefused() {
        assertRefused(CliRun.of("demo", "--rows", "500", "--out", ""), "--out is empty");
    }

    @Test
    void anImpossibleAsOfDateIsASentence() {
        assertRefused(
                CliRun.of("demo", "--rows", "500", "--out", dir.toString(), "--as-of", "+99999-01-01"),
                "--as-of must be a date between 1990-01-01 and 2999-12-31",
                "+99999-01-01");
    }

    @Test
    void controlCharactersFromTheInputNeverReachTheTerminal() {
        CliRun run = CliRun.of("demo", "--rows", "500", "--out", dir.toString(), "--as-of", "2026\u0000\u001b[2J");
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("\\u0000").contains("\\u001b[2J");
        assertThat(run.err.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r'))
                .isEmpty();
    }

    @Test
    void tissWithNoFilesIsRefusedNotAnEmptyWeek() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("vazio"));
        Files.writeString(empty.resolve("leia-me.txt"), "nada aqui");
        Path out = dir.resolve("out");
        assertRefused(
                CliRun.of(
                        "tiss",
                        "--in",
                        empty.toString(),
                        "--out",
                        out.toString(),
                        "--config",
                        config("identifiers: drop\n").toString()),
                "no TISS files (.xml) found",
                "vazio");
        assertThat(out.resolve("runs.csv")).doesNotExist();
    }

    @Test
    void aTissFileOfAnotherNamespaceIsRefusedAndAnUnknownVersionWarned() throws IOException {
        Path other = dir.resolve("outro.xml");
        Files.writeString(
                other,
                "<?xml version=\"1.0\"?><m:mensagemTISS xmlns:m=\"urn:example:not-tiss\">"
                        + "<m:cabecalho><m:Padrao>4.01.00</m:Padrao></m:cabecalho></m:mensagemTISS>",
                StandardCharsets.UTF_8);
        assertRefused(
                CliRun.of(
                        "tiss",
                        "--in",
                        other.toString(),
                        "--out",
                        dir.resolve("o").toString(),
                        "--config",
                        config("identifiers: drop\n").toString()),
                "outro.xml",
                "not a TISS message",
                "urn:example:not-tiss");

        Path future = dir.resolve("futuro.xml");
        try (OutputStream os = Files.newOutputStream(future)) {
            TissGenerator.write(TissGenerator.Spec.of("4.01.00", TissGenerator.Shape.MIXED, 3), os);
        }
        Files.writeString(
                future,
                Files.readString(future, StandardCharsets.ISO_8859_1).replace(">4.01.00<", ">9.00.00<"),
                StandardCharsets.ISO_8859_1);
        CliRun run = CliRun.of(
                "tiss",
                "--in",
                future.toString(),
                "--out",
                dir.resolve("o2").toString(),
                "--as-of",
                "2026-11-23",
                "--config",
                config("identifiers: drop\nminSegmentSize: 3\n").toString());
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(run.err).contains("TISS version 9.00.00 is not one glosa was checked against");
    }

    @Test
    void inspectOfAFolderNamesTheFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("pasta"));
        CliRun run = CliRun.of("inspect", folder.toString());
        assertRefused(run, folder.toString() + ": is a folder");
    }

    @Test
    void anOverrideThatMatchesNoSegmentIsNamed() throws IOException {
        CliRun run = CliRun.of(
                "demo",
                "--rows",
                "2000",
                "--out",
                dir.resolve("out").toString(),
                "--as-of",
                "2026-11-23",
                "--config",
                config("overrides:\n  - segment: S000000000000\n    kMax: 4\n").toString());
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(run.err).contains("override of segment S000000000000 matches no segment");
    }
}
