package dev.glosa.bench;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.Role;
import dev.glosa.io.dbf.DbcWriter;
import dev.glosa.io.dbf.DbfWriter;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A large generated SIH RD file in the DATASUS {@code .dbc} container, for when the real files are absent or too
 * small to measure the decoder on.
 *
 * <p>The records have the 113-field layout of RD files from 2016 on (702 bytes each), filled from the SIH generator's
 * RD table: the claim number, hospital, competence, amounts, dates, procedure, diagnosis, age, sex, stay, ICU days,
 * death, admission type, complexity and management, with the fixed or blank values real files carry elsewhere. The
 * DBF is written by the library's {@link DbfWriter} and turned into a {@code .dbc} by its {@link DbcWriter}, as the
 * library's users would: the bytes depend only on the claim count and the seed.
 *
 * @param bytes the {@code .dbc} file
 * @param dbfBytes the size of the DBF it decompresses to
 * @param records the number of records
 */
record GeneratedDbc(byte[] bytes, long dbfBytes, long records) {

    /** The RD layout from 2016 on: name, type, length and decimals of each field. */
    private static final String LAYOUT = "UF_ZI C 6 0,ANO_CMPT C 4 0,MES_CMPT C 2 0,ESPEC C 2 0,CGC_HOSP C 14 0,"
            + "N_AIH C 13 0,IDENT C 1 0,CEP C 8 0,MUNIC_RES C 6 0,NASC C 8 0,SEXO C 1 0,UTI_MES_IN N 2 0,"
            + "UTI_MES_AN N 2 0,UTI_MES_AL N 2 0,UTI_MES_TO N 3 0,MARCA_UTI C 2 0,UTI_INT_IN N 2 0,UTI_INT_AN N 2 0,"
            + "UTI_INT_AL N 2 0,UTI_INT_TO N 3 0,DIAR_ACOM N 3 0,QT_DIARIAS N 3 0,PROC_SOLIC C 10 0,PROC_REA C 10 0,"
            + "VAL_SH N 13 2,VAL_SP N 13 2,VAL_SADT N 13 2,VAL_RN N 13 2,VAL_ACOMP N 13 2,VAL_ORTP N 13 2,"
            + "VAL_SANGUE N 13 2,VAL_SADTSR N 11 2,VAL_TRANSP N 13 2,VAL_OBSANG N 11 2,VAL_PED1AC N 11 2,"
            + "VAL_TOT N 14 2,VAL_UTI N 8 2,US_TOT N 10 2,DT_INTER C 8 0,DT_SAIDA C 8 0,DIAG_PRINC C 4 0,"
            + "DIAG_SECUN C 4 0,COBRANCA C 2 0,NATUREZA C 2 0,NAT_JUR C 4 0,GESTAO C 1 0,RUBRICA N 5 0,IND_VDRL C 1 0,"
            + "MUNIC_MOV C 6 0,COD_IDADE C 1 0,IDADE N 2 0,DIAS_PERM N 5 0,MORTE N 1 0,NACIONAL C 3 0,NUM_PROC C 4 0,"
            + "CAR_INT C 2 0,TOT_PT_SP N 6 0,CPF_AUT C 11 0,HOMONIMO C 1 0,NUM_FILHOS N 2 0,INSTRU C 1 0,"
            + "CID_NOTIF C 4 0,CONTRACEP1 C 2 0,CONTRACEP2 C 2 0,GESTRISCO C 1 0,INSC_PN C 12 0,SEQ_AIH5 C 3 0,"
            + "CBOR C 6 0,CNAER C 3 0,VINCPREV C 1 0,GESTOR_COD C 5 0,GESTOR_TP C 1 0,GESTOR_CPF C 15 0,"
            + "GESTOR_DT C 8 0,CNES C 7 0,CNPJ_MANT C 14 0,INFEHOSP C 1 0,CID_ASSO C 4 0,CID_MORTE C 4 0,"
            + "COMPLEX C 2 0,FINANC C 2 0,FAEC_TP C 6 0,REGCT C 4 0,RACA_COR C 2 0,ETNIA C 4 0,SEQUENCIA N 9 0,"
            + "REMESSA C 21 0,AUD_JUST C 50 0,SIS_JUST C 50 0,VAL_SH_FED N 10 2,VAL_SP_FED N 10 2,VAL_SH_GES N 10 2,"
            + "VAL_SP_GES N 10 2,VAL_UCI N 10 2,MARCA_UCI C 2 0,DIAGSEC1 C 4 0,DIAGSEC2 C 4 0,DIAGSEC3 C 4 0,"
            + "DIAGSEC4 C 4 0,DIAGSEC5 C 4 0,DIAGSEC6 C 4 0,DIAGSEC7 C 4 0,DIAGSEC8 C 4 0,DIAGSEC9 C 1 0,"
            + "TPDISEC1 C 1 0,TPDISEC2 C 1 0,TPDISEC3 C 1 0,TPDISEC4 C 1 0,TPDISEC5 C 1 0,TPDISEC6 C 1 0,"
            + "TPDISEC7 C 1 0,TPDISEC8 C 1 0,TPDISEC9 C 1 0";

