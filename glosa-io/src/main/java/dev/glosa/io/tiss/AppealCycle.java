package dev.glosa.io.tiss;

import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.TableBuilder;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The appeal cycle of a TISS table (as {@link TissReader} builds it, appeals and answers joined): what was appealed,
 * what came back, what is still pending, how long each step took, and which appeals must still go out by when.
 *
 * <p>{@link #facts} gives one row per operator × hospital × reason code × week (the Monday of the demonstrativo's
 * issue date), the {@code fact_appeal} table: {@value #GLOSA} (every glosa), {@value #APPEALED_GLOSA} (the glosa of
 * the rows appealed) and {@value #APPEALED_SHARE} (the two divided), {@value #APPEALED} ({@code valorRecursado}),
 * {@value #RECOVERED} ({@code valorAcatado}) and {@value #RECOVERED_SHARE} (recovered over appealed),
 * {@value #PENDING} (appealed, no answer read), {@value #DAYS_TO_APPEAL} (mean days from the demonstrativo to the
 * appeal, over the rows with both dates) and {@value #DAYS_TO_ANSWER} (mean days from the appeal to the answer).
 * Shares are missing (NaN) when their denominator is 0.
 *
 * <p>{@link #pending} lists, per demonstrativo × protocol × reason code, the glosa not appealed yet with its deadline
 * (the demonstrativo's issue date plus the operator's days in {@link Deadlines}), the days left on the as-of date
 * (negative once missed) and the money at stake, soonest deadline first. Guide numbers are left out: they identify a
 * stay.
 */
public final class AppealCycle {
    /** Column: the glosa of the group. */
    public static final String GLOSA = "glosa_amount";
    /** Column: the glosa of the rows appealed. */
    public static final String APPEALED_GLOSA = "appealed_glosa";
    /** Column: appealed glosa over glosa. */
    public static final String APPEALED_SHARE = "appealed_share";
    /** Column: the amount appealed ({@code valorRecursado}). */
    public static final String APPEALED = "appealed_amount";
    /** Column: the amount recovered ({@code valorAcatado}). */
    public static final String RECOVERED = "recovered_amount";
    /** Column: recovered over appealed. */
    public static final String RECOVERED_SHARE = "recovered_share";
    /** Column: the amount appealed and not answered yet. */
    public static final String PENDING = "pending_amount";
    /** Column: mean days from the demonstrativo to the appeal. */
    public static final String DAYS_TO_APPEAL = "days_to_appeal";
    /** Column: mean days from the appeal to the answer. */
    public static final String DAYS_TO_ANSWER = "days_to_answer";
    /** Column: the Monday of the week of the demonstrativo's issue date. */
    public static final String WEEK = "week";
    /** Column of {@link #byGroup}: the group's segment, as in {@code dim_segment}. */
    public static final String SEGMENT_ID = "segment_id";
    /** Column of {@link #byGroup}: the group's id, as in {@code dim_group}. */
    public static final String GROUP_ID = "group_id";
    /** Column of {@link #byGroup}: the group's rows with glosa. */
    public static final String LINES = "lines";
    /** Column of {@link #pending}: the last day to appeal. */
    public static final String DEADLINE = "deadline";
    /** Column of {@link #pending}: days from the as-of date to the deadline (negative: missed). */
    public static final String DAYS_LEFT = "days_left";
    /** Column of {@link #pending}: the glosa not appealed, the money at stake. */
    public static final String AT_STAKE = "amount_at_stake";

    private AppealCycle() {}

    /**
     * How many days after the demonstrativo's issue date an appeal may go out, per operator (contracts differ).
     *
     * @param defaultDays the days of an operator not listed
     * @param byPayer days per operator ({@code registroANS})
     */
    public record Deadlines(int defaultDays, Map<String, Integer> byPayer) {
        /**
         * Checks the days are not negative and copies the map.
         *
         * @param defaultDays as {@link #defaultDays()}
         * @param byPayer as {@link #byPayer()}
         */
        public Deadlines {
            if (defaultDays < 0) {
                throw new IllegalArgumentException("appeal deadline days must not be negative, found " + defaultDays);
            }
            byPayer = Map.copyOf(byPayer);
            for (Map.Entry<String, Integer> e : byPayer.entrySet()) {
                if (e.getValue() == null || e.getValue() < 0) {
                    throw new IllegalArgumentException("appeal deadline days of operator " + e.getKey()
                            + " must not be negative, found " + e.getValue());
                }
            }
        }

        /**
         * {@return the days of {@code payer}}
         *
         * @param payer the operator's {@code registroANS}
         */
        public int daysFor(String payer) {
            return byPayer.getOrDefault(payer, defaultDays);
        }
    }

    /**
     * {@return the {@code fact_appeal} table; see the class documentation}
     *
     * @param t the TISS table, as {@link TissReader} builds it
     */
    public static GlosaTable facts(GlosaTable t) {
        CategoryColumn payer = t.category(TissColumns.PAYER);
        CategoryColumn hospital = t.category(TissColumns.HOSPITAL);
        CategoryColumn reason = t.category(TissColumns.REASON_CODE);
        CategoryColumn group = t.category(TissColumns.REASON_GROUP);
        DateColumn statementDate = t.dates(TissColumns.STATEMENT_DATE);
        Rows rows = new Rows(t);
        Map<List<String>, double[]> acc = new TreeMap<>(AppealCycle::compareKeys);
        Map<List<String>, String> groups = new TreeMap<>(AppealCycle::compareKeys);
        for (int r = 0; r < t.rowCount(); r++) {
            if (!(rows.glosa.get(r) > 0)) {
                continue;
            }
            LocalDate day = statementDate.get(r);
            String week = day == null
                    ? null
                    : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                            .toString();
            List<String> key = java.util.Arrays.asList(payer.get(r), hospital.get(r), reason.get(r), week);
            groups.putIfAbsent(key, group.get(r));
            rows.add(acc.computeIfAbsent(key, k -> new double[Rows.SIZE]), r);
        }
        TableBuilder b = GlosaTable.builder(acc.size());
        CategoryColumn.Builder cPayer = b.category(TissColumns.PAYER);
        CategoryColumn.Builder cHospital = b.category(TissColumns.HOSPITAL);
        CategoryColumn.Builder cReason = b.category(TissColumns.REASON_CODE);
        CategoryColumn.Builder cGroup = b.category(TissColumns.REASON_GROUP);
        DateColumn.Builder cWeek = b.dates(WEEK);
        Figures figures = new Figures(b);
        for (Map.Entry<List<String>, double[]> e : acc.entrySet()) {
            List<String> k = e.getKey();
            cPayer.add(k.get(0));
            cHospital.add(k.get(1));
            cReason.add(k.get(2));
            cGroup.add(groups.get(k));
            cWeek.add(k.get(3) == null ? null : LocalDate.parse(k.get(3)));
            figures.add(e.getValue());
        }
        return b.build();
    }

    /**
     * The appeal cycle per group of the run ({@code fact_appeal_group}): for every group that holds glosa, its
     * {@code segment_id} and {@code group_id}, {@value #LINES} (its rows with glosa) and the figures of {@code fact_appeal} over its rows, so
     * an analyst sees what appeals already got back for the group they are about to act on. Groups in id order.
     *
     * @param t the TISS table the run analysed, as {@link TissReader} builds it
     * @param assignments every segment's rows and group ids, rows counted in {@code t}
     * @return one row per group
     */
    public static GlosaTable byGroup(GlosaTable t, List<SegmentAssignment> assignments) {
        Rows rows = new Rows(t);
        Map<String, double[]> acc = new TreeMap<>();
        Map<String, String> segments = new TreeMap<>();
        for (SegmentAssignment a : assignments) {
            for (int i = 0; i < a.size(); i++) {
                int r = a.row(i);
                if (rows.glosa.get(r) > 0) {
                    segments.putIfAbsent(a.groupId(i), a.key().id());
                    double[] sums = acc.computeIfAbsent(a.groupId(i), k -> new double[Rows.SIZE + 1]);
                    rows.add(sums, r);
                    sums[Rows.SIZE]++;
                }
            }
        }
        TableBuilder b = GlosaTable.builder(acc.size());
        CategoryColumn.Builder cSegment = b.category(SEGMENT_ID);
        CategoryColumn.Builder cGroup = b.category(GROUP_ID);
        LongColumn.Builder cLines = b.longs(LINES);
        Figures figures = new Figures(b);
        for (Map.Entry<String, double[]> e : acc.entrySet()) {
            cSegment.add(segments.get(e.getKey()));
            cGroup.add(e.getKey());
            cLines.add((long) e.getValue()[Rows.SIZE]);
            figures.add(e.getValue());
        }
        return b.build();
    }

    /** The columns one row's appeal figures come from, and how a row adds to a group's sums. */
    private static final class Rows {
        /** Sums kept per group: glosa, appealed glosa, appealed, recovered, pending, and day counts with their rows. */
        static final int SIZE = 9;

        final DoubleColumn glosa;
        private final DateColumn statementDate;
        private final LongColumn appealed;
        private final CategoryColumn status;
        private final DoubleColumn appealedAmount;
        private final DoubleColumn recovered;
        private final DateColumn appealDate;
        private final DateColumn answerDate;

        Rows(GlosaTable t) {
            glosa = t.doubles(TissColumns.GLOSA_AMOUNT);
            statementDate = t.dates(TissColumns.STATEMENT_DATE);
            appealed = t.longs(TissColumns.APPEALED);
            status = t.category(TissColumns.APPEAL_STATUS);
            appealedAmount = t.doubles(TissColumns.APPEALED_AMOUNT);
            recovered = t.doubles(TissColumns.RECOVERED_AMOUNT);
            appealDate = t.dates(TissColumns.APPEAL_DATE);
            answerDate = t.dates(TissColumns.ANSWER_DATE);
        }

        void add(double[] a, int r) {
            double g = glosa.get(r);
            a[0] += g;
            if (appealed.get(r) != 1) {
                return;
            }
            a[1] += g;
            a[2] += appealedAmount.get(r);
            a[3] += recovered.get(r);
            if (TissColumns.APPEAL_PENDING.equals(status.get(r))) {
                a[4] += appealedAmount.get(r);
            }
            LocalDate day = statementDate.get(r);
            if (day != null && !appealDate.isMissing(r)) {
                a[5] += ChronoUnit.DAYS.between(day, appealDate.get(r));
                a[6]++;
            }
            if (!appealDate.isMissing(r) && !answerDate.isMissing(r)) {
                a[7] += ChronoUnit.DAYS.between(appealDate.get(r), answerDate.get(r));
                a[8]++;
            }
        }
    }

    /** The figure columns {@code fact_appeal} and {@code fact_appeal_group} share, written from a group's sums. */
    private static final class Figures {
        private final DoubleColumn.Builder glosa;
        private final DoubleColumn.Builder appealedGlosa;
        private final DoubleColumn.Builder appealedShare;
        private final DoubleColumn.Builder appealed;
        private final DoubleColumn.Builder recovered;
        private final DoubleColumn.Builder recoveredShare;
        private final DoubleColumn.Builder pending;
        private final DoubleColumn.Builder toAppeal;
        private final DoubleColumn.Builder toAnswer;

        Figures(TableBuilder b) {
            glosa = b.doubles(GLOSA);
            appealedGlosa = b.doubles(APPEALED_GLOSA);
            appealedShare = b.doubles(APPEALED_SHARE);
            appealed = b.doubles(APPEALED);
            recovered = b.doubles(RECOVERED);
            recoveredShare = b.doubles(RECOVERED_SHARE);
            pending = b.doubles(PENDING);
            toAppeal = b.doubles(DAYS_TO_APPEAL);
            toAnswer = b.doubles(DAYS_TO_ANSWER);
        }

        void add(double[] a) {
            glosa.add(cents(a[0]));
            appealedGlosa.add(cents(a[1]));
            appealedShare.add(a[0] > 0 ? a[1] / a[0] : Double.NaN);
            appealed.add(cents(a[2]));
            recovered.add(cents(a[3]));
            recoveredShare.add(a[2] > 0 ? a[3] / a[2] : Double.NaN);
            pending.add(cents(a[4]));
            toAppeal.add(a[6] > 0 ? a[5] / a[6] : Double.NaN);
            toAnswer.add(a[8] > 0 ? a[7] / a[8] : Double.NaN);
        }
    }

    /**
     * {@return the appeals still to send, soonest deadline first; see the class documentation}
     *
     * @param t the TISS table, as {@link TissReader} builds it
     * @param deadlines the days each operator allows
     * @param asOf the date the days left count to
     */
    public static GlosaTable pending(GlosaTable t, Deadlines deadlines, LocalDate asOf) {
        CategoryColumn payer = t.category(TissColumns.PAYER);
        CategoryColumn hospital = t.category(TissColumns.HOSPITAL);
        CategoryColumn statement = t.category(TissColumns.STATEMENT_NUMBER);
        CategoryColumn protocol = t.category(TissColumns.PROTOCOL_NUMBER);
        CategoryColumn reason = t.category(TissColumns.REASON_CODE);
        CategoryColumn group = t.category(TissColumns.REASON_GROUP);
        DateColumn statementDate = t.dates(TissColumns.STATEMENT_DATE);
        DoubleColumn glosa = t.doubles(TissColumns.GLOSA_AMOUNT);
        LongColumn appealed = t.longs(TissColumns.APPEALED);
        Map<List<String>, double[]> acc = new java.util.LinkedHashMap<>();
        Map<List<String>, Object[]> info = new java.util.HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (!(glosa.get(r) > 0) || appealed.get(r) == 1) {
                continue;
            }
            List<String> key = java.util.Arrays.asList(
                    payer.get(r), hospital.get(r), statement.get(r), protocol.get(r), reason.get(r));
            acc.computeIfAbsent(key, k -> new double[1])[0] += glosa.get(r);
            LocalDate day = statementDate.get(r);
            info.putIfAbsent(key, new Object[] {
                group.get(r), day, day == null ? null : day.plusDays(deadlines.daysFor(payer.get(r)))
            });
        }
        List<List<String>> keys = new ArrayList<>(acc.keySet());
        keys.sort(Comparator.<List<String>, LocalDate>comparing(
                        k -> (LocalDate) info.get(k)[2], Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(k -> -acc.get(k)[0])
                .thenComparing(AppealCycle::compareKeys));
        TableBuilder b = GlosaTable.builder(keys.size());
        CategoryColumn.Builder cPayer = b.category(TissColumns.PAYER);
        CategoryColumn.Builder cHospital = b.category(TissColumns.HOSPITAL);
        CategoryColumn.Builder cStatement = b.category(TissColumns.STATEMENT_NUMBER);
        CategoryColumn.Builder cProtocol = b.category(TissColumns.PROTOCOL_NUMBER);
        CategoryColumn.Builder cReason = b.category(TissColumns.REASON_CODE);
        CategoryColumn.Builder cGroup = b.category(TissColumns.REASON_GROUP);
        DateColumn.Builder cDate = b.dates(TissColumns.STATEMENT_DATE);
        DateColumn.Builder cDeadline = b.dates(DEADLINE);
        LongColumn.Builder cLeft = b.longs(DAYS_LEFT);
        DoubleColumn.Builder cStake = b.doubles(AT_STAKE);
        for (List<String> k : keys) {
            Object[] i = info.get(k);
            cPayer.add(k.get(0));
            cHospital.add(k.get(1));
            cStatement.add(k.get(2));
            cProtocol.add(k.get(3));
            cReason.add(k.get(4));
            cGroup.add((String) i[0]);
            cDate.add((LocalDate) i[1]);
            cDeadline.add((LocalDate) i[2]);
            cLeft.add(i[2] == null ? LongColumn.MISSING : ChronoUnit.DAYS.between(asOf, (LocalDate) i[2]));
            cStake.add(cents(acc.get(k)[0]));
        }
        return b.build();
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Comparator.nullsLast(Comparator.<String>naturalOrder()).compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static double cents(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
