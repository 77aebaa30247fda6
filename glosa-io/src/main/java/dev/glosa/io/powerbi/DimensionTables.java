package dev.glosa.io.powerbi;

import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.run.RunRecord;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.Role;
import dev.glosa.core.text.KeyNames;
import dev.glosa.io.text.CsvCells;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dimension tables of the Power BI model, each one row per key, rewritten whole with every run so that a key
 * seen in any week stays (a name given later replaces an earlier one): {@value #HOSPITAL}, {@value #PAYER},
 * {@value #GLOSA_TYPE} (code, name, group), {@value #DATE} (one row per month of the data, with pt-BR and English
 * month names) and {@value #RUN} (one row per {@code as_of}, the latest flagged). The facts relate to them by
 * {@code hospital}, {@code payer}, {@code glosa_type}, {@code competence} and {@code run_id}; the indicators by
 * {@code run_id} and {@code period}.
 */
final class DimensionTables {
    static final String HOSPITAL = "dim_hospital.csv";
    static final String PAYER = "dim_payer.csv";
    static final String GLOSA_TYPE = "dim_glosa_type.csv";
    static final String DATE = "dim_date.csv";
    static final String RUN = "dim_run.csv";
    /** The {@link KeyNames} column holding glosa type groups (glosa-run's {@code Names.GLOSA_TYPE_GROUP}). */
    static final String GLOSA_TYPE_GROUP = "glosa_type.group";

    /** One dimension: its file, what a row is, its columns and this run's rows, the key in the first cell. */
    record Dimension(String file, String oneRowPer, List<ColumnSpec> columns, List<String[]> rows) {
        List<String> header() {
            return Schema.names(columns);
        }
    }

    private static ColumnSpec text(String name, String description) {
        return ColumnSpec.of(name, CellType.TEXT, description);
    }

    private DimensionTables() {}

    /** The dimension files, in the order they are written. */
    static final List<String> FILES = List.of(HOSPITAL, PAYER, GLOSA_TYPE, DATE, RUN);

    /** The columns of one dimension file, in order. */
    static List<ColumnSpec> columns(String file) {
        ColumnSpec name = text("name", "the name, in the run's language where glosa names it; else the code");
        return switch (file) {
            case HOSPITAL -> List.of(text(Role.HOSPITAL.column(), "the hospital's code (CNES in SUS)"), name);
            case PAYER -> List.of(text(Role.PAYER.column(), "the payer's code"), name);
            case GLOSA_TYPE ->
                List.of(
                        text(Role.GLOSA_TYPE.column(), "the glosa type's code"),
                        name,
                        text("group", "the group of the type (SIH CO_ERRO group, or a dimension file's third column)"));
            case DATE ->
                List.of(
                        ColumnSpec.of(Role.COMPETENCE.column(), CellType.MONTH, "the month, yyyy-MM"),
                        ColumnSpec.of("month_start", CellType.DATE, "the month's first day"),
                        ColumnSpec.of("year", CellType.INTEGER, "the year"),
                        ColumnSpec.of("month", CellType.INTEGER, "the month, 1 to 12"),
                        text("month_name", "the month's name in pt-BR"),
                        text("month_name_en", "the month's name in English"),
                        text("month_label", "short label, e.g. jun/2026"));
            case RUN ->
                List.of(
                        ColumnSpec.of(Schema.AS_OF, CellType.DATE, "the run's date"),
                        text(Schema.RUN_ID, "the run's id"),
                        text("latest", "true for the latest as_of in the folder, false for the rest"));
            default -> throw new IllegalArgumentException("not a dimension file: " + file);
        };
    }

    /** This run's rows of every dimension. */
    static List<Dimension> of(RunRecord run, GlosaTable analysed, List<IndicatorRow> indicators, KeyNames names) {
        List<Dimension> out = new ArrayList<>();
        String hospital = Role.HOSPITAL.column();
        String payer = Role.PAYER.column();
        String type = Role.GLOSA_TYPE.column();
        out.add(new Dimension(HOSPITAL, "hospital", columns(HOSPITAL), named(analysed, hospital, names, null)));
        out.add(new Dimension(PAYER, "payer", columns(PAYER), named(analysed, payer, names, null)));
        out.add(new Dimension(
                GLOSA_TYPE, "glosa type", columns(GLOSA_TYPE), named(analysed, type, names, GLOSA_TYPE_GROUP)));
        TreeMap<String, YearMonth> months = new TreeMap<>();
        String competence = Role.COMPETENCE.column();
        if (analysed.has(competence) && analysed.column(competence) instanceof MonthColumn m) {
            for (int i = 0; i < m.size(); i++) {
                int v = m.index(i);
                if (v != MonthColumn.MISSING) {
                    YearMonth ym = YearMonth.of(Math.floorDiv(v, 12), Math.floorMod(v, 12) + 1);
                    months.put(ym.toString(), ym);
                }
            }
        }
        for (IndicatorRow r : indicators) {
            if (r.period() != null && r.period().matches("\\d{4}-\\d{2}")) {
                months.put(r.period(), YearMonth.parse(r.period()));
            }
        }
        months.put(YearMonth.from(run.asOf()).toString(), YearMonth.from(run.asOf()));
        List<String[]> dates = new ArrayList<>();
        Locale pt = Locale.forLanguageTag("pt-BR");
        for (YearMonth ym : months.values()) {
            String ptName = ym.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, pt);
            dates.add(new String[] {
                ym.toString(),
                ym.atDay(1).toString(),
                Integer.toString(ym.getYear()),
                Integer.toString(ym.getMonthValue()),
                ptName,
                ym.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, Locale.ENGLISH),
                ym.getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, pt).replace(".", "") + "/" + ym.getYear()
            });
        }
        out.add(new Dimension(DATE, "month", columns(DATE), dates));
        out.add(new Dimension(RUN, "run (as_of)", columns(RUN), List.<String[]>of(new String[] {
            run.asOf().toString(), CsvCells.guard(run.runId()), "true"
        })));
        return out;
    }

    private static List<String[]> named(GlosaTable t, String column, KeyNames names, String groupColumn) {
        List<String[]> rows = new ArrayList<>();
        if (!t.has(column)) {
            return rows;
        }
        Column c = t.column(column);
        if (!(c instanceof CategoryColumn cat)) {
            return rows;
        }
        TreeMap<String, String> codes = new TreeMap<>();
        for (int i = 0; i < cat.cardinality(); i++) {
            codes.put(cat.value(i), names.display(column, cat.value(i)));
        }
        for (Map.Entry<String, String> e : codes.entrySet()) {
            String code = CsvCells.guard(e.getKey());
            String name = CsvCells.guard(e.getValue());
            if (groupColumn == null) {
                rows.add(new String[] {code, name});
            } else {
                String group = names.name(groupColumn, e.getKey());
                rows.add(new String[] {code, name, CsvCells.guard(group == null ? "" : group)});
            }
        }
        return rows;
    }

    /**
     * Writes {@code temp}: the rows of {@code target} (if any) under this run's, one per key, sorted by key. A key of
     * this run replaces the earlier row; for {@value #RUN}, the latest {@code as_of} is flagged and the rest not.
     *
     * @return the rows written
     */
    static long write(Path target, Path temp, Dimension d, boolean bom) throws IOException {
        TreeMap<String, String[]> rows = new TreeMap<>();
        int width = d.header().size();
        if (Files.exists(target)) {
            try (Csv.RecordReader r = HistoryFile.open(target)) {
                String[] header = r.next();
                int[] from = new int[width];
                for (int j = 0; j < width; j++) {
                    from[j] = header == null
                            ? -1
                            : List.of(header).indexOf(d.header().get(j));
                }
                if (header != null && from[0] < 0) {
                    throw new IOException(target.getFileName() + ":1: no column '"
                            + d.header().get(0) + "' in the "
                            + "header; is this a glosa output? write to another folder or move the file away");
                }
                for (String[] cells; (cells = r.next()) != null; ) {
                    if (cells.length == 1 && cells[0].isEmpty()) {
                        continue;
                    }
                    String[] row = new String[width];
                    for (int j = 0; j < width; j++) {
                        // copied as read: cells of earlier runs were guarded when written
                        row[j] = from[j] >= 0 && from[j] < cells.length ? cells[from[j]] : "";
                    }
                    rows.put(row[0], row);
                }
            }
        }
        for (String[] row : d.rows()) {
            String[] earlier = rows.get(row[0]);
            // a name known once is kept when a later run knows only the code
            if (earlier != null && width > 1 && row[1].equals(row[0]) && !earlier[1].isEmpty()) {
                row = row.clone();
                row[1] = earlier[1];
            }
            rows.put(row[0], row);
        }
        if (d.file().equals(RUN)) {
            String latest = rows.isEmpty() ? "" : rows.lastKey();
            for (String[] row : rows.values()) {
                row[2] = Boolean.toString(row[0].equals(latest));
            }
        }
        try (DurableCsv file = DurableCsv.create(temp, bom)) {
            Csv.Out csv = file.out();
            csv.record(d.header().toArray(new String[0]));
            for (String[] row : rows.values()) {
                csv.record(row);
            }
        }
        return rows.size();
    }
}
