package dev.glosa.bench;

import dev.glosa.core.aggregate.MonthlyAggregator;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import dev.glosa.core.table.TableBuilder;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The analysed month of a hospital network's glosa lines, split into many segments of very different sizes, with
 * groups planted in each: the input of the per-segment loop.
 *
 * <p>Segment sizes are log-uniform between {@code minRows} and {@code maxRows} (30 and 5,000 by default: a mean of
 * about 970, so 1,000 segments hold about a million rows, most segments small and a few large, as in a real
 * network). Each segment is one hospital × payer × glosa type and has 2 to 8 planted groups with weights 0.5 to 1.5.
 * As in the library's ERP generator, every group has a centre in a latent box {@code [-1, 1]^4} and its lines
 * spread around it; here the spread (0.12) is twice the ERP generator's and centres are only 0.5 apart, so groups
 * touch, as real ones do. The latent coordinates map onto the four reference features: glosa this month
 * {@code m (1 + 0.6 z1)} where {@code m} is the segment's scale (log-uniform from R$ 1,000 to R$ 1,000,000), glosa
 * rate {@code 0.3 + 0.2 z2}, jump in value {@code 0.2 m z3} and jump in rate {@code 0.045 z4}. The same arguments give
 * the same bytes.
 *
 * @param segmentStart the first row of each segment, plus the total row count at the end
 * @param features the four reference features of every row, flat row-major
 * @param planted the planted group of every row, within its segment
 * @param plantedK the number of planted groups of each segment
 */
record SegmentData(int[] segmentStart, double[] features, int[] planted, int[] plantedK) {

    /** The feature columns, in order. */
    static final List<String> FEATURES = List.of(
            MonthlyAggregator.GLOSA,
            MonthlyAggregator.GLOSA_RATE,
            MonthlyAggregator.GLOSA_JUMP,
            MonthlyAggregator.GLOSA_RATE_JUMP);

    /** Payers per hospital and glosa types per payer used to name the segments. */
    static final int PAYERS = 25;

    static final int TYPES = 4;

    private static final double MIN_CENTRE_DISTANCE = 0.5;
    private static final double SPREAD = 0.12;

    /** Generates {@code segments} segments of {@code minRows} to {@code maxRows} rows. */
    static SegmentData generate(int segments, int minRows, int maxRows, long seed) {
        if (segments < 1 || minRows < 1 || maxRows < minRows) {
            throw new IllegalArgumentException("need segments >= 1 and 1 <= minRows <= maxRows, found segments="
                    + segments + ", minRows=" + minRows + ", maxRows=" + maxRows);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] start = new int[segments + 1];
        int[] sizes = new int[segments];
        double lo = Math.log(minRows);
        double hi = Math.log(maxRows + 1.0);
        for (int s = 0; s < segments; s++) {
            sizes[s] = Math.min(maxRows, (int) Math.exp(rnd.nextDouble(lo, hi)));
            start[s + 1] = start[s] + sizes[s];
        }
        int n = start[segments];
        double[] x = new double[n * 4];
        int[] planted = new int[n];
        int[] plantedK = new int[segments];
        double[] centres = new double[8 * 4];
        double[] cumulative = new double[8];
        for (int s = 0; s < segments; s++) {
            int k = 2 + rnd.nextInt(7);
            plantedK[s] = k;
            double m = Math.exp(rnd.nextDouble(Math.log(1e3), Math.log(1e6)));
            for (int c = 0; c < k; c++) {
                drawCentre(rnd, centres, c);
            }
            double total = 0;
            for (int c = 0; c < k; c++) {
                total += rnd.nextDouble(0.5, 1.5);
                cumulative[c] = total;
            }
            for (int i = start[s]; i < start[s + 1]; i++) {
                double u = rnd.nextDouble(total);
                int c = 0;
                while (c < k - 1 && cumulative[c] <= u) {
                    c++;
                }
                planted[i] = c;
                double z1 = centres[c * 4] + SPREAD * rnd.nextGaussian();
                double z2 = centres[c * 4 + 1] + SPREAD * rnd.nextGaussian();
                double z3 = centres[c * 4 + 2] + SPREAD * rnd.nextGaussian();
                double z4 = centres[c * 4 + 3] + SPREAD * rnd.nextGaussian();
                x[i * 4] = m * (1 + 0.6 * z1);
                x[i * 4 + 1] = 0.3 + 0.2 * z2;
                x[i * 4 + 2] = 0.2 * m * z3;
                x[i * 4 + 3] = 0.045 * z4;
            }
        }
        return new SegmentData(start, x, planted, plantedK);
    }

