package dev.glosa.io.powerbi;

import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.result.CategoryLift;
import dev.glosa.core.result.GroupIds;
import dev.glosa.core.result.GroupProfile;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.ReasonShare;
import dev.glosa.core.result.SegmentAssignment;
import dev.glosa.core.result.SegmentResult;
import dev.glosa.core.result.SegmentStatus;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.run.SideTable;
import dev.glosa.core.segment.SegmentKey;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.PersonalFields;
import dev.glosa.core.table.Role;
import dev.glosa.io.text.CsvCells;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/** Builds the rows of every table of one run as cell texts. */
final class Tables {
    private static final List<String> SEGMENT_ROLES =
            List.of(Role.HOSPITAL.column(), Role.PAYER.column(), Role.GLOSA_TYPE.column());

    private Tables() {}

    /** A table's header for this run and its rows. */
    record Built(List<ColumnSpec> columns, RowSource rows) {}

    /**
     * The identifier columns of the data, in the order they appear, each with why: those of the analysed table that
     * {@link WriterOptions#identifiersOf} finds, then segment key columns the table lacks that are identifiers by name.
     */
    static List<PersonalFields.Detected> identifierColumns(
            GlosaTable analysed, List<SegmentResult> outcomes, WriterOptions options) {
        Set<String> fixed = new HashSet<>(Schema.names(Schema.FACT));
        List<PersonalFields.Detected> present = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (PersonalFields.Detected d : options.identifiersOf(analysed)) {
            if (!fixed.contains(d.column())) {
                present.add(d);
                names.add(d.column());
            }
        }
        for (String name : extraKeyColumns(outcomes)) {
            if (!analysed.has(name) && options.isIdentifier(name) && names.add(name)) {
                present.add(new PersonalFields.Detected(name, "segment key identifying by its name"));
            }
        }
        return List.copyOf(present);
    }

    // ---------------------------------------------------------------- fact_glosa

    /** A cell of the fact table, computed from the row number. */
    private interface Cell {
        String at(int row);
    }

