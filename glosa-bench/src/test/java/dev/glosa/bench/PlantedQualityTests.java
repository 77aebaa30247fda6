package dev.glosa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Holds the loop's defaults to the targets docs/quality.md reports, on the ERP generator's planted segments with
 * light and heavy tails (one of {@link PlantedQuality}'s seeds, about 320 segments each), against the reference
 * approach measured the same way.
 */
class PlantedQualityTests {
    private static final int THREADS = 2;

    @Test
    void heavyTailsTheDefaultsFindThePlantedGroupsAndSetTheExtremeLinesAside() {
        PlantedQuality.Planted heavy = PlantedQuality.planted(PlantedQuality.SEEDS[0], true);
        PlantedQuality.Figures byDefault = PlantedQuality.score(heavy, PlantedQuality.defaults(THREADS));
        PlantedQuality.Figures reference = PlantedQuality.score(heavy, PlantedQuality.reference(THREADS));
        assertThat(byDefault.kShare())
                .as("defaults %s, reference %s", byDefault, reference)
                .isGreaterThanOrEqualTo(0.70)
                .isGreaterThan(reference.kShare() + 0.3);
        assertThat(byDefault.meanAri()).isGreaterThanOrEqualTo(0.92).isGreaterThan(reference.meanAri());
        assertThat((double) byDefault.extremeAside() / byDefault.extreme()).isGreaterThanOrEqualTo(0.90);
        assertThat((double) byDefault.normalAside() / byDefault.normal()).isLessThanOrEqualTo(0.01);
    }

    @Test
    void wellSeparatedTheDefaultsFindThePlantedGroupsAndSetNothingAside() {
        PlantedQuality.Planted light = PlantedQuality.planted(PlantedQuality.SEEDS[0], false);
        PlantedQuality.Figures byDefault = PlantedQuality.score(light, PlantedQuality.defaults(THREADS));
        assertThat(byDefault.kShare()).as("%s", byDefault).isGreaterThanOrEqualTo(0.95);
        assertThat(byDefault.meanAri()).isGreaterThanOrEqualTo(0.95);
        assertThat(byDefault.extreme()).isZero();
        assertThat(byDefault.normalAside()).isZero();
    }
}
