package dev.glosa.spark;

import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.segment.SegmentKey;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The bytes the driver and the executors exchange: glosa's records (segment inputs and results, profiles, tracking
 * records), rebuilt through their canonical constructors, and tables column by column.
 *
 * <p>glosa's values are records and plain tables, not {@link java.io.Serializable}; this codec carries them
 * without touching the library's types, and a value goes through its constructor's checks again when it arrives.
 * The bytes are deflated: a segment's table is mostly dictionary codes.
 */
final class Wire {
    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int INT = 2;
    private static final int LONG = 3;
    private static final int DOUBLE = 4;
    private static final int BOOLEAN = 5;
    private static final int ENUM = 6;
    private static final int RECORD = 7;
    private static final int LIST = 8;
    private static final int MAP = 9;
    private static final int SET = 10;
    private static final int INTS = 11;
    private static final int LONGS = 12;
    private static final int DOUBLES = 13;
    private static final int STRINGS = 14;
    private static final int TABLE = 15;
    private static final int ASSIGNMENT = 16;

    private Wire() {}

    /** {@code value} as bytes. */
    static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Buffered on both sides of the deflater: it costs a call per write, and DataOutputStream writes bytes.
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(new DeflaterOutputStream(bytes, deflater, 1 << 16), 1 << 16))) {
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /** The value {@link #encode} wrote. */
    static <T> T decode(byte[] bytes, Class<T> type) {
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes)), 1 << 16))) {
            return type.cast(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The tables {@link #encode} wrote, stacked as {@link GlosaTable#concat} stacks them, reading one column of every
     * table at a time: the driver holds the bytes and the stack, never the decoded tables as well. Tables whose
     * columns differ (names, types or order) are decoded and concatenated.
     */
    static GlosaTable stack(List<byte[]> tables) {
        if (tables.size() == 1) {
            return decode(tables.get(0), GlosaTable.class);
        }
        try {
            GlosaTable stacked = stackSameColumns(tables);
            if (stacked != null) {
                return stacked;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<GlosaTable> decoded = new ArrayList<>(tables.size());
        for (byte[] t : tables) {
            decoded.add(decode(t, GlosaTable.class));
        }
        return GlosaTable.concat(decoded);
    }

    /** {@link #stack} when every table has the same columns; {@code null} when they differ. */
    private static GlosaTable stackSameColumns(List<byte[]> tables) throws IOException {
        int parts = tables.size();
        DataInputStream[] in = new DataInputStream[parts];
        try {
            int[] rows = new int[parts];
            long total = 0;
            int columns = -1;
            for (int p = 0; p < parts; p++) {
                in[p] = new DataInputStream(new BufferedInputStream(
                        new InflaterInputStream(new ByteArrayInputStream(tables.get(p))), 1 << 16));
                if (in[p].readByte() != TABLE) {
                    throw new IOException("corrupt glosa-spark message: a table was expected");
                }
                rows[p] = in[p].readInt();
                total += rows[p];
                int m = in[p].readInt();
                if (columns >= 0 && m != columns) {
                    return null;
                }
                columns = m;
            }
            if (total > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("too many rows to stack into one table: " + total);
            }
            int n = (int) total;
            List<Column> out = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                Column column = stackColumn(in, rows, n);
                if (column == null) {
                    return null;
                }
                out.add(column);
            }
            return GlosaTable.of(out);
        } finally {
            for (DataInputStream s : in) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    /**
     * The next column of every part, stacked as {@code Concat} stacks a column all parts have with one type (text
     * values coded in order of first appearance, part after part); {@code null} when a part's column differs.
     */
    private static Column stackColumn(DataInputStream[] in, int[] rows, int n) throws IOException {
        String name = readString(in[0]);
        var type = dev.glosa.core.table.ColumnType.values()[in[0].readByte()];
        // One builder for the column, fed part after part by the reader of its type.
        Part part;
        java.util.function.Supplier<Column> build;
        switch (type) {
            case CATEGORY -> {
                CategoryColumn.Builder b = new CategoryColumn.Builder(name, n);
                part = (s, count) -> {
                    String[] dictionary = readStrings(s);
                    int[] codes = readInts(s);
                    int[] map = new int[dictionary.length];
                    for (int k = 0; k < map.length; k++) {
                        map[k] = b.codeFor(dictionary[k]);
                    }
                    for (int code : codes) {
                        b.addCode(code < 0 ? CategoryColumn.MISSING : map[code]);
                    }
                };
                build = b::build;
            }
            case DOUBLE -> {
                DoubleColumn.Builder b = new DoubleColumn.Builder(name, n);
                part = (s, count) -> {
                    for (double v : readDoubles(s)) {
                        b.add(v);
                    }
                };
                build = b::build;
            }
            case LONG -> {
                LongColumn.Builder b = new LongColumn.Builder(name, n);
                part = (s, count) -> {
                    for (int r = 0; r < count; r++) {
                        b.add(s.readLong());
                    }
                };
                build = b::build;
            }
            case DATE -> {
                DateColumn.Builder b = new DateColumn.Builder(name, n);
                part = (s, count) -> {
                    for (int r = 0; r < count; r++) {
                        b.addEpochDay(s.readInt());
                    }
                };
                build = b::build;
            }
            case MONTH -> {
                MonthColumn.Builder b = new MonthColumn.Builder(name, n);
                part = (s, count) -> {
                    for (int r = 0; r < count; r++) {
                        b.addIndex(s.readInt());
                    }
                };
                build = b::build;
            }
            default -> throw new IOException("corrupt glosa-spark message: unknown column type " + type);
        }
        for (int p = 0; p < in.length; p++) {
            if (p > 0 && !sameHeader(in[p], name, type)) {
                return null;
            }
            part.append(in[p], rows[p]);
        }
        return build.get();
    }

    /** Reads one part's values of a column into its builder. */
    private interface Part {
        void append(DataInputStream in, int rows) throws IOException;
    }

    private static boolean sameHeader(DataInputStream in, String name, dev.glosa.core.table.ColumnType type)
            throws IOException {
        String n = readString(in);
        return n.equals(name) && dev.glosa.core.table.ColumnType.values()[in.readByte()] == type;
    }

    private static void write(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (v instanceof Enum<?> e) {
            out.writeByte(ENUM);
            writeString(out, e.getDeclaringClass().getName());
            writeString(out, e.name());
        } else if (v instanceof Record r) {
            out.writeByte(RECORD);
            writeString(out, r.getClass().getName());
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                write(out, component(r, c));
            }
        } else if (v instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object o : list) {
                write(out, o);
            }
        } else if (v instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(out, e.getKey());
                write(out, e.getValue());
            }
        } else if (v instanceof Set<?> set) {
            out.writeByte(SET);
            out.writeInt(set.size());
            for (Object o : set) {
                write(out, o);
            }
        } else if (v instanceof int[] a) {
            out.writeByte(INTS);
            writeInts(out, a);
        } else if (v instanceof long[] a) {
            out.writeByte(LONGS);
            out.writeInt(a.length);
            for (long x : a) {
                out.writeLong(x);
            }
        } else if (v instanceof double[] a) {
            out.writeByte(DOUBLES);
            writeDoubles(out, a);
        } else if (v instanceof String[] a) {
            out.writeByte(STRINGS);
            writeStrings(out, a);
        } else if (v instanceof GlosaTable t) {
            out.writeByte(TABLE);
            writeTable(out, t);
        } else if (v instanceof SegmentAssignment a) {
            out.writeByte(ASSIGNMENT);
            write(out, a.key());
            writeInts(out, a.rows());
            writeInts(out, a.clusters());
            String[] ids = new String[a.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = a.groupId(i);
            }
            writeStrings(out, ids);
        } else {
            throw new IllegalArgumentException(
                    "glosa-spark cannot carry a " + v.getClass().getName() + " between driver and executors");
        }
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + r.getClass().getName() + "." + c.getName(), e);
        }
    }

    private static Object read(DataInputStream in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> readString(in);
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
            case ENUM -> enumValue(readString(in), readString(in));
            case RECORD -> readRecord(in);
            case LIST -> {
                int n = in.readInt();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(read(in));
                }
                yield list;
            }
            case MAP -> {
                int n = in.readInt();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    Object k = read(in);
                    map.put(k, read(in));
                }
                yield map;
            }
            case SET -> {
                int n = in.readInt();
                Set<Object> set = new LinkedHashSet<>();
                for (int i = 0; i < n; i++) {
                    set.add(read(in));
                }
                yield set;
            }
            case INTS -> readInts(in);
            case LONGS -> {
                long[] a = new long[in.readInt()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readLong();
                }
                yield a;
            }
            case DOUBLES -> readDoubles(in);
            case STRINGS -> readStrings(in);
            case TABLE -> readTable(in);
            case ASSIGNMENT ->
                new SegmentAssignment((SegmentKey) read(in), readInts(in), readInts(in), readStrings(in));
            default -> throw new IOException("corrupt glosa-spark message: unknown tag " + tag);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(String type, String name) throws IOException {
        return Enum.valueOf((Class) load(type), name);
    }

    private static Object readRecord(DataInputStream in) throws IOException {
        Class<?> type = load(readString(in));
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            throw new IOException("corrupt glosa-spark message: " + type.getName() + " is not a record");
        }
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = read(in);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot rebuild a " + type.getName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild a " + type.getName(), e);
        }
    }

    private static Class<?> load(String name) throws IOException {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return Class.forName(name, false, loader != null ? loader : Wire.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException(
                    "class " + name + " is not on this JVM's class path: give glosa-spark's jar to"
                            + " every executor (spark-submit ships the application jar)",
                    e);
        }
    }

    /** Column by column, in the table's own coding, so a decoded table is the same table, dictionary and all. */
    private static void writeTable(DataOutputStream out, GlosaTable t) throws IOException {
        out.writeInt(t.rowCount());
        out.writeInt(t.columns().size());
        for (Column c : t.columns()) {
            writeString(out, c.name());
            out.writeByte(c.type().ordinal());
            int n = c.size();
            switch (c.type()) {
                case CATEGORY -> {
                    CategoryColumn cc = (CategoryColumn) c;
                    writeStrings(out, cc.dictionary());
                    writeInts(out, cc.codes());
                }
                case DOUBLE -> writeDoubles(out, ((DoubleColumn) c).values());
                case LONG -> {
                    LongColumn lc = (LongColumn) c;
                    for (int r = 0; r < n; r++) {
                        out.writeLong(lc.get(r));
                    }
                }
                case DATE -> {
                    DateColumn dc = (DateColumn) c;
                    for (int r = 0; r < n; r++) {
                        out.writeInt(dc.epochDay(r));
                    }
                }
                case MONTH -> {
                    MonthColumn mc = (MonthColumn) c;
                    for (int r = 0; r < n; r++) {
                        out.writeInt(mc.index(r));
                    }
                }
            }
        }
    }

    private static GlosaTable readTable(DataInputStream in) throws IOException {
        int n = in.readInt();
        int m = in.readInt();
        List<Column> columns = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            String name = readString(in);
            var type = dev.glosa.core.table.ColumnType.values()[in.readByte()];
            columns.add(
                    switch (type) {
                        case CATEGORY -> {
                            String[] dictionary = readStrings(in);
                            yield CategoryColumn.ofCodes(name, readInts(in), dictionary);
                        }
                        case DOUBLE -> DoubleColumn.of(name, readDoubles(in));
                        case LONG -> {
                            long[] v = new long[n];
                            for (int r = 0; r < n; r++) {
                                v[r] = in.readLong();
                            }
                            yield LongColumn.of(name, v);
                        }
                        case DATE -> {
                            DateColumn.Builder b = new DateColumn.Builder(name, n);
                            for (int r = 0; r < n; r++) {
                                b.addEpochDay(in.readInt());
                            }
                            yield b.build();
                        }
                        case MONTH -> {
                            MonthColumn.Builder b = new MonthColumn.Builder(name, n);
                            for (int r = 0; r < n; r++) {
                                b.addIndex(in.readInt());
                            }
                            yield b.build();
                        }
                    });
        }
        return GlosaTable.of(columns);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeStrings(DataOutputStream out, String[] a) throws IOException {
        out.writeInt(a.length);
        for (String s : a) {
            writeString(out, s);
        }
    }

    private static String[] readStrings(DataInputStream in) throws IOException {
        String[] a = new String[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = readString(in);
        }
        return a;
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int x : a) {
            out.writeInt(x);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] a = new int[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readInt();
        }
        return a;
    }

    private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double x : a) {
            out.writeDouble(x);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] a = new double[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }
}
