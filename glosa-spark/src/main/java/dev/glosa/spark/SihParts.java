package dev.glosa.spark;

import dev.glosa.core.table.Column;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.Role;
import dev.glosa.core.table.TableBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function;

/**
 * The decoded pieces of the SIH inputs, kept on the executors (one per file, or per piece of a Parquet partition),
 * and what the driver learns of each without its rows: enough to stack them per system as
 * {@code GlosaTable.concat} stacks them, to check their claim numbers as the core checks them, and to bound the
 * partitions of the reconciliation.
 */
final class SihParts {
    /**
     * Where a piece of rows came from and what its reader said of it.
     *
     * @param input the index of the input (in the order RD, RJ, ER inputs were given)
     * @param file the file the rows came from; for a Parquet input, empty when Spark does not say
     * @param firstRow the index of the first row in its file
     * @param partition the Spark partition
     * @param system RD, RJ, ER or SP
     * @param layout the layout era's label
     * @param records the rows
     * @param warnings the reader's warnings
     * @param sha256 the file's SHA-256; empty for rows of a table
     */
    record Origin(
            int input,
            String file,
            long firstRow,
            int partition,
            String system,
            String layout,
            long records,
            List<String> warnings,
            String sha256) {}

    /**
     * The rows of one file, or of a piece of a partition, decoded by the library on an executor.
     *
     * @param origin where they came from
     * @param table the rows
     */
    record Part(Origin origin, GlosaTable table) {}

    /**
     * What the driver learns of a part without its rows.
     *
     * @param origin as {@link Part#origin()}
     * @param columns the table's column names, in order
     * @param types their glosa types ({@link ColumnType} names)
     * @param maxClaim the largest claim number, {@link Long#MIN_VALUE} when none
     * @param firstBad the first row whose claim number the core would refuse with 13 digits the rule, and its claim
     *     number, then the same with 10 digits the rule: {@code {row13, id13, row10, id10}}, a row of -1 when none
     * @param sample every {@value #SAMPLE_EVERY}th claim number, for the bounds of the reconciliation's partitions
     */
    record Meta(
            Origin origin, List<String> columns, List<String> types, long maxClaim, long[] firstBad, long[] sample) {}

    /** How sparsely claim numbers are sampled for the partition bounds. */
    static final int SAMPLE_EVERY = 256;

    private SihParts() {}

    /** The task that keeps a part's description and leaves its rows where they are. */
    static final class Describe implements Function<byte[], byte[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] call(byte[] message) {
            Part p = Wire.decode(message, Part.class);
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (Column c : p.table().columns()) {
                names.add(c.name());
                types.add(c.type().name());
            }
            long max = Long.MIN_VALUE;
            long[] bad = {-1, 0, -1, 0};
            long[] sample = new long[0];
            if (p.table().has(Role.CLAIM_ID)) {
                LongColumn ids = p.table().longs(Role.CLAIM_ID);
                int n = ids.size();
                sample = new long[(n + SAMPLE_EVERY - 1) / SAMPLE_EVERY];
                for (int r = 0; r < n; r++) {
                    long id = ids.get(r);
                    if (id != LongColumn.MISSING) {
                        max = Math.max(max, id);
                    }
                    if (r % SAMPLE_EVERY == 0) {
                        sample[r / SAMPLE_EVERY] = id;
                    }
                    for (int rule = 0; rule < 2; rule++) {
                        if (bad[2 * rule] < 0 && !valid(id, rule == 0 ? 13 : 10)) {
                            bad[2 * rule] = r;
                            bad[2 * rule + 1] = id;
                        }
                    }
                }
            }
            return Wire.encode(new Meta(p.origin(), names, types, max, bad, sample));
        }
    }

    /** Whether the core's reconciler takes {@code id} as a claim number of {@code digits} digits. */
    static boolean valid(long id, int digits) {
        return id != LongColumn.MISSING && id >= 0 && id >= pow10(digits - 1) && id < pow10(digits);
    }

    static long pow10(int e) {
        long p = 1;
        for (int i = 0; i < e; i++) {
            p *= 10;
        }
        return p;
    }

    /**
     * The columns of stacked parts, in first-seen order, with the type {@code GlosaTable.concat} gives them: the
     * same type, {@code DOUBLE} where integers and decimals mix, text where anything else does.
     */
    static Map<String, ColumnType> stackedColumns(List<Meta> parts) {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        for (Meta m : parts) {
            for (int i = 0; i < m.columns().size(); i++) {
                out.merge(m.columns().get(i), ColumnType.valueOf(m.types().get(i)), SihParts::common);
            }
        }
        return out;
    }

    private static ColumnType common(ColumnType a, ColumnType b) {
        if (a == b) {
            return a;
        }
        boolean numbers =
                (a == ColumnType.LONG || a == ColumnType.DOUBLE) && (b == ColumnType.LONG || b == ColumnType.DOUBLE);
        return numbers ? ColumnType.DOUBLE : ColumnType.CATEGORY;
    }

    /** {@return an empty table with {@code columns}, so that stacking it first gives every table the same columns} */
    static GlosaTable empty(Map<String, ColumnType> columns) {
        TableBuilder b = GlosaTable.builder(0);
        for (Map.Entry<String, ColumnType> e : columns.entrySet()) {
            switch (e.getValue()) {
                case CATEGORY -> b.category(e.getKey());
                case LONG -> b.longs(e.getKey());
                case DOUBLE -> b.doubles(e.getKey());
                case DATE -> b.dates(e.getKey());
                case MONTH -> b.months(e.getKey());
            }
        }
        return b.build();
    }
}
