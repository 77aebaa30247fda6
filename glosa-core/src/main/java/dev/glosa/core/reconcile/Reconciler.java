package dev.glosa.core.reconcile;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.Role;
import dev.glosa.core.util.LongIntHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reconciles rejected claims (SIH RJ) with paid claims (SIH RD) so that every claim is counted once.
 *
 * <p>The rules are those of docs/domain.md, "DATASUS SIH: the reference reconciliation", keyed by {@code claim_id}:
 * <ol>
 *   <li>the rejected input is deduplicated by claim with a {@link DedupPolicy} ({@code FIRST} is the reference's);
 *   <li>the paid input may hold a claim more than once (a long-stay continuation, {@code IDENT = 5}, keeps its
 *       principal's number): those rows are never dropped; the claim's paid amount is the sum of its rows and its other
 *       columns come from its principal row ({@code IDENT = 1}), or its first row when none is principal. A row-by-row
 *       join, as in the reference analysis, would count such a claim once per row; this one counts it once;
 *   <li>every claim of rejected ∪ paid leaves exactly once, in one {@link Situation}:
 *       A {@code glosa = rejected, paid = 0}; B {@code glosa = max(rejected - paid, 0)}; C {@code glosa = 0}.
 * </ol>
 *
 * <p>The output has one row per claim, sorted by claim id, with the columns {@code claim_id}, {@code situation}
 * (A, B or C), {@code status} ({@code rejected} or {@code approved}), {@code rejected_amount}, {@code billed_amount}
 * (the rejected amount for A and B, the paid amount for C), {@code glosa_amount}, {@code paid_amount},
 * {@code rejected_rows} and {@code paid_rows} (how many input rows the claim had on each side), then every other
 * column of either input. Those come from the rejected row for A and from the principal paid row for B and C; a column
 * that only the other side has is taken from it when the claim is there, so a B claim keeps its rejection reason.
 *
 * <p>The joins run on primitive {@code long} keys with open-addressing maps: no boxing and no object per row.
 */
public final class Reconciler {
    /** Columns the reconciler writes itself; same-named input columns are replaced. */
    public static final List<String> OUTPUT_COLUMNS = List.of(
            Role.CLAIM_ID.column(),
            "situation",
            "status",
            "rejected_amount",
            Role.BILLED_AMOUNT.column(),
            Role.GLOSA_AMOUNT.column(),
            Role.PAID_AMOUNT.column(),
            "rejected_rows",
            "paid_rows");

    private final ReconcileOptions options;

    private Reconciler(ReconcileOptions options) {
        this.options = options;
    }

    /**
     * {@return a reconciler with the given options}
     *
     * @param options the reconciliation's options
     */
    public static Reconciler with(ReconcileOptions options) {
        return new Reconciler(java.util.Objects.requireNonNull(options, "options"));
    }

    /** {@return a reconciler with the SIH defaults ({@link ReconcileOptions#sih()})} */
    public static Reconciler sih() {
        return new Reconciler(ReconcileOptions.sih());
    }

    /** {@return the options} */
    public ReconcileOptions options() {
        return options;
    }

    /**
     * Reconciles {@code rejected} with {@code paid}.
     *
     * @param rejected the RJ rows
     * @param paid the RD rows
     * @return every claim once, with its situation, glosa and paid amount, and the report
     * @throws IllegalArgumentException naming the side, row and value, for a missing or malformed claim id, a missing
     *     amount column, or a column that has different types in the two inputs
     */
    public Reconciliation reconcile(GlosaTable rejected, GlosaTable paid) {
        LongColumn rjIds = rejected.longs(Role.CLAIM_ID);
        LongColumn rdIds = paid.longs(Role.CLAIM_ID);
        DoubleColumn rjAmount = rejected.doubles(options.rejectedAmountColumn());
        DoubleColumn rdAmount = paid.doubles(options.paidAmountColumn());
        int nj = rejected.rowCount();
        int nd = paid.rowCount();

        // Rejected side: one representative row per claim.
        LongIntHashMap rjIndex = new LongIntHashMap(nj);
        int[] rjRep = new int[nj];
        int[] rjCount = new int[nj];
        long[] rjClaim = new long[nj];
        int rjClaims = 0;
        double naive = 0;
        for (int r = 0; r < nj; r++) {
            long id = checkId(rjIds.get(r), "rejected", r);
            double amount = amountOrZero(rjAmount.get(r));
            naive += amount;
            int c = rjIndex.getOrPut(id, rjClaims);
            if (c == rjClaims) {
                rjClaim[c] = id;
                rjRep[c] = r;
                rjClaims++;
            } else if (options.policy() == DedupPolicy.LAST
                    || options.policy() == DedupPolicy.MAX_VALUE && amount > amountOrZero(rjAmount.get(rjRep[c]))) {
                rjRep[c] = r;
            }
            rjCount[c]++;
        }

        // Paid side: rows of a claim summed; the principal row represents it.
        CategoryColumn principal = options.principalColumn() != null && paid.has(options.principalColumn())
                ? paid.category(options.principalColumn())
                : null;
        int principalCode = principal == null ? -2 : principal.codeOf(options.principalValue());
        if (principalCode < 0) {
            // No row is principal; a missing flag (code -1) must not pass for one.
            principal = null;
        }
        LongIntHashMap rdIndex = new LongIntHashMap(nd);
        int[] rdRep = new int[nd];
        int[] rdCount = new int[nd];
        double[] rdPaid = new double[nd];
        long[] rdClaim = new long[nd];
        boolean[] rdRepIsPrincipal = new boolean[nd];
        int rdClaims = 0;
        for (int r = 0; r < nd; r++) {
            long id = checkId(rdIds.get(r), "paid", r);
            boolean isPrincipal = principal != null && principal.code(r) == principalCode;
            int c = rdIndex.getOrPut(id, rdClaims);
            if (c == rdClaims) {
                rdClaim[c] = id;
                rdRep[c] = r;
                rdRepIsPrincipal[c] = isPrincipal;
                rdClaims++;
            } else if (isPrincipal && !rdRepIsPrincipal[c]) {
                rdRep[c] = r;
                rdRepIsPrincipal[c] = true;
            }
            rdCount[c]++;
            rdPaid[c] += amountOrZero(rdAmount.get(r));
        }

        // Union of claim ids, sorted.
        long[] all = new long[rjClaims + rdClaims];
        System.arraycopy(rjClaim, 0, all, 0, rjClaims);
        int n = rjClaims;
        for (int c = 0; c < rdClaims; c++) {
            if (rjIndex.get(rdClaim[c]) == LongIntHashMap.ABSENT) {
                all[n++] = rdClaim[c];
            }
        }
        long[] ids = Arrays.copyOf(all, n);
        Arrays.sort(ids);

        String[] situationCode = new String[n];
        // Per output row: the row of each side, -1 where the claim is absent from that side.
        int[] rjRow = new int[n];
        int[] rdRow = new int[n];
        double[] rejectedAmount = new double[n];
        double[] billed = new double[n];
        double[] glosa = new double[n];
        double[] paidAmount = new double[n];
        long[] rejectedRows = new long[n];
        long[] paidRows = new long[n];
        Map<Situation, double[]> sums = new EnumMap<>(Situation.class);
        for (Situation s : Situation.values()) {
            sums.put(s, new double[4]);
        }
        for (int i = 0; i < n; i++) {
            int cj = rjIndex.get(ids[i]);
            int cd = rdIndex.get(ids[i]);
            rjRow[i] = cj < 0 ? -1 : rjRep[cj];
            rdRow[i] = cd < 0 ? -1 : rdRep[cd];
            rejectedRows[i] = cj < 0 ? 0 : rjCount[cj];
            paidRows[i] = cd < 0 ? 0 : rdCount[cd];
            Situation s;
            if (cd < 0) {
                s = Situation.REJECTED_NEVER_PAID;
                rejectedAmount[i] = amountOrZero(rjAmount.get(rjRep[cj]));
                billed[i] = rejectedAmount[i];
                glosa[i] = rejectedAmount[i];
                paidAmount[i] = 0;
            } else if (cj >= 0) {
                s = Situation.REJECTED_LATER_PAID;
                rejectedAmount[i] = amountOrZero(rjAmount.get(rjRep[cj]));
                billed[i] = rejectedAmount[i];
                paidAmount[i] = rdPaid[cd];
                glosa[i] = Math.max(rejectedAmount[i] - paidAmount[i], 0);
            } else {
                s = Situation.PAID_NEVER_REJECTED;
                rejectedAmount[i] = 0;
                paidAmount[i] = rdPaid[cd];
                billed[i] = paidAmount[i];
                glosa[i] = 0;
            }
            situationCode[i] = s.code();
            double[] t = sums.get(s);
            t[0]++;
            t[1] += rejectedAmount[i];
            t[2] += glosa[i];
            t[3] += paidAmount[i];
        }

        List<Column> columns = new ArrayList<>();
        columns.add(LongColumn.of(Role.CLAIM_ID.column(), ids));
        columns.add(situationColumn(situationCode, false));
        columns.add(situationColumn(situationCode, true));
        columns.add(DoubleColumn.of("rejected_amount", rejectedAmount));
        columns.add(DoubleColumn.of(Role.BILLED_AMOUNT.column(), billed));
        columns.add(DoubleColumn.of(Role.GLOSA_AMOUNT.column(), glosa));
        columns.add(DoubleColumn.of(Role.PAID_AMOUNT.column(), paidAmount));
        columns.add(LongColumn.of("rejected_rows", rejectedRows));
        columns.add(LongColumn.of("paid_rows", paidRows));
        for (Map.Entry<String, Column[]> e : otherColumns(rejected, paid).entrySet()) {
            columns.add(gather(e.getKey(), e.getValue()[0], e.getValue()[1], situationCode, rjRow, rdRow));
        }

        Map<Situation, SituationTotals> totals = new EnumMap<>(Situation.class);
        sums.forEach((s, t) -> totals.put(s, new SituationTotals((long) t[0], t[1], t[2], t[3])));
        ReconciliationReport report = new ReconciliationReport(nj, nd, nj - rjClaims, nd - rdClaims, totals, naive);
        return new Reconciliation(GlosaTable.of(columns), report);
    }

    private long checkId(long id, String side, int row) {
        if (id == LongColumn.MISSING) {
            throw new IllegalArgumentException(side + " row " + row + ": claim_id is missing");
        }
        int digits = options.claimIdDigits();
        if (id < 0 || digits > 0 && (id < pow10(digits - 1) || id >= pow10(digits))) {
            throw new IllegalArgumentException(side + " row " + row + ": claim_id " + id + " must have "
                    + (digits > 0 ? digits + " digits" : "no sign"));
        }
        return id;
    }

    private static long pow10(int e) {
        long p = 1;
        for (int i = 0; i < e; i++) {
            p *= 10;
        }
        return p;
    }

    private static double amountOrZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static CategoryColumn situationColumn(String[] codes, boolean status) {
        CategoryColumn.Builder b = new CategoryColumn.Builder(status ? "status" : "situation", codes.length);
        for (String c : codes) {
            b.add(status ? Situation.ofCode(c).status() : c);
        }
        return b.build();
    }

    /** Column name to {rejected column or null, paid column or null}, paid side's order first. */
    private static Map<String, Column[]> otherColumns(GlosaTable rejected, GlosaTable paid) {
        Map<String, Column[]> out = new LinkedHashMap<>();
        for (Column c : paid.columns()) {
            if (!OUTPUT_COLUMNS.contains(c.name())) {
                out.put(c.name(), new Column[] {null, c});
            }
        }
        for (Column c : rejected.columns()) {
            if (OUTPUT_COLUMNS.contains(c.name())) {
                continue;
            }
            Column[] pair = out.computeIfAbsent(c.name(), k -> new Column[2]);
            if (pair[1] != null && pair[1].type() != c.type()) {
                throw new IllegalArgumentException("column '" + c.name() + "' is " + c.type()
                        + " in the rejected input but " + pair[1].type() + " in the paid input");
            }
            pair[0] = c;
        }
        return out;
    }

    /** One output column: from the rejected row for A, the paid row for B and C, the other side where one lacks it. */
    private static Column gather(String name, Column rj, Column rd, String[] situation, int[] rjRow, int[] rdRow) {
        int n = situation.length;
        int[] side = new int[n];
        int[] row = new int[n];
        for (int i = 0; i < n; i++) {
            boolean preferRejected = situation[i].equals("A");
            int first = preferRejected ? rjRow[i] : rdRow[i];
            Column firstCol = preferRejected ? rj : rd;
            if (firstCol != null && first >= 0) {
                side[i] = preferRejected ? 0 : 1;
                row[i] = first;
            } else {
                int second = preferRejected ? rdRow[i] : rjRow[i];
                Column secondCol = preferRejected ? rd : rj;
                side[i] = secondCol != null && second >= 0 ? (preferRejected ? 1 : 0) : -1;
                row[i] = second;
            }
        }
        Column[] sources = {rj, rd};
        ColumnType type = (rj != null ? rj : rd).type();
        return switch (type) {
            case CATEGORY -> gatherCategory(name, sources, side, row);
            case DOUBLE -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = side[i] < 0 ? Double.NaN : ((DoubleColumn) sources[side[i]]).get(row[i]);
                }
                yield DoubleColumn.of(name, v);
            }
            case LONG -> {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = side[i] < 0 ? LongColumn.MISSING : ((LongColumn) sources[side[i]]).get(row[i]);
                }
                yield LongColumn.of(name, v);
            }
            case DATE -> {
                DateColumn.Builder b = new DateColumn.Builder(name, n);
                for (int i = 0; i < n; i++) {
                    b.addEpochDay(side[i] < 0 ? DateColumn.MISSING : ((DateColumn) sources[side[i]]).epochDay(row[i]));
                }
                yield b.build();
            }
            case MONTH -> {
                MonthColumn.Builder b = new MonthColumn.Builder(name, n);
                for (int i = 0; i < n; i++) {
                    b.addIndex(side[i] < 0 ? MonthColumn.MISSING : ((MonthColumn) sources[side[i]]).index(row[i]));
                }
                yield b.build();
            }
        };
    }

    /** Merges the two dictionaries once, then copies codes: no string hashing per row. */
    private static CategoryColumn gatherCategory(String name, Column[] sources, int[] side, int[] row) {
        CategoryColumn.Builder b = new CategoryColumn.Builder(name, side.length);
        int[][] remap = new int[2][];
        for (int s = 0; s < 2; s++) {
            if (sources[s] != null) {
                CategoryColumn c = (CategoryColumn) sources[s];
                remap[s] = new int[c.cardinality()];
                for (int code = 0; code < remap[s].length; code++) {
                    remap[s][code] = b.codeFor(c.value(code));
                }
            }
        }
        for (int i = 0; i < side.length; i++) {
            if (side[i] < 0) {
                b.addMissing();
            } else {
                int code = ((CategoryColumn) sources[side[i]]).code(row[i]);
                b.addCode(code < 0 ? -1 : remap[side[i]][code]);
            }
        }
        return b.build();
    }
}
