package dev.glosa.spark;

import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.indicator.Indicators;
import dev.glosa.core.indicator.WilsonInterval;
import dev.glosa.core.reconcile.DedupPolicy;
import dev.glosa.core.reconcile.ReconcileOptions;
import dev.glosa.core.reconcile.Reconciler;
import dev.glosa.core.reconcile.Reconciliation;
import dev.glosa.core.reconcile.ReconciliationReport;
import dev.glosa.core.reconcile.Situation;
import dev.glosa.core.reconcile.SituationTotals;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.Role;
import dev.glosa.io.sih.SihRejections;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * The SIH reconciliation as a Spark join: the RD, RJ and ER rows are partitioned by claim number (ranges of it, so that
 * the partitions in order hold the claims in order) and each partition is reconciled by the core's own code,
 * {@code SihRejections.attachErrors} then {@link Reconciler}, as a hash join runs its local join per partition. Every
 * row of a claim is in its claim's partition, in the order of the files (each piece keeps its place in its system's
 * stacked rows), so every claim is reconciled exactly as on one machine: no second copy of the rules to drift.
 *
 * <p>The driver receives each partition's claims (one row per claim), its report and its indicators' counts and sums,
 * and adds them up; never the RD, RJ and ER rows. What the core checks before it reconciles (claim numbers, the
 * amount columns, a column typed differently in RJ and RD) is checked on the driver from the pieces' descriptions,
 * with the core's words and the row of the stacked input, before any row moves.
 */
final class SparkReconciler {
    private SparkReconciler() {}

    /**
     * One decoded piece as the reconciliation sees it.
     *
     * @param index the piece's index in the pieces' RDD
     * @param side 0 for RD, 1 for RJ, 2 for ER
     * @param base the position of its first row in its system's stacked rows
     * @param meta its description
     */
    record PieceRef(int index, int side, long base, SihParts.Meta meta) {}

    /**
     * The reconciled claims and what is reported about them.
     *
     * @param claims one row per claim, sorted by claim number, the core's columns
     * @param report the counts and totals, added up over the partitions
     * @param indicators the indicators of {@code claims}, as {@link Indicators#standard} orders them
     * @param rejectedWithoutError RJ rows no ER row matched; {@code -1} when no ER was given
     */
    record Outcome(
            GlosaTable claims, ReconciliationReport report, List<IndicatorRow> indicators, long rejectedWithoutError) {}

    /**
     * Reconciles the pieces.
     *
     * @param spark the context whose executors hold the pieces
     * @param pieces the encoded {@link SihParts.Part}s
     * @param refs every piece of RD, RJ and ER, each system's in stacked order
     * @param policy how a rejected claim given more than once is resolved
     * @param partitions how many partitions the claims are split into (at least 1)
     * @param collected called once every partition's result is on the driver, before they are stacked: the caller
     *     frees the decoded pieces there (in local mode they share the driver's heap)
     * @throws IllegalArgumentException with the core's words, for what the core refuses
     */
    static Outcome reconcile(
            JavaSparkContext spark,
            JavaRDD<byte[]> pieces,
            List<PieceRef> refs,
            DedupPolicy policy,
            int partitions,
            Runnable collected) {
        List<List<SihParts.Meta>> bySide = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (PieceRef r : refs) {
            bySide.get(r.side()).add(r.meta());
        }
        boolean withErrors = !bySide.get(2).isEmpty();
        List<Map<String, ColumnType>> types = new ArrayList<>();
        for (int side = 0; side < 3; side++) {
            types.add(SihParts.stackedColumns(bySide.get(side)));
        }

        // As Preparation does: ten digits are the rule when every claim number of both sides has at most ten.
        ReconcileOptions options = ReconcileOptions.sih().withPolicy(policy);
        if (tenDigitEra(refs, 1) && tenDigitEra(refs, 0)) {
            options = options.withClaimIdDigits(10);
        }
        // The core on empty tables of the same columns: its own refusals (an amount column missing or not a number,
        // a column typed differently in RJ and RD, ER without its key columns), in its own words.
        local(types, withErrors, options, SihParts.empty(types.get(0)), SihParts.empty(types.get(1)), null);
        checkClaims(refs, 1, "rejected", options.claimIdDigits());
        checkClaims(refs, 0, "paid", options.claimIdDigits());

        long[] bounds = bounds(refs, partitions);
        Map<Integer, long[]> placeOf = new LinkedHashMap<>();
        for (PieceRef r : refs) {
            placeOf.put(r.index(), new long[] {r.side(), r.base()});
        }
        List<Tuple2<Integer, byte[][]>> ordered = new ArrayList<>(pieces.zipWithIndex()
                .filter(t -> placeOf.containsKey((int) (long) t._2()))
                .flatMapToPair(new Split(placeOf, bounds))
                .groupByKey(new HashPartitioner(bounds.length + 1))
                .mapValues(new ReconcilePartition(types, withErrors, options))
                .collect());
        collected.run();
        ordered.sort(Comparator.comparingInt(Tuple2::_1));
        List<byte[]> claims = new ArrayList<>();
        List<ReconciliationReport> reports = new ArrayList<>();
        List<List<IndicatorRow>> indicators = new ArrayList<>();
        long without = 0;
        if (ordered.isEmpty()) {
            // No rows at all: the core's answer on empty tables.
            ordered.add(new Tuple2<>(
                    0,
                    local(
                            types,
                            withErrors,
                            options,
                            SihParts.empty(types.get(0)),
                            SihParts.empty(types.get(1)),
                            null)));
        }
        for (Tuple2<Integer, byte[][]> a : ordered) {
            claims.add(a._2()[0]);
            PartitionResult p = Wire.decode(a._2()[1], PartitionResult.class);
            reports.add(p.report());
            indicators.add(p.indicators());
            without += p.rejectedWithoutError();
        }
        ordered.clear();
        // Stacked from the partitions' bytes a column at a time: the driver never holds the partitions' tables and
        // their stack at once (a national year's AIHs are some 8 GB as a table, their bytes some 0.5 GB).
        return new Outcome(
                Wire.stack(claims), addReports(reports), addIndicators(indicators), withErrors ? without : -1);
    }

