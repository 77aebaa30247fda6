package dev.glosa.io.tiss;

import static dev.glosa.io.tiss.TissColumns.*;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins appeals ({@code recursoGlosa}) and the operator's answers ({@code respostaRecursoGlosa}) to the glosa rows and
 * adds the columns {@code appealed}, {@code appeal_status}, {@code appealed_amount} and {@code recovered_amount}.
 *
 * <p>A line is joined on the operator ({@code registroANS}) and the provider's guide number (the operator's guide
 * number when the provider's finds nothing), then:
 * <ul>
 *   <li>an item line on the reason code and the item sequence, or failing that on the reason code and the procedure
 *       (table and code);</li>
 *   <li>a whole-guide line on the reason code among the guide-level rows of that guide, or failing that among all the
 *       guide's rows;</li>
 *   <li>a protocol line on the protocol number and the reason code among the protocol-level rows, or failing that
 *       among all the protocol's rows.</li>
 * </ul>
 * Appeals are applied first, then answers, each in input order; a later answer to the same row replaces an earlier
 * one. An item answer gives the amount accepted ({@code valorAcatado}); a guide or protocol answer only says S or N,
 * so S recovers the row's whole glosa. An appeal of a guide or protocol gives no amount, so the row's whole glosa counts
 * as appealed. Lines that match no row are reported and change nothing.
 */
final class AppealJoin {
    private final GlosaTable table;
    private final ReportCollector report;
    private final long toleranceCents;
    private final CategoryColumn payer;
    private final CategoryColumn guide;
    private final CategoryColumn operatorGuide;
    private final CategoryColumn protocol;
    private final CategoryColumn reason;
    private final CategoryColumn level;
    private final CategoryColumn procTable;
    private final CategoryColumn procCode;
    private final LongColumn seq;
    private final DoubleColumn glosa;
    private final Map<String, Integer> payerCodes;
    private final Map<String, Integer> guideCodes;
    private final Map<String, Integer> operatorGuideCodes;
    private final Map<String, Integer> protocolCodes;
    private final Map<String, Integer> reasonCodes;
    private final int[][] byGuide;
    private final int[][] byOperatorGuide;
    private final int[][] byProtocol;
    private final int itemLevel;
    private final int guideLevel;
    private final int protocolLevel;

    private final long[] appealed;
    private final String[] status;
    private final double[] appealedAmount;
    private final double[] recovered;
    private final int[] appealDate;
    private final int[] answerDate;

    AppealJoin(GlosaTable table, ReportCollector report, long toleranceCents) {
        this.table = table;
        this.report = report;
        this.toleranceCents = toleranceCents;
        payer = table.category(PAYER);
        guide = table.category(GUIDE_NUMBER);
        operatorGuide = table.category(OPERATOR_GUIDE_NUMBER);
        protocol = table.category(PROTOCOL_NUMBER);
        reason = table.category(REASON_CODE);
        level = table.category(GLOSA_LEVEL);
        procTable = table.category(PROCEDURE_TABLE);
        procCode = table.category(PROCEDURE_CODE);
        seq = table.longs(ITEM_SEQ);
        glosa = table.doubles(GLOSA_AMOUNT);
        payerCodes = dictionary(payer);
        guideCodes = dictionary(guide);
        operatorGuideCodes = dictionary(operatorGuide);
        protocolCodes = dictionary(protocol);
        reasonCodes = dictionary(reason);
        byGuide = index(guide);
        byOperatorGuide = index(operatorGuide);
        byProtocol = index(protocol);
        itemLevel = level.codeOf(TissLevel.ITEM.label());
        guideLevel = level.codeOf(TissLevel.GUIDE.label());
        protocolLevel = level.codeOf(TissLevel.PROTOCOL.label());
        int n = table.rowCount();
        appealed = new long[n];
        status = new String[n];
        appealedAmount = new double[n];
        recovered = new double[n];
        java.util.Arrays.fill(status, APPEAL_NONE);
        appealDate = new int[n];
        answerDate = new int[n];
        java.util.Arrays.fill(appealDate, DateColumn.MISSING);
        java.util.Arrays.fill(answerDate, DateColumn.MISSING);
    }

    /** The table with the four appeal columns added. */
    GlosaTable apply(List<AppealRecord> lines) {
        for (AppealRecord a : lines) {
            if (!a.answer()) {
                if (applyOne(a)) {
                    report.appealsMatched++;
                } else {
                    report.warn(a.file(), a.line(), a.describe() + " matches no glosa row");
                }
            }
        }
        for (AppealRecord a : lines) {
            if (a.answer()) {
                if (applyOne(a)) {
                    report.answersMatched++;
                } else {
                    report.warn(a.file(), a.line(), a.describe() + " matches no glosa row");
                }
            }
        }
        CategoryColumn.Builder st = new CategoryColumn.Builder(APPEAL_STATUS, status.length);
        for (String s : status) {
            st.add(s);
        }
        return table.with(LongColumn.of(APPEALED, appealed))
                .with(st.build())
                .with(DoubleColumn.of(APPEALED_AMOUNT, appealedAmount))
                .with(DoubleColumn.of(RECOVERED_AMOUNT, recovered))
                .with(dates(APPEAL_DATE, appealDate))
                .with(dates(ANSWER_DATE, answerDate));
    }

    private static DateColumn dates(String name, int[] days) {
        DateColumn.Builder b = new DateColumn.Builder(name, days.length);
        for (int d : days) {
            b.addEpochDay(d);
        }
        return b.build();
    }

