package dev.glosa.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.glosa.core.reconcile.DedupPolicy;
import dev.glosa.core.reconcile.ReconcileOptions;
import dev.glosa.core.reconcile.Reconciler;
import dev.glosa.core.reconcile.ReconciliationReport;
import dev.glosa.core.reconcile.Situation;
import dev.glosa.core.reconcile.SituationTotals;
import dev.glosa.core.sus.SusColumns;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.Role;
import dev.glosa.io.sih.SihErrorCodes;
import dev.glosa.io.sih.SihReader;
import dev.glosa.io.sih.SihRejections;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * The SIH reconciliation with Spark's joins and aggregations: the rules of {@link Reconciler} and of
 * {@code SihRejections.attachErrors}, on rows that stay on the executors, with the same output.
 *
 * <p>Every rule of the core is kept: the rejected rows deduplicated by claim with the {@link DedupPolicy} (in the
 * order of {@value SihParts#ORD}); a claim's paid rows summed in that order (so the sum is the core's to the last
 * bit) and represented by its principal row ({@code IDENT = 1}), else its first; situations A, B and C with their
 * amounts; every other column from the rejected row for A and the paid row for B and C, or from the side that has it;
 * claim numbers checked as the core checks them, the first bad one named with its side and row. The ER codes are
 * joined on claim number and hospital: the first error of the claim in ER order, its distinct codes and their count.
 *
 * <p>Totals of the report are summed as decimals (exact, whatever order Spark adds them in); the core adds doubles in
 * claim order. The two agree to the cent.
 */
final class SparkReconciler {
    private static final String RJ = "__rj_";
    private static final String RD = "__rd_";
    private static final String AMOUNT = "__amount";
    private static final String CLAIM = Role.CLAIM_ID.column();
    private static final String HOSPITAL = Role.HOSPITAL.column();
    private static final String GLOSA = Role.GLOSA_AMOUNT.column();
    private static final String PAID = Role.PAID_AMOUNT.column();
    private static final String BILLED = Role.BILLED_AMOUNT.column();
    /** Money summed exactly: SIH amounts have two decimals; four keep what arithmetic on them adds. */
    private static final org.apache.spark.sql.types.DecimalType MONEY = DataTypes.createDecimalType(38, 4);

    private SparkReconciler() {}

    /**
     * The reconciled claims, their column types and the report.
     *
     * @param claims one row per claim, sorted by claim number, the core's columns in the core's order
     * @param types the glosa type of each column of {@code claims}
     * @param report the counts and totals
     * @param rejectedWithoutError RJ rows no ER row matched; {@code -1} when no ER was given
     * @param cached the Datasets the reconciliation cached, {@code claims} among them, to unpersist once done
     */
    record Result(
            Dataset<Row> claims,
            Map<String, ColumnType> types,
            ReconciliationReport report,
            long rejectedWithoutError,
            List<Dataset<Row>> cached) {}

    /**
     * Attaches the ER codes (when {@code er} is given) and reconciles.
     *
     * @param rd the RD rows with {@value SihParts#ORD}
     * @param rdTypes their columns' types
     * @param rj the RJ rows with {@value SihParts#ORD}
     * @param rjTypes their columns' types
     * @param er the ER rows with {@value SihParts#ORD}, or {@code null}
     * @param erTypes their columns' types, or {@code null}
     * @param policy how duplicated rejected claims are resolved
     * @throws IllegalArgumentException as {@link Reconciler#reconcile} does, with its words
     */
    static Result reconcile(
            Dataset<Row> rd,
            Map<String, ColumnType> rdTypes,
            Dataset<Row> rj,
            Map<String, ColumnType> rjTypes,
            Dataset<Row> er,
            Map<String, ColumnType> erTypes,
            DedupPolicy policy) {
        Map<String, ColumnType> rejectedTypes = new LinkedHashMap<>(rjTypes);
        Dataset<Row> rejected;
        long without = -1;
        if (er == null) {
            rejected = rj;
            if (!rjTypes.containsKey(Role.GLOSA_TYPE.column())) {
                rejected = rj.withColumn(Role.GLOSA_TYPE.column(), lit(SusColumns.WITHOUT_ERROR_CODE));
                rejectedTypes.put(Role.GLOSA_TYPE.column(), ColumnType.CATEGORY);
            }
        } else {
            rejected = attachErrors(rj, er, erTypes, rejectedTypes).cache();
            without = rejected.filter(col(SihRejections.ERROR_COUNT).equalTo(0)).count();
        }
        ReconcileOptions options = ReconcileOptions.sih().withPolicy(policy);
        if (tenDigitEra(rejected) && tenDigitEra(rd)) {
            options = new ReconcileOptions(
                    options.policy(),
                    options.rejectedAmountColumn(),
                    options.paidAmountColumn(),
                    options.principalColumn(),
                    options.principalValue(),
                    10);
        }
        Result r = reconcile(rejected, rejectedTypes, rd, rdTypes, options, without);
        List<Dataset<Row>> cached = new ArrayList<>(r.cached());
        if (er != null) {
            cached.add(rejected);
        }
        return new Result(r.claims(), r.types(), r.report(), r.rejectedWithoutError(), cached);
    }

    /** As the core's {@code Preparation}: ten digits are the rule when every claim number of both sides has ten. */
    private static boolean tenDigitEra(Dataset<Row> t) {
        Row r = t.agg(count(lit(1)), max(col(CLAIM))).first();
        return r.getLong(0) > 0 && (r.isNullAt(1) || r.getLong(1) < 10_000_000_000L);
    }

    /** {@code SihRejections.attachErrors} as a join: the RJ rows keep their order and gain the six error columns. */
    private static Dataset<Row> attachErrors(
            Dataset<Row> rj, Dataset<Row> er, Map<String, ColumnType> erTypes, Map<String, ColumnType> rejectedTypes) {
        String code = Role.REASON_CODE.column();
        String description = SihReader.REASON_DESCRIPTION;
        String type = Role.GLOSA_TYPE.column();
        String typeDescription = SihReader.GLOSA_TYPE_DESCRIPTION;
        List<Column> first =
                new ArrayList<>(List.of(col(SihParts.ORD), col(code).as("code")));
        for (String optional : List.of(description, type, typeDescription)) {
            first.add((erTypes.containsKey(optional) ? col(optional) : lit(null).cast(DataTypes.StringType))
                    .as(optional));
        }
        Dataset<Row> errors = er.filter(col(CLAIM)
                        .isNotNull()
                        .and(col(HOSPITAL).isNotNull())
                        .and(col(code).isNotNull()))
                .groupBy(col(CLAIM).as("__e_claim"), col(HOSPITAL).as("__e_hospital"))
                .agg(
                        min(struct(first.toArray(Column[]::new))).as("__first"),
                        count(lit(1)).as("__count"),
                        expr("array_join(array_distinct(transform(array_sort(collect_list(struct(" + SihParts.ORD + ", "
                                        + code + "))), x -> x." + code + ")), ';')")
                                .as("__codes"));
        Dataset<Row> joined = rj.join(
                errors,
                rj.col(CLAIM)
                        .equalTo(errors.col("__e_claim"))
                        .and(rj.col(HOSPITAL).equalTo(errors.col("__e_hospital"))),
                "left");
        Column firstCode = col("__first.code");
        Column group = erTypes.containsKey(type) ? col("__first." + type) : ErrorCodes.GROUP.apply(firstCode);
        List<Column> out = new ArrayList<>();
        for (String c : rj.columns()) {
            out.add(rj.col(c));
        }
        out.add(firstCode.as(code));
        out.add((erTypes.containsKey(description)
                        ? col("__first." + description)
                        : ErrorCodes.DESCRIPTION.apply(firstCode))
                .as(description));
        out.add(group.as(type));
        out.add((erTypes.containsKey(typeDescription)
                        ? col("__first." + typeDescription)
                        : ErrorCodes.GROUP_DESCRIPTION.apply(group))
                .as(typeDescription));
        out.add(col("__codes").as(SihRejections.ERROR_CODES));
        out.add(coalesce(col("__count"), lit(0L)).as(SihRejections.ERROR_COUNT));
        for (String c : List.of(code, description, type, typeDescription, SihRejections.ERROR_CODES)) {
            rejectedTypes.put(c, ColumnType.CATEGORY);
        }
        rejectedTypes.put(SihRejections.ERROR_COUNT, ColumnType.LONG);
        return joined.select(out.toArray(Column[]::new));
    }

    /** The error-code table's words, for ER rows that lack them (generated, or read by other tools). */
    private static final class ErrorCodes {
        static final UserDefinedFunction GROUP =
                functions.udf((UDF1<String, String>) ErrorCodes::group, DataTypes.StringType);
        static final UserDefinedFunction DESCRIPTION = functions.udf(
                (UDF1<String, String>)
                        c -> c == null ? null : SihErrorCodes.standard().description(c),
                DataTypes.StringType);
        static final UserDefinedFunction GROUP_DESCRIPTION = functions.udf(
                (UDF1<String, String>)
                        g -> g == null ? null : SihErrorCodes.standard().groupDescription(g),
                DataTypes.StringType);

        private static String group(String code) {
            if (code == null) {
                return null;
            }
            try {
                return SihErrorCodes.group(code);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private static Result reconcile(
            Dataset<Row> rejected,
            Map<String, ColumnType> rejectedTypes,
            Dataset<Row> paid,
            Map<String, ColumnType> paidTypes,
            ReconcileOptions options,
            long without) {
        checkAmount(rejectedTypes, options.rejectedAmountColumn(), "rejected");
        checkAmount(paidTypes, options.paidAmountColumn(), "paid");
        checkIds(rejected, "rejected", options.claimIdDigits());
        checkIds(paid, "paid", options.claimIdDigits());
        Map<String, ColumnType[]> others = otherColumns(rejectedTypes, paidTypes);

        Dataset<Row> rj = rejected.withColumn(AMOUNT, coalesce(col(options.rejectedAmountColumn()), lit(0.0)));
        Dataset<Row> rd = paid.withColumn(AMOUNT, coalesce(col(options.paidAmountColumn()), lit(0.0)));

        // Rejected side: the representative row of each claim, as the policy picks it.
        Column pick = switch (options.policy()) {
            case FIRST -> min(struct(col(SihParts.ORD).as("ord"), col(AMOUNT).as("amount")));
            case LAST -> max(struct(col(SihParts.ORD).as("ord"), col(AMOUNT).as("amount")));
            // The first row with the largest amount: the core replaces its pick only on a strictly larger one.
            case MAX_VALUE ->
                max(struct(
                        col(AMOUNT).as("amount"),
                        functions.negate(col(SihParts.ORD)).as("neg")));
        };
        Dataset<Row> rjClaims = rj.groupBy(col(CLAIM).as("__j_claim"))
                .agg(pick.as("__pick"), count(lit(1)).as("__j_rows"));
        Column rjRep =
                options.policy() == DedupPolicy.MAX_VALUE ? functions.negate(col("__pick.neg")) : col("__pick.ord");
        rjClaims = rjClaims.select(
                col("__j_claim"), rjRep.as("__j_rep"), col("__pick.amount").as("__j_amount"), col("__j_rows"));

        // Paid side: the rows of a claim summed in row order; the principal row represents it, else the first.
        String principal = options.principalColumn();
        Column isPrincipal = principal != null && paidTypes.get(principal) == ColumnType.CATEGORY
                ? col(principal).equalTo(lit(options.principalValue()))
                : lit(false);
        Dataset<Row> rdClaims = rd.groupBy(col(CLAIM).as("__d_claim"))
                .agg(
                        coalesce(min(when(isPrincipal, col(SihParts.ORD))), min(col(SihParts.ORD)))
                                .as("__d_rep"),
                        expr("aggregate(array_sort(collect_list(struct(" + SihParts.ORD + ", " + AMOUNT
                                        + "))), 0D, (acc, x) -> acc + x." + AMOUNT + ")")
                                .as("__d_paid"),
                        count(lit(1)).as("__d_rows"));

        Dataset<Row> both = rjClaims.join(rdClaims, col("__j_claim").equalTo(col("__d_claim")), "full_outer");
        Column inRj = col("__j_claim").isNotNull();
        Column inRd = col("__d_claim").isNotNull();
        Column situation = when(functions.not(inRd), lit(Situation.REJECTED_NEVER_PAID.code()))
                .when(inRj, lit(Situation.REJECTED_LATER_PAID.code()))
                .otherwise(lit(Situation.PAID_NEVER_REJECTED.code()));
        Column rejectedAmount = when(inRj, col("__j_amount")).otherwise(lit(0.0));
        Column paidAmount = when(inRd, col("__d_paid")).otherwise(lit(0.0));
        Column shortfall = col("__j_amount").minus(col("__d_paid"));
        Column glosa = when(functions.not(inRd), col("__j_amount"))
                .when(inRj, when(shortfall.gt(0), shortfall).otherwise(lit(0.0)))
                .otherwise(lit(0.0));
        Column billed = when(inRj, col("__j_amount")).otherwise(col("__d_paid"));
        Dataset<Row> decided = both.select(
                coalesce(col("__j_claim"), col("__d_claim")).as(CLAIM),
                situation.as("situation"),
                col("__j_rep"),
                col("__d_rep"),
                rejectedAmount.as("rejected_amount"),
                billed.as(BILLED),
                glosa.as(GLOSA),
                paidAmount.as(PAID),
                coalesce(col("__j_rows"), lit(0L)).as("rejected_rows"),
                coalesce(col("__d_rows"), lit(0L)).as("paid_rows"));

        // Every other column, from the representative rows of each side.
        List<Column> rjCols = new ArrayList<>(List.of(col(SihParts.ORD).as(RJ + "ord")));
        List<Column> rdCols = new ArrayList<>(List.of(col(SihParts.ORD).as(RD + "ord")));
        for (Map.Entry<String, ColumnType[]> e : others.entrySet()) {
            if (e.getValue()[0] != null) {
                rjCols.add(col(e.getKey()).as(RJ + e.getKey()));
            }
            if (e.getValue()[1] != null) {
                rdCols.add(col(e.getKey()).as(RD + e.getKey()));
            }
        }
        Dataset<Row> full = decided.join(
                        rejected.select(rjCols.toArray(Column[]::new)),
                        col("__j_rep").equalTo(col(RJ + "ord")),
                        "left")
                .join(paid.select(rdCols.toArray(Column[]::new)), col("__d_rep").equalTo(col(RD + "ord")), "left");

        Map<String, ColumnType> types = new LinkedHashMap<>();
        List<Column> out = new ArrayList<>();
        for (String c : Reconciler.OUTPUT_COLUMNS) {
            if (c.equals("status")) {
                out.add(when(col("situation").equalTo(lit("A")), lit(Situation.REJECTED_NEVER_PAID.status()))
                        .otherwise(lit(Situation.REJECTED_LATER_PAID.status()))
                        .as("status"));
            } else {
                out.add(col(c));
            }
            types.put(
                    c,
                    switch (c) {
                        case "claim_id", "rejected_rows", "paid_rows" -> ColumnType.LONG;
                        case "situation", "status" -> ColumnType.CATEGORY;
                        default -> ColumnType.DOUBLE;
                    });
        }
        Column isA = col("situation").equalTo(lit(Situation.REJECTED_NEVER_PAID.code()));
        for (Map.Entry<String, ColumnType[]> e : others.entrySet()) {
            String name = e.getKey();
            boolean inRejected = e.getValue()[0] != null;
            boolean inPaid = e.getValue()[1] != null;
            Column value = inRejected && inPaid
                    ? when(isA, col(RJ + name)).otherwise(col(RD + name))
                    : col((inRejected ? RJ : RD) + name);
            out.add(value.as(name));
            types.put(name, inRejected ? e.getValue()[0] : e.getValue()[1]);
        }
        Dataset<Row> claims =
                full.select(out.toArray(Column[]::new)).orderBy(col(CLAIM)).persist(StorageLevel.MEMORY_AND_DISK());

        ReconciliationReport report = report(rejected, claims, options);
        return new Result(claims, types, report, without, List.of(claims));
    }

    private static void checkAmount(Map<String, ColumnType> types, String column, String side) {
        ColumnType t = types.get(column);
        if (t == null) {
            throw new IllegalArgumentException("no column '" + column + "' in the " + side + " input");
        }
        if (t != ColumnType.DOUBLE) {
            throw new IllegalArgumentException("column '" + column + "' is " + t + ", not DOUBLE");
        }
    }

    /** The core's claim checks: the first bad row of a side, in row order, named as the core names it. */
    private static void checkIds(Dataset<Row> t, String side, int digits) {
        Column id = col(CLAIM);
        Column bad = id.isNull().or(id.lt(0));
        if (digits > 0) {
            bad = bad.or(id.lt(pow10(digits - 1))).or(id.geq(pow10(digits)));
        }
        List<Row> first = t.filter(bad)
                .orderBy(col(SihParts.ORD))
                .select(col(SihParts.ORD), id)
                .limit(1)
                .collectAsList();
        if (first.isEmpty()) {
            return;
        }
        Row r = first.get(0);
        long row = r.getLong(0);
        if (r.isNullAt(1)) {
            throw new IllegalArgumentException(side + " row " + row + ": claim_id is missing");
        }
        throw new IllegalArgumentException(side + " row " + row + ": claim_id " + r.getLong(1) + " must have "
                + (digits > 0 ? digits + " digits" : "no sign"));
    }

    private static long pow10(int e) {
        long p = 1;
        for (int i = 0; i < e; i++) {
            p *= 10;
        }
        return p;
    }

    /** Column name to {rejected type or null, paid type or null}, the paid side's order first, as the core. */
    private static Map<String, ColumnType[]> otherColumns(
            Map<String, ColumnType> rejected, Map<String, ColumnType> paid) {
        Map<String, ColumnType[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnType> c : paid.entrySet()) {
            if (!Reconciler.OUTPUT_COLUMNS.contains(c.getKey())) {
                out.put(c.getKey(), new ColumnType[] {null, c.getValue()});
            }
        }
        for (Map.Entry<String, ColumnType> c : rejected.entrySet()) {
            if (Reconciler.OUTPUT_COLUMNS.contains(c.getKey())) {
                continue;
            }
            ColumnType[] pair = out.computeIfAbsent(c.getKey(), k -> new ColumnType[2]);
            if (pair[1] != null && pair[1] != c.getValue()) {
                throw new IllegalArgumentException("column '" + c.getKey() + "' is " + c.getValue()
                        + " in the rejected input but " + pair[1] + " in the paid input");
            }
            pair[0] = c.getValue();
        }
        return out;
    }

    /** The report from the claims (each claim knows how many rows it had on each side) and one pass over RJ. */
    private static ReconciliationReport report(Dataset<Row> rejected, Dataset<Row> claims, ReconcileOptions options) {
        double naive = money(
                rejected.agg(sum(coalesce(col(options.rejectedAmountColumn()), lit(0.0))
                                .cast(MONEY)))
                        .first(),
                0);
        Map<Situation, SituationTotals> totals = new EnumMap<>(Situation.class);
        for (Situation s : Situation.values()) {
            totals.put(s, new SituationTotals(0, 0, 0, 0));
        }
        long nj = 0;
        long nd = 0;
        long rjClaims = 0;
        long rdClaims = 0;
        for (Row r : claims.groupBy(col("situation"))
                .agg(
                        count(lit(1)),
                        sum(col("rejected_amount").cast(MONEY)),
                        sum(col(GLOSA).cast(MONEY)),
                        sum(col(PAID).cast(MONEY)),
                        sum(col("rejected_rows")),
                        sum(col("paid_rows")),
                        sum(when(col("rejected_rows").gt(0), 1L).otherwise(0L)),
                        sum(when(col("paid_rows").gt(0), 1L).otherwise(0L)))
                .collectAsList()) {
            totals.put(
                    Situation.ofCode(r.getString(0)),
                    new SituationTotals(r.getLong(1), money(r, 2), money(r, 3), money(r, 4)));
            nj += r.getLong(5);
            nd += r.getLong(6);
            rjClaims += r.getLong(7);
            rdClaims += r.getLong(8);
        }
        return new ReconciliationReport(
                Math.toIntExact(nj),
                Math.toIntExact(nd),
                Math.toIntExact(nj - rjClaims),
                Math.toIntExact(nd - rdClaims),
                totals,
                naive);
    }

    private static double money(Row r, int i) {
        return r.isNullAt(i) ? 0 : r.getDecimal(i).doubleValue();
    }
}
