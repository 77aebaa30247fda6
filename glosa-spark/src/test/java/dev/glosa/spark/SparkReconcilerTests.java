package dev.glosa.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.indicator.Indicators;
import dev.glosa.core.reconcile.DedupPolicy;
import dev.glosa.core.reconcile.ReconcileOptions;
import dev.glosa.core.reconcile.Reconciler;
import dev.glosa.core.reconcile.Reconciliation;
import dev.glosa.core.reconcile.ReconciliationReport;
import dev.glosa.core.reconcile.Situation;
import dev.glosa.core.run.RunContext;
import dev.glosa.core.run.RunLog;
import dev.glosa.core.run.SourceRows;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import dev.glosa.core.table.TableBuilder;
import dev.glosa.core.text.Language;
import dev.glosa.io.generate.SihFileSet;
import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.io.sih.SihRejections;
import dev.glosa.run.sources.SihFilesSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation and the indicators as Spark joins and aggregations against the core's {@link Reconciler},
 * {@code SihRejections} and {@link Indicators}: every claim, column and value the same (amounts to the last bit), the
 * report's counts the same and its totals to the cent, the indicators the same rows with money to the cent.
 */
class SparkReconcilerTests extends LocalSparkTests {
    @Test
    void handBuiltClaimsReconcileAsTheCoreUnderEveryPolicy() {
        // Claim 1000000000001: RJ twice (100, then 300), paid in three rows whose sum depends on the order of addition.
        // Claim ...002: RJ only (A). ...003: RD only (C), its continuation (IDENT 5) before its principal row.
        // Claim ...004: RJ 50 twice (a tie for MAX_VALUE), paid 80 (B with no glosa left).
        GlosaTable rj = table(
                new long[] {1000000000001L, 1000000000002L, 1000000000001L, 1000000000004L, 1000000000004L},
                new double[] {100, 20.5, 300, 50, 50},
                new String[] {"H1", "H2", "H1", "H1", "H1"},
                new String[] {"1", "1", "1", "1", "1"},
                "rj_only",
                "motive");
        GlosaTable rd = table(
                new long[] {
                    1000000000001L, 1000000000003L, 1000000000001L, 1000000000003L, 1000000000001L, 1000000000004L
                },
                new double[] {0.1, 7, 0.2, 9, 0.3, 80},
                new String[] {"H1", "H3", "H1", "H3", "H1", "H1"},
                new String[] {"1", "5", "5", "1", "5", "1"},
                "rd_only",
                "note");
        GlosaTable er = errors(
                new long[] {1000000000001L, 1000000000001L, 1000000000002L, 1000000000001L, 1000000000004L},
                new String[] {"H1", "H1", "H2", "H1", "H9"},
                new String[] {"060038", "020001", "050001", "060038", "010001"});
        for (DedupPolicy policy : DedupPolicy.values()) {
            for (int partitions : new int[] {1, 3}) {
                SparkReconciler.Outcome r = reconcile(rd, rj, er, policy, partitions);
                Reconciliation core = Reconciler.with(ReconcileOptions.sih().withPolicy(policy))
                        .reconcile(SihRejections.attachErrors(rj, er), rd);
                assertSameClaims(r.claims(), core.claims());
                assertSameReport(r.report(), core.report());
                // ...004's only error is at another hospital: its two RJ rows have no error.
                assertThat(r.rejectedWithoutError()).isEqualTo(2);
                assertSameIndicators(r.indicators(), Indicators.standard(core.claims()));
            }
        }
        // The sum of a claim's paid rows is the core's to the last bit: 0.1 + 0.2 + 0.3 in row order, though the
        // claim's rows come from two pieces.
        GlosaTable claims = reconcile(rd, rj, er, DedupPolicy.FIRST, 3).claims();
        assertThat(claims.doubles(Role.PAID_AMOUNT).get(0)).isEqualTo(0.1 + 0.2 + 0.3);
        assertThat(claims.category("situation").get(0)).isEqualTo(Situation.REJECTED_LATER_PAID.code());
        assertThat(claims.category(SihRejections.ERROR_CODES).get(0)).isEqualTo("060038;020001");
    }

    @Test
    void generatedFilesReconcileOnSparkAsTheCoreReconcilesThem() throws IOException {
        SihFileSet files = SihFiles.write(
                SihGenerator.generate(SihGeneratorConfig.defaults(17).withTotalClaims(3000)), dir.resolve("sih"));
        assertSameAsCore(files.rd(), files.rj(), files.er());
        // Without ER, every rejected claim gets the glosa type that says so, as on one machine.
        assertSameAsCore(files.rd(), files.rj(), List.of());
    }

    @Test
    void realFilesOfSeveralLayoutErasReconcileAsTheCoreReconcilesThem() throws IOException {
        List<Path> rd = List.of(datasus("RDSE1506.dbc"), datasus("RDAC2203.dbc"), datasus("RDAP1405.dbf"));
        List<Path> rj = List.of(datasus("RJES1205.dbc"), datasus("RJAL0611.dbc"));
        List<Path> er = List.of(datasus("ERSE2003.dbc"), datasus("ERBA1701.dbc"));
        assertSameAsCore(rd, rj, er);
    }

