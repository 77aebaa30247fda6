package dev.glosa.io.sih;

import dev.glosa.io.dbf.DbfField;
import dev.glosa.io.dbf.MalformedFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The known SIH layout eras and their recognition from a file name and a field list.
 *
 * <p>The system comes from the file name ({@code RDAC2301.dbc} = RD) when it follows the DATASUS pattern,
 * otherwise from marker fields ({@code CO_ERRO} = ER, {@code SP_NAIH} = SP, {@code ST_SITUAC} = RJ,
 * {@code N_AIH} with {@code VAL_TOT} = RD). The era is the known field set of that system equal to the file's;
 * failing that, the most similar one (Jaccard index of the name sets at least {@value #MIN_SIMILARITY}), with
 * the differences reported as a warning.
 */
final class SihLayouts {

    static final double MIN_SIMILARITY = 0.6;

    private static final Pattern DATASUS_NAME = Pattern.compile("^(RD|RJ|ER|SP)[A-Z]{2}\\d{4}[A-Z]?\\.DB[CF]$");

    /** One known field set. */
    record Era(SihLayout layout, Set<String> fields, int claimDigits) {}

    private static final String RD_OLD_COMMON =
            "UF_ZI ANO_CMPT MES_CMPT ESPEC CGC_HOSP N_AIH IDENT CEP MUNIC_RES NASC SEXO "
                    + "UTI_TOTAL PROC_REA VAL_SH VAL_SP VAL_SADT VAL_RN VAL_ORTP VAL_SANGUE VAL_TOT US_SH US_SP US_SADT US_RN "
                    + "US_ORTP US_SANGUE US_TOT DT_INTER DT_SAIDA DIAG_PRINC COBRANCA NATUREZA MUNIC_MOV COD_IDADE IDADE "
                    + "DIAS_PERM MORTE COD_ARQ CONT NUM_PROC SEMIPLEN";
    private static final String AIH_2006_HEAD =
            "UF_ZI ANO_CMPT MES_CMPT ESPEC CGC_HOSP N_AIH IDENT CEP MUNIC_RES NASC SEXO "
                    + "UTI_MES_IN UTI_MES_AN UTI_MES_AL UTI_MES_TO MARCA_UTI UTI_INT_IN UTI_INT_AN UTI_INT_AL UTI_INT_TO "
                    + "DIAR_ACOM PROC_SOLIC PROC_REA VAL_SH VAL_SP VAL_SADT VAL_RN VAL_ACOMP VAL_ORTP VAL_SANGUE VAL_SADTSR "
                    + "VAL_TRANSP VAL_OBSANG VAL_PED1AC VAL_TOT VAL_UTI US_TOT DT_INTER DT_SAIDA DIAG_PRINC DIAG_SECUN "
                    + "COBRANCA NATUREZA GESTAO RUBRICA IND_VDRL MUNIC_MOV COD_IDADE IDADE DIAS_PERM MORTE NACIONAL NUM_PROC "
                    + "CAR_INT TOT_PT_SP CPF_AUT HOMONIMO NUM_FILHOS INSTRU CID_NOTIF CONTRACEP1 CONTRACEP2 GESTRISCO INSC_PN "
                    + "SEQ_AIH5 CBOR CNAER VINCPREV GESTOR_COD GESTOR_CPF GESTOR_DT CNES INFEHOSP CID_ASSO CID_MORTE";
    private static final String AIH_2008_COMMON = AIH_2006_HEAD + " QT_DIARIAS GESTOR_TP CNPJ_MANT COMPLEX FINANC "
            + "FAEC_TP REGCT RACA_COR ETNIA SEQUENCIA REMESSA";
    private static final String RD_2014 = AIH_2008_COMMON + " NAT_JUR AUD_JUST SIS_JUST VAL_SH_FED VAL_SP_FED "
            + "VAL_SH_GES VAL_SP_GES VAL_UCI MARCA_UCI";
    private static final String SP_2007 =
            "SP_GESTOR SP_UF SP_AA SP_MM SP_CNES SP_NAIH SP_PROCREA SP_DTINTER SP_DTSAIDA "
                    + "SP_NUM_PR SP_TIPO SP_CPFCGC SP_ATOPROF SP_TP_ATO SP_QTD_ATO SP_PTSP SP_NF SP_VALATO";

    static final List<Era> ERAS = List.of(
            era(SihSystem.RD, "1995", RD_OLD_COMMON, 10),
            era(SihSystem.RD, "1997", RD_OLD_COMMON + " DIAG_SEC", 10),
            era(SihSystem.RD, "2008-2011", AIH_2008_COMMON, 13),
            era(SihSystem.RD, "2014", RD_2014, 13),
            era(
                    SihSystem.RD,
                    "2016+",
                    RD_2014 + " DIAGSEC1 DIAGSEC2 DIAGSEC3 DIAGSEC4 DIAGSEC5 DIAGSEC6 DIAGSEC7 "
                            + "DIAGSEC8 DIAGSEC9 TPDISEC1 TPDISEC2 TPDISEC3 TPDISEC4 TPDISEC5 TPDISEC6 TPDISEC7 TPDISEC8 TPDISEC9",
                    13),
            era(SihSystem.RJ, "2006-2007", AIH_2006_HEAD + " ST_SITUAC ST_BLOQ ST_MOT_BLO", 13),
            era(SihSystem.RJ, "2008+", AIH_2008_COMMON + " NAT_JUR ST_SITUAC ST_BLOQ ST_MOT_BLO", 13),
            era(
                    SihSystem.ER,
                    "2011+",
                    "SEQUENCIA REMESSA CNES AIH ANO MES DT_INTER DT_SAIDA MUN_MOV UF_ZI MUN_RES " + "UF_RES CO_ERRO",
                    13),
            era(
                    SihSystem.SP,
                    "2004",
                    "SP_UF SP_AA SP_MM SP_CGCHOSP SP_NAIH SP_PROCREA SP_DTINTER SP_DTSAIDA SP_NUM_PR "
                            + "SP_TIPO SP_CPFCGC SP_ATOPROF SP_TP_ATO SP_QTD_ATO SP_PTSP_NF SP_VALATO",
                    10),
            era(SihSystem.SP, "2007", SP_2007, 13),
            era(
                    SihSystem.SP,
                    "2016+",
                    SP_2007 + " SP_M_HOSP SP_M_PAC SP_DES_HOS SP_DES_PAC SP_COMPLEX SP_FINANC "
                            + "SP_CO_FAEC SP_PF_CBO SP_PF_DOC SP_PJ_DOC IN_TP_VAL SEQUENCIA REMESSA SERV_CLA SP_CIDPRI SP_CIDSEC "
                            + "SP_QT_PROC SP_U_AIH",
                    13));

    private SihLayouts() {}

    private static Era era(SihSystem system, String label, String fields, int claimDigits) {
        Set<String> set = new LinkedHashSet<>(Arrays.asList(fields.split(" ")));
        return new Era(new SihLayout(system, label), Set.copyOf(set), claimDigits);
    }

    /** The system a DATASUS file name announces, or {@code null} if the name does not follow the pattern. */
    static SihSystem systemFromName(String fileName) {
        Matcher m = DATASUS_NAME.matcher(fileName.toUpperCase(Locale.ROOT));
        return m.matches() ? SihSystem.valueOf(m.group(1)) : null;
    }

    /** The system the marker fields announce, or {@code null}. */
    static SihSystem systemFromFields(Set<String> names) {
        if (names.contains("CO_ERRO")) {
            return SihSystem.ER;
        }
        if (names.contains("SP_NAIH")) {
            return SihSystem.SP;
        }
        if (names.contains("ST_SITUAC") && names.contains("N_AIH")) {
            return SihSystem.RJ;
        }
        if (names.contains("N_AIH") && names.contains("VAL_TOT")) {
            return SihSystem.RD;
        }
        return null;
    }

    /**
     * The era of a file, or {@code null} if it is not an SIH file this library knows.
     *
     * @param file the file name (used for the system and in messages)
     * @param fields the header's fields
     * @param warnings receives the differences when the match is not exact
     * @throws MalformedFileException if the name and the fields announce different systems
     */
    static Era recognise(String file, List<DbfField> fields, List<String> warnings) throws MalformedFileException {
        Set<String> names = new HashSet<>();
        for (DbfField f : fields) {
            names.add(f.name().toUpperCase(Locale.ROOT));
        }
        String base = baseName(file);
        SihSystem byName = systemFromName(base);
        SihSystem byFields = systemFromFields(names);
        if (byName != null && byFields != null && byName != byFields) {
            throw new MalformedFileException(
                    file, -1, "file name announces SIH system " + byName + " but its fields are those of " + byFields);
        }
        SihSystem system = byName != null ? byName : byFields;
        if (system == null) {
            return null;
        }
        Era best = null;
        double bestScore = -1;
        for (Era era : ERAS) {
            if (era.layout().system() != system) {
                continue;
            }
            if (era.fields().equals(names)) {
                return era;
            }
            double score = jaccard(era.fields(), names);
            if (score > bestScore) {
                bestScore = score;
                best = era;
            }
        }
        if (best == null || bestScore < MIN_SIMILARITY) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        for (String f : best.fields()) {
            if (!names.contains(f)) {
                missing.add(f);
            }
        }
        List<String> extra = new ArrayList<>();
        for (DbfField f : fields) {
            if (!best.fields().contains(f.name().toUpperCase(Locale.ROOT))) {
                extra.add(f.name());
            }
        }
        missing.sort(null);
        warnings.add("fields differ from layout " + best.layout().label() + " (closest known): missing " + missing
                + ", extra " + extra);
        return best;
    }

    static String baseName(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return slash < 0 ? file : file.substring(slash + 1);
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        int common = 0;
        for (String s : a) {
            if (b.contains(s)) {
                common++;
            }
        }
        int union = a.size() + b.size() - common;
        return union == 0 ? 0 : (double) common / union;
    }
}
