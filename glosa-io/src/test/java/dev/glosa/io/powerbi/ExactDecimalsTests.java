package dev.glosa.io.powerbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExactDecimalsTests {
    @TempDir
    Path dir;

    @Test
    void moneyIsRoundedHalfUpToTheCentAndRatesToSixDecimalsInPlainDecimal() {
        assertThat(Decimals.money(2260284.4000000027)).isEqualTo("2260284.4");
        assertThat(Decimals.money(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(Decimals.money(12.345)).isEqualTo("12.35");
        assertThat(Decimals.money(-12.345)).isEqualTo("-12.35");
        assertThat(Decimals.money(1.005)).isEqualTo("1.01");
        assertThat(Decimals.money(-0.004)).isEqualTo("0");
        assertThat(Decimals.money(1e20)).isEqualTo("100000000000000000000");
        assertThat(Decimals.money(123456789012.125)).isEqualTo("123456789012.13");
        assertThat(Decimals.money(20.05)).isEqualTo("20.05");
        assertThat(Decimals.money(Double.NaN)).isEmpty();
        assertThat(Decimals.rate(1.0 / 3)).isEqualTo("0.333333");
        assertThat(Decimals.rate(2.0 / 3)).isEqualTo("0.666667");
        assertThat(Decimals.rate(1.5e-7)).isEqualTo("0");
        assertThat(Decimals.rate(5e-7)).isEqualTo("0.000001");
        assertThat(Decimals.rate(0.25)).isEqualTo("0.25");
        assertThat(Decimals.format(1.0 / 3, Decimals.EXACT)).isEqualTo("0.3333333333333333");
    }

    @Test
    void moneyRatesAndOtherNumbersAreToldApartByName() {
        assertThat(Decimals.of(StarSchemaWriter.FACT_GLOSA, "glosa_amount")).isEqualTo(Decimals.MONEY);
        assertThat(Decimals.of(StarSchemaWriter.RUNS, "naive_glosa_total")).isEqualTo(Decimals.MONEY);
        assertThat(Decimals.of(StarSchemaWriter.DIM_GROUP, "glosa_median")).isEqualTo(Decimals.MONEY);
        assertThat(Decimals.of(StarSchemaWriter.FACT_GLOSA, "glosa_jump")).isEqualTo(Decimals.MONEY);
        assertThat(Decimals.of(StarSchemaWriter.INDICATORS, "glosa_rate_ci_low"))
                .isEqualTo(Decimals.RATE);
        assertThat(Decimals.of(StarSchemaWriter.INDICATORS, "glosa_value_ratio"))
                .isEqualTo(Decimals.RATE);
        assertThat(Decimals.of(StarSchemaWriter.DIM_GROUP, "row_share")).isEqualTo(Decimals.RATE);
        assertThat(Decimals.of(StarSchemaWriter.FACT_GLOSA, "glosa_rate_previous"))
                .isEqualTo(Decimals.RATE);
        assertThat(Decimals.of(StarSchemaWriter.FACT_GLOSA, "separate")).isEqualTo(Decimals.EXACT);
        assertThat(Decimals.of(StarSchemaWriter.DIM_SEGMENT, "quality")).isEqualTo(Decimals.EXACT);
        assertThat(Decimals.of(StarSchemaWriter.FACT_GLOSA, "delta")).isEqualTo(Decimals.EXACT);
        assertThat(Decimals.of(StarSchemaWriter.GROUP_STATE, "glosa_amount")).isEqualTo(Decimals.EXACT);
    }

    @Test
    void everyTableWritesMoneyToTheCentAndRatesToSixDecimalsAsTheManifestSays() throws IOException {
        GlosaTable t = Fixture.table()
                .with(DoubleColumn.of("noisy_amount", 0.1 + 0.2, 2260284.4000000027, 12.345, 0, 0, 0, 0, 0, 0, 0))
                .with(DoubleColumn.of("glosa_rate", 1.0 / 3, 2.0 / 3, 0, 0, 0, 0, 0, 0, 0, 0))
                .with(DoubleColumn.of("ratio", 1.0 / 3, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        WriteJob.write(
                dir,
                Fixture.run(Fixture.WEEK1),
                t,
                Fixture.outcomes(false),
                Fixture.indicators(t),
                WriterOptions.pseudonymise(Fixture.KEY),
                Map.of(),
                WriteJob.Hook.NONE);

        CsvFile fact = CsvFile.read(dir.resolve(StarSchemaWriter.FACT_GLOSA));
        assertThat(fact.column("noisy_amount")).startsWith("0.3", "2260284.4", "12.35");
        assertThat(fact.column("glosa_rate")).startsWith("0.333333", "0.666667");
        // a number that is neither money nor a rate is written exactly, as before
        assertThat(fact.column("ratio").get(0)).isEqualTo("0.3333333333333333");
        assertThat(fact.column("delta")).startsWith("-12.5", "3", "-0.1");
        CsvFile runs = CsvFile.read(dir.resolve(StarSchemaWriter.RUNS));
        assertThat(runs.cell(0, "glosa_total"))
                .isEqualTo(Decimals.money(t.doubles("glosa_amount").sum()));

        // the JSON columns for programs too: reasons' money to the cent, shares and lifts to six decimals
        CsvFile clusters = CsvFile.read(dir.resolve(StarSchemaWriter.DIM_GROUP));
        assertThat(clusters.column("top_reasons_json"))
                .anySatisfy(c -> assertThat(c).contains("\"glosa_amount\":127.73,"))
                .allSatisfy(c -> assertThat(c)
                        .doesNotContainPattern("\"glosa_amount\":-?\\d+\\.\\d{3}")
                        .doesNotContainPattern("\"share\":-?\\d+\\.\\d{7}"));
        assertThat(clusters.column("distinctive_json"))
                .allSatisfy(c -> assertThat(c)
                        .doesNotContainPattern("\"(share_in_group|share_in_segment|lift)\":-?\\d+\\.\\d{7}"));

        JsonNode manifest = new ObjectMapper()
                .readTree(dir.resolve(StarSchemaWriter.MANIFEST).toFile());
        int checked = 0;
        for (JsonNode table : manifest.path("tables")) {
            CsvFile csv = CsvFile.read(dir.resolve(table.path("file").asText()));
            for (JsonNode c : table.path("columns")) {
                String name = c.path("name").asText();
                int expected = Decimals.of(table.path("file").asText(), name);
                if (!"number".equals(c.path("type").asText()) || expected == Decimals.EXACT) {
                    assertThat(c.has("decimals")).as(name).isFalse();
                    continue;
                }
                assertThat(c.path("decimals").asInt()).as(name).isEqualTo(expected);
                Pattern plain = Pattern.compile("-?\\d+(\\.\\d{1," + expected + "})?|");
                for (String cell : csv.column(name)) {
                    assertThat(cell)
                            .as(table.path("file").asText() + " " + name)
                            .matches(plain);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
    }
}