    private static void drawCentre(SplittableRandom rnd, double[] centres, int c) {
        for (int attempt = 0; ; attempt++) {
            for (int t = 0; t < 4; t++) {
                centres[c * 4 + t] = rnd.nextDouble(-1, 1);
            }
            boolean ok = true;
            for (int o = 0; o < c && ok; o++) {
                double s = 0;
                for (int t = 0; t < 4; t++) {
                    double v = centres[c * 4 + t] - centres[o * 4 + t];
                    s += v * v;
                }
                ok = Math.sqrt(s) >= MIN_CENTRE_DISTANCE;
            }
            if (ok || attempt > 1_000) {
                return;
            }
        }
    }

    /** The number of segments. */
    int segments() {
        return segmentStart.length - 1;
    }

    /** The total number of rows. */
    int rows() {
        return segmentStart[segmentStart.length - 1];
    }

    /** The number of rows of segment {@code s}. */
    int size(int s) {
        return segmentStart[s + 1] - segmentStart[s];
    }

    /** The hospital of segment {@code s}. */
    static String hospital(int s) {
        return String.format("H%03d", s / (PAYERS * TYPES));
    }

    /** The payer of segment {@code s}. */
    static String payer(int s) {
        return String.format("P%02d", (s / TYPES) % PAYERS);
    }

    /** The glosa type of segment {@code s}. */
    static String glosaType(int s) {
        return switch (s % TYPES) {
            case 0 -> "administrativa";
            case 1 -> "tecnica";
            case 2 -> "contratual";
            default -> "linear";
        };
    }

    /** Expense types, attendance types and reason codes of the generated lines. */
    private static final String[] EXPENSES = {
        "MATERIAIS", "MEDICAMENTOS", "DIARIAS", "TAXAS", "HONORARIOS", "SADT", "OPME", "GASES MEDICINAIS"
    };

    private static final String[] ATTENDANCES = {"INTERNACAO", "PRONTO ATENDIMENTO", "AMBULATORIO"};
    private static final int REASONS = 30;

    /**
     * The rows as a glosa table: hospital, payer and glosa type (the segment keys), the competence, billed amount,
     * the four reference features under the names the monthly aggregator gives them, and three category columns for
     * the profiles: the expense type ({@code I_ITEM_CATEGORIA}), the attendance type ({@code TIPO_ATENDIMENTO}) and a
     * TISS Tabela 38 reason code. The categories follow from the features (the expense type from the glosa rate, the
     * attendance from the sign of the jumps, the reason from both and the row), so groups differ in them, as real
     * ones do, and the table is a pure function of the features.
     */
    GlosaTable table(YearMonth month) {
        TableBuilder b = GlosaTable.builder(rows());
        var hospital = b.category(Role.HOSPITAL.column());
        var payer = b.category(Role.PAYER.column());
        var type = b.category(Role.GLOSA_TYPE.column());
        var competence = b.months(Role.COMPETENCE.column());
        var billed = b.doubles(Role.BILLED_AMOUNT.column());
        var glosa = b.doubles(MonthlyAggregator.GLOSA);
        var rate = b.doubles(MonthlyAggregator.GLOSA_RATE);
        var jump = b.doubles(MonthlyAggregator.GLOSA_JUMP);
        var rateJump = b.doubles(MonthlyAggregator.GLOSA_RATE_JUMP);
        var expense = b.category("I_ITEM_CATEGORIA");
        var attendance = b.category("TIPO_ATENDIMENTO");
        var reason = b.category(Role.REASON_CODE.column());
        for (int s = 0; s < segments(); s++) {
            String h = hospital(s);
            String p = payer(s);
            String t = glosaType(s);
            for (int i = segmentStart[s]; i < segmentStart[s + 1]; i++) {
                hospital.add(h);
                payer.add(p);
                type.add(t);
                competence.add(month);
                double g = features[i * 4];
                double r = features[i * 4 + 1];
                billed.add(r > 0 ? g / r : g);
                glosa.add(g);
                rate.add(r);
                jump.add(features[i * 4 + 2]);
                rateJump.add(features[i * 4 + 3]);
                int bucket = Math.floorMod((int) Math.floor(r * 10), EXPENSES.length);
                expense.add(EXPENSES[bucket]);
                int att = (features[i * 4 + 2] >= 0 ? 1 : 0) + (features[i * 4 + 3] >= 0 ? 1 : 0);
                attendance.add(ATTENDANCES[att]);
                int code = Math.floorMod(bucket * 7 + att * 3 + (i % 5 == 0 ? i : 0), REASONS);
                reason.add(Integer.toString(1701 + code));
            }
        }
        return b.build();
    }
}
