package dev.glosa.io.generate;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.Role;
import dev.glosa.io.dbf.DbcWriter;
import dev.glosa.io.dbf.DbfFieldType;
import dev.glosa.io.dbf.DbfFormat;
import dev.glosa.io.dbf.DbfWriter;
import dev.glosa.io.sih.SihSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a generated SIH sample as real-looking DATASUS files, so the SIH reader can be tested on generated data.
 *
 * <p>One file per system and competence month, named as DATASUS names them: system, state, two-digit year and
 * month, for example {@code RDMT2111.dbc} (RD, Mato Grosso, November 2021). The state letters come from the IBGE
 * code of the configuration ({@link SihGeneratorConfig#stateCode()}). RD files cover the RD window (the RJ months
 * plus {@link SihGeneratorConfig#rdExtraMonths()}), RJ and ER files the RJ window; a month without rows still gets
 * its (empty) file, as DATASUS publishes them, and a row outside the windows gets the file of its month.
 *
 * <p>Layouts: RD in the 2016+ layout (113 fields, as in {@code RDAC2301}), RJ in the 2008+ layout (90 fields, as in
 * {@code RJES1205}), ER in the 2011+ layout (13 fields, as in {@code ERSE2003}). Every column the generator makes goes
 * to its field so that {@code SihReader} reads back the same values: {@code claim_id} to {@code N_AIH} ({@code AIH}),
 * {@code hospital} to {@code CNES}, {@code competence} to {@code ANO_CMPT}/{@code MES_CMPT} ({@code ANO}/{@code MES}),
 * {@code billed_amount} (in RD equal to {@code paid_amount}) to {@code VAL_TOT}, the dates to {@code DT_INTER} and
 * {@code DT_SAIDA}, {@code age_years} to {@code IDADE} with its unit {@code COD_IDADE} (years, or days, months or hours
 * when the age is not whole), {@code reason_code} to {@code CO_ERRO}, and {@code IDENT}, {@code PROC_REA},
 * {@code DIAG_PRINC}, {@code ESPEC}, {@code SEXO}, {@code DIAS_PERM}, {@code UTI_MES_TO}, {@code MORTE},
 * {@code CAR_INT}, {@code COMPLEX} and {@code GESTAO} to the fields of those names. A few fields follow from them
 * ({@code PROC_SOLIC} = {@code PROC_REA}, {@code QT_DIARIAS} = {@code DIAS_PERM}, {@code NASC} = admission minus age,
 * {@code COBRANCA} 41 for a death and 12 otherwise, {@code SEQ_AIH5} 001 for a continuation, {@code VAL_SH} =
 * {@code VAL_TOT} in RD, {@code SEQUENCIA} the record number, {@code REMESSA} the batch name of the state and month);
 * the others hold the constant most real files hold there (zeros in numeric fields and in code fields such as
 * {@code CID_MORTE}, {@code FINANC} 06, {@code RACA_COR} 99, {@code ST_SITUAC} 1 in RJ) or are blank (addresses,
 * CNPJs, free text). A value the layout cannot hold exactly (a claim number without 13 digits, an amount with more
 * than two decimals, a stay that is not a whole number of days) is an {@link IllegalArgumentException} naming the
 * file, the record and the table row: nothing is rounded silently.
 *
 * <p>Files are {@code .dbc} (DBF imploded by {@link DbcWriter}) by default, or plain {@code .dbf}. Each is written
 * under a temporary name in the folder and renamed when complete. The bytes depend only on the sample: the DBF
 * header's last-update date is the first day of the month after the file's competence (at most 2155-12-31, the last
 * date the header holds), not the clock.
 */
public final class SihFiles {

    /** The RD layout of 2016 onwards, as in {@code RDAC2301}: name, type and length (with decimals after a dot). */
    static final String RD_LAYOUT = "UF_ZI C6 ANO_CMPT C4 MES_CMPT C2 ESPEC C2 CGC_HOSP C14 N_AIH C13 IDENT C1 CEP C8 "
            + "MUNIC_RES C6 NASC C8 SEXO C1 UTI_MES_IN N2 UTI_MES_AN N2 UTI_MES_AL N2 UTI_MES_TO N3 MARCA_UTI C2 "
            + "UTI_INT_IN N2 UTI_INT_AN N2 UTI_INT_AL N2 UTI_INT_TO N3 DIAR_ACOM N3 QT_DIARIAS N3 "
            + "PROC_SOLIC C10 PROC_REA C10 VAL_SH N13.2 VAL_SP N13.2 VAL_SADT N13.2 VAL_RN N13.2 "
            + "VAL_ACOMP N13.2 VAL_ORTP N13.2 VAL_SANGUE N13.2 VAL_SADTSR N11.2 VAL_TRANSP N13.2 "
            + "VAL_OBSANG N11.2 VAL_PED1AC N11.2 VAL_TOT N14.2 VAL_UTI N8.2 US_TOT N10.2 DT_INTER C8 "
            + "DT_SAIDA C8 DIAG_PRINC C4 DIAG_SECUN C4 COBRANCA C2 NATUREZA C2 NAT_JUR C4 GESTAO C1 RUBRICA N5 "
            + "IND_VDRL C1 MUNIC_MOV C6 COD_IDADE C1 IDADE N2 DIAS_PERM N5 MORTE N1 NACIONAL C3 NUM_PROC C4 "
            + "CAR_INT C2 TOT_PT_SP N6 CPF_AUT C11 HOMONIMO C1 NUM_FILHOS N2 INSTRU C1 CID_NOTIF C4 "
            + "CONTRACEP1 C2 CONTRACEP2 C2 GESTRISCO C1 INSC_PN C12 SEQ_AIH5 C3 CBOR C6 CNAER C3 VINCPREV C1 "
            + "GESTOR_COD C5 GESTOR_TP C1 GESTOR_CPF C15 GESTOR_DT C8 CNES C7 CNPJ_MANT C14 INFEHOSP C1 "
            + "CID_ASSO C4 CID_MORTE C4 COMPLEX C2 FINANC C2 FAEC_TP C6 REGCT C4 RACA_COR C2 ETNIA C4 "
            + "SEQUENCIA N9 REMESSA C21 AUD_JUST C50 SIS_JUST C50 VAL_SH_FED N10.2 VAL_SP_FED N10.2 "
            + "VAL_SH_GES N10.2 VAL_SP_GES N10.2 VAL_UCI N10.2 MARCA_UCI C2 DIAGSEC1 C4 DIAGSEC2 C4 "
            + "DIAGSEC3 C4 DIAGSEC4 C4 DIAGSEC5 C4 DIAGSEC6 C4 DIAGSEC7 C4 DIAGSEC8 C4 DIAGSEC9 C1 TPDISEC1 C1 "
            + "TPDISEC2 C1 TPDISEC3 C1 TPDISEC4 C1 TPDISEC5 C1 TPDISEC6 C1 TPDISEC7 C1 TPDISEC8 C1 TPDISEC9 C1";

    /** The RJ layout of 2008 onwards, as in {@code RJES1205}. */
    static final String RJ_LAYOUT = "UF_ZI C6 ANO_CMPT C4 MES_CMPT C2 ESPEC C2 CGC_HOSP C14 N_AIH C13 IDENT C1 CEP C8 "
            + "MUNIC_RES C6 NASC C8 SEXO C1 UTI_MES_IN N2 UTI_MES_AN N2 UTI_MES_AL N2 UTI_MES_TO N3 MARCA_UTI C2 "
            + "UTI_INT_IN N2 UTI_INT_AN N2 UTI_INT_AL N2 UTI_INT_TO N3 DIAR_ACOM N3 QT_DIARIAS N3 "
            + "PROC_SOLIC C10 PROC_REA C10 VAL_SH N13.2 VAL_SP N13.2 VAL_SADT N13.2 VAL_RN N13.2 "
            + "VAL_ACOMP N13.2 VAL_ORTP N13.2 VAL_SANGUE N13.2 VAL_SADTSR N11.2 VAL_TRANSP N13.2 "
            + "VAL_OBSANG N11.2 VAL_PED1AC N11.2 VAL_TOT N14.2 VAL_UTI N8.2 US_TOT N10.2 DT_INTER C8 "
            + "DT_SAIDA C8 DIAG_PRINC C4 DIAG_SECUN C4 COBRANCA C2 NATUREZA C2 NAT_JUR C4 GESTAO C1 RUBRICA N5 "
            + "IND_VDRL C1 MUNIC_MOV C6 COD_IDADE C1 IDADE N2 DIAS_PERM N5 MORTE N1 NACIONAL C3 NUM_PROC C4 "
            + "CAR_INT C2 TOT_PT_SP N6 CPF_AUT C11 HOMONIMO C1 NUM_FILHOS N2 INSTRU C1 CID_NOTIF C4 "
            + "CONTRACEP1 C2 CONTRACEP2 C2 GESTRISCO C1 INSC_PN C12 SEQ_AIH5 C3 CBOR C6 CNAER C3 VINCPREV C1 "
            + "GESTOR_COD C3 GESTOR_TP C1 GESTOR_CPF C15 GESTOR_DT C8 CNES C7 CNPJ_MANT C14 INFEHOSP C1 "
            + "CID_ASSO C4 CID_MORTE C4 COMPLEX C2 FINANC C2 FAEC_TP C6 REGCT C4 RACA_COR C2 ETNIA C4 "
            + "ST_SITUAC C1 ST_BLOQ C1 ST_MOT_BLO C2 SEQUENCIA N9 REMESSA C21";

    /** The ER layout of 2011 onwards, as in {@code ERSE2003}. */
    static final String ER_LAYOUT = "SEQUENCIA N9 REMESSA C21 CNES C7 AIH C13 ANO C4 MES C2 DT_INTER C10 DT_SAIDA C10 "
            + "MUN_MOV C6 UF_ZI C6 MUN_RES C6 UF_RES C2 CO_ERRO C6";

    private static final String[] STATES = new String[54];

    static {
        String[] pairs = {
            "11 RO", "12 AC", "13 AM", "14 RR", "15 PA", "16 AP", "17 TO", "21 MA", "22 PI", "23 CE", "24 RN", "25 PB",
            "26 PE", "27 AL", "28 SE", "29 BA", "31 MG", "32 ES", "33 RJ", "35 SP", "41 PR", "42 SC", "43 RS", "50 MS",
            "51 MT", "52 GO", "53 DF"
        };
        for (String p : pairs) {
            STATES[Integer.parseInt(p.substring(0, 2))] = p.substring(3);
        }
    }

    private static final LocalDate LAST_HEADER_DATE = LocalDate.of(2155, 12, 31);

    private SihFiles() {}

    /** Writes {@code sample} into {@code folder} (created if needed) as {@code .dbc} files. */
    public static SihFileSet write(SihSample sample, Path folder) throws IOException {
        return write(sample, folder, DbfFormat.DBC);
    }

    /**
     * Writes {@code sample} into {@code folder} (created if needed) as {@code .dbc} or {@code .dbf} files; files of the
     * same names are replaced.
     *
     * @throws IllegalArgumentException if the state code is not a state's, or a value does not fit its field exactly
     */
    public static SihFileSet write(SihSample sample, Path folder, DbfFormat format) throws IOException {
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(format, "format");
        SihGeneratorConfig cfg = sample.config();
        int state = cfg.stateCode();
        stateAbbreviation(state);
        Files.createDirectories(folder);
        int first = MonthColumn.toIndex(cfg.firstMonth());
        List<Path> rd = writeSystem(
                SihSystem.RD,
                sample.rd(),
                new ClaimFiller(new Layout(RD_LAYOUT), sample.rd(), true, state),
                first,
                cfg.months() + cfg.rdExtraMonths(),
                state,
                folder,
                format);
        List<Path> rj = writeSystem(
                SihSystem.RJ,
                sample.rj(),
                new ClaimFiller(new Layout(RJ_LAYOUT), sample.rj(), false, state),
                first,
                cfg.months(),
                state,
                folder,
                format);
        List<Path> er = writeSystem(
                SihSystem.ER,
                sample.er(),
                new ErrorFiller(new Layout(ER_LAYOUT), sample.er(), state),
                first,
                cfg.months(),
                state,
                folder,
                format);
        return new SihFileSet(rd, rj, er);
    }

    /**
     * The DATASUS name of the file of {@code system}, state and month: for example {@code RDMT2111.dbc}.
     *
     * @throws IllegalArgumentException if {@code stateCode} is not the IBGE code of a Brazilian state
     */
    public static String fileName(SihSystem system, int stateCode, YearMonth month, DbfFormat format) {
        return String.format(
                "%s%s%02d%02d.%s",
                system.name(),
                stateAbbreviation(stateCode),
                month.getYear() % 100,
                month.getMonthValue(),
                format.label());
    }

    /**
     * The two letters of the state whose IBGE code is {@code stateCode}: {@code 51} is {@code MT}.
     *
     * @throws IllegalArgumentException if {@code stateCode} is not the IBGE code of a Brazilian state
     */
    public static String stateAbbreviation(int stateCode) {
        String uf = stateCode >= 0 && stateCode < STATES.length ? STATES[stateCode] : null;
        if (uf == null) {
            throw new IllegalArgumentException("stateCode must be the IBGE code of a Brazilian state (11-17, 21-29, "
                    + "31-33, 35, 41-43, 50-53), found " + stateCode);
        }
        return uf;
    }

    private static List<Path> writeSystem(
            SihSystem system,
            GlosaTable table,
            Filler filler,
            int firstMonth,
            int months,
            int state,
            Path folder,
            DbfFormat format)
            throws IOException {
        MonthColumn competence = table.months(Role.COMPETENCE);
        int n = table.rowCount();
        int lo = firstMonth;
        int hi = firstMonth + months - 1;
        for (int r = 0; r < n; r++) {
            int m = competence.index(r);
            if (m == MonthColumn.MISSING) {
                throw new IllegalArgumentException(
                        system + " row " + r + ": competence is missing; every row needs" + " one to be filed");
            }
            lo = Math.min(lo, m);
            hi = Math.max(hi, m);
        }
        // Rows bucketed by month in table order (a counting sort), so each file keeps the table's row order.
        int[] start = new int[hi - lo + 2];
        for (int r = 0; r < n; r++) {
            start[competence.index(r) - lo + 1]++;
        }
        for (int k = 1; k < start.length; k++) {
            start[k] += start[k - 1];
        }
        int[] order = new int[n];
        int[] next = Arrays.copyOf(start, start.length);
        for (int r = 0; r < n; r++) {
            order[next[competence.index(r) - lo]++] = r;
        }
        List<Path> files = new ArrayList<>();
        for (int m = lo; m <= hi; m++) {
            boolean inWindow = m >= firstMonth && m < firstMonth + months;
            if (!inWindow && start[m - lo] == start[m - lo + 1]) {
                continue;
            }
            YearMonth month = MonthColumn.fromIndex(m);
            String name = fileName(system, state, month, format);
            files.add(writeFile(
                    folder,
                    name,
                    format,
                    filler,
                    system,
                    month,
                    Arrays.copyOfRange(order, start[m - lo], start[m - lo + 1])));
        }
        return files;
    }

    private static Path writeFile(
            Path folder, String name, DbfFormat format, Filler filler, SihSystem system, YearMonth month, int[] rows)
            throws IOException {
        Path target = folder.resolve(name);
        // Fixed temporary names rather than createTempFile's, which would leave the files readable by the owner only.
        Path dbf = folder.resolve(name + ".dbf.tmp");
        Path dbc = null;
        try {
            LocalDate updated = month.plusMonths(1).atDay(1);
            DbfWriter.Builder builder =
                    filler.layout.builder().lastUpdate(updated.isAfter(LAST_HEADER_DATE) ? LAST_HEADER_DATE : updated);
            try (DbfWriter w = builder.open(dbf)) {
                filler.startFile(month);
                for (int i = 0; i < rows.length; i++) {
                    try {
                        filler.fill(w, rows[i], i + 1);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                name + ": record " + (i + 1) + " (" + system + " row " + rows[i] + "): "
                                        + e.getMessage(),
                                e);
                    }
                    w.endRecord();
                }
            }
            Path done = dbf;
            if (format == DbfFormat.DBC) {
                dbc = folder.resolve(name + ".dbc.tmp");
                DbcWriter.pack(dbf, dbc);
                done = dbc;
            }
            Files.move(done, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(dbf);
            if (dbc != null) {
                Files.deleteIfExists(dbc);
            }
        }
        return target;
    }

    /** The fields of a layout, parsed from its compact description. */
    private static final class Layout {
        final String[] names;
        final boolean[] numeric;
        final int[] lengths;
        final int[] decimals;

        Layout(String spec) {
            String[] t = spec.split(" ");
            int n = t.length / 2;
            names = new String[n];
            numeric = new boolean[n];
            lengths = new int[n];
            decimals = new int[n];
            for (int i = 0; i < n; i++) {
                names[i] = t[2 * i];
                String type = t[2 * i + 1];
                numeric[i] = type.charAt(0) == 'N';
                int dot = type.indexOf('.');
                lengths[i] = Integer.parseInt(dot < 0 ? type.substring(1) : type.substring(1, dot));
                decimals[i] = dot < 0 ? 0 : Integer.parseInt(type.substring(dot + 1));
            }
        }

        int index(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            throw new IllegalStateException("layout has no field " + name);
        }

        DbfWriter.Builder builder() {
            DbfWriter.Builder b = DbfWriter.builder();
            for (int i = 0; i < names.length; i++) {
                b.field(names[i], numeric[i] ? DbfFieldType.NUMERIC : DbfFieldType.CHARACTER, lengths[i], decimals[i]);
            }
            return b;
        }
    }

    /**
     * Fills the records of one system: the constant fields, zeros in the other numeric fields, then the row's values.
     */
    private abstract static class Filler {
        final Layout layout;
        final int state;
        private int[] constantFields;
        private String[] constantValues;
        private int[] zeroFields;
        /** The batch name of the file's month, as DATASUS names its {@code .DTS} batches. */
        String remessa;

        Filler(Layout layout, int state) {
            this.layout = layout;
            this.state = state;
        }

        /** Declares the fields the row fills and the constants of the others; call once from the constructor. */
        final void plan(Set<String> dataFields, Map<String, String> constants) {
            List<Integer> cf = new ArrayList<>();
            List<String> cv = new ArrayList<>();
            List<Integer> zf = new ArrayList<>();
            for (int i = 0; i < layout.names.length; i++) {
                String name = layout.names[i];
                if (dataFields.contains(name)) {
                    continue;
                }
                String c = constants.get(name);
                if (c != null) {
                    cf.add(i);
                    cv.add(c.equals("0*") ? "0".repeat(layout.lengths[i]) : c);
                } else if (layout.numeric[i]) {
                    zf.add(i);
                }
            }
            constantFields = cf.stream().mapToInt(Integer::intValue).toArray();
            constantValues = cv.toArray(new String[0]);
            zeroFields = zf.stream().mapToInt(Integer::intValue).toArray();
        }

        void startFile(YearMonth month) {
            remessa = String.format("HE%02d000001N%04d%02d.DTS", state, month.getYear(), month.getMonthValue());
        }

        final void fill(DbfWriter w, int row, long sequence) {
            for (int i = 0; i < constantFields.length; i++) {
                w.setString(constantFields[i], constantValues[i]);
            }
            for (int f : zeroFields) {
                w.setLong(f, 0);
            }
            fillRow(w, row, sequence);
        }

        abstract void fillRow(DbfWriter w, int row, long sequence);
    }

    /** RD and RJ records. */
    private static final class ClaimFiller extends Filler {
        private final boolean paidFile;
        private final LongColumn claim;
        private final CategoryColumn hospital;
        private final MonthColumn competence;
        private final DoubleColumn billed;
        private final DoubleColumn paid;
        private final DateColumn admission;
        private final DateColumn discharge;
        private final CategoryColumn ident;
        private final CategoryColumn proc;
        private final CategoryColumn diag;
        private final CategoryColumn espec;
        private final DoubleColumn age;
        private final CategoryColumn sex;
        private final DoubleColumn stay;
        private final DoubleColumn icu;
        private final CategoryColumn death;
        private final CategoryColumn carInt;
        private final CategoryColumn complex;
        private final CategoryColumn gestao;

        private final int fYear;
        private final int fMonth;
        private final int fEspec;
        private final int fClaim;
        private final int fIdent;
        private final int fBirth;
        private final int fSex;
        private final int fIcu;
        private final int fDays;
        private final int fProcSolic;
        private final int fProc;
        private final int fValSh;
        private final int fValTot;
        private final int fAdmission;
        private final int fDischarge;
        private final int fDiag;
        private final int fCobranca;
        private final int fGestao;
        private final int fAgeUnit;
        private final int fAge;
        private final int fStay;
        private final int fDeath;
        private final int fCarInt;
        private final int fSeqAih5;
        private final int fCnes;
        private final int fComplex;
        private final int fSequence;
        private final int fRemessa;

        ClaimFiller(Layout layout, GlosaTable t, boolean paidFile, int state) {
            super(layout, state);
            this.paidFile = paidFile;
            claim = t.longs(Role.CLAIM_ID);
            competence = t.months(Role.COMPETENCE);
            hospital = category(t, Role.HOSPITAL.column());
            billed = doubles(t, Role.BILLED_AMOUNT.column());
            paid = paidFile ? doubles(t, Role.PAID_AMOUNT.column()) : null;
            admission = dates(t, Role.ADMISSION_DATE.column());
            discharge = dates(t, Role.DISCHARGE_DATE.column());
            ident = category(t, "IDENT");
            proc = category(t, "PROC_REA");
            diag = category(t, "DIAG_PRINC");
            espec = category(t, "ESPEC");
            age = doubles(t, "age_years");
            sex = category(t, "SEXO");
            stay = doubles(t, "DIAS_PERM");
            icu = doubles(t, "UTI_MES_TO");
            death = category(t, "MORTE");
            carInt = category(t, "CAR_INT");
            complex = category(t, "COMPLEX");
            gestao = category(t, "GESTAO");

            fYear = layout.index("ANO_CMPT");
            fMonth = layout.index("MES_CMPT");
            fEspec = layout.index("ESPEC");
            fClaim = layout.index("N_AIH");
            fIdent = layout.index("IDENT");
            fBirth = layout.index("NASC");
            fSex = layout.index("SEXO");
            fIcu = layout.index("UTI_MES_TO");
            fDays = layout.index("QT_DIARIAS");
            fProcSolic = layout.index("PROC_SOLIC");
            fProc = layout.index("PROC_REA");
            fValSh = layout.index("VAL_SH");
            fValTot = layout.index("VAL_TOT");
            fAdmission = layout.index("DT_INTER");
            fDischarge = layout.index("DT_SAIDA");
            fDiag = layout.index("DIAG_PRINC");
            fCobranca = layout.index("COBRANCA");
            fGestao = layout.index("GESTAO");
            fAgeUnit = layout.index("COD_IDADE");
            fAge = layout.index("IDADE");
            fStay = layout.index("DIAS_PERM");
            fDeath = layout.index("MORTE");
            fCarInt = layout.index("CAR_INT");
            fSeqAih5 = layout.index("SEQ_AIH5");
            fCnes = layout.index("CNES");
            fComplex = layout.index("COMPLEX");
            fSequence = layout.index("SEQUENCIA");
            fRemessa = layout.index("REMESSA");

            Set<String> data = new HashSet<>(List.of(
                    "ANO_CMPT",
                    "MES_CMPT",
                    "ESPEC",
                    "N_AIH",
                    "IDENT",
                    "NASC",
                    "SEXO",
                    "UTI_MES_TO",
                    "QT_DIARIAS",
                    "PROC_SOLIC",
                    "PROC_REA",
                    "VAL_TOT",
                    "DT_INTER",
                    "DT_SAIDA",
                    "DIAG_PRINC",
                    "COBRANCA",
                    "GESTAO",
                    "COD_IDADE",
                    "IDADE",
                    "DIAS_PERM",
                    "MORTE",
                    "CAR_INT",
                    "SEQ_AIH5",
                    "CNES",
                    "COMPLEX",
                    "SEQUENCIA",
                    "REMESSA"));
            if (paidFile) {
                data.add("VAL_SH");
            }
            Map<String, String> constants = new HashMap<>();
            constants.put("UF_ZI", String.format("%02d0000", state));
            for (String zeros : new String[] {
                "MARCA_UTI",
                "DIAG_SECUN",
                "NATUREZA",
                "IND_VDRL",
                "HOMONIMO",
                "INSTRU",
                "CONTRACEP1",
                "CONTRACEP2",
                "GESTRISCO",
                "INSC_PN",
                "CBOR",
                "CNAER",
                "VINCPREV",
                "GESTOR_COD",
                "GESTOR_TP",
                "GESTOR_CPF",
                "CID_ASSO",
                "CID_MORTE",
                "REGCT",
                "ETNIA",
                "MARCA_UCI",
                "ST_BLOQ",
                "ST_MOT_BLO",
                "TPDISEC1",
                "TPDISEC2",
                "TPDISEC3",
                "TPDISEC4",
                "TPDISEC5",
                "TPDISEC6",
                "TPDISEC7",
                "TPDISEC8",
                "TPDISEC9"
            }) {
                constants.put(zeros, "0*");
            }
            constants.put("NACIONAL", "010");
            constants.put("FINANC", "06");
            constants.put("RACA_COR", "99");
            constants.put("ST_SITUAC", "1");
            plan(data, constants);
        }

        @Override
        void fillRow(DbfWriter w, int r, long sequence) {
            long id = claim.get(r);
            if (id < 1_000_000_000_000L || id > 9_999_999_999_999L) {
                throw new IllegalArgumentException("claim_id " + (id == LongColumn.MISSING ? "missing" : id)
                        + ": N_AIH needs a 13-digit claim number");
            }
            w.setString(fClaim, Long.toString(id));
            YearMonth month = MonthColumn.fromIndex(competence.index(r));
            w.setString(fYear, String.format("%04d", month.getYear()));
            w.setString(fMonth, String.format("%02d", month.getMonthValue()));
            text(w, fCnes, hospital, r);
            String procedure = text(w, fProc, proc, r);
            w.setString(fProcSolic, procedure);
            text(w, fEspec, espec, r);
            String identValue = text(w, fIdent, ident, r);
            w.setString(fSeqAih5, "5".equals(identValue) ? "001" : "000");
            text(w, fSex, sex, r);
            text(w, fDiag, diag, r);
            text(w, fGestao, gestao, r);
            text(w, fCarInt, carInt, r);
            text(w, fComplex, complex, r);

            double amount = billed == null ? Double.NaN : billed.get(r);
            if (paid != null) {
                double p = paid.get(r);
                if (Double.isNaN(amount)) {
                    amount = p;
                } else if (!Double.isNaN(p) && p != amount) {
                    throw new IllegalArgumentException("billed_amount " + amount + " and paid_amount " + p
                            + " differ, but VAL_TOT holds both in RD");
                }
            }
            cents(w, fValTot, amount, "billed_amount");
            if (paidFile) {
                cents(w, fValSh, amount, "billed_amount");
            }

            int admitted = admission == null ? DateColumn.MISSING : admission.epochDay(r);
            date(w, fAdmission, admitted);
            date(w, fDischarge, discharge == null ? DateColumn.MISSING : discharge.epochDay(r));

            double years = age == null ? Double.NaN : age.get(r);
            int code = ageCode(years);
            if (code < 0) {
                w.setBlank(fAgeUnit).setBlank(fAge).setBlank(fBirth);
            } else {
                int unit = code / 100;
                int value = code % 100;
                w.setString(fAgeUnit, Integer.toString(unit));
                w.setLong(fAge, value);
                if (admitted != DateColumn.MISSING) {
                    LocalDate in = LocalDate.ofEpochDay(admitted);
                    w.setDate(
                            fBirth,
                            switch (unit) {
                                case 5 -> in.minusYears(100 + value);
                                case 4 -> in.minusYears(value);
                                case 3 -> in.minusMonths(value);
                                case 2 -> in.minusDays(value);
                                default -> in;
                            });
                }
            }
            long days = whole(w, fStay, stay, r, "DIAS_PERM");
            if (days != Long.MIN_VALUE) {
                w.setLong(fDays, Math.min(days, 999));
            }
            whole(w, fIcu, icu, r, "UTI_MES_TO");
            String died = death == null ? null : death.get(r);
            if (died == null) {
                w.setBlank(fDeath);
            } else if (died.equals("0") || died.equals("1")) {
                w.setLong(fDeath, died.charAt(0) - '0');
            } else {
                throw new IllegalArgumentException("MORTE '" + died + "' must be 0 or 1");
            }
            w.setString(fCobranca, "1".equals(died) ? "41" : "12");
            w.setLong(fSequence, sequence);
            w.setString(fRemessa, remessa);
        }
    }

    /** ER records. */
    private static final class ErrorFiller extends Filler {
        private final LongColumn claim;
        private final CategoryColumn hospital;
        private final MonthColumn competence;
        private final DateColumn admission;
        private final DateColumn discharge;
        private final CategoryColumn reason;
        private final int fSequence;
        private final int fRemessa;
        private final int fCnes;
        private final int fClaim;
        private final int fYear;
        private final int fMonth;
        private final int fAdmission;
        private final int fDischarge;
        private final int fError;

        ErrorFiller(Layout layout, GlosaTable t, int state) {
            super(layout, state);
            claim = t.longs(Role.CLAIM_ID);
            competence = t.months(Role.COMPETENCE);
            hospital = category(t, Role.HOSPITAL.column());
            admission = dates(t, Role.ADMISSION_DATE.column());
            discharge = dates(t, Role.DISCHARGE_DATE.column());
            reason = category(t, Role.REASON_CODE.column());
            fSequence = layout.index("SEQUENCIA");
            fRemessa = layout.index("REMESSA");
            fCnes = layout.index("CNES");
            fClaim = layout.index("AIH");
            fYear = layout.index("ANO");
            fMonth = layout.index("MES");
            fAdmission = layout.index("DT_INTER");
            fDischarge = layout.index("DT_SAIDA");
            fError = layout.index("CO_ERRO");
            plan(
                    Set.of("SEQUENCIA", "REMESSA", "CNES", "AIH", "ANO", "MES", "DT_INTER", "DT_SAIDA", "CO_ERRO"),
                    Map.of("UF_ZI", String.format("%02d0000", state), "UF_RES", String.format("%02d", state)));
        }

        @Override
        void fillRow(DbfWriter w, int r, long sequence) {
            long id = claim.get(r);
            if (id < 1_000_000_000_000L || id > 9_999_999_999_999L) {
                throw new IllegalArgumentException("claim_id " + (id == LongColumn.MISSING ? "missing" : id)
                        + ": AIH needs a 13-digit claim number");
            }
            w.setLong(fSequence, sequence);
            w.setString(fRemessa, remessa);
            text(w, fCnes, hospital, r);
            w.setString(fClaim, Long.toString(id));
            YearMonth month = MonthColumn.fromIndex(competence.index(r));
            w.setString(fYear, String.format("%04d", month.getYear()));
            w.setString(fMonth, String.format("%02d", month.getMonthValue()));
            date(w, fAdmission, admission == null ? DateColumn.MISSING : admission.epochDay(r));
            date(w, fDischarge, discharge == null ? DateColumn.MISSING : discharge.epochDay(r));
            text(w, fError, reason, r);
        }
    }

    /**
     * {@code unit * 100 + value} for the {@code COD_IDADE} unit and {@code IDADE} value from which the SIH reader
     * computes exactly {@code years} again: whole years (unit 4, or 5 past 99), else days (2), months (3) or hours
     * (1) when one of them gives the same double; {@code -1} for a missing age.
     */
    static int ageCode(double years) {
        if (Double.isNaN(years)) {
            return -1;
        }
        if (years >= 0 && years <= 199 && years == Math.rint(years)) {
            return years <= 99 ? 400 + (int) years : 500 + (int) years - 100;
        }
        if (years > 0 && years < 1) {
            long days = Math.round(years * 365.25);
            if (days <= 99 && days / 365.25 == years) {
                return 200 + (int) days;
            }
            long months = Math.round(years * 12);
            if (months <= 99 && months / 12.0 == years) {
                return 300 + (int) months;
            }
            long hours = Math.round(years * (365.25 * 24));
            if (hours <= 99 && hours / (365.25 * 24) == years) {
                return 100 + (int) hours;
            }
        }
        throw new IllegalArgumentException("age_years " + years + " is not a whole number of years (0-199), nor of "
                + "days, months or hours (0-99), as IDADE and COD_IDADE hold it");
    }

    private static String text(DbfWriter w, int field, CategoryColumn column, int row) {
        String v = column == null ? null : column.get(row);
        w.setString(field, v);
        return v;
    }

    private static void date(DbfWriter w, int field, int epochDay) {
        if (epochDay == DateColumn.MISSING) {
            w.setBlank(field);
        } else {
            w.setDate(field, LocalDate.ofEpochDay(epochDay));
        }
    }

    private static void cents(DbfWriter w, int field, double value, String column) {
        if (Double.isNaN(value)) {
            w.setBlank(field);
            return;
        }
        if (Math.rint(value * 100) / 100 != value) {
            throw new IllegalArgumentException(
                    column + " " + value + " has more than two decimals, which VAL_TOT " + "cannot hold");
        }
        w.setDouble(field, value);
    }

    /** Writes a whole number and returns it, or {@link Long#MIN_VALUE} (blank) for a missing value. */
    private static long whole(DbfWriter w, int field, DoubleColumn column, int row, String name) {
        double v = column == null ? Double.NaN : column.get(row);
        if (Double.isNaN(v)) {
            w.setBlank(field);
            return Long.MIN_VALUE;
        }
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(name + " " + v + " is not a whole number");
        }
        w.setLong(field, (long) v);
        return (long) v;
    }

    private static CategoryColumn category(GlosaTable t, String name) {
        return t.has(name) ? t.category(name) : null;
    }

    private static DoubleColumn doubles(GlosaTable t, String name) {
        return t.has(name) ? t.doubles(name) : null;
    }

    private static DateColumn dates(GlosaTable t, String name) {
        return t.has(name) ? t.dates(name) : null;
    }
}
