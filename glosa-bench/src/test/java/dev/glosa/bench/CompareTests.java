package dev.glosa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Compare run --task T} runs one group and writes its own file, which {@code compare.sh} merges. */
class CompareTests {

    @Test
    void oneTaskGroupWritesOnlyItsOwnFigures(@TempDir Path dir) throws Exception {
        Compare.export(dir, Compare.Sizes.QUICK);
        Compare.run(dir, Compare.Sizes.QUICK, List.of("criteria"), "glosa-criteria");

        String json = Files.readString(dir.resolve("glosa-criteria.json"));
        assertThat(json).contains("\"davies_bouldin_ms\"", "\"silhouette_exact_score\"", "\"java\"");
        assertThat(json).doesNotContain("kmeans_ms", "loop_", "dbscan_ms");
        assertThat(dir.resolve("glosa.json")).doesNotExist();
    }

    @Test
    void theGroupsAreTheOnesCompareShRunsInOrder() throws Exception {
        String script = Files.readString(Path.of("compare.sh"));
        assertThat(script).contains("for task in " + String.join(" ", Compare.TASKS) + "; do");
    }
}
