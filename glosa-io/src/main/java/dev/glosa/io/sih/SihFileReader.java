package dev.glosa.io.sih;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.Role;
import dev.glosa.core.table.TableBuilder;
import dev.glosa.io.dbf.DbfCursor;
import dev.glosa.io.dbf.DbfField;
import dev.glosa.io.dbf.DbfFieldType;
import dev.glosa.io.dbf.FieldColumn;
import dev.glosa.io.dbf.MalformedFileException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one SIH file through a {@link DbfCursor} into a table with the canonical role columns.
 *
 * <p>One plan step per output column, decided from the header once; the row loop then parses each field from
 * the record bytes straight into primitive column builders.
 */
final class SihFileReader {

    static final String AGE_YEARS = SihReader.AGE_YEARS;
    static final String REASON_DESCRIPTION = SihReader.REASON_DESCRIPTION;
    static final String GLOSA_TYPE_DESCRIPTION = SihReader.GLOSA_TYPE_DESCRIPTION;

    private static final Set<String> CATEGORY_DIMENSIONS = Set.of(
            "PROC_REA", "DIAG_PRINC", "ESPEC", "SEXO", "MORTE", "CAR_INT", "COMPLEX", "FINANC", "GESTAO", "IDENT");
    private static final Set<String> DOUBLE_MEASURES = Set.of("DIAS_PERM", "UTI_MES_TO");
    private static final int MAX_INITIAL_ROWS = 1 << 16;
    /** Names of the columns derived from the fields; a field of the same name would collide. */
    private static final Set<String> GENERATED = Set.of(
            Role.CLAIM_ID.column(),
            Role.HOSPITAL.column(),
            Role.PAYER.column(),
            Role.COMPETENCE.column(),
            Role.BILLED_AMOUNT.column(),
            Role.PAID_AMOUNT.column(),
            Role.ADMISSION_DATE.column(),
            Role.DISCHARGE_DATE.column(),
            Role.REASON_CODE.column(),
            Role.GLOSA_TYPE.column(),
            Role.GLOSA_AMOUNT.column(),
            AGE_YEARS,
            REASON_DESCRIPTION,
            GLOSA_TYPE_DESCRIPTION);

    private SihFileReader() {}

    /**
     * One output step: what to parse from which field(s) into which builder(s), one record per kind of column, so
     * the row loop needs neither a kind code nor a cast.
     */
    private sealed interface Step {
        /** Parses this step's field(s) of the cursor's current record and appends the value(s). */
        void add(DbfCursor cursor) throws MalformedFileException;
    }

    /** The claim number, which must have the era's digit count. */
    private record ClaimStep(int field, int digits, LongColumn.Builder builder) implements Step {
        @Override
        public void add(DbfCursor cursor) throws MalformedFileException {
            if (cursor.digitCount(field) != digits) {
                throw cursor.fieldError(field, "claim number must have " + digits + " digits");
            }
            builder.add(cursor.getLong(field));
        }
    }

    /** A field read into a column of its own, as {@link FieldColumn} reads it for every DBF reader. */
    private record FieldStep(FieldColumn column) implements Step {
        @Override
        public void add(DbfCursor cursor) throws MalformedFileException {
            column.append(cursor);
        }
    }

    /** The competence month from its year and month fields. */
    private record CompetenceStep(int yearField, int monthField, MonthColumn.Builder builder) implements Step {
        @Override
        public void add(DbfCursor cursor) throws MalformedFileException {
            builder.addIndex(competence(cursor, yearField, monthField));
        }
    }

    /** The total amount, as billed and, where the system pays what it approves (RD), as paid too. */
    private record AmountStep(int field, DoubleColumn.Builder billed, DoubleColumn.Builder paid) implements Step {
        @Override
        public void add(DbfCursor cursor) throws MalformedFileException {
            double v = cursor.getDouble(field);
            billed.add(v);
            if (paid != null) {
                paid.add(v);
            }
        }
    }

    /** The age in years from the age and its unit. */
    private record AgeStep(int ageField, int unitField, DoubleColumn.Builder builder) implements Step {
        @Override
        public void add(DbfCursor cursor) throws MalformedFileException {
            builder.add(ageYears(cursor, ageField, unitField));
        }
    }

