package dev.glosa.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.cluster.features.FeatureSpec;
import dev.glosa.cluster.loop.LoopConfig;
import dev.glosa.core.reconcile.DedupPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunConfigTests {

    private static RunConfig parse(String yaml) {
        return RunConfig.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    @Test
    void theShippedSampleParsesToTheDefaults() throws Exception {
        Path sample = Path.of("..", "examples", "config", "glosa.yaml");
        assertThat(sample).exists();
        RunConfig c = RunConfig.parse(Files.readAllBytes(sample), sample.toString());
        RunConfig d = RunConfig.defaults();
        assertThat(c.segmentKeys()).isEqualTo(d.segmentKeys());
        assertThat(c.strategy()).isEqualTo(d.strategy());
        assertThat(c.kMin()).isEqualTo(d.kMin());
        assertThat(c.kMax()).isEqualTo(d.kMax());
        assertThat(c.seed()).isEqualTo(d.seed());
        assertThat(c.dedupPolicy()).isEqualTo(DedupPolicy.FIRST);
        LoopConfig loop = c.loopConfig(FeatureSpec.reference(), List.of(), 2);
        assertThat(loop.parameters()).containsEntry("restarts", "5");
    }

    @Test
    void featuresOverridesAndRankingAreReadIntoTheLoopConfig() {
        RunConfig c = parse("""
                segmentKeys: [hospital, payer]
                features:
                  - {column: glosa_amount, transform: log1p, missing: median}
                  - {column: I_ITEM_CATEGORIA, encoding: one_hot, top: 3, weight: 0.5}
                strategy: dbscan
                parameters: {minPts: "4"}
                kMin: 3
                kMax: 7
                rankBy: jump
                overrides:
                  - {keys: {hospital: H1}, strategy: kmeans}
                dedup: max_value
                """);
        LoopConfig loop = c.loopConfig(FeatureSpec.reference(), List.of(), 1);
        assertThat(loop.segmentKeys()).containsExactly("hospital", "payer");
        assertThat(loop.features().features()).hasSize(2);
        assertThat(loop.strategy()).isEqualTo("dbscan");
        assertThat(loop.kMin()).isEqualTo(3);
        assertThat(loop.overrides()).hasSize(1);
        assertThat(loop.profile().rankBy().name()).isEqualTo("JUMP");
        assertThat(c.dedupPolicy()).isEqualTo(DedupPolicy.MAX_VALUE);
    }

    @Test
    void mistakesAreNamedOnOneLine() {
        assertThatThrownBy(() -> parse("seed: 1\nkmax: 3\n"))
                .hasMessageContaining("test.yaml:2: unknown setting 'kmax'");
        assertThatThrownBy(() -> parse("kMin: lots\n")).hasMessageContaining("test.yaml:1");
        assertThatThrownBy(() -> parse("rankBy: fame\n").loopConfig(FeatureSpec.reference(), List.of(), 1))
                .hasMessageContaining("rankBy must be glosa or jump, found 'fame'");
        assertThatThrownBy(() -> parse("features: [{column: x, encoding: hashing}]\n")
                        .loopConfig(FeatureSpec.reference(), List.of(), 1))
                .hasMessageContaining("encoding of feature x must be one of [one_hot, frequency]");
        assertThatThrownBy(() -> parse("dedup: newest\n").dedupPolicy()).hasMessageContaining("dedup must be one of");
    }

    @Test
    void fingerprintDependsOnTheSettingsNotOnTheirWritingNorTheKey() {
        String a = parse("seed: 7\nkMax: 9\n").fingerprint();
        assertThat(parse("kMax: 9   # fewer groups\nseed: 7\n").fingerprint()).isEqualTo(a);
        assertThat(parse("seed: 7\nkMax: 9\npseudonymKey: a-secret-key-of-some-length\n")
                        .fingerprint())
                .isEqualTo(a);
        assertThat(parse("seed: 8\nkMax: 9\n").fingerprint()).isNotEqualTo(a);
        assertThat(parse("").fingerprint())
                .isEqualTo(RunConfig.defaults().fingerprint())
                .matches("[0-9a-f]{64}");
        assertThat(parse("pseudonymKey: a-secret-key-of-some-length\n").toString())
                .doesNotContain("secret");
    }

    @Test
    void emptyFileMeansDefaults() {
        assertThat(parse("")).isEqualTo(RunConfig.defaults());
    }
}
