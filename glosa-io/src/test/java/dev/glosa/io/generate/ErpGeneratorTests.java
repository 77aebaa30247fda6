package dev.glosa.io.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErpGeneratorTests {

    private static final ErpSample DEFAULT = ErpGenerator.generate(ErpGeneratorConfig.defaults(7));

    private static final String[] LINE_DIMENSIONS = {
        "hospital",
        "REGIONAL",
        "I_ITEM_CATEGORIA",
        "SETOR_N1",
        "SETOR_N2",
        "TIPO_GRUPO",
        "TIPO_ATENDIMENTO",
        "payer",
        "glosa_type"
    };

    private static String key(GlosaTable t, int row, String... columns) {
        StringBuilder sb = new StringBuilder();
        for (String c : columns) {
            sb.append(t.column(c).text(row)).append('|');
        }
        return sb.toString();
    }

    /** The analysed rows of each segment, in table order. */
    private static Map<String, List<Integer>> segments(ErpSample s) {
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        GlosaTable t = s.table();
        for (int r = s.firstAnalysedRow(); r < t.rowCount(); r++) {
            m.computeIfAbsent(key(t, r, "hospital", "payer", "glosa_type"), k -> new ArrayList<>())
                    .add(r);
        }
        return m;
    }

    /** The four reference features of {@code row}: glosa, rate, jump in value, jump in rate. */
    private static double[] features(GlosaTable t, int row) {
        double g = t.doubles(Role.GLOSA_AMOUNT).get(row);
        double b = t.doubles(Role.BILLED_AMOUNT).get(row);
        double gp = t.doubles("glosa_previous").get(row);
        double bp = t.doubles("billed_previous").get(row);
        double rate = b == 0 ? 0 : g / b;
        double ratePrev = bp == 0 ? 0 : gp / bp;
        return new double[] {g, rate, g - gp, rate - ratePrev};
    }

    @Test
    void sameSeedGivesIdenticalTablesAndLabels() {
        ErpSample again = ErpGenerator.generate(ErpGeneratorConfig.defaults(7));
        SihGeneratorTests.assertSameTable(DEFAULT.table(), again.table());
        assertThat(again.plantedGroups()).isEqualTo(DEFAULT.plantedGroups());
        assertThat(again).isNotSameAs(DEFAULT);
        ErpSample other = ErpGenerator.generate(ErpGeneratorConfig.defaults(8));
        assertThat(other.table().doubles(Role.GLOSA_AMOUNT).get(0))
                .isNotEqualTo(DEFAULT.table().doubles(Role.GLOSA_AMOUNT).get(0));
    }

    @Test
    void tableHasTheReferenceShapeWithCanonicalRoleNames() {
        GlosaTable t = DEFAULT.table();
        assertThat(t.columnNames())
                .containsExactly(
                        "competence",
                        "hospital",
                        "REGIONAL",
                        "I_ITEM_CATEGORIA",
                        "SETOR_N1",
                        "SETOR_N2",
                        "TIPO_GRUPO",
                        "TIPO_ATENDIMENTO",
                        "payer",
                        "glosa_type",
                        "billed_amount",
                        "glosa_amount",
                        "billed_previous",
                        "glosa_previous",
                        "QTD_LINHAS_GLOSA");
        assertThat(t.column("competence").type()).isEqualTo(ColumnType.MONTH);
        assertThat(t.column("QTD_LINHAS_GLOSA").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(t.category("I_ITEM_CATEGORIA").dictionary()).contains("MATERIAL", "MEDICAMENTO", "DIÁRIA");
        assertThat(t.category(Role.GLOSA_TYPE).cardinality()).isEqualTo(4);
        assertThat(t.months(Role.COMPETENCE).get(t.rowCount() - 1)).isEqualTo(YearMonth.of(2025, 1));
        assertThat(t.months(Role.COMPETENCE).get(DEFAULT.firstAnalysedRow())).isEqualTo(YearMonth.of(2025, 1));
        assertThat(t.months(Role.COMPETENCE).get(DEFAULT.firstAnalysedRow() - 1))
                .isEqualTo(YearMonth.of(2024, 12));
        int lines = t.rowCount() - DEFAULT.firstAnalysedRow();
        assertThat(t.rowCount()).isEqualTo(lines * 13);
        for (int r = 0; r < t.rowCount(); r++) {
            assertThat(DEFAULT.plantedGroup(r) >= 0).isEqualTo(r >= DEFAULT.firstAnalysedRow());
            assertThat(t.doubles(Role.GLOSA_AMOUNT).get(r))
                    .isPositive()
                    .isLessThan(t.doubles(Role.BILLED_AMOUNT).get(r));
            assertThat(t.doubles("QTD_LINHAS_GLOSA").get(r)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void previousMonthColumnsHoldWhatTheSameLineHadTheMonthBefore() {
        GlosaTable t = DEFAULT.table();
        Map<String, double[]> byLineMonth = new HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            byLineMonth.put(
                    key(t, r, LINE_DIMENSIONS) + t.months(Role.COMPETENCE).index(r), new double[] {
                        t.doubles(Role.BILLED_AMOUNT).get(r),
                        t.doubles(Role.GLOSA_AMOUNT).get(r)
                    });
        }
        int checked = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            double[] prev = byLineMonth.get(
                    key(t, r, LINE_DIMENSIONS) + (t.months(Role.COMPETENCE).index(r) - 1));
            if (prev != null) {
                assertThat(t.doubles("billed_previous").get(r)).isEqualTo(prev[0]);
                assertThat(t.doubles("glosa_previous").get(r)).isEqualTo(prev[1]);
                checked++;
            } else {
                assertThat(t.months(Role.COMPETENCE).get(r)).isEqualTo(YearMonth.of(2024, 1));
            }
        }
        assertThat(checked).isEqualTo(t.rowCount() / 13 * 12);
    }

    @Test
    void everySegmentHasTwoToSixPlantedGroupsOfAtLeastFourDistinctLines() {
        Map<String, List<Integer>> segments = segments(DEFAULT);
        // 6 x 8 x 4 = 192 combinations, 80% present.
        assertThat(segments.size()).isBetween(130, 175);
        Set<Integer> ks = new HashSet<>();
        GlosaTable t = DEFAULT.table();
        for (List<Integer> rows : segments.values()) {
            int[] sizes = new int[16];
            Set<String> lines = new HashSet<>();
            for (int r : rows) {
                sizes[DEFAULT.plantedGroup(r)]++;
                assertThat(lines.add(key(t, r, LINE_DIMENSIONS))).isTrue();
            }
            int k = 0;
            while (k < sizes.length && sizes[k] > 0) {
                assertThat(sizes[k]).isGreaterThanOrEqualTo(4);
                k++;
            }
            assertThat(k).isBetween(2, 6);
            ks.add(k);
            assertThat(rows.size()).isBetween(20, 60);
        }
        assertThat(ks).containsExactlyInAnyOrder(2, 3, 4, 5, 6);
    }

    @Test
    void plantedGroupsAreWellSeparatedAfterZScoringInsideEachSegment() {
        GlosaTable t = DEFAULT.table();
        double worstRatio = Double.POSITIVE_INFINITY;
        for (List<Integer> rows : segments(DEFAULT).values()) {
            int n = rows.size();
            double[][] x = new double[n][];
            for (int i = 0; i < n; i++) {
                x[i] = features(t, rows.get(i));
            }
            for (int d = 0; d < 4; d++) {
                double mean = 0;
                for (double[] v : x) {
                    mean += v[d];
                }
                mean /= n;
                double var = 0;
                for (double[] v : x) {
                    var += (v[d] - mean) * (v[d] - mean);
                }
                double sd = Math.sqrt(var / n);
                for (double[] v : x) {
                    v[d] = (v[d] - mean) / sd;
                }
            }
            int k = 0;
            for (int r : rows) {
                k = Math.max(k, DEFAULT.plantedGroup(r) + 1);
            }
            double[][] centroid = new double[k][4];
            int[] size = new int[k];
            for (int i = 0; i < n; i++) {
                int g = DEFAULT.plantedGroup(rows.get(i));
                size[g]++;
                for (int d = 0; d < 4; d++) {
                    centroid[g][d] += x[i][d];
                }
            }
            for (int g = 0; g < k; g++) {
                for (int d = 0; d < 4; d++) {
                    centroid[g][d] /= size[g];
                }
            }
            double maxWithin = 0;
            for (int i = 0; i < n; i++) {
                int g = DEFAULT.plantedGroup(rows.get(i));
                double own = dist(x[i], centroid[g]);
                maxWithin = Math.max(maxWithin, own);
                for (int o = 0; o < k; o++) {
                    if (o != g) {
                        assertThat(dist(x[i], centroid[o])).isGreaterThan(own);
                    }
                }
            }
            double minBetween = Double.POSITIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                for (int b = a + 1; b < k; b++) {
                    minBetween = Math.min(minBetween, dist(centroid[a], centroid[b]));
                }
            }
            worstRatio = Math.min(worstRatio, minBetween / maxWithin);
        }
        assertThat(worstRatio).isGreaterThan(2.0);
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += (a[d] - b[d]) * (a[d] - b[d]);
        }
        return Math.sqrt(s);
    }

    @Test
    void aWiderSpreadMakesGroupsOverlapButKeepsAmountsAndRatesPositive() {
        ErpSample wide = ErpGenerator.generate(ErpGeneratorConfig.defaults(7).withGroupSpread(0.3));
        GlosaTable t = wide.table();
        int misplaced = 0;
        for (List<Integer> rows : segments(wide).values()) {
            int k = 0;
            for (int r : rows) {
                k = Math.max(k, wide.plantedGroup(r) + 1);
            }
            double[][] centroid = new double[k][4];
            int[] size = new int[k];
            for (int r : rows) {
                double[] f = features(t, r);
                size[wide.plantedGroup(r)]++;
                for (int d = 0; d < 4; d++) {
                    centroid[wide.plantedGroup(r)][d] += f[d];
                }
            }
            for (int g = 0; g < k; g++) {
                for (int d = 0; d < 4; d++) {
                    centroid[g][d] /= size[g];
                }
            }
            for (int r : rows) {
                double[] f = features(t, r);
                double own = dist(f, centroid[wide.plantedGroup(r)]);
                for (int g = 0; g < k; g++) {
                    if (dist(f, centroid[g]) < own) {
                        misplaced++;
                        break;
                    }
                }
            }
        }
        assertThat(misplaced).isGreaterThan(0);
        for (int r = 0; r < t.rowCount(); r++) {
            assertThat(t.doubles(Role.GLOSA_AMOUNT).get(r)).isPositive();
            assertThat(t.doubles("glosa_previous").get(r)).isPositive();
            assertThat(t.doubles("billed_previous").get(r))
                    .isGreaterThan(t.doubles("glosa_previous").get(r));
        }
    }

    @Test
    void heavyTailsScaleEachLineByOneFactorKeepRatesAndMarkAboutTheShareOfExtremeLines() {
        ErpGeneratorConfig light = ErpGeneratorConfig.defaults(7);
        ErpSample heavy = ErpGenerator.generate(
                light.withHeavyTails(ErpGeneratorConfig.HEAVY_LOG_NOISE, ErpGeneratorConfig.HEAVY_EXTREME_SHARE));
        // without the mode nothing is marked, and no random number is drawn for it: the tables are as before
        assertThat(DEFAULT.extreme()).doesNotContain(true);
        GlosaTable t = heavy.table();
        var glosa = t.doubles(Role.GLOSA_AMOUNT);
        var billed = t.doubles(Role.BILLED_AMOUNT);
        int lines = t.rowCount() - heavy.firstAnalysedRow();
        int extreme = 0;
        double[] logGlosa = new double[lines];
        for (int i = 0; i < lines; i++) {
            int row = heavy.firstAnalysedRow() + i;
            double rate = glosa.get(row) / billed.get(row);
            assertThat(rate).isBetween(0.05, 0.6); // the planted rate, untouched by the factors
            extreme += heavy.isExtreme(row) ? 1 : 0;
            logGlosa[i] = Math.log(glosa.get(row));
            // a line is extreme in every month or in none
            assertThat(heavy.isExtreme(row % lines)).isEqualTo(heavy.isExtreme(row));
        }
        assertThat((double) extreme / lines).isBetween(0.01, 0.03);
        double max = java.util.Arrays.stream(logGlosa).max().orElseThrow();
        double median = java.util.Arrays.stream(logGlosa).sorted().toArray()[lines / 2];
        assertThat(Math.exp(max - median))
                .as("the largest glosa over the median")
                .isGreaterThan(30);
        assertThatThrownBy(() -> light.withHeavyTails(0.3, 0.5)).hasMessageContaining("extremeShare");
        assertThatThrownBy(() -> light.withHeavyTails(-0.1, 0.02)).hasMessageContaining("logNoise");
    }

    @Test
    void sizesRangeFromAThousandRowsToMillions() {
        ErpGeneratorConfig small = ErpGeneratorConfig.defaults(3)
                .withSegments(2, 2, 2, 1.0)
                .withGroups(12, 2, 3, 3)
                .withMonths(YearMonth.of(2024, 1), 10);
        ErpSample s = ErpGenerator.generate(small);
        assertThat(s.table().rowCount()).isBetween(500, 1500);

        ErpGeneratorConfig big = ErpGeneratorConfig.defaults(3)
                .withSegments(20, 12, 4, 1.0)
                .withGroups(80, 2, 6, 4)
                .withMonths(YearMonth.of(2024, 1), 13);
        long t0 = System.nanoTime();
        ErpSample b = ErpGenerator.generate(big);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(b.table().rowCount()).isGreaterThan(900_000);
        assertThat(ms).isLessThan(20_000);
    }

    @Test
    void sampleCopiesLabelsAndCanAddThemAsAColumn() {
        int[] labels = DEFAULT.plantedGroups();
        labels[labels.length - 1] = 99;
        assertThat(DEFAULT.plantedGroup(labels.length - 1)).isNotEqualTo(99);
        GlosaTable withLabels = DEFAULT.tableWithPlantedGroups();
        assertThat(withLabels.doubles("planted_group").get(DEFAULT.firstAnalysedRow()))
                .isEqualTo(DEFAULT.plantedGroup(DEFAULT.firstAnalysedRow()));
        assertThat(withLabels.doubles("planted_group").isMissing(0)).isTrue();
    }

    @Test
    void configurationRejectsOutOfRangeValuesNamingThem() {
        ErpGeneratorConfig d = ErpGeneratorConfig.defaults(1);
        assertThatThrownBy(() -> d.withSegments(0, 1, 1, 1))
                .hasMessageContaining("hospitals")
                .hasMessageContaining("found 0");
        assertThatThrownBy(() -> d.withSegments(1, 1, 5, 1)).hasMessageContaining("glosaTypes");
        assertThatThrownBy(() -> d.withSegments(1, 1, 1, 0)).hasMessageContaining("segmentShare");
        assertThatThrownBy(() -> d.withGroups(40, 4, 3, 2)).hasMessageContaining("maxGroups");
        assertThatThrownBy(() -> d.withGroups(10, 2, 6, 4))
                .hasMessageContaining("linesPerSegment")
                .hasMessageContaining("24");
        assertThatThrownBy(() -> d.withMonths(YearMonth.of(2024, 1), 1)).hasMessageContaining("months");
        assertThatThrownBy(() -> d.withGroupSpread(0)).hasMessageContaining("groupSpread");
        assertThat(d.analysedMonth()).isEqualTo(YearMonth.of(2025, 1));
    }
}