    /**
     * The rejection code ({@code CO_ERRO}) into four columns: the code, its description, its group and the group's
     * description, each decided once per code; codes missing from the table are collected in {@code unknown}.
     */
    private record ErrorCodeStep(
            int field,
            CategoryColumn.Builder code,
            CategoryColumn.Builder description,
            CategoryColumn.Builder group,
            CategoryColumn.Builder groupDescription,
            SihErrorCodes codes,
            Set<String> unknown,
            CodeCache cache)
            implements Step {
        @Override
        public void add(DbfCursor cursor) throws MalformedFileException {
            int id = cursor.textId(field);
            if (id < 0) {
                code.addMissing();
                description.addMissing();
                group.addMissing();
                groupDescription.addMissing();
                return;
            }
            int[] map = cache.grow(4 * (id + 1), 64, Integer.MIN_VALUE);
            int at = 4 * id;
            if (map[at] == Integer.MIN_VALUE) {
                String text = cursor.textOfId(field, id);
                if (cursor.digitCount(field) != 6) {
                    throw cursor.fieldError(field, "CO_ERRO must have 6 digits");
                }
                String groupText = SihErrorCodes.group(text);
                String descriptionText = codes.description(text);
                if (descriptionText == null) {
                    unknown.add(text);
                }
                String groupDescriptionText = codes.groupDescription(groupText);
                map[at] = code.codeFor(text);
                map[at + 1] = descriptionText == null ? -1 : description.codeFor(descriptionText);
                map[at + 2] = group.codeFor(groupText);
                map[at + 3] = groupDescriptionText == null ? -1 : groupDescription.codeFor(groupDescriptionText);
            }
            code.addCode(map[at]);
            description.addCode(map[at + 1]);
            group.addCode(map[at + 2]);
            groupDescription.addCode(map[at + 3]);
        }
    }

    /** The category code already decided per cursor text id: the one mutable part of a step, grown on demand. */
    private static final class CodeCache {
        private int[] map = new int[0];

        /** The map, grown (new slots filled with {@code empty}) to hold at least {@code size} slots. */
        int[] grow(int size, int minimum, int empty) {
            if (size > map.length) {
                int old = map.length;
                map = Arrays.copyOf(map, Math.max(minimum, Math.max(size, old * 2)));
                Arrays.fill(map, old, map.length, empty);
            }
            return map;
        }
    }

    static SihTable read(DbfCursor cursor, SihReadOptions options) throws IOException {
        List<String> warnings = new ArrayList<>();
        List<DbfField> fields = cursor.header().fields();
        SihLayouts.Era era = SihLayouts.recognise(cursor.file(), fields, warnings);
        if (era == null) {
            throw new MalformedFileException(
                    cursor.file(), -1, "not a known SIH layout (RD, RJ, ER or SP): fields " + names(fields));
        }
        SihSystem system = era.layout().system();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            index.put(fields.get(i).name().toUpperCase(Locale.ROOT), i);
        }
        boolean[] used = new boolean[fields.size()];
        TableBuilder tb = GlosaTable.builder((int) Math.min(cursor.header().recordCount(), MAX_INITIAL_ROWS));
        List<Step> steps = new ArrayList<>();
        SihErrorCodes codes = SihErrorCodes.standard();
        Set<String> unknownCodes = new TreeSet<>();

        int claim = claim(index, used, "N_AIH", "AIH", "SP_NAIH");
        if (claim < 0) {
            throw new MalformedFileException(
                    cursor.file(),
                    -1,
                    "layout " + era.layout().label() + " without a claim number field (N_AIH, AIH or SP_NAIH)");
        }
        steps.add(new ClaimStep(claim, era.claimDigits(), tb.longs(Role.CLAIM_ID.column())));

        int hospital = claim(index, used, "CNES", "SP_CNES");
        if (hospital < 0) {
            // Layouts before CNES identify the hospital by its CNPJ only.
            hospital = claim(index, used, "CGC_HOSP", "SP_CGCHOSP");
        }
        if (hospital >= 0) {
            steps.add(field(FieldColumn.Kind.TEXT, hospital, tb, Role.HOSPITAL.column()));
        }
        CategoryColumn.Builder payer = tb.category(Role.PAYER.column());
        int payerCode = payer.codeFor("SUS");

        int year = claim(index, used, "ANO_CMPT", "ANO", "SP_AA");
        int month = claim(index, used, "MES_CMPT", "MES", "SP_MM");
        if (year >= 0 && month >= 0) {
            steps.add(new CompetenceStep(year, month, tb.months(Role.COMPETENCE.column())));
        } else {
            release(used, year, month);
        }