    private static boolean tenDigitEra(List<PieceRef> refs, int side) {
        long rows = 0;
        long max = Long.MIN_VALUE;
        for (PieceRef r : refs) {
            if (r.side() == side) {
                rows += r.meta().origin().records();
                max = Math.max(max, r.meta().maxClaim());
            }
        }
        return rows > 0 && max < 10_000_000_000L;
    }

    /** The core's claim check: the first refused row of a side, in stacked order, named as the core names it. */
    private static void checkClaims(List<PieceRef> refs, int side, String name, int digits) {
        int rule = digits == 13 ? 0 : 1;
        for (PieceRef r : refs) {
            long[] bad = r.meta().firstBad();
            if (r.side() != side || bad[2 * rule] < 0) {
                continue;
            }
            long row = r.base() + bad[2 * rule];
            long id = bad[2 * rule + 1];
            if (id == LongColumn.MISSING) {
                throw new IllegalArgumentException(name + " row " + row + ": claim_id is missing");
            }
            throw new IllegalArgumentException(
                    name + " row " + row + ": claim_id " + id + " must have " + digits + " digits");
        }
    }

    /**
     * The upper bounds of the partitions but the last, from the pieces' sampled claim numbers: partition {@code p}
     * holds the claims below {@code bounds[p]} and not below {@code bounds[p - 1]}.
     */
    private static long[] bounds(List<PieceRef> refs, int partitions) {
        List<Long> sample = new ArrayList<>();
        for (PieceRef r : refs) {
            if (r.side() != 2) {
                for (long id : r.meta().sample()) {
                    if (id != LongColumn.MISSING) {
                        sample.add(id);
                    }
                }
            }
        }
        sample.sort(null);
        long[] out = new long[Math.max(0, Math.min(partitions, sample.size()) - 1)];
        int n = 0;
        for (int p = 1; p <= out.length; p++) {
            long b = sample.get((int) ((long) p * sample.size() / (out.length + 1)));
            if (n == 0 || b > out[n - 1]) {
                out[n++] = b;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The partition of a claim number: how many bounds are not above it. */
    static int partitionOf(long id, long[] bounds) {
        int i = Arrays.binarySearch(bounds, id);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /**
     * What a partition sends back besides its claims, which travel as a table's own bytes so that the driver stacks
     * them a column at a time ({@link Wire#stack}).
     *
     * @param report its report
     * @param indicators its indicators' rows, each split tagged by its scope with {@link #SPLIT} and the split's index
     * @param rejectedWithoutError its RJ rows no ER row matched
     */
    record PartitionResult(ReconciliationReport report, List<IndicatorRow> indicators, long rejectedWithoutError) {}

    /** Separates a split's index from the scope of an indicator row while partitions' rows travel. */
    static final String SPLIT = "\u0000";

    /** The task: a piece's rows split by the partition of their claim, each part tagged with its side and place. */
    static final class Split implements PairFlatMapFunction<Tuple2<byte[], Long>, Integer, byte[]> {
        private static final long serialVersionUID = 1L;
        private final Map<Integer, long[]> placeOf;
        private final long[] bounds;

        Split(Map<Integer, long[]> placeOf, long[] bounds) {
            this.placeOf = new LinkedHashMap<>(placeOf);
            this.bounds = bounds.clone();
        }

        @Override
        public Iterator<Tuple2<Integer, byte[]>> call(Tuple2<byte[], Long> piece) {
            GlosaTable t = Wire.decode(piece._1(), SihParts.Part.class).table();
            long[] place = placeOf.get((int) (long) piece._2());
            int parts = bounds.length + 1;
            int n = t.rowCount();
            int[] partOf = new int[n];
            int[] sizes = new int[parts];
            LongColumn ids = t.has(Role.CLAIM_ID) ? t.longs(Role.CLAIM_ID) : null;
            for (int r = 0; r < n; r++) {
                long id = ids == null ? LongColumn.MISSING : ids.get(r);
                // A row without a claim number (ER only: the others were checked) joins nothing; partition 0 keeps it.
                partOf[r] = id == LongColumn.MISSING ? 0 : partitionOf(id, bounds);
                sizes[partOf[r]]++;
            }
            int[][] rows = new int[parts][];
            for (int p = 0; p < parts; p++) {
                rows[p] = new int[sizes[p]];
                sizes[p] = 0;
            }
            for (int r = 0; r < n; r++) {
                rows[partOf[r]][sizes[partOf[r]]++] = r;
            }
            List<Tuple2<Integer, byte[]>> out = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                if (rows[p].length > 0) {
                    out.add(new Tuple2<>(p, Wire.encode(new Slice((int) place[0], place[1], t.select(rows[p])))));
                }
            }
            return out.iterator();
        }
    }

    /**
     * The rows of one piece that fall in one partition.
     *
     * @param side 0 for RD, 1 for RJ, 2 for ER
     * @param base the position of the piece's first row in its system's stacked rows (the slices' order)
     * @param table the rows, in the piece's order
     */
    record Slice(int side, long base, GlosaTable table) {}

    /** The task: one partition's slices stacked per system in file order and reconciled by the core. */
    static final class ReconcilePartition implements Function<Iterable<byte[]>, byte[][]> {
        private static final long serialVersionUID = 1L;
        private final List<Map<String, ColumnType>> types;
        private final boolean withErrors;
        /** The options, as {@link Wire} bytes: glosa's records are not {@link java.io.Serializable}. */
        private final byte[] options;

        ReconcilePartition(List<Map<String, ColumnType>> types, boolean withErrors, ReconcileOptions options) {
            this.types = new ArrayList<>();
            types.forEach(t -> this.types.add(new LinkedHashMap<>(t)));
            this.withErrors = withErrors;
            this.options = Wire.encode(options);
        }

        @Override
        public byte[][] call(Iterable<byte[]> messages) {
            List<Slice> slices = new ArrayList<>();
            for (byte[] m : messages) {
                slices.add(Wire.decode(m, Slice.class));
            }
            slices.sort(Comparator.comparingInt(Slice::side).thenComparingLong(Slice::base));
            GlosaTable[] sides = new GlosaTable[3];
            for (int side = 0; side < 3; side++) {
                // The empty table first: every partition's tables have the columns, order and types of the whole.
                List<GlosaTable> stack = new ArrayList<>(List.of(SihParts.empty(types.get(side))));
                for (Slice s : slices) {
                    if (s.side() == side) {
                        stack.add(s.table());
                    }
                }
                sides[side] = GlosaTable.concat(stack);
            }
            return local(types, withErrors, Wire.decode(options, ReconcileOptions.class), sides[0], sides[1], sides[2]);
        }
    }

    /**
     * The core on one partition's rows (or on empty tables, to hear its refusals): errors attached as
     * {@code Preparation} attaches them, the reconciliation, and the indicators of each split of
     * {@link Indicators#standard}, each tagged with the split's index.
     */
    static byte[][] local(
            List<Map<String, ColumnType>> types,
            boolean withErrors,
            ReconcileOptions options,
            GlosaTable rd,
            GlosaTable rj,
            GlosaTable er) {
        GlosaTable rejected = withErrors
                ? SihRejections.attachErrors(rj, er != null ? er : SihParts.empty(types.get(2)))
                : SihRejections.withoutErrors(rj);
        long without = withErrors ? SihRejections.rowsWithoutError(rejected) : 0;
        Reconciliation r = Reconciler.with(options).reconcile(rejected, rd);
        return new byte[][] {
            Wire.encode(r.claims()), Wire.encode(new PartitionResult(r.report(), splits(r.claims()), without))
        };
    }

    /** The splits of {@link Indicators#standard}, each row's scope prefixed with its split's index. */
    private static List<IndicatorRow> splits(GlosaTable claims) {
        List<List<IndicatorRow>> splits = new ArrayList<>();
        splits.add(Indicators.compute(claims, null, null));
        String hospital = Role.HOSPITAL.column();
        if (claims.has(Role.HOSPITAL)) {
            splits.add(Indicators.compute(claims, hospital, null));
        }
        for (Role month : List.of(Role.COMPETENCE, Role.ADMISSION_DATE, Role.DISCHARGE_DATE)) {
            if (claims.has(month)) {
                String scope = IndicatorRow.OVERALL + ":" + month.column();
                splits.add(Indicators.compute(claims, null, month.column()).stream()
                        .map(x -> x.withScope(scope))
                        .toList());
            }
        }
        if (claims.has(Role.HOSPITAL) && claims.has(Role.COMPETENCE)) {
            splits.add(Indicators.compute(claims, hospital, Role.COMPETENCE.column()));
        }
        List<IndicatorRow> out = new ArrayList<>();
        for (int i = 0; i < splits.size(); i++) {
            for (IndicatorRow x : splits.get(i)) {
                out.add(x.withScope(i + SPLIT + x.scope()));
            }
        }
        return out;
    }

    private static ReconciliationReport addReports(List<ReconciliationReport> reports) {
        long rejected = 0;
        long paid = 0;
        long duplicates = 0;
        long merged = 0;
        double naive = 0;
        Map<Situation, double[]> sums = new EnumMap<>(Situation.class);
        for (Situation s : Situation.values()) {
            sums.put(s, new double[4]);
        }
        for (ReconciliationReport r : reports) {
            rejected += r.rejectedRows();
            paid += r.paidRows();
            duplicates += r.rejectedDuplicates();
            merged += r.paidRowsMerged();
            naive += r.naiveRejectedTotal();
            for (Situation s : Situation.values()) {
                SituationTotals t = r.bySituation().get(s);
                double[] a = sums.get(s);
                a[0] += t.claims();
                a[1] += t.rejectedAmount();
                a[2] += t.glosaAmount();
                a[3] += t.paidAmount();
            }
        }
        Map<Situation, SituationTotals> totals = new EnumMap<>(Situation.class);
        sums.forEach((s, a) -> totals.put(s, new SituationTotals((long) a[0], a[1], a[2], a[3])));
        return new ReconciliationReport(
                Math.toIntExact(rejected),
                Math.toIntExact(paid),
                Math.toIntExact(duplicates),
                Math.toIntExact(merged),
                totals,
                naive);
    }

    /**
     * The partitions' indicator rows added up per split and key: counts and money summed, rate, interval and ratio
     * computed again from them; splits in their order, keys as {@code Grouping} orders them (text, then month,
     * missing last).
     */
    private static List<IndicatorRow> addIndicators(List<List<IndicatorRow>> partitions) {
        Comparator<String> missingLast =
                (a, b) -> a.isEmpty() || b.isEmpty() ? Boolean.compare(a.isEmpty(), b.isEmpty()) : a.compareTo(b);
        Map<Integer, TreeMap<List<String>, IndicatorRow>> bySplit = new TreeMap<>();
        for (List<IndicatorRow> rows : partitions) {
            for (IndicatorRow x : rows) {
                int cut = x.scope().indexOf(SPLIT);
                int split = Integer.parseInt(x.scope().substring(0, cut));
                IndicatorRow row = x.withScope(x.scope().substring(cut + 1));
                bySplit.computeIfAbsent(
                                split,
                                k -> new TreeMap<>(
                                        Comparator.<List<String>, String>comparing(key -> key.get(0), missingLast)
                                                .thenComparing(key -> key.get(1), missingLast)))
                        .merge(List.of(row.scopeKey(), row.period()), row, SparkReconciler::add);
            }
        }
        List<IndicatorRow> out = new ArrayList<>();
        bySplit.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    private static IndicatorRow add(IndicatorRow a, IndicatorRow b) {
        long claims = a.claims() + b.claims();
        long glosaClaims = a.glosaClaims() + b.glosaClaims();
        double paid = a.paidAmount() + b.paidAmount();
        double glosa = a.glosaAmount() + b.glosaAmount();
        WilsonInterval ci = WilsonInterval.of95(glosaClaims, claims);
        return new IndicatorRow(
                a.scope(),
                a.scopeKey(),
                a.period(),
                claims,
                glosaClaims,
                claims == 0 ? Double.NaN : (double) glosaClaims / claims,
                ci.low(),
                ci.high(),
                paid,
                glosa,
                paid == 0 ? Double.NaN : glosa / paid,
                a.recoveredAmount() + b.recoveredAmount());
    }
}
