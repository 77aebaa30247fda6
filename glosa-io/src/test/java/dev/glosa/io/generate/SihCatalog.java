package dev.glosa.io.generate;

/**
 * The procedures the SIH generator draws from, with the diagnoses, specialty, complexity, sex, age, stay, value and
 * frequency that go with each.
 *
 * <p>The first nineteen codes, their diagnoses, specialties and sex and age profiles are the most frequent ones of a
 * real RD file ({@code RDRR0801.dbf}); the values are that file's medians scaled to recent magnitudes. The last six
 * are high-complexity procedures added so values reach tens of thousands of reais; their numbers follow the SIGTAP
 * pattern but are not checked against the official table.
 */
final class SihCatalog {
    /** Index columns of {@link #NUMBERS}. */
    static final int VALUE = 0,
            STAY = 1,
            MALE_SHARE = 2,
            AGE_MEAN = 3,
            AGE_SD = 4,
            DEATH = 5,
            ICU = 6,
            URGENT = 7,
            WEIGHT = 8;

    static final String[] PROC = {
        "0310010039",
        "0411010034",
        "0411020013",
        "0303140151",
        "0303100044",
        "0305020013",
        "0303010061",
        "0303080078",
        "0407030026",
        "0303060212",
        "0303040149",
        "0303030038",
        "0303060107",
        "0407040102",
        "0303140046",
        "0303160055",
        "0303180013",
        "0407020039",
        "0303070064",
        "0406010927",
        "0408040084",
        "0416040099",
        "0406030049",
        "0303170123",
        "0415010012",
    };

    static final String[][] DIAG = {
        {"O800", "O809"},
        {"O821", "O300"},
        {"O034", "O021"},
        {"J189", "J188", "J129"},
        {"O479", "O230", "O219"},
        {"N110", "N390"},
        {"A09", "A059"},
        {"L024", "L031", "A46"},
        {"K805", "K810"},
        {"I509", "I500"},
        {"I64", "I639"},
        {"E148", "E145", "E119"},
        {"I10"},
        {"K409", "K419"},
        {"J459", "J449"},
        {"P073", "P071"},
        {"B24"},
        {"K359", "K389"},
        {"K297", "K292"},
        {"I251", "I214"},
        {"M161", "S720"},
        {"C509", "C504"},
        {"I219", "I200"},
        {"F200", "F209"},
        {"T07", "S069"},
    };

    static final String[] ESPEC = {
        "02", "02", "01", "03", "02", "03", "07", "03", "01", "03", "03", "03", "03", "01", "03", "07", "03", "01",
        "03", "01", "01", "01", "01", "05", "01",
    };

    static final String[] COMPLEX = {
        "02", "02", "02", "02", "02", "02", "02", "02", "02", "02", "02", "02", "02", "02", "02", "02", "03", "02",
        "02", "03", "03", "03", "03", "02", "02",
    };

    /** Per procedure: median value, median stay in days, male share, age mean and sd, death, ICU, urgent, weight. */
    static final double[][] NUMBERS = {
        {1300, 2, 0.00, 24, 6, 0.0005, 0.01, 0.95, 20},
        {1900, 3, 0.00, 27, 6, 0.001, 0.03, 0.80, 12},
        {600, 1, 0.00, 26, 7, 0.0, 0.0, 0.90, 5},
        {1600, 5, 0.55, 45, 28, 0.08, 0.10, 0.98, 10},
        {500, 2, 0.00, 24, 6, 0.0, 0.0, 0.95, 5},
        {700, 3, 0.30, 40, 20, 0.01, 0.02, 0.95, 4},
        {650, 3, 0.45, 15, 20, 0.005, 0.01, 0.98, 4},
        {900, 4, 0.50, 35, 20, 0.005, 0.01, 0.90, 3},
        {2200, 2, 0.20, 48, 15, 0.003, 0.02, 0.20, 4},
        {2000, 6, 0.65, 68, 14, 0.10, 0.15, 0.99, 4},
        {2600, 9, 0.60, 66, 14, 0.15, 0.20, 1.00, 3},
        {1000, 5, 0.50, 60, 15, 0.03, 0.05, 0.95, 2},
        {700, 4, 0.60, 64, 14, 0.02, 0.03, 0.98, 2},
        {1300, 1, 0.90, 48, 17, 0.001, 0.005, 0.10, 3},
        {1200, 3, 0.45, 52, 25, 0.03, 0.05, 0.99, 2},
        {6500, 17, 0.55, 0, 0, 0.08, 0.60, 1.00, 1},
        {2100, 8, 0.70, 38, 12, 0.10, 0.15, 0.90, 1},
        {1500, 3, 0.60, 22, 14, 0.001, 0.01, 1.00, 2},
        {750, 2, 0.60, 44, 18, 0.005, 0.01, 0.95, 2},
        {17000, 9, 0.70, 62, 10, 0.05, 0.95, 0.30, 0.6},
        {11000, 5, 0.40, 70, 12, 0.03, 0.20, 0.50, 0.6},
        {7000, 4, 0.00, 55, 12, 0.01, 0.10, 0.00, 0.5},
        {8500, 3, 0.65, 60, 11, 0.03, 0.40, 0.70, 0.6},
        {3200, 25, 0.55, 38, 12, 0.001, 0.0, 0.80, 1},
        {4500, 7, 0.70, 35, 15, 0.05, 0.30, 1.00, 1},
    };

    /** The first index of the high-complexity procedures, which only some hospitals perform. */
    static final int FIRST_HIGH_COMPLEXITY = 19;

    /** The procedure whose patients are newborns: ages in days. */
    static final int NEWBORN = 15;

    private SihCatalog() {}
}
