package dev.glosa.io.generate;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.Role;
import dev.glosa.core.table.TableBuilder;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates SIH-like RD, RJ and ER tables with re-presentations, late and partial payments and long stays.
 *
 * <p>The tables have the canonical columns the SIH reader produces, so code written against generated data runs
 * unchanged on real files. RD and RJ: {@code claim_id} (LONG, a 13-digit AIH number: state code, two-digit year,
 * sequence, check digit), {@code hospital} (7-digit CNES), {@code payer} ({@code SUS}), {@code competence} (MONTH),
 * {@code billed_amount} ({@code VAL_TOT}), in RD only {@code paid_amount} ({@code VAL_TOT}), {@code admission_date},
 * {@code discharge_date}, then {@code IDENT} ({@code 1} principal, {@code 5} long-stay continuation that reuses its
 * principal's number), {@code PROC_REA}, {@code DIAG_PRINC}, {@code ESPEC}, {@code age_years} (DOUBLE),
 * {@code SEXO} ({@code 1} male, {@code 3} female), {@code DIAS_PERM}, {@code UTI_MES_TO}, {@code MORTE} ("0" or
 * "1", as the SIH reader types it), {@code CAR_INT}, {@code COMPLEX} and {@code GESTAO} (CATEGORY). ER: {@code claim_id}, {@code hospital},
 * {@code competence}, {@code admission_date}, {@code discharge_date} and {@code reason_code} ({@code CO_ERRO}, drawn
 * from the official SIH table), one row per error, one to three errors per RJ row.
 *
 * <p>Rows are in competence order, as when monthly files are read one after the other; within a month, the claims
 * first presented that month come hospital by hospital, then the re-presentations, late payments and continuations
 * of earlier claims. A claim's whole history is generated when it is first presented, so the work and memory are
 * linear in the number of claims: the columns are appended directly, and only the claims with a later event are
 * remembered, in primitive arrays. Claims are first presented only inside the RJ window, so every claim's history is
 * complete in the sample; the extra RD months hold only late payments and continuations. Billed values are log-normal
 * around each procedure's median, between R$ 300 and R$ 30,000; a partial payment is 40% to 95% of the value billed.
 *
 * <p>Deterministic: one {@link SplittableRandom} seeded with {@link SihGeneratorConfig#seed()} is consumed in a fixed
 * order, so the same configuration gives the same tables on any machine.
 */
public final class SihGenerator {
    static final double MIN_VALUE = 300;
    static final double MAX_VALUE = 30_000;

    private SihGenerator() {}

    /** Generates the RD, RJ and ER tables of {@code config}. */
    public static SihSample generate(SihGeneratorConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        return new Run(config).run();
    }

    /** The state of one generation: random stream, hospitals, builders and the claims with future events. */
    private static final class Run {
        private static final byte REJECTED_AGAIN = 0;
        private static final byte PAID_LATE = 1;
        private static final byte CONTINUATION = 2;

        private final SihGeneratorConfig cfg;
        private final SplittableRandom rnd;
        private final int rjMonths;
        private final int rdMonths;
        private final int firstMonthIndex;
        private final int[] monthStartDay;
        private final int[] monthLength;

        private final String[] cnes;
        private final String[] gestao;
        private final double[] rejectionMultiplier;
        private final boolean[] highComplexity;
        private final int[][] favouriteCodes;
        private final double[] cumulativeNormal;
        private final double[] cumulativeHigh;

        private final String[] errorCodes;
        private final double[] errorCumulative;
        private final int[] errorOrder;

        private final ClaimColumns rd;
        private final ClaimColumns rj;
        private final LongColumn.Builder erClaim;
        private final CategoryColumn.Builder erHospital;
        private final MonthColumn.Builder erCompetence;
        private final DateColumn.Builder erAdmission;
        private final DateColumn.Builder erDischarge;
        private final CategoryColumn.Builder erReason;
        private final int[] erHospitalCode;
        private final int[] erReasonCode;
        private final TableBuilder erTable;

        // The claim being written: fresh claims are drawn into these fields, remembered ones loaded into them.
        private long curId;
        private int curHospital;
        private int curProc;
        private int curDiag;
        private int curAdmission;
        private int curDischarge;
        private double curAge;
        private double curStay;
        private double curIcu;
        private double curDeath;
        private boolean curMale;
        private boolean curUrgent;

        // Claims with a later event, one slot each.
        private long[] sId = new long[1024];
        private int[] sInts = new int[1024 * 5];
        private double[] sDoubles = new double[1024 * 4];
        private byte[] sFlags = new byte[1024];
        private int slots;
        private int curSlot = -1;

        // Later events, bucketed by month.
        private int[] eSlot = new int[1024];
        private byte[] eKind = new byte[1024];
        private double[] eValue = new double[1024];
        private double[] eStay = new double[1024];
        private int events;
        private final int[][] monthEvents;
        private final int[] monthEventCount;

        private final int[] erScratch = new int[3];

        Run(SihGeneratorConfig cfg) {
            this.cfg = cfg;
            this.rnd = new SplittableRandom(cfg.seed());
            this.rjMonths = cfg.months();
            this.rdMonths = cfg.months() + cfg.rdExtraMonths();
            this.firstMonthIndex = MonthColumn.toIndex(cfg.firstMonth());
            this.monthStartDay = new int[rdMonths];
            this.monthLength = new int[rdMonths];
            for (int k = 0; k < rdMonths; k++) {
                YearMonth ym = cfg.firstMonth().plusMonths(k);
                monthStartDay[k] = Math.toIntExact(ym.atDay(1).toEpochDay());
                monthLength[k] = ym.lengthOfMonth();
            }

            int h = cfg.hospitals();
            cnes = new String[h];
            gestao = new String[h];
            rejectionMultiplier = new double[h];
            highComplexity = new boolean[h];
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < h; i++) {
                int id;
                do {
                    id = 2_000_000 + rnd.nextInt(8_000_000);
                } while (!seen.add(id));
                cnes[i] = Integer.toString(id);
                gestao[i] = rnd.nextDouble() < 0.8 ? "2" : "1";
                rejectionMultiplier[i] = 0.4 + 1.2 * rnd.nextDouble();
                highComplexity[i] = rnd.nextDouble() < 0.3;
            }
            cumulativeNormal = cumulative(false);
            cumulativeHigh = cumulative(true);

            errorCodes = ErrorCodes.codes();
            errorOrder = new int[errorCodes.length];
            for (int i = 0; i < errorOrder.length; i++) {
                errorOrder[i] = i;
            }
            for (int i = errorOrder.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = errorOrder[i];
                errorOrder[i] = errorOrder[j];
                errorOrder[j] = t;
            }
            // Zipf-like: a few codes account for most rejections, as in real ER files.
            errorCumulative = new double[errorCodes.length];
            double s = 0;
            for (int i = 0; i < errorCumulative.length; i++) {
                s += 1.0 / Math.pow(i + 1, 1.1);
                errorCumulative[i] = s;
            }
            favouriteCodes = new int[h][3];
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < 3; j++) {
                    favouriteCodes[i][j] = drawZipfCode();
                }
            }

            long claims = cfg.totalClaims();
            double r = cfg.rejectionRate();
            int rdCap = (int) Math.min(Integer.MAX_VALUE - 16, claims * (1 - r * 0.45 + cfg.longStayRate()) + 64);
            int rjCap = (int) Math.min(Integer.MAX_VALUE - 16, claims * r * 1.25 + 64);
            rd = new ClaimColumns(GlosaTable.builder(rdCap), true, cnes, gestao);
            rj = new ClaimColumns(GlosaTable.builder(rjCap), false, cnes, gestao);
            erTable = GlosaTable.builder((int) Math.min(Integer.MAX_VALUE - 16, rjCap * 1.4));
            erClaim = erTable.longs(Role.CLAIM_ID.column());
            erHospital = erTable.category(Role.HOSPITAL.column());
            erCompetence = erTable.months(Role.COMPETENCE.column());
            erAdmission = erTable.dates(Role.ADMISSION_DATE.column());
            erDischarge = erTable.dates(Role.DISCHARGE_DATE.column());
            erReason = erTable.category(Role.REASON_CODE.column());
            erHospitalCode = new int[h];
            for (int i = 0; i < h; i++) {
                erHospitalCode[i] = erHospital.codeFor(cnes[i]);
            }
            erReasonCode = new int[errorCodes.length];
            for (int i = 0; i < errorCodes.length; i++) {
                erReasonCode[i] = erReason.codeFor(errorCodes[i]);
            }
            monthEvents = new int[rdMonths][];
            monthEventCount = new int[rdMonths];
        }

        private static double[] cumulative(boolean high) {
            double[][] n = SihCatalog.NUMBERS;
            double[] c = new double[n.length];
            double s = 0;
            for (int i = 0; i < n.length; i++) {
                if (high || i < SihCatalog.FIRST_HIGH_COMPLEXITY) {
                    s += n[i][SihCatalog.WEIGHT];
                }
                c[i] = s;
            }
            return c;
        }

        private static int search(double[] cumulative, double u) {
            double target = u * cumulative[cumulative.length - 1];
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] <= target) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private int drawZipfCode() {
            return errorOrder[search(errorCumulative, rnd.nextDouble())];
        }

        SihSample run() {
            int claims = cfg.claimsPerHospitalMonth();
            int year = Integer.MIN_VALUE;
            int seq = 0;
            for (int k = 0; k < rdMonths; k++) {
                if (k < rjMonths) {
                    int y = Math.floorDiv(firstMonthIndex + k, 12);
                    if (y != year) {
                        year = y;
                        seq = 0;
                    }
                    for (int h = 0; h < cfg.hospitals(); h++) {
                        for (int c = 0; c < claims; c++) {
                            freshClaim(k, h, claimNumber(y, seq++));
                        }
                    }
                }
                int[] list = monthEvents[k];
                for (int i = 0; i < monthEventCount[k]; i++) {
                    int e = list[i];
                    load(eSlot[e]);
                    switch (eKind[e]) {
                        case REJECTED_AGAIN -> writeRejected(k, eValue[e]);
                        case PAID_LATE -> rd.append(this, firstMonthIndex + k, eValue[e], false);
                        default -> {
                            curStay = eStay[e];
                            curIcu = 0;
                            rd.append(this, firstMonthIndex + k, eValue[e], true);
                        }
                    }
                }
                monthEvents[k] = null;
            }
            return new SihSample(rd.table.build(), rj.table.build(), erTable.build(), cfg);
        }

        /** A 13-digit AIH number: state, two-digit year, a digit and seven of sequence, a mod-11 check digit. */
        private long claimNumber(int year, int seq) {
            long first12 = cfg.stateCode() * 10_000_000_000L
                    + (year % 100) * 100_000_000L
                    + (1 + seq / 10_000_000) * 10_000_000L
                    + seq % 10_000_000;
            return first12 * 10 + (first12 % 11) % 10;
        }

        private void freshClaim(int k, int h, long id) {
            curSlot = -1;
            curId = id;
            curHospital = h;
            curProc = search(highComplexity[h] ? cumulativeHigh : cumulativeNormal, rnd.nextDouble());
            double[] p = SihCatalog.NUMBERS[curProc];
            curDiag = rnd.nextInt(SihCatalog.DIAG[curProc].length);
            curMale = rnd.nextDouble() < p[SihCatalog.MALE_SHARE];
            curUrgent = rnd.nextDouble() < p[SihCatalog.URGENT];
            curDeath = rnd.nextDouble() < p[SihCatalog.DEATH] ? 1 : 0;
            if (curProc == SihCatalog.NEWBORN) {
                // Days over 365.25, as the SIH reader converts an age in days (COD_IDADE 2).
                curAge = rnd.nextInt(29) / 365.25;
            } else {
                double age = p[SihCatalog.AGE_MEAN] + p[SihCatalog.AGE_SD] * rnd.nextGaussian();
                boolean obstetric = p[SihCatalog.MALE_SHARE] == 0 && p[SihCatalog.AGE_MEAN] < 35;
                curAge = Math.rint(obstetric ? clamp(age, 13, 49) : clamp(age, 0, 99));
            }
            double value = drawValue(curProc, 1);
            boolean rejected = rnd.nextDouble() < Math.min(0.9, cfg.rejectionRate() * rejectionMultiplier[h]);
            boolean longStay = !rejected && k + 1 < rdMonths && rnd.nextDouble() < cfg.longStayRate();
            curStay = longStay
                    ? 30 + rnd.nextInt(60)
                    : Math.rint(Math.min(90, p[SihCatalog.STAY] * Math.exp(0.6 * rnd.nextGaussian())));
            curIcu = rnd.nextDouble() < p[SihCatalog.ICU]
                    ? Math.min(Math.max(1, curStay), Math.rint(1 + Math.exp(1.0 + 0.6 * rnd.nextGaussian())))
                    : 0;
            curDischarge = monthStartDay[k] - 20 + rnd.nextInt(monthLength[k] + 20);
            curAdmission = curDischarge - (int) curStay;
            if (!rejected) {
                rd.append(this, firstMonthIndex + k, value, false);
                if (longStay) {
                    schedule(k + 1, CONTINUATION, round2(drawValue(curProc, 0.8)), 5 + rnd.nextInt(26));
                }
                return;
            }
            writeRejected(k, value);
            int month = k;
            int rejections = 1;
            double current = value;
            while (rejections < SihGeneratorConfig.MAX_REJECTIONS && rnd.nextDouble() < cfg.representationRate()) {
                double u = rnd.nextDouble();
                month += u < 0.6 ? 1 : u < 0.85 ? 2 : 3;
                if (rnd.nextDouble() < cfg.valueChangeRate()) {
                    current = round2(clamp(current * Math.exp(0.2 * rnd.nextGaussian()), MIN_VALUE, MAX_VALUE));
                }
                if (rnd.nextDouble() < cfg.rerejectionRate()) {
                    if (month >= rjMonths) {
                        return;
                    }
                    schedule(month, REJECTED_AGAIN, current, 0);
                    rejections++;
                    continue;
                }
                double paid = rnd.nextDouble() < cfg.partialPaymentRate()
                        ? round2(current * (0.4 + 0.55 * rnd.nextDouble()))
                        : current;
                if (month < rdMonths) {
                    schedule(month, PAID_LATE, paid, 0);
                }
                return;
            }
        }

        private double drawValue(int proc, double scale) {
            double median = SihCatalog.NUMBERS[proc][SihCatalog.VALUE] * scale;
            return round2(clamp(median * Math.exp(0.45 * rnd.nextGaussian()), MIN_VALUE, MAX_VALUE));
        }

        private void writeRejected(int k, double value) {
            int month = firstMonthIndex + k;
            rj.append(this, month, value, false);
            double u = rnd.nextDouble();
            int n = u < 0.7 ? 1 : u < 0.92 ? 2 : 3;
            int[] fav = favouriteCodes[curHospital];
            for (int i = 0; i < n; i++) {
                int code;
                int attempts = 0;
                do {
                    code = rnd.nextDouble() < 0.4 ? fav[rnd.nextInt(fav.length)] : drawZipfCode();
                } while (contains(erScratch, i, code) && ++attempts < 32);
                if (contains(erScratch, i, code)) {
                    continue;
                }
                erScratch[i] = code;
                erClaim.add(curId);
                erHospital.addCode(erHospitalCode[curHospital]);
                erCompetence.addIndex(month);
                erAdmission.addEpochDay(curAdmission);
                erDischarge.addEpochDay(curDischarge);
                erReason.addCode(erReasonCode[code]);
            }
        }

        private static boolean contains(int[] a, int n, int v) {
            for (int i = 0; i < n; i++) {
                if (a[i] == v) {
                    return true;
                }
            }
            return false;
        }

        private void schedule(int month, byte kind, double value, double stay) {
            if (curSlot < 0) {
                curSlot = save();
            }
            if (events == eSlot.length) {
                int n = events + (events >> 1) + 16;
                eSlot = Arrays.copyOf(eSlot, n);
                eKind = Arrays.copyOf(eKind, n);
                eValue = Arrays.copyOf(eValue, n);
                eStay = Arrays.copyOf(eStay, n);
            }
            eSlot[events] = curSlot;
            eKind[events] = kind;
            eValue[events] = value;
            eStay[events] = stay;
            int[] list = monthEvents[month];
            if (list == null) {
                list = new int[64];
                monthEvents[month] = list;
            } else if (monthEventCount[month] == list.length) {
                list = Arrays.copyOf(list, list.length + (list.length >> 1) + 16);
                monthEvents[month] = list;
            }
            list[monthEventCount[month]++] = events++;
        }

        private int save() {
            if (slots == sId.length) {
                int n = slots + (slots >> 1) + 16;
                sId = Arrays.copyOf(sId, n);
                sInts = Arrays.copyOf(sInts, n * 5);
                sDoubles = Arrays.copyOf(sDoubles, n * 4);
                sFlags = Arrays.copyOf(sFlags, n);
            }
            int s = slots++;
            sId[s] = curId;
            sInts[s * 5] = curHospital;
            sInts[s * 5 + 1] = curProc;
            sInts[s * 5 + 2] = curDiag;
            sInts[s * 5 + 3] = curAdmission;
            sInts[s * 5 + 4] = curDischarge;
            sDoubles[s * 4] = curAge;
            sDoubles[s * 4 + 1] = curStay;
            sDoubles[s * 4 + 2] = curIcu;
            sDoubles[s * 4 + 3] = curDeath;
            sFlags[s] = (byte) ((curMale ? 1 : 0) | (curUrgent ? 2 : 0));
            return s;
        }

        private void load(int s) {
            curSlot = s;
            curId = sId[s];
            curHospital = sInts[s * 5];
            curProc = sInts[s * 5 + 1];
            curDiag = sInts[s * 5 + 2];
            curAdmission = sInts[s * 5 + 3];
            curDischarge = sInts[s * 5 + 4];
            curAge = sDoubles[s * 4];
            curStay = sDoubles[s * 4 + 1];
            curIcu = sDoubles[s * 4 + 2];
            curDeath = sDoubles[s * 4 + 3];
            curMale = (sFlags[s] & 1) != 0;
            curUrgent = (sFlags[s] & 2) != 0;
        }

        private static double clamp(double v, double lo, double hi) {
            return v < lo ? lo : v > hi ? hi : v;
        }

        private static double round2(double v) {
            return Math.rint(v * 100) / 100;
        }
    }

    /** The builders of one RD or RJ table, with every dictionary code looked up once. */
    private static final class ClaimColumns {
        final TableBuilder table;
        final LongColumn.Builder claim;
        final CategoryColumn.Builder hospital;
        final CategoryColumn.Builder payer;
        final MonthColumn.Builder competence;
        final DoubleColumn.Builder billed;
        final DoubleColumn.Builder paid;
        final DateColumn.Builder admission;
        final DateColumn.Builder discharge;
        final CategoryColumn.Builder ident;
        final CategoryColumn.Builder proc;
        final CategoryColumn.Builder diag;
        final CategoryColumn.Builder espec;
        final DoubleColumn.Builder age;
        final CategoryColumn.Builder sex;
        final DoubleColumn.Builder stay;
        final DoubleColumn.Builder icu;
        final CategoryColumn.Builder death;
        final int deathNo;
        final int deathYes;
        final CategoryColumn.Builder carInt;
        final CategoryColumn.Builder complex;
        final CategoryColumn.Builder gestao;

        final int[] hospitalCode;
        final int[] gestaoCode;
        final int sus;
        final int principal;
        final int continuation;
        final int male;
        final int female;
        final int elective;
        final int urgent;
        final int[] procCode;
        final int[][] diagCode;
        final int[] especCode;
        final int[] complexCode;

        ClaimColumns(TableBuilder t, boolean withPaid, String[] cnes, String[] gestaoOfHospital) {
            table = t;
            claim = t.longs(Role.CLAIM_ID.column());
            hospital = t.category(Role.HOSPITAL.column());
            payer = t.category(Role.PAYER.column());
            competence = t.months(Role.COMPETENCE.column());
            billed = t.doubles(Role.BILLED_AMOUNT.column());
            paid = withPaid ? t.doubles(Role.PAID_AMOUNT.column()) : null;
            admission = t.dates(Role.ADMISSION_DATE.column());
            discharge = t.dates(Role.DISCHARGE_DATE.column());
            ident = t.category("IDENT");
            proc = t.category("PROC_REA");
            diag = t.category("DIAG_PRINC");
            espec = t.category("ESPEC");
            age = t.doubles("age_years");
            sex = t.category("SEXO");
            stay = t.doubles("DIAS_PERM");
            icu = t.doubles("UTI_MES_TO");
            death = t.category("MORTE");
            carInt = t.category("CAR_INT");
            complex = t.category("COMPLEX");
            gestao = t.category("GESTAO");

            hospitalCode = new int[cnes.length];
            gestaoCode = new int[cnes.length];
            for (int i = 0; i < cnes.length; i++) {
                hospitalCode[i] = hospital.codeFor(cnes[i]);
                gestaoCode[i] = gestao.codeFor(gestaoOfHospital[i]);
            }
            sus = payer.codeFor("SUS");
            principal = ident.codeFor("1");
            deathNo = death.codeFor("0");
            deathYes = death.codeFor("1");
            continuation = ident.codeFor("5");
            male = sex.codeFor("1");
            female = sex.codeFor("3");
            elective = carInt.codeFor("01");
            urgent = carInt.codeFor("02");
            int n = SihCatalog.PROC.length;
            procCode = new int[n];
            diagCode = new int[n][];
            especCode = new int[n];
            complexCode = new int[n];
            for (int i = 0; i < n; i++) {
                procCode[i] = proc.codeFor(SihCatalog.PROC[i]);
                diagCode[i] = new int[SihCatalog.DIAG[i].length];
                for (int j = 0; j < diagCode[i].length; j++) {
                    diagCode[i][j] = diag.codeFor(SihCatalog.DIAG[i][j]);
                }
                especCode[i] = espec.codeFor(SihCatalog.ESPEC[i]);
                complexCode[i] = complex.codeFor(SihCatalog.COMPLEX[i]);
            }
        }

        void append(Run r, int month, double value, boolean isContinuation) {
            claim.add(r.curId);
            hospital.addCode(hospitalCode[r.curHospital]);
            payer.addCode(sus);
            competence.addIndex(month);
            billed.add(value);
            if (paid != null) {
                paid.add(value);
            }
            admission.addEpochDay(r.curAdmission);
            discharge.addEpochDay(r.curDischarge);
            ident.addCode(isContinuation ? continuation : principal);
            proc.addCode(procCode[r.curProc]);
            diag.addCode(diagCode[r.curProc][r.curDiag]);
            espec.addCode(especCode[r.curProc]);
            age.add(r.curAge);
            sex.addCode(r.curMale ? male : female);
            stay.add(r.curStay);
            icu.add(r.curIcu);
            death.addCode(r.curDeath == 1 ? deathYes : deathNo);
            carInt.addCode(r.curUrgent ? urgent : elective);
            complex.addCode(complexCode[r.curProc]);
            gestao.addCode(gestaoCode[r.curHospital]);
        }
    }
}