    /** Numeric fields that real files fill with zeros rather than blanks. */
    private static final String ZERO_FIELDS = "UTI_MES_IN,UTI_MES_AN,UTI_MES_AL,UTI_INT_IN,UTI_INT_AN,UTI_INT_AL,"
            + "UTI_INT_TO,DIAR_ACOM,VAL_SADT,VAL_RN,VAL_ACOMP,VAL_ORTP,VAL_SANGUE,VAL_SADTSR,VAL_TRANSP,VAL_OBSANG,"
            + "VAL_PED1AC,VAL_UTI,RUBRICA,TOT_PT_SP,NUM_FILHOS,VAL_SH_FED,VAL_SP_FED,VAL_SH_GES,VAL_SP_GES,VAL_UCI";

    /**
     * Generates an RD file of about {@code claims} claims (one record per RD row of the generator).
     *
     * @param claims the claims of the SIH generator (about 0.93 RD rows each with its default rates)
     * @param seed the generator's seed
     */
    static GeneratedDbc generate(long claims, long seed) {
        SihGeneratorConfig config = SihGeneratorConfig.defaults(seed).withTotalClaims(claims);
        GlosaTable rd = SihGenerator.generate(config).rd();
        try {
            Path dbf = Files.createTempFile("glosa-bench-rd", ".dbf");
            Path dbc = null;
            try {
                dbc = Files.createTempFile("glosa-bench-rd", ".dbc");
                writeDbf(rd, dbf);
                DbcWriter.pack(dbf, dbc);
                return new GeneratedDbc(Files.readAllBytes(dbc), Files.size(dbf), rd.rowCount());
            } finally {
                Files.deleteIfExists(dbf);
                if (dbc != null) {
                    Files.deleteIfExists(dbc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated RD file: " + e.getMessage(), e);
        }
    }

    private static void writeDbf(GlosaTable rd, Path file) throws IOException {
        DbfWriter.Builder b = DbfWriter.builder().lastUpdate(LocalDate.of(2022, 1, 15));
        String[] names = LAYOUT.split(",");
        for (String spec : names) {
            String[] p = spec.split(" ");
            if (p[1].equals("C")) {
                b.character(p[0], Integer.parseInt(p[2]));
            } else {
                b.numeric(p[0], Integer.parseInt(p[2]), Integer.parseInt(p[3]));
            }
        }
        int[] zeros = indexes(names, ZERO_FIELDS.split(","));
        LongColumn claim = rd.longs(Role.CLAIM_ID);
        CategoryColumn hospital = rd.category(Role.HOSPITAL);
        MonthColumn competence = rd.months(Role.COMPETENCE);
        DoubleColumn paid = rd.doubles(Role.PAID_AMOUNT);
        DateColumn admission = rd.dates(Role.ADMISSION_DATE);
        DateColumn discharge = rd.dates(Role.DISCHARGE_DATE);
        CategoryColumn ident = rd.category("IDENT");
        CategoryColumn proc = rd.category("PROC_REA");
        CategoryColumn diag = rd.category("DIAG_PRINC");
        CategoryColumn espec = rd.category("ESPEC");
        DoubleColumn age = rd.doubles("age_years");
        CategoryColumn sex = rd.category("SEXO");
        DoubleColumn stay = rd.doubles("DIAS_PERM");
        DoubleColumn icu = rd.doubles("UTI_MES_TO");
        CategoryColumn death = rd.category("MORTE");
        CategoryColumn carInt = rd.category("CAR_INT");
        CategoryColumn complex = rd.category("COMPLEX");
        CategoryColumn gestao = rd.category("GESTAO");
        java.util.Map<String, Integer> at = new java.util.HashMap<>();
        for (int f = 0; f < names.length; f++) {
            at.put(names[f].substring(0, names[f].indexOf(' ')), f);
        }
        try (DbfWriter w = b.open(file)) {
            Fields f = new Fields(w, at);
            for (int r = 0; r < rd.rowCount(); r++) {
                String cnes = hospital.get(r);
                String muni = "51" + cnes.substring(3, 7);
                YearMonth ym = competence.get(r);
                double total = paid.get(r);
                double sh = Math.round(total * 78.0) / 100.0;
                LocalDate in = admission.get(r);
                int years = (int) age.get(r);
                f.text("UF_ZI", muni)
                        .text("ANO_CMPT", Integer.toString(ym.getYear()))
                        .text("MES_CMPT", String.format("%02d", ym.getMonthValue()))
                        .text("ESPEC", espec.get(r))
                        .text("N_AIH", Long.toString(claim.get(r)))
                        .text("IDENT", ident.get(r))
                        .text("CEP", "78" + cnes.substring(1, 7))
                        .text("MUNIC_RES", muni)
                        .date("NASC", in.minusYears(years).minusDays(r % 365))
                        .text("SEXO", sex.get(r))
                        .number("UTI_MES_TO", (long) icu.get(r))
                        .text("MARCA_UTI", "00")
                        .number("QT_DIARIAS", (long) stay.get(r))
                        .text("PROC_SOLIC", proc.get(r))
                        .text("PROC_REA", proc.get(r))
                        .amount("VAL_SH", sh)
                        .amount("VAL_SP", total - sh)
                        .amount("VAL_TOT", total)
                        .amount("US_TOT", total / 3.21)
                        .date("DT_INTER", in)
                        .date("DT_SAIDA", discharge.get(r))
                        .text("DIAG_PRINC", diag.get(r))
                        .text("DIAG_SECUN", "0000")
                        .text("COBRANCA", "12")
                        .text("NATUREZA", "00")
                        .text("NAT_JUR", "1023")
                        .text("GESTAO", gestao.get(r))
                        .text("IND_VDRL", "0")
                        .text("MUNIC_MOV", muni)
                        .text("COD_IDADE", "4")
                        .number("IDADE", years)
                        .number("DIAS_PERM", (long) stay.get(r))
                        .number("MORTE", Long.parseLong(death.get(r)))
                        .text("NACIONAL", "010")
                        .text("CAR_INT", carInt.get(r))
                        .text("HOMONIMO", "0")
                        .text("INSTRU", "0")
                        .text("CONTRACEP1", "00")
                        .text("CONTRACEP2", "00")
                        .text("GESTRISCO", "0")
                        .text("INSC_PN", "000000000000")
                        .text("SEQ_AIH5", "000")
                        .text("CBOR", "000000")
                        .text("CNAER", "000")
                        .text("VINCPREV", "0")
                        .text("GESTOR_COD", "00000")
                        .text("GESTOR_TP", "E")
                        .text("GESTOR_CPF", "000000000000000")
                        .text("CNES", cnes)
                        .text("CNPJ_MANT", "00000000000000")
                        .text("INFEHOSP", "0")
                        .text("CID_ASSO", "0000")
                        .text("CID_MORTE", "0000")
                        .text("COMPLEX", complex.get(r))
                        .text("FINANC", "06")
                        .text("FAEC_TP", "000000")
                        .text("REGCT", "0000")
                        .text("RACA_COR", "99")
                        .text("ETNIA", "0000")
                        .number("SEQUENCIA", r + 1L)
                        .text("REMESSA", String.format("RD51%d%02d%09d", ym.getYear(), ym.getMonthValue(), r / 500))
                        .text("MARCA_UCI", "00");
                for (int z : zeros) {
                    w.setLong(z, 0);
                }
                w.endRecord();
            }
        }
    }

    /** Sets fields by name. */
    private record Fields(DbfWriter w, java.util.Map<String, Integer> at) {
        Fields text(String name, String value) {
            w.setString(at.get(name), value);
            return this;
        }

        Fields number(String name, long value) {
            w.setLong(at.get(name), value);
            return this;
        }

        Fields amount(String name, double value) {
            w.setDouble(at.get(name), value);
            return this;
        }

        Fields date(String name, LocalDate value) {
            w.setDate(at.get(name), value);
            return this;
        }
    }

    private static int[] indexes(String[] layout, String[] names) {
        int[] out = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = -1;
            for (int f = 0; f < layout.length; f++) {
                if (layout[f].startsWith(names[i] + " ")) {
                    out[i] = f;
                }
            }
            if (out[i] < 0) {
                throw new IllegalStateException("field " + names[i] + " is not in the RD layout");
            }
        }
        return out;
    }
}
