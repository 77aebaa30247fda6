package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glosa.io.powerbi.HistoryTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder written by glosa 0.1 ({@code dim_cluster.csv}, {@code cluster_id}, {@code algorithm_label},
 * {@code clusters}) goes on with the next week as if 0.2 had written it from the start: same bytes, same group ids.
 * The 0.1 folder is made from a 0.2 one by putting the old names back, which is the whole difference between them.
 */
class LegacyFolderUpgradeTests {
    /** The renames of 0.2 undone, per file: new name to the 0.1 name. */
    private static final Map<String, Map<String, String>> OLD_NAMES = Map.of(
            "fact_glosa.csv", Map.of("group_id", "cluster_id", "group_key", "cluster_key"),
            "dim_group.csv", Map.of("group_id", "cluster_id", "group_key", "cluster_key", "cluster", "algorithm_label"),
            "group_state.csv", Map.of("group_id", "cluster_id", "cluster", "algorithm_label"),
            "dim_segment.csv", Map.of("groups", "clusters"),
            "runs.csv", Map.of("groups", "clusters"));

    @TempDir
    Path dir;

    @Test
    void aFolderWithTheOldNamesIsUpgradedByTheNextRunAndEndsAsAFreshOne() throws IOException {
        Path fresh = dir.resolve("fresh");
        Path legacy = dir.resolve("legacy");
        run(fresh, "2026-11-16");
        run(legacy, "2026-11-16");
        downgrade(legacy);
        assertThat(legacy.resolve("dim_cluster.csv")).exists();

        // a reader sees the current names in the old folder and leaves it as it is
        HistoryTable groups = HistoryTable.read(legacy, "dim_group.csv");
        assertThat(groups.header()).contains("group_id", "group_key", "cluster").doesNotContain("cluster_id");
        assertThat(groups.rows())
                .hasSize(HistoryTable.read(fresh, "dim_group.csv").rows().size());
        assertThat(legacy.resolve("dim_group.csv")).doesNotExist();

        run(fresh, "2026-11-23");
        run(legacy, "2026-11-23");

        assertThat(legacy.resolve("dim_cluster.csv")).doesNotExist();
        for (String file : GoldenOutputTests.FILES) {
            assertThat(normalise(legacy.resolve(file))).as(file).isEqualTo(normalise(fresh.resolve(file)));
        }
        HistoryTable week2 = HistoryTable.readWeek(legacy, "dim_group.csv", "2026-11-23");
        assertThat(week2.rows())
                .anySatisfy(r -> assertThat(week2.get(r, "status")).isEqualTo("kept"));
    }

    private void run(Path out, String asOf) throws IOException {
        Path config = dir.resolve("glosa.yaml");
        Files.writeString(config, GoldenOutputTests.KEY);
        CliRun run = CliRun.of(
                "demo",
                "--source",
                "erp",
                "--rows",
                "600",
                "--seed",
                "7",
                "--out",
                out.toString(),
                "--as-of",
                asOf,
                "--threads",
                "2",
                "--lang",
                "en",
                "--config",
                config.toString());
        assertThat(run.status).as(run.toString()).isZero();
    }

    /** Puts back the names glosa 0.1 wrote: the groups' file and the header of every table that changed. */
    private static void downgrade(Path folder) throws IOException {
        for (Map.Entry<String, Map<String, String>> e : OLD_NAMES.entrySet()) {
            Path file = folder.resolve(e.getKey());
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int eol = text.indexOf("\r\n");
            Map<String, String> renames = new LinkedHashMap<>(e.getValue());
            StringBuilder header = new StringBuilder();
            for (String name : text.substring(0, eol).split(",", -1)) {
                header.append(header.length() == 0 ? "" : ",").append(renames.getOrDefault(name, name));
            }
            Path target = e.getKey().equals("dim_group.csv") ? folder.resolve("dim_cluster.csv") : file;
            Files.writeString(target, header + text.substring(eol), StandardCharsets.UTF_8);
            if (!target.equals(file)) {
                Files.delete(file);
            }
        }
    }

    /** The file without the run's wall-clock times and Java version, as the golden files are compared. */
    private static String normalise(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8)
                .replace(System.getProperty("java.runtime.version"), "<java>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z", "<time>");
    }
}
