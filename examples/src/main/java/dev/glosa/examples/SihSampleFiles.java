package dev.glosa.examples;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.Role;
import dev.glosa.io.dbf.DbfField;
import dev.glosa.io.dbf.DbfFieldType;
import dev.glosa.io.dbf.DbfWriter;
import dev.glosa.io.generate.SihSample;
import dev.glosa.io.sih.SihReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes generated SIH tables as DATASUS files, so that an example reads them exactly as it would read real ones.
 *
 * <p>One plain DBF per system and competence month, named as DATASUS names them ({@code RDMT2106.dbf}: RD, Mato
 * Grosso, June 2021; the state comes from the generator's IBGE state code), in the layouts of the SIH reader's
 * current eras: RD "2016+" (113 fields), RJ "2008+" (90 fields) and ER "2011+" (13 fields), field for field as in the
 * published files, so the reader recognises each file exactly and warns of nothing. Fields the generator has no value
 * for are blank, except {@code COD_IDADE} (the unit of {@code IDADE}: 2, days, under one year; else 4, years) and, in
 * RJ, {@code ST_SITUAC} (1: rejected).
 */
final class SihSampleFiles {
    /** The fields RD and RJ share, in record order (name, type, length, decimals), from the published headers. */
    private static final String AIH_HEAD = "UF_ZI:C6 ANO_CMPT:C4 MES_CMPT:C2 ESPEC:C2 CGC_HOSP:C14 N_AIH:C13 IDENT:C1 "
            + "CEP:C8 MUNIC_RES:C6 NASC:C8 SEXO:C1 UTI_MES_IN:N2 UTI_MES_AN:N2 UTI_MES_AL:N2 UTI_MES_TO:N3 MARCA_UTI:C2 "
            + "UTI_INT_IN:N2 UTI_INT_AN:N2 UTI_INT_AL:N2 UTI_INT_TO:N3 DIAR_ACOM:N3 QT_DIARIAS:N3 PROC_SOLIC:C10 "
            + "PROC_REA:C10 VAL_SH:N13.2 VAL_SP:N13.2 VAL_SADT:N13.2 VAL_RN:N13.2 VAL_ACOMP:N13.2 VAL_ORTP:N13.2 "
            + "VAL_SANGUE:N13.2 VAL_SADTSR:N11.2 VAL_TRANSP:N13.2 VAL_OBSANG:N11.2 VAL_PED1AC:N11.2 VAL_TOT:N14.2 "
            + "VAL_UTI:N8.2 US_TOT:N10.2 DT_INTER:C8 DT_SAIDA:C8 DIAG_PRINC:C4 DIAG_SECUN:C4 COBRANCA:C2 NATUREZA:C2 "
            + "NAT_JUR:C4 GESTAO:C1 RUBRICA:N5 IND_VDRL:C1 MUNIC_MOV:C6 COD_IDADE:C1 IDADE:N2 DIAS_PERM:N5 MORTE:N1 "
            + "NACIONAL:C3 NUM_PROC:C4 CAR_INT:C2 TOT_PT_SP:N6 CPF_AUT:C11 HOMONIMO:C1 NUM_FILHOS:N2 INSTRU:C1 "
            + "CID_NOTIF:C4 CONTRACEP1:C2 CONTRACEP2:C2 GESTRISCO:C1 INSC_PN:C12 SEQ_AIH5:C3 CBOR:C6 CNAER:C3 "
            + "VINCPREV:C1 GESTOR_COD:C5 GESTOR_TP:C1 GESTOR_CPF:C15 GESTOR_DT:C8 CNES:C7 CNPJ_MANT:C14 INFEHOSP:C1 "
            + "CID_ASSO:C4 CID_MORTE:C4 COMPLEX:C2 FINANC:C2 FAEC_TP:C6 REGCT:C4 RACA_COR:C2 ETNIA:C4";
    private static final String RD_2016 = AIH_HEAD + " SEQUENCIA:N9 REMESSA:C21 AUD_JUST:C50 SIS_JUST:C50 "
            + "VAL_SH_FED:N10.2 VAL_SP_FED:N10.2 VAL_SH_GES:N10.2 VAL_SP_GES:N10.2 VAL_UCI:N10.2 MARCA_UCI:C2 "
            + "DIAGSEC1:C4 DIAGSEC2:C4 DIAGSEC3:C4 DIAGSEC4:C4 DIAGSEC5:C4 DIAGSEC6:C4 DIAGSEC7:C4 DIAGSEC8:C4 "
            + "DIAGSEC9:C1 TPDISEC1:C1 TPDISEC2:C1 TPDISEC3:C1 TPDISEC4:C1 TPDISEC5:C1 TPDISEC6:C1 TPDISEC7:C1 "
            + "TPDISEC8:C1 TPDISEC9:C1";
    private static final String RJ_2008 = AIH_HEAD.replace("GESTOR_COD:C5", "GESTOR_COD:C3")
            + " ST_SITUAC:C1 ST_BLOQ:C1 ST_MOT_BLO:C2 SEQUENCIA:N9 REMESSA:C21";
    private static final String ER_2011 = "SEQUENCIA:N9 REMESSA:C21 CNES:C7 AIH:C13 ANO:C4 MES:C2 DT_INTER:C10 "
            + "DT_SAIDA:C10 MUN_MOV:C6 UF_ZI:C6 MUN_RES:C6 UF_RES:C2 CO_ERRO:C6";

    /** IBGE state codes and their abbreviations, for the file names. */
    private static final String STATES = "11RO12AC13AM14RR15PA16AP17TO21MA22PI23CE24RN25PB26PE27AL28SE29BA31MG32ES"
            + "33RJ35SP41PR42SC43RS50MS51MT52GO53DF";

    private SihSampleFiles() {}

    /**
     * Writes the sample's RD, RJ and ER tables into {@code folder} (created if needed).
     *
     * @return the files written: RD, then RJ, then ER, each in month order
     * @throws IOException if a file cannot be written
     */
    static List<Path> write(SihSample sample, Path folder) throws IOException {
        Files.createDirectories(folder);
        String state = state(sample.config().stateCode());
        List<Path> files = new ArrayList<>();
        files.addAll(write(sample.rd(), "RD", state, RD_2016, "N_AIH", "ANO_CMPT", "MES_CMPT", folder));
        files.addAll(write(sample.rj(), "RJ", state, RJ_2008, "N_AIH", "ANO_CMPT", "MES_CMPT", folder));
        files.addAll(write(sample.er(), "ER", state, ER_2011, "AIH", "ANO", "MES", folder));
        return files;
    }

    private static List<Path> write(GlosaTable table, String system, String state, String layout, String claimField,
            String yearField, String monthField, Path folder) throws IOException {
        DbfWriter.Builder builder = DbfWriter.builder();
        for (String f : layout.split(" ")) {
            String name = f.substring(0, f.indexOf(':'));
            String spec = f.substring(f.indexOf(':') + 1);
            int dot = spec.indexOf('.');
            int length = Integer.parseInt(dot < 0 ? spec.substring(1) : spec.substring(1, dot));
            int decimals = dot < 0 ? 0 : Integer.parseInt(spec.substring(dot + 1));
            builder.field(name, DbfFieldType.of(spec.charAt(0)), length, decimals);
        }
        MonthColumn competence = table.months(Role.COMPETENCE);
        int[] order = rowsByMonth(competence);
        List<Path> files = new ArrayList<>();
        int at = 0;
        while (at < order.length) {
            int month = competence.index(order[at]);
            int end = at;
            while (end < order.length && competence.index(order[end]) == month) {
                end++;
            }
            Path file = folder.resolve(String.format(Locale.ROOT, "%s%s%02d%02d.dbf", system, state,
                    (month / 12) % 100, month % 12 + 1));
            try (DbfWriter w = builder.open(file)) {
                Cell[] cells = cells(table, w.fields(), claimField, yearField, monthField);
                for (int i = at; i < end; i++) {
                    for (Cell c : cells) {
                        c.write(w, order[i]);
                    }
                    w.endRecord();
                }
            }
            files.add(file);
            at = end;
        }
        return files;
    }

    /** Row numbers grouped by month in month order, keeping the table's order inside a month (a stable counting sort). */
    private static int[] rowsByMonth(MonthColumn competence) {
        int n = competence.size();
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int r = 0; r < n; r++) {
            int m = competence.index(r);
            if (m == MonthColumn.MISSING) {
                throw new IllegalArgumentException("generated row " + r + " has no competence month");
            }
            min = Math.min(min, m);
            max = Math.max(max, m);
        }
        if (n == 0) {
            return new int[0];
        }
        int[] start = new int[max - min + 2];
        for (int r = 0; r < n; r++) {
            start[competence.index(r) - min + 1]++;
        }
        for (int i = 1; i < start.length; i++) {
            start[i] += start[i - 1];
        }
        int[] order = new int[n];
        for (int r = 0; r < n; r++) {
            order[start[competence.index(r) - min]++] = r;
        }
        return order;
    }

    /** How one column (or a constant) fills its field(s) of a record. */
    private interface Cell {
        void write(DbfWriter w, int row);
    }

    /**
     * The cells of a record: the role columns into their SIH fields, every other column into the field of its name;
     * columns without a field ({@code payer}, which is always SUS, and RD's {@code paid_amount}, which is its
     * {@code VAL_TOT}) are not written.
     */
    private static Cell[] cells(GlosaTable table, List<DbfField> fields, String claimField, String yearField,
            String monthField) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            index.put(fields.get(i).name(), i);
        }
        List<Cell> cells = new ArrayList<>();
        for (Column c : table.columns()) {
            String target = switch (c.name()) {
                case "claim_id" -> claimField;
                case "hospital" -> "CNES";
                case "billed_amount" -> "VAL_TOT";
                case "admission_date" -> "DT_INTER";
                case "discharge_date" -> "DT_SAIDA";
                case "reason_code" -> "CO_ERRO";
                default -> c.name();
            };
            Integer f = index.get(target);
            if (c instanceof MonthColumn m && c.name().equals(Role.COMPETENCE.column())) {
                int year = index.get(yearField);
                int month = index.get(monthField);
                cells.add((w, row) -> w.setLong(year, m.index(row) / 12).setString(month,
                        String.format(Locale.ROOT, "%02d", m.index(row) % 12 + 1)));
            } else if (c instanceof DoubleColumn age && c.name().equals(SihReader.AGE_YEARS)
                    && index.containsKey("IDADE")) {
                cells.add(ageCell(age, index.get("IDADE"), index.get("COD_IDADE")));
            } else if (f != null) {
                cells.add(cell(c, f, fields.get(f)));
            }
        }
        Integer situation = index.get("ST_SITUAC");
        if (situation != null) {
            cells.add((w, row) -> w.setString(situation, "1"));
        }
        return cells.toArray(new Cell[0]);
    }

    /** The age as SIH writes it: in days ({@code COD_IDADE} 2) under one year, else in years (4). */
    private static Cell ageCell(DoubleColumn age, int ageField, int unitField) {
        return (w, row) -> {
            double years = age.get(row);
            if (Double.isNaN(years)) {
                w.setBlank(ageField).setBlank(unitField);
            } else if (years < 1) {
                w.setLong(ageField, Math.round(years * 365)).setString(unitField, "2");
            } else {
                w.setLong(ageField, Math.round(years)).setString(unitField, "4");
            }
        };
    }

    private static Cell cell(Column c, int f, DbfField field) {
        if (c instanceof CategoryColumn cat) {
            if (field.type() == DbfFieldType.CHARACTER) {
                return (w, row) -> w.setString(f, cat.get(row));
            }
            // A code in a numeric field (MORTE): parsed once per dictionary value.
            double[] valueOfCode = new double[cat.cardinality()];
            for (int code = 0; code < valueOfCode.length; code++) {
                valueOfCode[code] = Double.parseDouble(cat.value(code));
            }
            return (w, row) -> w.setDouble(f, cat.code(row) < 0 ? Double.NaN : valueOfCode[cat.code(row)]);
        }
        if (c instanceof DoubleColumn d) {
            return (w, row) -> w.setDouble(f, d.get(row));
        }
        if (c instanceof LongColumn l) {
            return (w, row) -> {
                if (l.isMissing(row)) {
                    w.setBlank(f);
                } else {
                    w.setLong(f, l.get(row));
                }
            };
        }
        if (c instanceof DateColumn d) {
            return (w, row) -> w.setDate(f, d.isMissing(row) ? null : LocalDate.ofEpochDay(d.epochDay(row)));
        }
        throw new IllegalArgumentException("column '" + c.name() + "' (" + c.type() + ") has no SIH field to go to");
    }

    private static String state(int ibgeCode) {
        int at = STATES.indexOf(Integer.toString(ibgeCode));
        return at < 0 || at % 4 != 0 ? "XX" : STATES.substring(at + 2, at + 4);
    }
}
