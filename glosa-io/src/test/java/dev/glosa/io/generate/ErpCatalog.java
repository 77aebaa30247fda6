package dev.glosa.io.generate;

/** The names the ERP generator draws from: hospitals, regionals, payers, glosa types, expense types, sectors. */
final class ErpCatalog {
    static final String[] HOSPITALS = {
        "HOSPITAL SÃO LUCAS",
        "SANTA CASA DE MISERICÓRDIA",
        "HOSPITAL SÃO JOSÉ",
        "HOSPITAL SANTA MARIA",
        "HOSPITAL NOSSA SENHORA DAS GRAÇAS",
        "HOSPITAL SÃO CAMILO",
        "HOSPITAL SANTA CATARINA",
        "HOSPITAL SÃO FRANCISCO",
        "HOSPITAL SANTA ISABEL",
        "HOSPITAL SÃO VICENTE DE PAULO",
        "HOSPITAL MATERNO INFANTIL",
        "HOSPITAL DO CORAÇÃO",
    };

    static final String[] REGIONALS = {
        "REGIONAL SUL", "REGIONAL NORTE", "REGIONAL LESTE", "REGIONAL OESTE", "REGIONAL CENTRO"
    };

    static final String[] PAYERS = {
        "UNIMED",
        "BRADESCO SAÚDE",
        "SULAMÉRICA",
        "AMIL",
        "CASSI",
        "GEAP",
        "PETROBRAS SAÚDE",
        "PORTO SEGURO SAÚDE",
        "HAPVIDA",
        "NOTREDAME INTERMÉDICA",
        "CABESP",
        "POSTAL SAÚDE",
    };

    static final String[] GLOSA_TYPES = {"ADMINISTRATIVA", "TÉCNICA", "CONTRATUAL", "LINEAR"};

    static final String[] ITEM_CATEGORIES = {
        "MATERIAL", "MEDICAMENTO", "DIÁRIA", "TAXA", "HONORÁRIO", "SADT", "OPME", "GASES MEDICINAIS"
    };

    /** A typical value of one denied item of each category, to turn a denied amount into a number of lines. */
    static final double[] ITEM_VALUE = {90, 60, 650, 150, 450, 120, 2500, 40};

    static final String[] SECTOR_N2 = {
        "CLÍNICA MÉDICA",
        "CLÍNICA CIRÚRGICA",
        "PEDIATRIA",
        "MATERNIDADE",
        "UTI ADULTO",
        "UTI NEONATAL",
        "UTI CORONARIANA",
        "CENTRO CIRÚRGICO GERAL",
        "HEMODINÂMICA",
        "CENTRO OBSTÉTRICO",
        "PS ADULTO",
        "PS INFANTIL",
        "ONCOLOGIA",
        "DIAGNÓSTICO POR IMAGEM",
        "LABORATÓRIO",
        "HEMODIÁLISE",
    };

    /** The first-level sector of each second-level one. */
    static final String[] SECTOR_N1 = {
        "INTERNAÇÃO",
        "INTERNAÇÃO",
        "INTERNAÇÃO",
        "INTERNAÇÃO",
        "UTI",
        "UTI",
        "UTI",
        "CENTRO CIRÚRGICO",
        "CENTRO CIRÚRGICO",
        "CENTRO CIRÚRGICO",
        "PRONTO-SOCORRO",
        "PRONTO-SOCORRO",
        "AMBULATÓRIO",
        "AMBULATÓRIO",
        "AMBULATÓRIO",
        "AMBULATÓRIO",
    };

    static final String[] PROCEDURE_GROUPS = {
        "CLÍNICO", "CIRÚRGICO", "OBSTÉTRICO", "ONCOLÓGICO", "CARDIOLÓGICO", "ORTOPÉDICO", "DIAGNÓSTICO", "TERAPIA RENAL"
    };

    static final String[] ATTENDANCE = {"INTERNAÇÃO", "PRONTO ATENDIMENTO", "AMBULATORIAL"};

    private ErpCatalog() {}

    /** The name of hospital {@code i}: the list's names, then numbered repeats. */
    static String hospital(int i) {
        String base = HOSPITALS[i % HOSPITALS.length];
        return i < HOSPITALS.length ? base : base + " " + (i / HOSPITALS.length + 1);
    }

    /** The name of payer {@code i}: the list's names, then numbered operators. */
    static String payer(int i) {
        return i < PAYERS.length ? PAYERS[i] : "OPERADORA " + (i + 1);
    }
}
