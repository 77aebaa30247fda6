package dev.glosa.io.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.run.RunOutput;
import dev.glosa.core.run.SideTable;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.TableBuilder;
import dev.glosa.core.text.KeyNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source's side table is written with the run, kept week by week, and listed in the manifest. */
class SideTableTests {
    @TempDir
    Path dir;

    private static SideTable appeals(double amount) {
        TableBuilder b = GlosaTable.builder(2);
        b.category("payer").add("345678").add("=cmd");
        b.doubles("glosa_amount").add(amount).add(0.125);
        b.doubles("appealed_share").add(1.0 / 3).add(Double.NaN);
        return new SideTable("fact_appeal", "operator x week", b.build());
    }

    private static RunOutput output(LocalDate week, SideTable side) {
        GlosaTable t = RunFixture.table();
        return new RunOutput(
                RunFixture.run(week),
                t,
                RunFixture.outcomes(false),
                RunFixture.indicators(t),
                List.of(),
                KeyNames.none(),
                List.of(side));
    }

    @Test
    void aSideTableIsWrittenBesideTheStarSchemaAndAReRunReplacesItsWeek() throws IOException {
        StarSchemaWriter.write(dir, output(RunFixture.WEEK1, appeals(10.004)), RunFixture.options());
        StarSchemaWriter.write(dir, output(RunFixture.WEEK2, appeals(20)), RunFixture.options());
        StarSchemaWriter.write(dir, output(RunFixture.WEEK2, appeals(30)), RunFixture.options());

        List<String> lines = Files.readAllLines(dir.resolve("fact_appeal.csv"), StandardCharsets.UTF_8);
        String run1 = RunFixture.run(RunFixture.WEEK1).runId();
        String run2 = RunFixture.run(RunFixture.WEEK2).runId();
        assertThat(lines)
                .containsExactly(
                        "run_id,as_of,payer,glosa_amount,appealed_share",
                        // money to the cent, shares to six decimals, a formula guarded
                        run1 + "," + RunFixture.WEEK1 + ",345678,10,0.333333",
                        run1 + "," + RunFixture.WEEK1 + ",'=cmd,0.13,",
                        run2 + "," + RunFixture.WEEK2 + ",345678,30,0.333333",
                        run2 + "," + RunFixture.WEEK2 + ",'=cmd,0.13,");
        assertThat(Files.readString(dir.resolve("manifest.json")))
                .contains("\"file\" : \"fact_appeal.csv\"")
                .contains("operator x week");
    }

    @Test
    void aSideTableCannotTakeTheNameOfATableOfTheFolder() {
        for (String name : List.of("fact_glosa", "dim_group", "dim_hospital", "runs", "rejects", "dim_cluster")) {
            SideTable side = new SideTable(name, "x", appeals(1).table());
            assertThatThrownBy(() -> StarSchemaWriter.write(dir, output(RunFixture.WEEK1, side), RunFixture.options()))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a side table is named " + name);
        }
        assertThatThrownBy(() -> new SideTable("Fact Appeal", "x", appeals(1).table()))
                .hasMessageContaining("lower-case letters");
    }
}
