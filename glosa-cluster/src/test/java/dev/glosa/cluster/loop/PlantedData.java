package dev.glosa.cluster.loop;

import dev.glosa.core.aggregate.MonthlyAggregator;
import dev.glosa.core.segment.SegmentKey;
import dev.glosa.core.segment.Segmenter;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.Role;
import dev.glosa.core.table.TableBuilder;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small generator of reference-shaped glosa rows with planted groups, for tests: segments of hospital × payer ×
 * glosa type, each with 2 to 5 well separated groups in the four reference features, plus category columns whose
 * dominant value depends on the group.
 *
 * <p>Groups live on a grid of 4 levels per feature; centres of one segment are at least 2 levels apart (Euclidean)
 * and every feature has at least two levels among a segment's groups (so no feature is pure noise after z-scoring);
 * rows scatter around their centre with a standard deviation of 0.2 levels.
 */
final class PlantedData {
    static final String ITEM = "item_category";
    static final String SECTOR = "sector";
    static final String[] ITEMS = {"MATERIAL", "MEDICAMENTO", "DIARIA", "TAXA", "HONORARIO", "OPME"};
    static final String[] SECTORS = {"UTI", "CENTRO_CIRURGICO", "ENFERMARIA", "PRONTO_SOCORRO", "AMBULATORIO"};
    static final String[] REASONS = {"1001", "1702", "2001", "3052", "1899", "2505"};
    static final String[] PAYERS = {"UNIMED", "BRADESCO", "SULAMERICA"};
    static final String[] TYPES = {"ADMINISTRATIVA", "TECNICA"};
    static final double NOISE = 0.2;

    /** One planted group: its tag (stable across weeks), centre in grid levels, size and dominant categories. */
    record Group(int tag, double[] centre, int rows, int item, int sector, int reason) {}

    /** One segment's key values and groups. */
    record Segment(String hospital, String payer, String glosaType, List<Group> groups) {
        String id() {
            return new SegmentKey(Segmenter.DEFAULT_KEYS, List.of(hospital, payer, glosaType)).id();
        }
    }

    /**
     * One generated week: the table, the planted tag of every row, the planted k of every segment id, and whether
     * each row is an extreme line of the heavy-tail mode.
     */
    record Week(GlosaTable table, int[] truth, Map<String, Integer> plantedK, boolean[] extreme) {}

    final List<Segment> segments;

    private PlantedData(List<Segment> segments) {
        this.segments = segments;
    }

