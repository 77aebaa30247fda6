package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.io.tiss.Tabela38;
import dev.glosa.io.tiss.TissGenerator;
import dev.glosa.run.CsvTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glosa tiss --draft-appeal GROUP_ID}: a recursoGlosa draft for one group of the run. */
class TissDraftAppealTests {
    @TempDir
    Path dir;

    @Test
    void theDraftOfAGroupHoldsItsRowsWithTheUsersTexts() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TissGenerator.write(TissGenerator.Spec.of("4.01.00", TissGenerator.Shape.MIXED, 3), bytes);
        // recursoGlosa takes a numeric protocol number; the generator writes P000000001
        String xml =
                bytes.toString(StandardCharsets.ISO_8859_1).replace("<ans:numeroProtocolo>P", "<ans:numeroProtocolo>");
        Path in = dir.resolve("in").resolve("demonstrativo.xml");
        Files.createDirectories(in.getParent());
        Files.writeString(in, xml, StandardCharsets.ISO_8859_1);
        Path config = dir.resolve("glosa.yaml");
        Files.writeString(config, "identifiers: drop\nminSegmentSize: 3\n");
        Path out = dir.resolve("out");
        CliRun first = CliRun.of(
                "tiss",
                "--in",
                in.getParent().toString(),
                "--out",
                out.toString(),
                "--as-of",
                "2026-11-23",
                "--config",
                config.toString());
        assertThat(first.status).as(first.toString()).isZero();
        String cluster = CsvTable.read(out.resolve("fact_glosa.csv")).column("group_id").stream()
                .filter(c -> !c.isEmpty())
                .findFirst()
                .orElseThrow();
        // texts for every code but 1001: 1001 rows, if the group has any, are listed, not invented
        StringBuilder texts = new StringBuilder("codigo;justificativa\n");
        for (Tabela38.Entry e : Tabela38.defaultTable().entries()) {
            if (!e.code().equals("1001")) {
                texts.append(e.code()).append(";Conta conforme contrato e prescrição\n");
            }
        }
        Path justifications = dir.resolve("justificativas.csv");
        Files.writeString(justifications, texts, StandardCharsets.UTF_8);

        CliRun draft = CliRun.of(
                "tiss",
                "--in",
                in.getParent().toString(),
                "--out",
                out.toString(),
                "--as-of",
                "2026-11-23",
                "--config",
                config.toString(),
                "--draft-appeal",
                cluster,
                "--justifications",
                justifications.toString());

        assertThat(draft.status).as(draft.toString()).isZero();
        assertThat(draft.out).contains("appeal draft for " + cluster);
        List<Path> files;
        try (Stream<Path> s = Files.list(out.resolve("appeal-drafts"))) {
            files = s.toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            assertThat(Files.readString(f, StandardCharsets.ISO_8859_1))
                    .contains("<ans:Padrao>4.03.00</ans:Padrao>")
                    .contains("Conta conforme contrato e prescrição")
                    .doesNotContain("<ans:codGlosaItem>1001<");
        }
    }
}