        if (system == SihSystem.RD || system == SihSystem.RJ) {
            int amount = claim(index, used, "VAL_TOT");
            if (amount >= 0) {
                DoubleColumn.Builder billed = tb.doubles(Role.BILLED_AMOUNT.column());
                DoubleColumn.Builder paid = system == SihSystem.RD ? tb.doubles(Role.PAID_AMOUNT.column()) : null;
                steps.add(new AmountStep(amount, billed, paid));
            }
        }
        int admission = claim(index, used, "DT_INTER", "SP_DTINTER");
        if (admission >= 0) {
            steps.add(dateStep(fields.get(admission), admission, tb, Role.ADMISSION_DATE.column()));
        }
        int discharge = claim(index, used, "DT_SAIDA", "SP_DTSAIDA");
        if (discharge >= 0) {
            steps.add(dateStep(fields.get(discharge), discharge, tb, Role.DISCHARGE_DATE.column()));
        }
        if (system == SihSystem.ER) {
            int code = claim(index, used, "CO_ERRO");
            if (code >= 0) {
                steps.add(new ErrorCodeStep(
                        code,
                        tb.category(Role.REASON_CODE.column()),
                        tb.category(REASON_DESCRIPTION),
                        tb.category(Role.GLOSA_TYPE.column()),
                        tb.category(GLOSA_TYPE_DESCRIPTION),
                        codes,
                        unknownCodes,
                        new CodeCache()));
            }
        }
        int age = claim(index, used, "IDADE");
        int ageUnit = claim(index, used, "COD_IDADE");
        if (age >= 0 && ageUnit >= 0) {
            steps.add(new AgeStep(age, ageUnit, tb.doubles(AGE_YEARS)));
        } else {
            release(used, age, ageUnit);
        }
        for (int f = 0; f < fields.size(); f++) {
            if (used[f]) {
                continue;
            }
            DbfField field = fields.get(f);
            if (GENERATED.contains(field.name())) {
                throw new MalformedFileException(
                        cursor.file(),
                        -1,
                        "field " + field.describe() + " has the name of a column the SIH reader derives");
            }
            String upper = field.name().toUpperCase(Locale.ROOT);
            if (CATEGORY_DIMENSIONS.contains(upper)) {
                steps.add(field(FieldColumn.Kind.TEXT, f, tb, field.name()));
            } else if (DOUBLE_MEASURES.contains(upper)) {
                steps.add(field(FieldColumn.Kind.DOUBLE, f, tb, field.name()));
            } else if (options.keepOtherColumns()) {
                steps.add(new FieldStep(FieldColumn.natural(field, f, tb)));
            }
        }

        Step[] plan = steps.toArray(new Step[0]);
        while (cursor.next()) {
            payer.addCode(payerCode);
            for (Step s : plan) {
                s.add(cursor);
            }
        }
        if (!unknownCodes.isEmpty()) {
            warnings.add(
                    unknownCodes.size() + " CO_ERRO codes are not in the code table (no description): " + unknownCodes);
        }
        GlosaTable table = tb.build();
        return new SihTable(system, table, List.of(new SihFileReport(era.layout(), cursor.report(), warnings)));
    }

    private static Step field(FieldColumn.Kind kind, int f, TableBuilder tb, String name) {
        return new FieldStep(FieldColumn.of(kind, f, tb, name));
    }

    private static Step dateStep(DbfField field, int f, TableBuilder tb, String name) {
        // A 6-character date field is yyMMdd (the 1990s layouts); a D field or 8 characters is yyyyMMdd.
        boolean twoDigitYear = field.type() != DbfFieldType.DATE && field.length() == 6;
        return field(twoDigitYear ? FieldColumn.Kind.DATE_1900 : FieldColumn.Kind.DATE, f, tb, name);
    }

    private static int competence(DbfCursor cursor, int yearField, int monthField) throws MalformedFileException {
        long y = cursor.getLong(yearField);
        long m = cursor.getLong(monthField);
        if (y == Long.MIN_VALUE || m == Long.MIN_VALUE) {
            return MonthColumn.MISSING;
        }
        if (cursor.textLength(yearField) == 2) {
            // The 1990s layouts write the competence year with two digits.
            y += 1900;
        }
        if (y < 1900 || y > 2999) {
            throw cursor.fieldError(yearField, "competence year must be 1900..2999");
        }
        if (m < 1 || m > 12) {
            throw cursor.fieldError(monthField, "competence month must be 1..12");
        }
        return MonthColumn.toIndex((int) y, (int) m);
    }

    /**
     * Age in years from {@code IDADE} and its unit {@code COD_IDADE}: 1 hours, 2 days, 3 months, 4 years,
     * 5 hundreds of years (age = 100 + IDADE); 0, blank or any other unit is unknown (NaN).
     */
    private static double ageYears(DbfCursor cursor, int ageField, int unitField) throws MalformedFileException {
        long age = cursor.getLong(ageField);
        long unit = cursor.digitCount(unitField) > 0 ? cursor.getLong(unitField) : -1;
        if (age == Long.MIN_VALUE || age < 0) {
            return Double.NaN;
        }
        return switch ((int) unit) {
            case 1 -> age / (365.25 * 24);
            case 2 -> age / 365.25;
            case 3 -> age / 12.0;
            case 4 -> age;
            case 5 -> 100 + age;
            default -> Double.NaN;
        };
    }

    private static int claim(Map<String, Integer> index, boolean[] used, String... names) {
        for (String n : names) {
            Integer i = index.get(n);
            if (i != null && !used[i]) {
                used[i] = true;
                return i;
            }
        }
        return -1;
    }

    private static void release(boolean[] used, int... fields) {
        for (int f : fields) {
            if (f >= 0) {
                used[f] = false;
            }
        }
    }

    private static List<String> names(List<DbfField> fields) {
        List<String> out = new ArrayList<>(fields.size());
        for (DbfField f : fields) {
            out.add(f.name());
        }
        return out;
    }
}