    /** A design of {@code count} segments with 2..5 groups of {@code minRows..maxRows} rows each. */
    static PlantedData design(int count, long seed, int minRows, int maxRows) {
        Random rnd = new Random(seed);
        List<Segment> segs = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            int k = 2 + rnd.nextInt(4);
            List<double[]> centres = centres(rnd, k);
            List<Group> groups = new ArrayList<>();
            for (int g = 0; g < k; g++) {
                groups.add(new Group(
                        g,
                        centres.get(g),
                        minRows + rnd.nextInt(maxRows - minRows + 1),
                        (s + g) % ITEMS.length,
                        (s + 2 * g) % SECTORS.length,
                        (s + 3 * g) % REASONS.length));
            }
            segs.add(new Segment(String.format("H%02d", s / 6), PAYERS[s % 3], TYPES[(s / 3) % 2], groups));
        }
        return new PlantedData(segs);
    }

    private static List<double[]> centres(Random rnd, int k) {
        while (true) {
            List<double[]> c = new ArrayList<>();
            int guard = 0;
            while (c.size() < k && guard++ < 1000) {
                double[] p = new double[4];
                for (int f = 0; f < 4; f++) {
                    p[f] = rnd.nextInt(4);
                }
                if (farFromAll(p, c)) {
                    c.add(p);
                }
            }
            if (c.size() == k && everyFeatureVaries(c)) {
                return c;
            }
        }
    }

    private static boolean farFromAll(double[] p, List<double[]> others) {
        for (double[] o : others) {
            double d = 0;
            for (int f = 0; f < 4; f++) {
                d += (p[f] - o[f]) * (p[f] - o[f]);
            }
            if (d < 4) {
                return false;
            }
        }
        return true;
    }

    private static boolean everyFeatureVaries(List<double[]> c) {
        for (int f = 0; f < 4; f++) {
            boolean varies = false;
            for (double[] p : c) {
                varies |= p[f] != c.get(0)[f];
            }
            if (!varies) {
                return false;
            }
        }
        return true;
    }

    /** The same design with one more group, far from the others, in segment {@code s}. */
    PlantedData withExtraGroup(int s, long seed) {
        Random rnd = new Random(seed);
        Segment seg = segments.get(s);
        List<double[]> existing = new ArrayList<>();
        int tag = 0;
        for (Group g : seg.groups()) {
            existing.add(g.centre());
            tag = Math.max(tag, g.tag() + 1);
        }
        double[] p;
        do {
            p = new double[4];
            for (int f = 0; f < 4; f++) {
                p[f] = rnd.nextInt(4);
            }
        } while (!farFromAll(p, existing));
        List<Group> groups = new ArrayList<>(seg.groups());
        groups.add(new Group(tag, p, 60, 5, 4, 5));
        return replace(s, new Segment(seg.hospital(), seg.payer(), seg.glosaType(), groups));
    }

    /** The same design without the group of tag {@code tag} in segment {@code s}. */
    PlantedData withoutGroup(int s, int tag) {
        Segment seg = segments.get(s);
        List<Group> groups = new ArrayList<>();
        for (Group g : seg.groups()) {
            if (g.tag() != tag) {
                groups.add(g);
            }
        }
        return replace(s, new Segment(seg.hospital(), seg.payer(), seg.glosaType(), groups));
    }

    /** The same design without segment {@code s}. */
    PlantedData withoutSegment(int s) {
        List<Segment> segs = new ArrayList<>(segments);
        segs.remove(s);
        return new PlantedData(segs);
    }

    private PlantedData replace(int s, Segment seg) {
        List<Segment> segs = new ArrayList<>(segments);
        segs.set(s, seg);
        return new PlantedData(segs);
    }

    /**
     * One week of rows: every group's centre moved by {@code drift} levels in a direction fixed by its tag, group
     * sizes varied by up to ±20%, fresh scatter from {@code seed}; rows shuffled across segments.
     */
    Week week(long seed, double drift) {
        return week(seed, drift, 0, 0);
    }

    /**
     * One week as {@link #week(long, double)}, with heavy tails: every row's glosa and jump in value multiplied by
     * {@code exp(logNoise · N(0, 1))}, and a share {@code extremeShare} of rows multiplied again by 5 to 20 (their
     * rates keep), as glosa-io's ERP generator does in its heavy-tail mode.
     */
    Week week(long seed, double drift, double logNoise, double extremeShare) {
        Random rnd = new Random(seed);
        Random tails = new Random(seed ^ 0x5DEECE66DL);
        List<double[]> feats = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        List<int[]> cats = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        List<double[]> factors = new ArrayList<>();
        Map<String, Integer> plantedK = new HashMap<>();
        for (Segment seg : segments) {
            plantedK.put(seg.id(), seg.groups().size());
            for (Group g : seg.groups()) {
                Random dir = new Random(31L * g.tag() + seg.id().hashCode());
                double[] c = g.centre().clone();
                for (int f = 0; f < 4; f++) {
                    c[f] += drift * (dir.nextBoolean() ? 1 : -1) / 2;
                }
                int rows = (int) Math.round(g.rows() * (0.8 + 0.4 * rnd.nextDouble()));
                for (int r = 0; r < rows; r++) {
                    double[] x = new double[4];
                    for (int f = 0; f < 4; f++) {
                        x[f] = c[f] + NOISE * rnd.nextGaussian();
                    }
                    feats.add(x);
                    keys.add(new String[] {seg.hospital(), seg.payer(), seg.glosaType()});
                    cats.add(new int[] {
                        rnd.nextDouble() < 0.8 ? g.item() : rnd.nextInt(ITEMS.length),
                        rnd.nextDouble() < 0.65 ? g.sector() : rnd.nextInt(SECTORS.length),
                        rnd.nextDouble() < 0.7 ? g.reason() : rnd.nextInt(REASONS.length)
                    });
                    truth.add(g.tag());
                    double factor = logNoise > 0 ? Math.exp(logNoise * tails.nextGaussian()) : 1;
                    boolean extreme = extremeShare > 0 && tails.nextDouble() < extremeShare;
                    if (extreme) {
                        factor *= 5 + 15 * tails.nextDouble();
                    }
                    factors.add(new double[] {factor, extreme ? 1 : 0});
                }
            }
        }
        int n = feats.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        TableBuilder b = GlosaTable.builder(n);
        CategoryColumn.Builder hospital = b.category(Role.HOSPITAL.column());
        CategoryColumn.Builder payer = b.category(Role.PAYER.column());
        CategoryColumn.Builder type = b.category(Role.GLOSA_TYPE.column());
        MonthColumn.Builder competence = b.months(Role.COMPETENCE.column());
        DoubleColumn.Builder billed = b.doubles(Role.BILLED_AMOUNT.column());
        DoubleColumn.Builder glosa = b.doubles(Role.GLOSA_AMOUNT.column());
        DoubleColumn.Builder rate = b.doubles(MonthlyAggregator.GLOSA_RATE);
        DoubleColumn.Builder jump = b.doubles(MonthlyAggregator.GLOSA_JUMP);
        DoubleColumn.Builder rateJump = b.doubles(MonthlyAggregator.GLOSA_RATE_JUMP);
        CategoryColumn.Builder item = b.category(ITEM);
        CategoryColumn.Builder sector = b.category(SECTOR);
        CategoryColumn.Builder reason = b.category(Role.REASON_CODE.column());
        int[] outTruth = new int[n];
        boolean[] outExtreme = new boolean[n];
        for (int r = 0; r < n; r++) {
            int i = perm[r];
            double[] x = feats.get(i);
            String[] k = keys.get(i);
            int[] c = cats.get(i);
            hospital.add(k[0]);
            payer.add(k[1]);
            type.add(k[2]);
            competence.add(YearMonth.of(2024, 5));
            double f = factors.get(i)[0];
            double g = cents(f * Math.max(50, 4000 + 3000 * x[0]));
            double rt = Math.max(0.005, 0.08 + 0.06 * x[1]);
            double bill = cents(g / rt);
            glosa.add(g);
            billed.add(bill);
            rate.add(g / bill);
            jump.add(cents(f * (-2000 + 1500 * x[2])));
            rateJump.add(-0.04 + 0.03 * x[3]);
            item.add(ITEMS[c[0]]);
            sector.add(SECTORS[c[1]]);
            reason.add(REASONS[c[2]]);
            outTruth[r] = truth.get(i);
            outExtreme[r] = factors.get(i)[1] > 0;
        }
        return new Week(b.build(), outTruth, plantedK, outExtreme);
    }

    private static double cents(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
