package dev.glosa.io.jdbc;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.ColumnType;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.text.Messages;
import dev.glosa.io.csv.CellParser;
import dev.glosa.io.csv.ColumnMapping;
import dev.glosa.io.csv.CsvMapping;
import dev.glosa.io.csv.NumberStyle;
import dev.glosa.io.csv.RejectReason;
import dev.glosa.io.csv.Rejects;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the result of one read-only query into a {@link GlosaTable} as a {@link CsvMapping} says, the same mapping a
 * CSV export of that result is read with, sending rows that fail it to the same rejects file.
 *
 * <p>Columns: each result column is matched by its label to the mapping's {@code source} names without regard to case
 * (PostgreSQL returns lower case, Oracle upper case); unmapped columns are kept as categories under their label when
 * the mapping keeps unmapped columns. Values are read as what their SQL type is: {@code NUMERIC}/{@code DECIMAL} as
 * exact decimals (rounded once, to the nearest double, as the CSV reader rounds the same digits), integers as
 * integers, {@code DATE} and {@code TIMESTAMP} as dates (a month column takes the month of the date), text as text,
 * trimmed of spaces like a CSV cell, and parsed in the column's format when the mapping wants a number, date or month
 * from it. A {@code NULL} (or blank text) is a missing value, or a reject in a column that must have a value. A column
 * whose SQL type cannot give the mapped type (a {@code DATE} read as an amount) fails the read before any row.
 *
 * <p>Safety: the query is refused before it is sent unless it is one {@code SELECT}/{@code WITH} statement; the
 * connection is set read-only with auto-commit off, so drivers that can (PostgreSQL's) run it in a read-only
 * transaction, which is rolled back at the end. Streaming: rows are fetched {@link JdbcReadOptions#fetchSize()} at a
 * time (a forward-only, read-only cursor) and go straight into the columns, never into a list of JDBC rows.
 */
public final class JdbcReader {
    private JdbcReader() {}

    /**
     * Runs {@code query} on {@code connection} and reads its result.
     *
     * @param connection an open connection; it is made read-only
     * @param query the query, one {@code SELECT} or {@code WITH} statement
     * @param mapping how the result's columns map to the table
     * @param options fetch size, time-out, progress and language
     * @return the table and the report of the read
     * @param source names the query in messages and in the rejects file (its file and masked URL, say)
     * @param rejectsFile where every reject goes ({@code source;line;column;reason;detail;value}, {@code line} the row
     *     number), written even when the read fails; {@code null} for none
     * @throws DatabaseException naming the source and what to do: a refused query, a mapping that does not fit the
     *     result, too many rejects, a time-out, or the database's error
     * @throws IOException if the rejects file cannot be written
     */
    public static JdbcReadResult read(
            Connection connection,
            String query,
            CsvMapping mapping,
            String source,
            Path rejectsFile,
            JdbcReadOptions options)
            throws IOException {
        String sql = ReadOnlyQuery.check(query, source);
        long t0 = System.nanoTime();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
        } catch (SQLException e) {
            throw Errors.of(e, source + ": cannot make the connection read-only", null, 0);
        }
        Rejects rejects = Rejects.open(source, rejectsFile);
        try (Statement st = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(options.fetchSize());
            st.setQueryTimeout(options.queryTimeoutSeconds());
            try (ResultSet rs = st.executeQuery(sql)) {
                JdbcReadResult r = new Run(source, mapping, rejects, options).read(rs, t0);
                rejects.finish();
                if (r.report().rejectedRows()
                        > mapping.maxRejectShare() * r.report().records()) {
                    throw new DatabaseException(
                            DatabaseException.Kind.TOO_MANY_REJECTS,
                            rejects.tooMany(
                                    mapping,
                                    r.report().rejectedRows(),
                                    r.report().records(),
                                    "row",
                                    Messages.of(options.language())),
                            null);
                }
                return r;
            }
        } catch (SQLException e) {
            throw Errors.of(e, source + ": the query failed", null, options.queryTimeoutSeconds());
        } finally {
            rejects.abort();
            try {
                connection.rollback();
            } catch (SQLException e) {
                // The read is over; a connection that cannot roll back a read-only transaction has nothing to undo.
            }
        }
    }

    /** How a result column's values are fetched, by its SQL type. */
    private enum Fetch {
        TEXT,
        EXACT,
        INTEGRAL,
        FLOATING,
        DATE,
        TIMESTAMP,
        OTHER;

        static Fetch of(int sqlType) {
            return switch (sqlType) {
                case Types.CHAR,
                        Types.VARCHAR,
                        Types.LONGVARCHAR,
                        Types.NCHAR,
                        Types.NVARCHAR,
                        Types.LONGNVARCHAR,
                        Types.CLOB,
                        Types.NCLOB -> TEXT;
                case Types.NUMERIC, Types.DECIMAL -> EXACT;
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGRAL;
                case Types.REAL, Types.FLOAT, Types.DOUBLE -> FLOATING;
                case Types.DATE -> DATE;
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP;
                default -> OTHER;
            };
        }
    }

    /** One column of the table: where it comes from, how it is fetched and parsed, and its values so far. */
    private static final class Col {
        final int index;
        final String label;
        final String name;
        final ColumnType type;
        final boolean nullable;
        final Fetch fetch;
        final String format;
        final NumberStyle style;

        Map<String, Integer> dict;
        List<String> values;
        int[] codes;
        int size;
        DoubleColumn.Builder doubles;
        LongColumn.Builder longs;
        DateColumn.Builder dates;
        MonthColumn.Builder months;

        boolean missing;
        String text;
        double dv;
        long lv;
        int iv;

        Col(
                int index,
                String label,
                String name,
                ColumnType type,
                boolean nullable,
                Fetch fetch,
                String format,
                NumberStyle style) {
            this.index = index;
            this.label = label;
            this.name = name;
            this.type = type;
            this.nullable = nullable;
            this.fetch = fetch;
            this.format = format;
            this.style = style;
            switch (type) {
                case CATEGORY -> {
                    dict = new HashMap<>();
                    values = new ArrayList<>();
                    codes = new int[1024];
                }
                case DOUBLE -> doubles = new DoubleColumn.Builder(name, 1024);
                case LONG -> longs = new LongColumn.Builder(name, 1024);
                case DATE -> dates = new DateColumn.Builder(name, 1024);
                case MONTH -> months = new MonthColumn.Builder(name, 1024);
            }
        }

        void commit() {
            switch (type) {
                case CATEGORY -> {
                    if (size == codes.length) {
                        codes = Arrays.copyOf(codes, size + (size >> 1) + 16);
                    }
                    int code = CategoryColumn.MISSING;
                    if (!missing) {
                        Integer c = dict.get(text);
                        if (c == null) {
                            c = values.size();
                            dict.put(text, c);
                            values.add(text);
                        }
                        code = c;
                    }
                    codes[size++] = code;
                }
                case DOUBLE -> doubles.add(missing ? Double.NaN : dv);
                case LONG -> longs.add(missing ? LongColumn.MISSING : lv);
                case DATE -> dates.addEpochDay(missing ? DateColumn.MISSING : iv);
                case MONTH -> months.addIndex(missing ? MonthColumn.MISSING : iv);
            }
        }

        Column build() {
            return switch (type) {
                case CATEGORY ->
                    CategoryColumn.ofCodes(name, Arrays.copyOf(codes, size), values.toArray(new String[0]));
                case DOUBLE -> doubles.build();
                case LONG -> longs.build();
                case DATE -> dates.build();
                case MONTH -> months.build();
            };
        }
    }

    /** The state of one read. */
    private static final class Run {
        private final String source;
        private final CsvMapping mapping;
        private final Rejects rejects;
        private final JdbcReadOptions options;
        private final CellParser parser;
        private final Messages text;

        Run(String source, CsvMapping mapping, Rejects rejects, JdbcReadOptions options) {
            this.parser = new CellParser(options.language());
            this.text = Messages.of(options.language());
            this.source = source;
            this.mapping = mapping;
            this.rejects = rejects;
            this.options = options;
        }

        JdbcReadResult read(ResultSet rs, long t0) throws SQLException, IOException {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, String> types = new LinkedHashMap<>();
            Col[] cols = plan(meta, types);
            long records = 0;
            long accepted = 0;
            long rejectedRows = 0;
            while (rs.next()) {
                records++;
                if (parseRow(rs, cols, records) > 0) {
                    rejectedRows++;
                } else {
                    for (Col c : cols) {
                        c.commit();
                    }
                    accepted++;
                }
                if (records % options.progressEvery() == 0) {
                    options.progress().accept(records);
                }
            }
            options.progress().accept(records);
            List<Column> columns = new ArrayList<>(cols.length);
            for (Col c : cols) {
                columns.add(c.build());
            }
            JdbcReadReport report = new JdbcReadReport(
                    source,
                    types,
                    records,
                    accepted,
                    rejectedRows,
                    rejects.rejectedCells(),
                    rejects.stored(),
                    System.nanoTime() - t0);
            return new JdbcReadResult(GlosaTable.of(columns), report);
        }

        private Col[] plan(ResultSetMetaData meta, Map<String, String> types) throws SQLException, DatabaseException {
            int n = meta.getColumnCount();
            String[] labels = new String[n];
            List<Col> cols = new ArrayList<>();
            Map<ColumnMapping, Integer> found = new HashMap<>();
            Map<String, Integer> names = new HashMap<>();
            for (int i = 1; i <= n; i++) {
                String label = meta.getColumnLabel(i);
                label = label == null ? "" : label.trim();
                labels[i - 1] = label;
                int sqlType = meta.getColumnType(i);
                String typeName = meta.getColumnTypeName(i);
                types.put(label.isEmpty() ? "column_" + i : label, typeName);
                Fetch fetch = Fetch.of(sqlType);
                ColumnMapping c = label.isEmpty() ? null : mapping.column(label);
                Col col;
                if (c != null) {
                    Integer before = found.put(c, i);
                    if (before != null) {
                        throw mappingError("the query has column '" + c.source() + "' twice (columns " + before
                                + " and " + i + ")");
                    }
                    checkFits(c, fetch, label, typeName);
                    NumberStyle style = c.type() == ColumnType.DOUBLE && c.format() != null
                            ? NumberStyle.parse(c.format())
                            : mapping.numberStyle();
                    col = new Col(i, label, c.name(), c.type(), c.nullable(), fetch, c.format(), style);
                } else if (mapping.keepUnmapped()) {
                    col = new Col(
                            i,
                            label,
                            label.isEmpty() ? "column_" + i : label,
                            ColumnType.CATEGORY,
                            true,
                            fetch,
                            null,
                            NumberStyle.AUTO);
                } else {
                    continue;
                }
                Integer clash = names.put(col.name, i);
                if (clash != null) {
                    throw mappingError("columns " + clash + " and " + i + " would both be column '" + col.name
                            + "' (map one of them, or set unmapped: ignore)");
                }
                cols.add(col);
            }
            List<String> missing = mapping.missingRequired(found.keySet());
            if (!missing.isEmpty()) {
                throw mappingError("mapped column(s) " + missing + " not among the query's columns "
                        + Arrays.toString(labels) + " (mapping '" + mapping.name() + "'; name them with AS in the"
                        + " query, or mark a column optional: true)");
            }
            return cols.toArray(new Col[0]);
        }

        private void checkFits(ColumnMapping c, Fetch fetch, String label, String typeName) throws DatabaseException {
            boolean ok = switch (c.type()) {
                case CATEGORY -> true;
                case DOUBLE, LONG ->
                    fetch == Fetch.TEXT || fetch == Fetch.EXACT || fetch == Fetch.INTEGRAL || fetch == Fetch.FLOATING;
                case DATE, MONTH ->
                    fetch == Fetch.TEXT
                            || fetch == Fetch.DATE
                            || fetch == Fetch.TIMESTAMP
                            || fetch == Fetch.INTEGRAL
                            || fetch == Fetch.EXACT;
            };
            if (!ok) {
                throw mappingError("column '" + label + "' is of SQL type " + typeName + ", which cannot be read as "
                        + c.type().name().toLowerCase(java.util.Locale.ROOT) + " (" + c.name()
                        + "); cast it in the query or map it with another type");
            }
        }

        private DatabaseException mappingError(String what) {
            return new DatabaseException(DatabaseException.Kind.MAPPING, source + ": " + what, null);
        }

        /** Fetches and parses one row into the columns' scratch fields; returns the number of broken cells. */
        private int parseRow(ResultSet rs, Col[] cols, long row) throws SQLException, IOException {
            int bad = 0;
            for (Col c : cols) {
                String error = fetch(rs, c);
                if (c.missing) {
                    if (!c.nullable) {
                        bad++;
                        rejects.add(
                                row,
                                c.label,
                                c.name,
                                RejectReason.MISSING_VALUE,
                                null,
                                text.text("reject.missingDatabase", c.name));
                    }
                } else if (error != null) {
                    bad++;
                    rejects.add(row, c.label, c.name, reason(c.type), rs.getString(c.index), error);
                }
            }
            return bad;
        }

        private static RejectReason reason(ColumnType type) {
            return switch (type) {
                case DOUBLE -> RejectReason.NOT_A_NUMBER;
                case LONG -> RejectReason.NOT_AN_INTEGER;
                case DATE -> RejectReason.NOT_A_DATE;
                case MONTH -> RejectReason.NOT_A_MONTH;
                case CATEGORY -> RejectReason.MISSING_VALUE;
            };
        }

        /** Fetches column {@code c} of the current row; returns the rule its value broke, or {@code null}. */
        private String fetch(ResultSet rs, Col c) throws SQLException {
            int i = c.index;
            c.missing = false;
            switch (c.fetch) {
                case EXACT -> {
                    BigDecimal v = rs.getBigDecimal(i);
                    if (v == null) {
                        c.missing = true;
                        return null;
                    }
                    return exact(c, v);
                }
                case INTEGRAL -> {
                    long v = rs.getLong(i);
                    if (rs.wasNull()) {
                        c.missing = true;
                        return null;
                    }
                    return integral(c, v);
                }
                case FLOATING -> {
                    double v = rs.getDouble(i);
                    if (rs.wasNull()) {
                        c.missing = true;
                        return null;
                    }
                    return floating(c, v);
                }
                case DATE -> {
                    java.sql.Date d = rs.getDate(i);
                    if (d == null) {
                        c.missing = true;
                        return null;
                    }
                    return day(c, (int) d.toLocalDate().toEpochDay());
                }
                case TIMESTAMP -> {
                    Timestamp t = rs.getTimestamp(i);
                    if (t == null) {
                        c.missing = true;
                        return null;
                    }
                    return day(c, (int) t.toLocalDateTime().toLocalDate().toEpochDay());
                }
                default -> {
                    String s = rs.getString(i);
                    String t = s == null ? "" : trim(s);
                    if (t.isEmpty()) {
                        c.missing = true;
                        return null;
                    }
                    return text(c, t);
                }
            }
        }

        private String exact(Col c, BigDecimal v) {
            switch (c.type) {
                case DOUBLE -> c.dv = v.doubleValue();
                case LONG -> {
                    try {
                        c.lv = v.longValueExact();
                    } catch (ArithmeticException e) {
                        return "not an integer (" + v.toPlainString() + ")";
                    }
                }
                case CATEGORY -> c.text = v.toPlainString();
                default -> {
                    return text(c, v.toPlainString());
                }
            }
            return null;
        }

        private String integral(Col c, long v) {
            switch (c.type) {
                case DOUBLE -> c.dv = v;
                case LONG -> c.lv = v;
                case CATEGORY -> c.text = Long.toString(v);
                default -> {
                    return text(c, Long.toString(v));
                }
            }
            return null;
        }

        private String floating(Col c, double v) {
            switch (c.type) {
                case DOUBLE -> c.dv = v;
                case LONG -> {
                    if (v != Math.rint(v) || Math.abs(v) > 0x1p53) {
                        return "not an integer (" + v + ")";
                    }
                    c.lv = (long) v;
                }
                default -> c.text = Double.toString(v);
            }
            return null;
        }

        private String day(Col c, int epochDay) {
            switch (c.type) {
                case DATE -> c.iv = epochDay;
                case MONTH -> {
                    java.time.LocalDate d = java.time.LocalDate.ofEpochDay(epochDay);
                    c.iv = MonthColumn.toIndex(d.getYear(), d.getMonthValue());
                }
                default -> c.text = java.time.LocalDate.ofEpochDay(epochDay).toString();
            }
            return null;
        }

        private String text(Col c, String t) {
            switch (c.type) {
                case CATEGORY -> c.text = t;
                case DOUBLE -> c.dv = parser.number(t, c.style);
                case LONG -> c.lv = parser.integer(t);
                case DATE -> c.iv = parser.epochDay(t, c.format);
                case MONTH -> c.iv = parser.monthIndex(t, c.format);
            }
            return c.type == ColumnType.CATEGORY ? null : parser.error();
        }

        /** Spaces and tabs off both ends, as a CSV cell is trimmed ({@code CHAR(n)} pads with spaces). */
        private static String trim(String s) {
            int a = 0;
            int b = s.length();
            while (a < b && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) {
                a++;
            }
            while (b > a && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\t')) {
                b--;
            }
            return a == 0 && b == s.length() ? s : s.substring(a, b);
        }
    }
}
