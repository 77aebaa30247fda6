package dev.glosa.io.sih;

import dev.glosa.core.sus.SusColumns;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.Role;
import dev.glosa.core.util.LongIntHashMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Gives each rejected claim (RJ) its error codes (ER), joined on claim number and hospital (CNES).
 *
 * <p>Adds to the RJ table: {@code reason_code}, {@code reason_description}, {@code glosa_type} (the two-digit
 * group of the code) and {@code glosa_type_description} of the <em>first</em> error of the claim in ER order;
 * {@code error_codes}, the distinct codes of the claim in ER order joined with {@code ;}; and
 * {@code error_count} (LONG), its number of ER rows. A claim without ER rows gets missing values and a count
 * of 0. RJ rows keep their order.
 */
public final class SihRejections {

    private static final SihErrorCodes TABLE = SihErrorCodes.standard();

    /** Column holding all distinct error codes of a claim, {@code ;}-separated. */
    public static final String ERROR_CODES = "error_codes";
    /** Column holding the number of ER rows of a claim. */
    public static final String ERROR_COUNT = "error_count";

    private SihRejections() {}

    /**
     * The RJ table with the error columns of its claims.
     *
     * @return the RJ table with the error codes, glosa type and error count of each claim
     * @param rj rows read from RJ files
     * @param er rows read from ER files (as {@link SihReader} produces them)
     * @throws IllegalArgumentException naming the column, if a table lacks {@code claim_id} or {@code hospital},
     *     or ER lacks {@code reason_code}
     */
    public static GlosaTable attachErrors(GlosaTable rj, GlosaTable er) {
        Objects.requireNonNull(rj, "rj");
        Objects.requireNonNull(er, "er");
        LongColumn rjClaim = rj.longs(Role.CLAIM_ID);
        CategoryColumn rjHospital = rj.category(Role.HOSPITAL);
        LongColumn erClaim = er.longs(Role.CLAIM_ID);
        CategoryColumn erHospital = er.category(Role.HOSPITAL);
        CategoryColumn erCode = er.category(Role.REASON_CODE);
        CategoryColumn erDescription = optionalCategory(er, SihFileReader.REASON_DESCRIPTION);
        CategoryColumn erType = optionalCategory(er, Role.GLOSA_TYPE.column());
        CategoryColumn erTypeDescription = optionalCategory(er, SihFileReader.GLOSA_TYPE_DESCRIPTION);

        // ER rows chained per claim number, in ER order: head/tail per claim, next per row.
        int erRows = er.rowCount();
        LongIntHashMap slotOfClaim = new LongIntHashMap(Math.max(16, erRows));
        int[] head = new int[Math.max(16, erRows)];
        int[] tail = new int[head.length];
        int[] next = new int[erRows];
        Arrays.fill(next, -1);
        int claims = 0;
        for (int r = 0; r < erRows; r++) {
            if (erClaim.isMissing(r)) {
                continue;
            }
            int slot = slotOfClaim.getOrPut(erClaim.get(r), claims);
            if (slot == claims) {
                head[slot] = r;
                tail[slot] = r;
                claims++;
            } else {
                next[tail[slot]] = r;
                tail[slot] = r;
            }
        }
        // ER hospital code -> RJ hospital code, so the row loop compares ints.
        Map<String, Integer> rjHospitalCode = new HashMap<>();
        for (int k = 0; k < rjHospital.cardinality(); k++) {
            rjHospitalCode.put(rjHospital.value(k), k);
        }
        int[] hospitalMap = new int[erHospital.cardinality()];
        for (int k = 0; k < hospitalMap.length; k++) {
            hospitalMap[k] = rjHospitalCode.getOrDefault(erHospital.value(k), -2);
        }

        int n = rj.rowCount();
        CategoryColumn.Builder reason = new CategoryColumn.Builder(Role.REASON_CODE.column(), n);
        CategoryColumn.Builder description = new CategoryColumn.Builder(SihFileReader.REASON_DESCRIPTION, n);
        CategoryColumn.Builder type = new CategoryColumn.Builder(Role.GLOSA_TYPE.column(), n);
        CategoryColumn.Builder typeDescription = new CategoryColumn.Builder(SihFileReader.GLOSA_TYPE_DESCRIPTION, n);
        CategoryColumn.Builder codes = new CategoryColumn.Builder(ERROR_CODES, n);
        LongColumn.Builder count = new LongColumn.Builder(ERROR_COUNT, n);
        Set<String> distinct = new LinkedHashSet<>();
        for (int r = 0; r < n; r++) {
            int first = -1;
            long errors = 0;
            distinct.clear();
            int slot = rjClaim.isMissing(r) ? LongIntHashMap.ABSENT : slotOfClaim.get(rjClaim.get(r));
            int hospital = rjHospital.code(r);
            if (slot != LongIntHashMap.ABSENT) {
                for (int e = head[slot]; e >= 0; e = next[e]) {
                    int h = erHospital.code(e);
                    if (h < 0 || hospitalMap[h] != hospital || erCode.isMissing(e)) {
                        continue;
                    }
                    if (first < 0) {
                        first = e;
                    }
                    errors++;
                    distinct.add(erCode.get(e));
                }
            }
            if (first < 0) {
                reason.addMissing();
                description.addMissing();
                type.addMissing();
                typeDescription.addMissing();
                codes.addMissing();
            } else {
                String code = erCode.get(first);
                // An ER table that lacks the derived columns (generated, or read by other tools) gets them from the
                // code.
                String group = erType != null ? erType.get(first) : groupOrNull(code);
                reason.add(code);
                description.add(erDescription != null ? erDescription.get(first) : TABLE.description(code));
                type.add(group);
                typeDescription.add(
                        erTypeDescription != null
                                ? erTypeDescription.get(first)
                                : group == null ? null : TABLE.groupDescription(group));
                codes.add(distinct.size() == 1 ? erCode.get(first) : String.join(";", distinct));
            }
            count.add(errors);
        }
        GlosaTable out = rj;
        for (Column c : new Column[] {
            reason.build(), description.build(), type.build(), typeDescription.build(), codes.build(), count.build()
        }) {
            out = out.with(c);
        }
        return out;
    }

    /**
     * The RJ table when no ER file was given: the rejected AIHs are still glosas, of a type the run cannot tell, and
     * say so in the glosa type column every segment and label uses ({@link SusColumns#WITHOUT_ERROR_CODE}).
     *
     * @param rj rows read from RJ files
     * @return {@code rj} with that glosa type, or {@code rj} itself when it has a glosa type already
     */
    public static GlosaTable withoutErrors(GlosaTable rj) {
        String type = Role.GLOSA_TYPE.column();
        return rj.has(type) ? rj : rj.with(CategoryColumn.constant(type, SusColumns.WITHOUT_ERROR_CODE, rj.rowCount()));
    }

    /**
     * {@return how many rows of a table {@link #attachErrors} gave matched no ER row}
     *
     * @param rejected the RJ rows with their errors attached
     */
    public static long rowsWithoutError(GlosaTable rejected) {
        LongColumn errors = rejected.longs(ERROR_COUNT);
        long without = 0;
        for (int row = 0; row < errors.size(); row++) {
            if (errors.get(row) == 0) {
                without++;
            }
        }
        return without;
    }

    private static CategoryColumn optionalCategory(GlosaTable t, String name) {
        return t.has(name) ? t.category(name) : null;
    }

    private static String groupOrNull(String code) {
        try {
            return SihErrorCodes.group(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