    static Built fact(RunRecord run, GlosaTable t, List<SegmentResult> outcomes, Identifiers ids) {
        for (String reserved : Schema.FACT_RESERVED) {
            if (t.has(reserved)) {
                throw new IllegalArgumentException("the analysed table has a column '" + reserved + "', which the "
                        + "writer fills; reserved names are " + Schema.FACT_RESERVED);
            }
        }
        int n = t.rowCount();
        int[] rowOutcome = new int[n];
        String[] rowGroup = new String[n];
        Arrays.fill(rowOutcome, -1);
        for (int o = 0; o < outcomes.size(); o++) {
            SegmentAssignment a = outcomes.get(o).assignment();
            for (int i = 0; i < a.size(); i++) {
                int r = a.row(i);
                if (r < 0 || r >= n) {
                    throw new IllegalArgumentException(
                            "segment " + outcomes.get(o).segmentId() + " assigns row " + r
                                    + ", but the analysed table has " + n + " rows");
                }
                if (rowOutcome[r] >= 0) {
                    throw new IllegalArgumentException("row " + r + " is in two segments: "
                            + outcomes.get(rowOutcome[r]).segmentId() + " and "
                            + outcomes.get(o).segmentId());
                }
                rowOutcome[r] = o;
                String id = a.groupId(i);
                rowGroup[r] = id == null ? "" : id;
            }
        }
        String runId = CsvCells.guard(run.runId());
        String asOf = run.asOf().toString();
        String[] segmentId = new String[outcomes.size()];
        String[] segmentKey = new String[outcomes.size()];
        for (int o = 0; o < segmentId.length; o++) {
            segmentId[o] = CsvCells.guard(outcomes.get(o).segmentId());
            segmentKey[o] = CsvCells.guard(
                    GroupIds.segmentKey(run.runId(), outcomes.get(o).segmentId()));
        }

        List<ColumnSpec> columns = new ArrayList<>(Schema.FACT);
        // the first columns are the ones the writer fills; the rest of the fixed ones come from the table
        int filled = Schema.FACT_RESERVED.size();
        List<Cell> cells = new ArrayList<>();
        for (int j = filled; j < Schema.FACT.size(); j++) {
            String name = Schema.FACT.get(j).name();
            cells.add(t.has(name) ? plainCell(t.column(name)) : row -> "");
        }
        Set<String> fixed = new HashSet<>(Schema.names(Schema.FACT));
        for (Column c : t.columns()) {
            if (fixed.contains(c.name()) || ids.drops(c.name())) {
                continue;
            }
            checkHeader(c.name(), "the analysed table");
            if (ids.pseudonymises(c.name())) {
                columns.add(new ColumnSpec(
                        c.name(),
                        CellType.TEXT,
                        "pseudonym of the analysed table's " + c.type().name().toLowerCase(Locale.ROOT) + " column",
                        true));
                cells.add(pseudonymCell(c, ids));
            } else {
                columns.add(ColumnSpec.of(
                        c.name(),
                        CellType.of(c.type()),
                        "the analysed table's " + c.type().name().toLowerCase(Locale.ROOT) + " column"));
                cells.add(plainCell(c));
            }
        }
        Cell[] cellArray = cells.toArray(new Cell[0]);
        // Once per segment, not per row: a segment id is a hash.
        String[] groupKeyPrefix = new String[outcomes.size()];
        for (int o = 0; o < groupKeyPrefix.length; o++) {
            groupKeyPrefix[o] = GroupIds.groupKey(run.runId(), outcomes.get(o).segmentId(), "");
        }
        RowSource rows = new RowSource() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public void fill(int r, String[] out) {
                out[0] = runId;
                out[1] = asOf;
                int o = rowOutcome[r];
                if (o < 0) {
                    out[2] = "";
                    out[3] = "";
                    out[4] = "";
                    out[5] = "";
                } else {
                    String group = rowGroup[r];
                    out[2] = segmentId[o];
                    out[3] = CsvCells.guard(group);
                    out[4] = segmentKey[o];
                    out[5] = group.isEmpty() ? "" : CsvCells.guard(groupKeyPrefix[o] + group);
                }
                for (int j = 0; j < cellArray.length; j++) {
                    out[filled + j] = cellArray[j].at(r);
                }
            }
        };
        return new Built(columns, rows);
    }

    // ---------------------------------------------------------------- side tables

    /**
     * A source's side table ({@code fact_appeal}, ...): {@code run_id}, {@code as_of}, then its columns as the fact
     * table writes the analysed table's (text guarded, money to the cent, identifiers as the policy says).
     */
    static Built side(RunRecord run, SideTable side, Identifiers ids) {
        GlosaTable t = side.table();
        String file = side.name() + ".csv";
        List<ColumnSpec> columns = new ArrayList<>(List.of(
                ColumnSpec.of(Schema.RUN_ID, CellType.TEXT, "the run that wrote the row"),
                ColumnSpec.of(Schema.AS_OF, CellType.DATE, "the date the run analysed the data as of")));
        List<Cell> cells = new ArrayList<>();
        for (Column c : t.columns()) {
            if (ids.drops(c.name())) {
                continue;
            }
            checkHeader(c.name(), "side table " + side.name());
            String what = "the " + side.name() + " column " + c.name();
            if (ids.pseudonymises(c.name())) {
                columns.add(new ColumnSpec(c.name(), CellType.TEXT, "pseudonym of " + what, true));
                cells.add(pseudonymCell(c, ids));
            } else {
                columns.add(ColumnSpec.of(c.name(), CellType.of(c.type()), what));
                cells.add(plainCell(c, file));
            }
        }
        Cell[] cellArray = cells.toArray(new Cell[0]);
        String runId = CsvCells.guard(run.runId());
        String asOf = run.asOf().toString();
        int n = t.rowCount();
        RowSource rows = new RowSource() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public void fill(int r, String[] out) {
                out[0] = runId;
                out[1] = asOf;
                for (int j = 0; j < cellArray.length; j++) {
                    out[2 + j] = cellArray[j].at(r);
                }
            }
        };
        return new Built(columns, rows);
    }

    private static Cell plainCell(Column c) {
        return plainCell(c, StarSchemaWriter.FACT_GLOSA);
    }

    private static Cell plainCell(Column c, String file) {
        if (c instanceof CategoryColumn cat) {
            String[] enc = new String[cat.cardinality()];
            for (int code = 0; code < enc.length; code++) {
                enc[code] = CsvCells.guard(cat.value(code));
            }
            return row -> {
                int code = cat.code(row);
                return code < 0 ? "" : enc[code];
            };
        }
        if (c instanceof DoubleColumn d) {
            int decimals = Decimals.of(file, c.name());
            return decimals == Decimals.EXACT
                    ? row -> number(d.get(row))
                    : row -> Decimals.format(d.get(row), decimals);
        }
        if (c instanceof MonthColumn m) {
            return cached(m::index, MonthColumn.MISSING, MonthColumn::format, m.size());
        }
        if (c instanceof DateColumn d) {
            return cached(
                    d::epochDay,
                    DateColumn.MISSING,
                    day -> LocalDate.ofEpochDay(day).toString(),
                    d.size());
        }
        return c::text;
    }

    private static Cell pseudonymCell(Column c, Identifiers ids) {
        if (c instanceof CategoryColumn cat) {
            String[] enc = new String[cat.cardinality()];
            for (int code = 0; code < enc.length; code++) {
                enc[code] = ids.pseudonym(cat.value(code));
            }
            return row -> {
                int code = cat.code(row);
                return code < 0 ? "" : enc[code];
            };
        }
        if (c instanceof MonthColumn m) {
            return cached(m::index, MonthColumn.MISSING, v -> ids.pseudonym(MonthColumn.format(v)), m.size());
        }
        if (c instanceof DateColumn d) {
            return cached(
                    d::epochDay,
                    DateColumn.MISSING,
                    day -> ids.pseudonym(LocalDate.ofEpochDay(day).toString()),
                    d.size());
        }
        return row -> ids.pseudonym(c.text(row));
    }

    /**
     * A cell of an int-coded column (months, dates) whose text is made once per distinct value: formatting a month
     * or hashing a birth date per row would cost more than writing the row.
     */
    private static Cell cached(IntUnaryOperator value, int missing, IntFunction<String> text, int rows) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int r = 0; r < rows; r++) {
            int v = value.applyAsInt(r);
            if (v != missing) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return row -> "";
        }
        if ((long) max - min >= 1 << 17) {
            return row -> {
                int v = value.applyAsInt(row);
                return v == missing ? "" : text.apply(v);
            };
        }
        String[] cache = new String[max - min + 1];
        int base = min;
        return row -> {
            int v = value.applyAsInt(row);
            if (v == missing) {
                return "";
            }
            String t = cache[v - base];
            if (t == null) {
                t = text.apply(v);
                cache[v - base] = t;
            }
            return t;
        };
    }

    /**
     * {@link DoubleColumn#format(double)}, with a fast path: for a finite non-integer whose {@link Double#toString} has
     * no exponent and no trailing zero, that text is already what {@code format} returns.
     */
    static String number(double v) {
        if (Double.isFinite(v) && v != Math.rint(v)) {
            String s = Double.toString(v);
            if (s.indexOf('E') < 0 && s.charAt(s.length() - 1) != '0') {
                return s;
            }
        }
        return DoubleColumn.format(v);
    }

    // ---------------------------------------------------------------- dim_segment

    /** Key columns other than hospital, payer and glosa type, in the order first seen. */
    static List<String> extraKeyColumns(List<SegmentResult> outcomes) {
        List<String> extra = new ArrayList<>();
        for (SegmentResult o : outcomes) {
            for (String c : o.key().columns()) {
                if (!SEGMENT_ROLES.contains(c) && !extra.contains(c)) {
                    extra.add(c);
                }
            }
        }
        return extra;
    }

    static Built segments(RunRecord run, List<SegmentResult> outcomes, Identifiers ids) {
        Set<String> fixed = new HashSet<>(Schema.names(Schema.segmentFixed()));
        List<String> extra = new ArrayList<>();
        List<ColumnSpec> extraSpecs = new ArrayList<>();
        for (String c : extraKeyColumns(outcomes)) {
            if (ids.drops(c)) {
                continue;
            }
            checkHeader(c, "a segment key");
            String header = fixed.contains(c) ? "key_" + c : c;
            extra.add(c);
            extraSpecs.add(
                    ids.pseudonymises(c)
                            ? new ColumnSpec(header, CellType.TEXT, "pseudonym of segment key column " + c, true)
                            : ColumnSpec.of(
                                    header,
                                    CellType.TEXT,
                                    "segment key column " + c + " (empty when not a key column)"));
        }
        List<ColumnSpec> columns = new ArrayList<>(Schema.SEGMENT_HEAD);
        columns.addAll(extraSpecs);
        columns.addAll(Schema.SEGMENT_TAIL);

        Set<String> seen = new HashSet<>();
        List<String[]> rows = new ArrayList<>(outcomes.size());
        for (SegmentResult o : outcomes) {
            if (!seen.add(o.segmentId())) {
                throw new IllegalArgumentException(
                        "segment " + o.segmentId() + " (" + o.key().describe() + ") appears twice in the outcomes");
            }
            List<String> r = new ArrayList<>(columns.size());
            r.add(CsvCells.guard(run.runId()));
            r.add(run.asOf().toString());
            r.add(CsvCells.guard(o.segmentId()));
            for (String role : SEGMENT_ROLES) {
                r.add(keyValue(o.key(), role, ids));
            }
            for (String c : extra) {
                r.add(keyValue(o.key(), c, ids));
            }
            r.add(Long.toString(o.rows()));
            r.add(Decimals.money(o.glosaAmount()));
            r.add(CsvCells.guard(o.strategy()));
            r.add(Integer.toString(o.k()));
            // A segment that was not clustered was scored by nothing, whatever the configured criterion.
            r.add(CsvCells.guard(o.status() == SegmentStatus.CLUSTERED ? o.qualityMetric() : ""));
            r.add(number(o.quality()));
            r.add(o.status().name().toLowerCase(Locale.ROOT));
            r.add(CsvCells.guard(o.reason()));
            r.add(CsvCells.guard(joinSorted(o.parameters())));
            StringBuilder byK = new StringBuilder();
            for (Map.Entry<Integer, Double> e : o.qualityByKSorted().entrySet()) {
                byK.append(byK.length() == 0 ? "" : "; ")
                        .append(e.getKey())
                        .append('=')
                        .append(number(e.getValue()));
            }
            r.add(byK.toString());
            r.add(Integer.toString(o.profiles().size()));
            r.add(CsvCells.guard(String.join("|", o.key().columns())));
            r.add(CsvCells.guard(GroupIds.segmentKey(run.runId(), o.segmentId())));
            rows.add(r.toArray(new String[0]));
        }
        return new Built(columns, RowSource.of(rows));
    }

    /** Header cells are not guarded (Power BI would keep the quote in the name), so a formula-like name is refused. */
    private static void checkHeader(String name, String where) {
        if (!CsvCells.guard(name).equals(name)) {
            throw new IllegalArgumentException("column '" + name + "' of " + where
                    + " starts like a spreadsheet formula " + "(= + - @ tab or CR); rename it before writing");
        }
    }

    private static String keyValue(SegmentKey key, String column, Identifiers ids) {
        String v = key.value(column);
        if (v == null) {
            return "";
        }
        return ids.pseudonymises(column) && !SEGMENT_ROLES.contains(column) ? ids.pseudonym(v) : CsvCells.guard(v);
    }

    private static String joinSorted(Map<String, String> map) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
            sb.append(sb.length() == 0 ? "" : "; ")
                    .append(e.getKey())
                    .append('=')
                    .append(e.getValue());
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- dim_group

    static Built groups(RunRecord run, List<SegmentResult> outcomes, Identifiers ids) {
        List<String[]> rows = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (SegmentResult o : outcomes) {
            for (GroupProfile p : o.profiles()) {
                for (CategoryLift l : p.distinctive()) {
                    // the description quotes the value: a profile built with other overrides than the writer's
                    if (ids.applies(l.column()) && !ids.keepsClear(l.column())) {
                        throw new IllegalArgumentException("group " + p.groupId() + " is described by the value of "
                                + "identifier column '" + l.column() + "', which would be written in clear in its "
                                + "label: profile without it (ProfileOptions never describes a group by a personal "
                                + "column unless its personal overrides say false) or give the writer the same "
                                + "personal overrides");
                    }
                }
                if (!p.segmentId().equals(o.segmentId())) {
                    throw new IllegalArgumentException("group " + p.groupId() + " names segment " + p.segmentId()
                            + " but is a profile of segment " + o.segmentId());
                }
                String previous = seen.put(p.groupId(), o.segmentId());
                if (previous != null && previous.equals(o.segmentId())) {
                    throw new IllegalArgumentException(
                            "group " + p.groupId() + " appears twice in segment " + o.segmentId());
                }
                String[] r = new String[Schema.GROUP.size()];
                int i = 0;
                r[i++] = CsvCells.guard(run.runId());
                r[i++] = run.asOf().toString();
                r[i++] = CsvCells.guard(p.groupId());
                r[i++] = CsvCells.guard(p.segmentId());
                r[i++] = Long.toString(p.rows());
                r[i++] = Decimals.money(p.glosaAmount());
                r[i++] = Decimals.rate(p.glosaShare());
                r[i++] = Integer.toString(p.rankInSegment());
                r[i++] = Integer.toString(p.rankOverall());
                r[i++] = CsvCells.guard(p.label() == null ? "" : p.label());
                r[i++] = p.status().name().toLowerCase(Locale.ROOT);
                r[i++] = Integer.toString(p.cluster());
                r[i++] = p.cluster() < 0 ? "outliers" : "group";
                r[i++] = Decimals.rate(p.rowShare());
                r[i++] = Decimals.money(p.glosaMean());
                r[i++] = Decimals.money(p.glosaMedian());
                r[i++] = Decimals.rate(p.glosaRate());
                r[i++] = Decimals.money(p.glosaJump());
                r[i++] = CsvCells.guard(readableReasons(p.topReasons()));
                r[i++] = CsvCells.guard(readableLifts(p.distinctive()));
                r[i++] = CsvCells.guard(centresJson(p.featureCentres()));
                r[i++] = CsvCells.guard(reasonsJson(p.topReasons()));
                r[i++] = CsvCells.guard(liftsJson(p.distinctive()));
                for (String role : SEGMENT_ROLES) {
                    String v = o.key().value(role);
                    r[i++] = v == null ? "" : CsvCells.guard(v);
                }
                r[i++] = CsvCells.guard(GroupIds.segmentKey(run.runId(), o.segmentId()));
                r[i++] = CsvCells.guard(GroupIds.groupKey(run.runId(), o.segmentId(), p.groupId()));
                rows.add(r);
            }
        }
        return new Built(Schema.GROUP, RowSource.of(rows));
    }

    static Built groupState(RunRecord run, List<GroupRecord> state) {
        List<String[]> rows = new ArrayList<>(state.size());
        for (GroupRecord g : state) {
            String[] r = new String[Schema.GROUP_STATE.size()];
            int i = 0;
            r[i++] = CsvCells.guard(run.runId());
            r[i++] = run.asOf().toString();
            r[i++] = CsvCells.guard(g.segmentId());
            r[i++] = CsvCells.guard(g.groupId());
            r[i++] = Integer.toString(g.serial());
            r[i++] = Integer.toString(g.cluster());
            r[i++] = Long.toString(g.rows());
            r[i++] = number(g.rowShare());
            r[i++] = number(g.glosaAmount());
            r[i++] = CsvCells.guard(centresJson(g.centres()));
            r[i++] = CsvCells.guard(centresJson(g.spreads()));
            r[i++] = Integer.toString(g.runsAbsent());
            r[i++] = CsvCells.guard(g.label());
            rows.add(r);
        }
        return new Built(Schema.GROUP_STATE, RowSource.of(rows));
    }

    static String readableReasons(List<ReasonShare> reasons) {
        StringBuilder sb = new StringBuilder();
        for (ReasonShare r : reasons) {
            sb.append(sb.length() == 0 ? "" : "; ")
                    .append(r.code())
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%.1f%%", 100 * r.share()))
                    .append(" (")
                    .append(r.rows())
                    .append(r.rows() == 1 ? " row)" : " rows)");
        }
        return sb.toString();
    }

    static String readableLifts(List<CategoryLift> lifts) {
        StringBuilder sb = new StringBuilder();
        for (CategoryLift l : lifts) {
            sb.append(sb.length() == 0 ? "" : "; ")
                    .append(l.column())
                    .append('=')
                    .append(l.value())
                    .append(' ')
                    .append(String.format(
                            Locale.ROOT,
                            "%.1f%% vs %.1f%% (x%.2f)",
                            100 * l.shareInGroup(),
                            100 * l.shareInSegment(),
                            l.lift()));
        }
        return sb.toString();
    }

    static String centresJson(Map<String, Double> centres) {
        return Json.compact(g -> {
            g.writeStartObject();
            for (Map.Entry<String, Double> e : centres.entrySet()) {
                Json.number(g, e.getKey(), e.getValue() == null ? Double.NaN : e.getValue());
            }
            g.writeEndObject();
        });
    }

    static String reasonsJson(List<ReasonShare> reasons) {
        return Json.compact(g -> {
            g.writeStartArray();
            for (ReasonShare r : reasons) {
                g.writeStartObject();
                g.writeStringField("code", r.code());
                g.writeNumberField("rows", r.rows());
                Json.money(g, "glosa_amount", r.glosaAmount());
                Json.rate(g, "share", r.share());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    static String liftsJson(List<CategoryLift> lifts) {
        return Json.compact(g -> {
            g.writeStartArray();
            for (CategoryLift l : lifts) {
                g.writeStartObject();
                g.writeStringField("column", l.column());
                g.writeStringField("value", l.value());
                Json.rate(g, "share_in_group", l.shareInGroup());
                Json.rate(g, "share_in_segment", l.shareInSegment());
                Json.rate(g, "lift", l.lift());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    // ---------------------------------------------------------------- indicators, runs

    static Built indicators(RunRecord run, List<IndicatorRow> indicators) {
        List<String[]> rows = new ArrayList<>(indicators.size());
        for (IndicatorRow x : indicators) {
            rows.add(new String[] {
                CsvCells.guard(run.runId()),
                run.asOf().toString(),
                CsvCells.guard(x.scope()),
                CsvCells.guard(x.scopeKey() == null ? "" : x.scopeKey()),
                x.period() == null ? "" : x.period(),
                Long.toString(x.claims()),
                Long.toString(x.glosaClaims()),
                Decimals.rate(x.glosaRate()),
                Decimals.rate(x.glosaRateCiLow()),
                Decimals.rate(x.glosaRateCiHigh()),
                Decimals.money(x.paidAmount()),
                Decimals.money(x.glosaAmount()),
                Decimals.rate(x.glosaValueRatio()),
                Decimals.money(x.recoveredAmount()),
                // A column of its own, so that Power BI can relate the rows to dim_hospital: scope_key mixes the
                // keys of every scope.
                Role.HOSPITAL.column().equals(x.scope()) && x.scopeKey() != null ? CsvCells.guard(x.scopeKey()) : ""
            });
        }
        return new Built(Schema.INDICATORS, RowSource.of(rows));
    }

    static Built runs(RunRecord run, Manifest.RunCounts counts, Identifiers ids) {
        var rec = run.reconciliation();
        String[] row = {
            CsvCells.guard(run.runId()),
            run.asOf().toString(),
            instant(run.startedAt()),
            instant(run.finishedAt()),
            CsvCells.guard(Json.compact(g -> Manifest.inputs(g, run.inputs()))),
            run.configSha256(),
            Long.toString(run.rowsIn()),
            Long.toString(run.rowsRejected()),
            Integer.toString(counts.segments()),
            Integer.toString(counts.groups()),
            run.status().name().toLowerCase(Locale.ROOT),
            Long.toString(counts.factRows()),
            Decimals.money(counts.glosaTotal()),
            ids.policyName(),
            rec == null ? "" : Long.toString(rec.claims()),
            rec == null ? "" : Integer.toString(rec.rejectedDuplicates()),
            rec == null ? "" : Decimals.money(rec.naiveRejectedTotal()),
            CsvCells.guard(GlosaVersion.get()),
            CsvCells.guard(GlosaVersion.java())
        };
        return new Built(Schema.RUNS, RowSource.of(List.<String[]>of(row)));
    }

    private static String instant(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
