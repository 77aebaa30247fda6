package dev.glosa.io.generate;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.Role;
import dev.glosa.core.table.TableBuilder;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generates ERP-like glosa lines of private hospital networks, with planted groups inside each segment.
 *
 * <p>The table has the reference ERP shape, columns that play a role under the role's name: {@code competence}
 * ({@code MES_RECEBIMENTO}), {@code hospital} ({@code HOSPITAL}), {@code REGIONAL}, {@code I_ITEM_CATEGORIA},
 * {@code SETOR_N1}, {@code SETOR_N2}, {@code TIPO_GRUPO}, {@code TIPO_ATENDIMENTO}, {@code payer} ({@code CONVENIO}),
 * {@code glosa_type} ({@code TIPO_GLOSA}), {@code billed_amount} ({@code VALOR_COBRADO_GERAL}), {@code glosa_amount}
 * ({@code VALOR_GLOSA}), {@code billed_previous} ({@code COBRADO_ANTERIOR}), {@code glosa_previous}
 * ({@code GLOSA_ANTERIOR}) and {@code QTD_LINHAS_GLOSA}, the last five DOUBLE. Every line of a segment appears in every
 * month, and its previous-month columns hold what the same line had the month before (for the first month, a month
 * before the table).
 *
 * <p>Planting: in the analysed month each segment's lines are split into k groups, k drawn per segment. Each group
 * has a centre in a latent box {@code [-1, 1]^4}, centres at least {@value #MIN_CENTRE_DISTANCE} apart and spread in
 * every coordinate; a line is its group's centre plus Gaussian noise of standard deviation
 * {@link ErpGeneratorConfig#groupSpread()} truncated at three, clamped to {@code [-1.2, 1.2]} so amounts and rates
 * stay positive. The four latent coordinates map affinely, one to one, onto the four reference features: glosa
 * this month {@code g = m (1 + 0.6 z1)} where {@code m} is the segment's scale, glosa rate {@code 0.3 + 0.2 z2}, jump in
 * value {@code 0.2 m z3} and jump in rate {@code 0.045 z4}; amounts follow ({@code billed = glosa / rate}). Since
 * z-scoring inside a segment is affine per feature too, the groups stay as separated after it as in the latent box:
 * with the default spread a centre is more than ten noise standard deviations away from every other, and k-means
 * with the silhouette, as the reference project runs it, finds the planted k in every segment. Earlier months are a backward random
 * walk from the previous month.
 *
 * <p>Heavy tails ({@link ErpGeneratorConfig#logNoise()}, {@link ErpGeneratorConfig#extremeShare()}): after planting,
 * every amount of a line (glosa and billed, every month) is multiplied by one factor {@code exp(logNoise · N(0, 1))},
 * and for a share of lines by a further factor uniform in [{@value #EXTREME_MIN}, {@value #EXTREME_MAX}], as real
 * money is: a few lines far above the rest. Rates keep; the jump in value scales with the line. With both at 0 no
 * random number is drawn for them, so the default tables are the same as before the mode existed.
 *
 * <p>Rows come month by month, the analysed month last. Deterministic: one {@link SplittableRandom} seeded with
 * {@link ErpGeneratorConfig#seed()} is consumed in a fixed order.
 */
public final class ErpGenerator {
    /** The number of distinct glosa types the generator knows. */
    public static final int GLOSA_TYPE_COUNT = 4;

    /** The number of distinct lines a segment can have: expense types × sectors × procedure groups × attendances. */
    public static final int LINE_COMBINATIONS = 8 * 16 * 8 * 3;

    /** The least distance between two planted centres in the latent box. */
    public static final double MIN_CENTRE_DISTANCE = 0.8;

    private static final double MIN_COORDINATE_SPREAD = 0.3;

    /** The smallest factor of an extreme line in the heavy-tail mode. */
    public static final double EXTREME_MIN = 5;

    /** The largest factor of an extreme line in the heavy-tail mode. */
    public static final double EXTREME_MAX = 20;

    private ErpGenerator() {}

    /** Generates the glosa lines of {@code config} with their planted groups. */
    public static ErpSample generate(ErpGeneratorConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        return new Run(config).run();
    }

    /** One generation: the random stream, the lines with their values per month, and the builders. */
    private static final class Run {
        private final ErpGeneratorConfig cfg;
        private final SplittableRandom rnd;
        private final int slots;

        private int lines;
        private int[] lineHospital = new int[256];
        private int[] linePayer = new int[256];
        private int[] lineType = new int[256];
        private int[] lineCombo = new int[256];
        private int[] lineGroup = new int[256];
        private boolean[] lineExtreme = new boolean[256];
        // Per line, months + 1 values: slot 0 is the month before the table.
        private double[] billed = new double[256];
        private double[] glosa = new double[256];

        private final int[] combos = new int[LINE_COMBINATIONS];
        private final double[] centres = new double[15 * 4];
        private final int[] regionalOf;

        Run(ErpGeneratorConfig cfg) {
            this.cfg = cfg;
            this.rnd = new SplittableRandom(cfg.seed());
            this.slots = cfg.months() + 1;
            for (int i = 0; i < combos.length; i++) {
                combos[i] = i;
            }
            regionalOf = new int[cfg.hospitals()];
            for (int h = 0; h < regionalOf.length; h++) {
                regionalOf[h] = rnd.nextInt(ErpCatalog.REGIONALS.length);
            }
        }

        ErpSample run() {
            for (int h = 0; h < cfg.hospitals(); h++) {
                for (int p = 0; p < cfg.payers(); p++) {
                    for (int t = 0; t < cfg.glosaTypes(); t++) {
                        if (rnd.nextDouble() < cfg.segmentShare()) {
                            segment(h, p, t);
                        }
                    }
                }
            }
            return emit();
        }

        private void segment(int h, int p, int t) {
            int k = cfg.minGroups() + rnd.nextInt(cfg.maxGroups() - cfg.minGroups() + 1);
            int n = (int) Math.round(cfg.linesPerSegment() * (0.5 + rnd.nextDouble()));
            n = Math.max(k * cfg.minGroupSize(), Math.min(LINE_COMBINATIONS, n));
            plantCentres(k);
            double scale = 3000 * Math.exp(0.8 * rnd.nextGaussian());
            // Partial Fisher-Yates: the first n entries become n distinct line combinations.
            for (int i = 0; i < n; i++) {
                int j = i + rnd.nextInt(LINE_COMBINATIONS - i);
                int c = combos[i];
                combos[i] = combos[j];
                combos[j] = c;
            }
            for (int i = 0; i < n; i++) {
                int group = i < k * cfg.minGroupSize() ? i % k : rnd.nextInt(k);
                addLine(h, p, t, combos[i], group, scale);
            }
        }

        /** Draws k centres in [-1, 1]^4, pairwise apart and spread in every coordinate, into {@link #centres}. */
        private void plantCentres(int k) {
            while (true) {
                boolean placed = true;
                for (int c = 0; c < k && placed; c++) {
                    placed = false;
                    for (int attempt = 0; attempt < 1000 && !placed; attempt++) {
                        for (int d = 0; d < 4; d++) {
                            centres[c * 4 + d] = 2 * rnd.nextDouble() - 1;
                        }
                        placed = true;
                        for (int o = 0; o < c && placed; o++) {
                            double s = 0;
                            for (int d = 0; d < 4; d++) {
                                double diff = centres[c * 4 + d] - centres[o * 4 + d];
                                s += diff * diff;
                            }
                            placed = s >= MIN_CENTRE_DISTANCE * MIN_CENTRE_DISTANCE;
                        }
                    }
                }
                if (placed && (k == 1 || spreadInEveryCoordinate(k))) {
                    return;
                }
            }
        }

        private boolean spreadInEveryCoordinate(int k) {
            for (int d = 0; d < 4; d++) {
                double mean = 0;
                for (int c = 0; c < k; c++) {
                    mean += centres[c * 4 + d];
                }
                mean /= k;
                double var = 0;
                for (int c = 0; c < k; c++) {
                    double diff = centres[c * 4 + d] - mean;
                    var += diff * diff;
                }
                if (Math.sqrt(var / k) < MIN_COORDINATE_SPREAD) {
                    return false;
                }
            }
            return true;
        }

        /** The centre's coordinate plus truncated Gaussian noise, clamped so amounts and rates stay positive. */
        private double around(double centre) {
            double z;
            do {
                z = rnd.nextGaussian();
            } while (z < -3 || z > 3);
            return Math.max(-1.2, Math.min(1.2, centre + cfg.groupSpread() * z));
        }

        private void addLine(int h, int p, int t, int combo, int group, double scale) {
            if (lines == lineHospital.length) {
                int n = lines + (lines >> 1) + 16;
                lineHospital = Arrays.copyOf(lineHospital, n);
                linePayer = Arrays.copyOf(linePayer, n);
                lineType = Arrays.copyOf(lineType, n);
                lineCombo = Arrays.copyOf(lineCombo, n);
                lineGroup = Arrays.copyOf(lineGroup, n);
                lineExtreme = Arrays.copyOf(lineExtreme, n);
            }
            if ((long) (lines + 1) * slots > billed.length) {
                long n = Math.min(Integer.MAX_VALUE - 16, ((long) lines * 3 / 2 + 16) * slots);
                billed = Arrays.copyOf(billed, (int) n);
                glosa = Arrays.copyOf(glosa, (int) n);
            }
            int line = lines++;
            lineHospital[line] = h;
            linePayer[line] = p;
            lineType[line] = t;
            lineCombo[line] = combo;
            lineGroup[line] = group;
            double z1 = around(centres[group * 4]);
            double z2 = around(centres[group * 4 + 1]);
            double z3 = around(centres[group * 4 + 2]);
            double z4 = around(centres[group * 4 + 3]);
            double factor = 1;
            if (cfg.logNoise() > 0) {
                factor = Math.exp(cfg.logNoise() * rnd.nextGaussian());
            }
            if (cfg.extremeShare() > 0 && rnd.nextDouble() < cfg.extremeShare()) {
                factor *= EXTREME_MIN + (EXTREME_MAX - EXTREME_MIN) * rnd.nextDouble();
                lineExtreme[line] = true;
            }
            double g = factor * scale * (1 + 0.6 * z1);
            double rate = 0.3 + 0.2 * z2;
            double gPrev = g - factor * 0.2 * scale * z3;
            double ratePrev = rate - 0.045 * z4;
            int base = line * slots;
            int last = slots - 1;
            glosa[base + last] = round2(g);
            billed[base + last] = round2(g / rate);
            glosa[base + last - 1] = round2(gPrev);
            billed[base + last - 1] = round2(gPrev / ratePrev);
            double b = gPrev / ratePrev;
            double r = ratePrev;
            for (int s = last - 2; s >= 0; s--) {
                b *= Math.exp(0.12 * rnd.nextGaussian());
                r = Math.min(0.95, Math.max(0.005, r + 0.02 * rnd.nextGaussian()));
                billed[base + s] = round2(b);
                glosa[base + s] = round2(b * r);
            }
        }

        private ErpSample emit() {
            int months = cfg.months();
            int rows = Math.multiplyExact(lines, months);
            TableBuilder t = GlosaTable.builder(rows);
            MonthColumn.Builder competence = t.months(Role.COMPETENCE.column());
            CategoryColumn.Builder hospital = t.category(Role.HOSPITAL.column());
            CategoryColumn.Builder regional = t.category("REGIONAL");
            CategoryColumn.Builder category = t.category("I_ITEM_CATEGORIA");
            CategoryColumn.Builder sector1 = t.category("SETOR_N1");
            CategoryColumn.Builder sector2 = t.category("SETOR_N2");
            CategoryColumn.Builder procGroup = t.category("TIPO_GRUPO");
            CategoryColumn.Builder attendance = t.category("TIPO_ATENDIMENTO");
            CategoryColumn.Builder payer = t.category(Role.PAYER.column());
            CategoryColumn.Builder type = t.category(Role.GLOSA_TYPE.column());
            DoubleColumn.Builder billedCol = t.doubles(Role.BILLED_AMOUNT.column());
            DoubleColumn.Builder glosaCol = t.doubles(Role.GLOSA_AMOUNT.column());
            DoubleColumn.Builder billedPrev = t.doubles("billed_previous");
            DoubleColumn.Builder glosaPrev = t.doubles("glosa_previous");
            DoubleColumn.Builder count = t.doubles("QTD_LINHAS_GLOSA");

            int[] hospitalCode = codes(hospital, cfg.hospitals(), true);
            int[] regionalOfHospital = new int[cfg.hospitals()];
            for (int h = 0; h < regionalOfHospital.length; h++) {
                regionalOfHospital[h] = regional.codeFor(ErpCatalog.REGIONALS[regionalOf[h]]);
            }
            int[] payerCode = codes(payer, cfg.payers(), false);
            int[] typeCode = new int[cfg.glosaTypes()];
            for (int i = 0; i < typeCode.length; i++) {
                typeCode[i] = type.codeFor(ErpCatalog.GLOSA_TYPES[i]);
            }
            int[] categoryCode = codes(category, ErpCatalog.ITEM_CATEGORIES);
            int[] sector1Code = codes(sector1, ErpCatalog.SECTOR_N1);
            int[] sector2Code = codes(sector2, ErpCatalog.SECTOR_N2);
            int[] groupCode = codes(procGroup, ErpCatalog.PROCEDURE_GROUPS);
            int[] attendanceCode = codes(attendance, ErpCatalog.ATTENDANCE);

            int[] planted = new int[rows];
            boolean[] extreme = new boolean[rows];
            int first = MonthColumn.toIndex(cfg.firstMonth());
            int row = 0;
            for (int m = 0; m < months; m++) {
                boolean analysed = m == months - 1;
                for (int line = 0; line < lines; line++) {
                    int combo = lineCombo[line];
                    int cat = combo % 8;
                    int sector = (combo / 8) % 16;
                    int pg = (combo / 128) % 8;
                    int att = combo / 1024;
                    int h = lineHospital[line];
                    int base = line * slots + m + 1;
                    competence.addIndex(first + m);
                    hospital.addCode(hospitalCode[h]);
                    regional.addCode(regionalOfHospital[h]);
                    category.addCode(categoryCode[cat]);
                    sector1.addCode(sector1Code[sector]);
                    sector2.addCode(sector2Code[sector]);
                    procGroup.addCode(groupCode[pg]);
                    attendance.addCode(attendanceCode[att]);
                    payer.addCode(payerCode[linePayer[line]]);
                    type.addCode(typeCode[lineType[line]]);
                    billedCol.add(billed[base]);
                    glosaCol.add(glosa[base]);
                    billedPrev.add(billed[base - 1]);
                    glosaPrev.add(glosa[base - 1]);
                    double items = glosa[base] / ErpCatalog.ITEM_VALUE[cat] * Math.exp(0.2 * rnd.nextGaussian());
                    count.add(Math.max(1, Math.rint(items)));
                    extreme[row] = lineExtreme[line];
                    planted[row++] = analysed ? lineGroup[line] : -1;
                }
            }
            return new ErpSample(t.build(), planted, rows - lines, cfg, extreme);
        }

        private static int[] codes(CategoryColumn.Builder b, int n, boolean hospitals) {
            int[] c = new int[n];
            for (int i = 0; i < n; i++) {
                c[i] = b.codeFor(hospitals ? ErpCatalog.hospital(i) : ErpCatalog.payer(i));
            }
            return c;
        }

        private static int[] codes(CategoryColumn.Builder b, String[] values) {
            int[] c = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                c[i] = b.codeFor(values[i]);
            }
            return c;
        }

        private static double round2(double v) {
            return Math.rint(v * 100) / 100;
        }
    }
}
