package dev.glosa.io.powerbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Power Query scripts in the repository's {@code powerbi/} folder list exactly the columns the writer writes. */
class PowerQueryScriptsTests {
    private static final Pattern PAIR = Pattern.compile("\\{\"([^\"]+)\", \"([a-z]+)\"\\}");

    static Path powerbiFolder() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("powerbi").resolve("GlosaCsv.pq"))
                    && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p.resolve("powerbi");
            }
        }
        throw new AssertionError("no powerbi/GlosaCsv.pq above " + Paths.get("").toAbsolutePath());
    }

    private static List<ColumnSpec> fixed(String table) {
        return switch (table) {
            case "fact_glosa" -> Schema.FACT;
            case "dim_segment" -> Schema.segmentFixed();
            case "dim_group" -> Schema.GROUP;
            case "indicators" -> Schema.INDICATORS;
            case "runs" -> Schema.RUNS;
            default -> DimensionTables.columns(table + ".csv");
        };
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "fact_glosa",
                "dim_segment",
                "dim_group",
                "indicators",
                "runs",
                "dim_hospital",
                "dim_payer",
                "dim_glosa_type",
                "dim_date",
                "dim_run"
            })
    void eachScriptListsTheWritersColumnsAndTypes(String table) throws IOException {
        String script = Files.readString(powerbiFolder().resolve(table + ".pq"));
        assertThat(script).contains("GlosaCsv(\"" + table + ".csv\"");
        List<String> listed = new ArrayList<>();
        Matcher m = PAIR.matcher(script);
        while (m.find()) {
            listed.add(m.group(1) + ":" + m.group(2));
        }
        List<String> expected = new ArrayList<>();
        for (ColumnSpec c : fixed(table)) {
            expected.add(c.name() + ":" + c.type().id);
        }
        assertThat(listed).isEqualTo(expected);
    }

    @Test
    void everyTableAndColumnTheMeasuresNameIsOneTheWriterWrites() throws IOException {
        String dax = Files.readString(powerbiFolder().resolve("measures.dax"));
        Matcher m = Pattern.compile("\\b([a-z_]+)\\[([A-Za-z_0-9]+)\\]").matcher(dax);
        List<String> named = new ArrayList<>();
        while (m.find()) {
            String table = m.group(1);
            List<String> columns = Schema.names(fixed(table));
            assertThat(columns).as("%s[%s] in measures.dax", table, m.group(2)).contains(m.group(2));
            named.add(table);
        }
        // the measures read the facts, the groups, the indicators and the run dimension; every dimension is related
        assertThat(named)
                .contains(
                        "fact_glosa",
                        "dim_group",
                        "indicators",
                        "dim_run",
                        "dim_hospital",
                        "dim_payer",
                        "dim_glosa_type",
                        "dim_date");
        // every measure defaults to the latest week
        assertThat(dax).contains("dim_run[latest] = \"true\"");
        assertThat(DimensionTables.FILES)
                .allSatisfy(f -> assertThat(Files.exists(powerbiFolder().resolve(f.replace(".csv", ".pq"))))
                        .as(f)
                        .isTrue());
    }

    @Test
    void theReaderFunctionKnowsEveryTypeAndUsesCultureEnUs() throws IOException {
        String fn = Files.readString(powerbiFolder().resolve("GlosaCsv.pq"));
        for (CellType t : CellType.values()) {
            assertThat(fn).contains("\"" + t.id + "\"");
        }
        assertThat(fn)
                .contains("\"en-US\")")
                .contains("Encoding = 65001")
                .contains("QuoteStyle.Csv")
                .contains("manifest.json");
    }

    @Test
    void theOneFileForTheWholeFolderHasEveryTablesListAndTheReaderFunction() throws IOException {
        String one = Files.readString(powerbiFolder().resolve("glosa.pq"));
        List<String> tables = List.of(
                "fact_glosa",
                "dim_segment",
                "dim_group",
                "indicators",
                "runs",
                "dim_hospital",
                "dim_payer",
                "dim_glosa_type",
                "dim_date",
                "dim_run",
                "fact_appeal",
                "appeal_pending",
                "fact_appeal_group");
        for (String table : tables) {
            Matcher entry =
                    Pattern.compile("\\{\"" + table + "\", \\{(.*)\\}\\},?\n").matcher(one);
            assertThat(entry.find()).as(table + " in glosa.pq").isTrue();
            List<String> inOne = new ArrayList<>();
            Matcher m = PAIR.matcher(entry.group(1));
            while (m.find()) {
                inOne.add(m.group(1) + ":" + m.group(2));
            }
            List<String> inScript = new ArrayList<>();
            Matcher s = PAIR.matcher(Files.readString(powerbiFolder().resolve(table + ".pq")));
            while (s.find()) {
                inScript.add(s.group(1) + ":" + s.group(2));
            }
            assertThat(inOne)
                    .as(table + ": glosa.pq and " + table + ".pq (run powerbi/make_glosa_pq.py)")
                    .isEqualTo(inScript);
        }
        // the reader function is GlosaCsv.pq's, line for line
        for (String line : Files.readAllLines(powerbiFolder().resolve("GlosaCsv.pq"))) {
            if (!line.startsWith("//") && !line.isBlank()) {
                assertThat(one).as("GlosaCsv.pq line in glosa.pq").contains(line.strip());
            }
        }
        assertThat(one).contains("FolderPath").contains("NavigationTable.NameColumn");
        // fact_appeal_group relates to dim_group by the key both scripts build the same way
        String key = "[run_id] & \":\" & [segment_id] & \":\" & [group_id]";
        assertThat(one).contains(key);
        assertThat(Files.readString(powerbiFolder().resolve("fact_appeal_group.pq")))
                .contains(key);
    }

    @Test
    void theReadmeNamesEveryTableAndScript() throws IOException {
        String readme = Files.readString(powerbiFolder().resolve("README.md"));
        for (String file : StarSchemaWriterTests.TABLES) {
            assertThat(readme).contains(file).contains(file.replace(".csv", ".pq"));
        }
        assertThat(readme).contains("GlosaFolder").contains("GlosaCsv.pq").contains("manifest.json");
    }
}