    @Test
    void aBadClaimNumberIsNamedWithItsSideAndRowAsTheCoreNamesIt() {
        GlosaTable rj = table(
                new long[] {1000000000001L, 42L},
                new double[] {1, 2},
                new String[] {"H1", "H1"},
                new String[] {"1", "1"},
                "x",
                "y");
        GlosaTable rd =
                table(new long[] {1000000000001L}, new double[] {1}, new String[] {"H1"}, new String[] {"1"}, "z", "w");
        String core = "";
        try {
            Reconciler.sih().reconcile(rj, rd);
        } catch (IllegalArgumentException e) {
            core = e.getMessage();
        }
        assertThat(core).isEqualTo("rejected row 1: claim_id 42 must have 13 digits");
        assertThatThrownBy(() -> reconcile(rd, rj, null, DedupPolicy.FIRST, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(core);
    }

    /** Reads the files with the Spark source (decoded, partitioned and reconciled on Spark) and with the core. */
    private void assertSameAsCore(List<Path> rd, List<Path> rj, List<Path> er) throws IOException {
        RunContext context = new RunContext(LocalDate.of(2026, 12, 5), null, RunLog.NONE, Language.EN);
        SourceRows.ReconciledSih onSpark =
                (SourceRows.ReconciledSih) new SparkSihSource(spark, names(rd), names(rj), names(er))
                        .partitionedEvery(2_000)
                        .read(context)
                        .rows();
        SourceRows.Sih read =
                (SourceRows.Sih) new SihFilesSource(rd, rj, er).read(context).rows();
        GlosaTable rejected = read.er() == null
                ? SihRejections.withoutErrors(read.rj())
                : SihRejections.attachErrors(read.rj(), read.er());
        Reconciliation core = Reconciler.sih().reconcile(rejected, read.rd());
        assertSameClaims(onSpark.claims(), core.claims());
        assertSameReport(onSpark.report(), core.report());
        assertSameIndicators(onSpark.indicators(), Indicators.standard(core.claims()));
        long without = read.er() == null ? -1 : SihRejections.rowsWithoutError(rejected);
        assertThat(onSpark.rejectedWithoutError()).isEqualTo(without);
    }

    /** Same columns in the same order and types, same claims in the same order, every value the same. */
    static void assertSameClaims(GlosaTable actual, GlosaTable expected) {
        assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        assertThat(expected.rowCount()).isPositive();
        for (Column e : expected.columns()) {
            Column a = actual.column(e.name());
            assertThat(a.type()).as(e.name()).isEqualTo(e.type());
            for (int r = 0; r < expected.rowCount(); r++) {
                assertThat(a.isMissing(r)).as("%s row %d missing", e.name(), r).isEqualTo(e.isMissing(r));
                if (e.type() == ColumnType.DOUBLE && !e.isMissing(r)) {
                    assertThat(Double.doubleToLongBits(((DoubleColumn) a).get(r)))
                            .as("%s row %d", e.name(), r)
                            .isEqualTo(Double.doubleToLongBits(((DoubleColumn) e).get(r)));
                } else {
                    assertThat(a.text(r)).as("%s row %d", e.name(), r).isEqualTo(e.text(r));
                }
            }
        }
    }

    private static void assertSameReport(ReconciliationReport actual, ReconciliationReport expected) {
        assertThat(actual.rejectedRows()).isEqualTo(expected.rejectedRows());
        assertThat(actual.paidRows()).isEqualTo(expected.paidRows());
        assertThat(actual.rejectedDuplicates()).isEqualTo(expected.rejectedDuplicates());
        assertThat(actual.paidRowsMerged()).isEqualTo(expected.paidRowsMerged());
        assertThat(actual.naiveRejectedTotal()).isCloseTo(expected.naiveRejectedTotal(), within(0.005));
        for (Situation s : Situation.values()) {
            var a = actual.bySituation().get(s);
            var e = expected.bySituation().get(s);
            assertThat(a.claims()).as(s.code()).isEqualTo(e.claims());
            assertThat(a.rejectedAmount()).as(s.code()).isCloseTo(e.rejectedAmount(), within(0.005));
            assertThat(a.glosaAmount()).as(s.code()).isCloseTo(e.glosaAmount(), within(0.005));
            assertThat(a.paidAmount()).as(s.code()).isCloseTo(e.paidAmount(), within(0.005));
        }
    }

    static void assertSameIndicators(List<IndicatorRow> actual, List<IndicatorRow> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            IndicatorRow a = actual.get(i);
            IndicatorRow e = expected.get(i);
            String where = e.scope() + " " + e.scopeKey() + " " + e.period();
            assertThat(List.of(a.scope(), a.scopeKey(), a.period()))
                    .as(where)
                    .isEqualTo(List.of(e.scope(), e.scopeKey(), e.period()));
            assertThat(List.of(a.claims(), a.glosaClaims())).as(where).isEqualTo(List.of(e.claims(), e.glosaClaims()));
            assertThat(a.glosaRate()).as(where).isEqualTo(e.glosaRate());
            assertThat(a.glosaRateCiLow()).as(where).isEqualTo(e.glosaRateCiLow());
            assertThat(a.glosaRateCiHigh()).as(where).isEqualTo(e.glosaRateCiHigh());
            assertThat(a.paidAmount()).as(where).isCloseTo(e.paidAmount(), within(0.005));
            assertThat(a.glosaAmount()).as(where).isCloseTo(e.glosaAmount(), within(0.005));
            assertThat(a.recoveredAmount()).as(where).isCloseTo(e.recoveredAmount(), within(0.005));
            if (Double.isNaN(e.glosaValueRatio())) {
                assertThat(a.glosaValueRatio()).as(where).isNaN();
            } else {
                assertThat(a.glosaValueRatio()).as(where).isCloseTo(e.glosaValueRatio(), within(1e-9));
            }
        }
    }

    private static GlosaTable table(
            long[] ids, double[] amounts, String[] hospitals, String[] ident, String only, String shared) {
        TableBuilder b = GlosaTable.builder();
        var id = b.longs(Role.CLAIM_ID.column());
        // The paid side (RD) carries paid_amount, the rejected side (RJ) billed_amount, as the SIH reader names them.
        boolean paid = only.startsWith("rd") || only.equals("z");
        var amount = b.doubles(paid ? Role.PAID_AMOUNT.column() : Role.BILLED_AMOUNT.column());
        var h = b.category(Role.HOSPITAL.column());
        var i = b.category("IDENT");
        var o = b.category(only);
        var s = b.longs(shared);
        var month = b.months(Role.COMPETENCE.column());
        for (int r = 0; r < ids.length; r++) {
            id.add(ids[r]);
            amount.add(amounts[r]);
            h.add(hospitals[r]);
            i.add(ident[r]);
            o.add(only + r);
            s.add(r);
            month.add(java.time.YearMonth.of(2026, 1 + r % 2));
        }
        return b.build();
    }

    private static GlosaTable errors(long[] ids, String[] hospitals, String[] codes) {
        TableBuilder b = GlosaTable.builder();
        var id = b.longs(Role.CLAIM_ID.column());
        var h = b.category(Role.HOSPITAL.column());
        var c = b.category(Role.REASON_CODE.column());
        for (int i = 0; i < ids.length; i++) {
            id.add(ids[i]);
            h.add(hospitals[i]);
            c.add(codes[i]);
        }
        return b.build();
    }

    /**
     * Reconciles tables on Spark as the source gives them: each table cut into two pieces (so that a claim's rows come
     * from two pieces, as from two files), the pieces described on the executors and placed in stacked order.
     */
    private static SparkReconciler.Outcome reconcile(
            GlosaTable rd, GlosaTable rj, GlosaTable er, DedupPolicy policy, int partitions) {
        List<byte[]> parts = new ArrayList<>();
        List<int[]> sides = new ArrayList<>();
        GlosaTable[] tables = {rd, rj, er};
        for (int side = 0; side < 3; side++) {
            GlosaTable t = tables[side];
            if (t == null) {
                continue;
            }
            int half = t.rowCount() / 2;
            int[][] cuts = {range(0, half), range(half, t.rowCount())};
            for (int[] rows : cuts) {
                GlosaTable piece = t.select(rows);
                parts.add(Wire.encode(new SihParts.Part(
                        new SihParts.Origin(parts.size(), "", 0, 0, "RD", "", piece.rowCount(), List.of(), ""),
                        piece)));
                sides.add(new int[] {side, rows.length == 0 ? 0 : rows[0]});
            }
        }
        var rdd = spark.parallelize(parts, parts.size());
        List<SihParts.Meta> metas = new ArrayList<>();
        for (byte[] m : rdd.map(new SihParts.Describe()).collect()) {
            metas.add(Wire.decode(m, SihParts.Meta.class));
        }
        List<SparkReconciler.PieceRef> refs = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            refs.add(new SparkReconciler.PieceRef(i, sides.get(i)[0], sides.get(i)[1], metas.get(i)));
        }
        return SparkReconciler.reconcile(spark, rdd, refs, policy, partitions, () -> {});
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    private static List<String> names(List<Path> files) {
        List<String> out = new ArrayList<>();
        files.forEach(p -> out.add(p.toString()));
        return out;
    }

    /** A file of ../shared/data/datasus beside the repository; the test is skipped where it is absent. */
    private static Path datasus(String name) {
        Path found = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && found == null; p = p.getParent()) {
            Path file = p.resolve("shared").resolve("data").resolve("datasus").resolve(name);
            if (Files.isRegularFile(file)) {
                found = file;
            }
        }
        assumeTrue(found != null, "../shared/data/datasus/" + name + " not found: skipping the real-file check");
        return found;
    }
}