    private boolean applyOne(AppealRecord a) {
        Integer p = payerCodes.get(a.payer());
        Integer code = reasonCodes.get(a.reasonCode());
        if (p == null || code == null) {
            return false;
        }
        int[] rows = candidates(a);
        int matched = 0;
        switch (a.level()) {
            case ITEM -> {
                matched = mark(a, rows, p, code, itemLevel, a.itemSeq(), null, null);
                if (matched == 0 && a.procedureCode() != null) {
                    matched = mark(a, rows, p, code, itemLevel, -1, a.procedureTable(), a.procedureCode());
                }
            }
            case GUIDE -> {
                matched = mark(a, rows, p, code, guideLevel, -1, null, null);
                if (matched == 0) {
                    matched = mark(a, rows, p, code, -2, -1, null, null);
                }
            }
            case PROTOCOL -> {
                matched = mark(a, rows, p, code, protocolLevel, -1, null, null);
                if (matched == 0) {
                    matched = mark(a, rows, p, code, -2, -1, null, null);
                }
            }
            case STATEMENT -> throw new IllegalStateException("an appeal line is never at statement level");
        }
        return matched > 0;
    }

    private int[] candidates(AppealRecord a) {
        if (a.level() == TissLevel.PROTOCOL) {
            Integer c = a.protocol() == null ? null : protocolCodes.get(a.protocol());
            return c == null ? new int[0] : byProtocol[c];
        }
        Integer g = a.guide() == null ? null : guideCodes.get(a.guide());
        if (g != null && byGuide[g].length > 0) {
            return byGuide[g];
        }
        Integer o = a.operatorGuide() == null ? null : operatorGuideCodes.get(a.operatorGuide());
        return o == null ? new int[0] : byOperatorGuide[o];
    }

    /**
     * Marks the rows among {@code rows} of payer {@code p} and reason {@code code} at level {@code lvl} ({@code -2}:
     * any level), optionally of item {@code itemSeq} or of the procedure, and returns how many.
     */
    private int mark(
            AppealRecord a, int[] rows, int p, int code, int lvl, long itemSeq, String table, String procedure) {
        if (lvl == CategoryColumn.MISSING) {
            return 0;
        }
        int matched = 0;
        for (int row : rows) {
            if (payer.code(row) != p || reason.code(row) != code || lvl != -2 && level.code(row) != lvl) {
                continue;
            }
            if (itemSeq >= 0 && seq.get(row) != itemSeq) {
                continue;
            }
            if (procedure != null
                    && (!procedure.equals(procCode.get(row)) || table != null && !table.equals(procTable.get(row)))) {
                continue;
            }
            update(a, row, matched == 0);
            matched++;
        }
        return matched;
    }

    private void update(AppealRecord a, int row, boolean first) {
        double rowGlosa = glosa.get(row);
        appealed[row] = 1;
        if (a.answer()) {
            answerDate[row] = a.date();
        } else {
            appealDate[row] = a.date();
        }
        boolean amounts = a.level() == TissLevel.ITEM;
        if (!a.answer()) {
            if (status[row].equals(APPEAL_NONE)) {
                status[row] = APPEAL_PENDING;
            }
            appealedAmount[row] =
                    amounts ? (first && a.appealedCents() >= 0 ? a.appealedCents() / 100.0 : 0) : rowGlosa;
            return;
        }
        if (amounts) {
            if (a.appealedCents() >= 0 && first) {
                appealedAmount[row] = a.appealedCents() / 100.0;
            }
            long acc = first ? Math.max(0, a.acceptedCents()) : 0;
            recovered[row] = acc / 100.0;
            long asked = Math.round(appealedAmount[row] * 100.0);
            status[row] = acc == 0 ? APPEAL_REJECTED : acc + toleranceCents >= asked ? APPEAL_ACCEPTED : APPEAL_PARTIAL;
            if (acc > Math.round(rowGlosa * 100.0) + toleranceCents) {
                report.warn(
                        a.file(),
                        a.line(),
                        a.describe() + ": accepted " + acc / 100.0 + " is more than the row's glosa " + rowGlosa);
            }
        } else {
            if (appealedAmount[row] == 0) {
                appealedAmount[row] = rowGlosa;
            }
            boolean yes = a.acceptedFlag() == 'S';
            recovered[row] = yes ? rowGlosa : 0;
            status[row] = yes ? APPEAL_ACCEPTED : APPEAL_REJECTED;
        }
    }

    private static Map<String, Integer> dictionary(CategoryColumn c) {
        Map<String, Integer> m = new HashMap<>(Math.max(16, c.cardinality() * 2));
        for (int i = 0; i < c.cardinality(); i++) {
            m.put(c.value(i), i);
        }
        return m;
    }

    /** The glosa rows (those with a reason code) of each value of {@code c}, in table order. */
    private int[][] index(CategoryColumn c) {
        int n = table.rowCount();
        int[] counts = new int[c.cardinality()];
        for (int r = 0; r < n; r++) {
            int k = c.code(r);
            if (k >= 0 && !reason.isMissing(r)) {
                counts[k]++;
            }
        }
        int[][] out = new int[counts.length][];
        for (int k = 0; k < counts.length; k++) {
            out[k] = new int[counts[k]];
        }
        int[] fill = new int[counts.length];
        for (int r = 0; r < n; r++) {
            int k = c.code(r);
            if (k >= 0 && !reason.isMissing(r)) {
                out[k][fill[k]++] = r;
            }
        }
        return out;
    }
}
