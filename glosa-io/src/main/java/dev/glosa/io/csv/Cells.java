package dev.glosa.io.csv;

import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;

/**
 * Parses numbers, integers, dates and months straight from the bytes of a cell, without regex, {@code String} or
 * boxing on the common path.
 *
 * <p>Each parse returns its value and leaves {@link #error} {@code null}, or sets {@link #error} to the broken rule.
 * One instance serves a whole read.
 */
final class Cells {
    private static final double[] POW10 = new double[23];
    private static final long MAX_EXACT = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    /** Shapes of dates and months, as bit flags so a format can allow several. */
    static final int DMY = 1, YMD = 2, YMD8 = 4, YM = 8, MY = 16, YM6 = 32;

    static final int ANY_DATE = DMY | YMD | YMD8;
    static final int ANY_MONTH = ANY_DATE | YM | MY | YM6;

    /** The rule the last parse broke, in {@link #text}'s language, or {@code null}. */
    String error;

    /** The language the broken rules are written in (they reach {@code rejects.csv} and errors). */
    final Messages text;

    /** Parses with rules written in English. */
    Cells() {
        this(Language.EN);
    }

    /** Parses with rules written in {@code language}. */
    Cells(Language language) {
        this.text = Messages.of(language);
    }

    private String unexpected(byte c) {
        return text.text("reject.rule.character", String.valueOf((char) (c & 0xFF)));
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t';
    }

    static int trimStart(byte[] b, int s, int e) {
        while (s < e && isSpace(b[s])) {
            s++;
        }
        return s;
    }

    static int trimEnd(byte[] b, int s, int e) {
        while (e > s && isSpace(b[e - 1])) {
            e--;
        }
        return e;
    }

    /** The shape flags a date format name allows. */
    static int dateShapes(String format) {
        return switch (format) {
            case "dd/MM/yyyy" -> DMY;
            case "yyyy-MM-dd" -> YMD;
            case "yyyyMMdd" -> YMD8;
            default -> ANY_DATE;
        };
    }

    /** The shape flags a month format name allows. */
    static int monthShapes(String format) {
        return switch (format) {
            case "yyyy-MM" -> YM;
            case "MM/yyyy" -> MY;
            case "yyyyMM" -> YM6;
            case "dd/MM/yyyy" -> DMY;
            case "yyyy-MM-dd" -> YMD;
            default -> ANY_MONTH;
        };
    }

    /**
     * A number in the given style: optional sign, digits with optional thousands groups of three, optional decimal
     * part, optional exponent. Correctly rounded, like {@link Double#parseDouble}.
     */
    double number(byte[] b, int s, int e, boolean ptBr) {
        error = null;
        byte dec = ptBr ? (byte) ',' : (byte) '.';
        byte grp = ptBr ? (byte) '.' : (byte) ',';
        int i = s;
        boolean neg = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        long mant = 0;
        int scale = 0;
        boolean overflow = false;
        boolean digits = false;
        boolean seenDec = false;
        int intDigits = 0;
        int group = -1;
        int exp = 0;
        for (; i < e; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                digits = true;
                if (mant < 100_000_000_000_000_000L) {
                    mant = mant * 10 + (c - '0');
                    if (seenDec) {
                        scale++;
                    }
                } else {
                    overflow = true;
                    if (!seenDec) {
                        scale--;
                    }
                }
                if (!seenDec) {
                    intDigits++;
                    if (group >= 0) {
                        group++;
                    }
                }
            } else if (c == dec && !seenDec) {
                if (group >= 0 && group != 3) {
                    return fail(ptBr, text.text("reject.rule.groups"));
                }
                seenDec = true;
            } else if (c == grp && !seenDec) {
                if (group < 0 ? intDigits == 0 || intDigits > 3 : group != 3) {
                    return fail(ptBr, text.text("reject.rule.groups"));
                }
                group = 0;
            } else if ((c == 'e' || c == 'E') && digits) {
                int j = i + 1;
                boolean eneg = false;
                if (j < e && (b[j] == '-' || b[j] == '+')) {
                    eneg = b[j] == '-';
                    j++;
                }
                if (j == e) {
                    return fail(ptBr, text.text("reject.rule.exponentDigits"));
                }
                for (; j < e; j++) {
                    if (b[j] < '0' || b[j] > '9' || exp > 10_000) {
                        return fail(ptBr, text.text("reject.rule.exponentCharacter"));
                    }
                    exp = exp * 10 + (b[j] - '0');
                }
                exp = eneg ? -exp : exp;
                break;
            } else {
                return fail(ptBr, unexpected(c));
            }
        }
        if (!digits) {
            return fail(ptBr, text.text("reject.rule.noDigits"));
        }
        if (group >= 0 && !seenDec && group != 3) {
            return fail(ptBr, text.text("reject.rule.groups"));
        }
        scale -= exp;
        double v;
        if (!overflow && mant < MAX_EXACT && scale >= 0 && scale < POW10.length) {
            // Both operands are exact doubles, so one IEEE division rounds correctly (Clinger's fast path).
            v = mant / POW10[scale];
        } else if (!overflow && scale < 0 && -scale < POW10.length && mant <= MAX_EXACT / POW10[-scale]) {
            v = mant * POW10[-scale];
        } else {
            v = slow(b, s, e, dec, grp);
            if (Double.isInfinite(v)) {
                return fail(ptBr, text.text("reject.rule.doubleRange"));
            }
        }
        return neg ? -v : v;
    }

    /** The rare path (more than 18 digits, or a large exponent): the normalised text through the JDK's parser. */
    private static double slow(byte[] b, int s, int e, byte dec, byte grp) {
        StringBuilder sb = new StringBuilder(e - s);
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == grp) {
                continue;
            }
            if (c == '-' || c == '+') {
                if (i == s) {
                    continue;
                }
            }
            sb.append(c == dec ? '.' : (char) c);
        }
        return Double.parseDouble(sb.toString());
    }

    private double fail(boolean ptBr, String rule) {
        error = text.text("reject.number", text.text(ptBr ? "reject.style.ptBr" : "reject.style.plain"), rule);
        return Double.NaN;
    }

    /** A signed decimal integer that fits in a {@code long}. */
    long integer(byte[] b, int s, int e) {
        error = null;
        int i = s;
        boolean neg = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        if (i == e) {
            error = text.text("reject.integer", text.text("reject.rule.noDigits"));
            return 0;
        }
        long v = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                error = text.text("reject.integer", unexpected(b[i]));
                return 0;
            }
            if (v > (Long.MAX_VALUE - d) / 10) {
                error = text.text("reject.integer", text.text("reject.rule.integerDigits"));
                return 0;
            }
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    /**
     * A date as an epoch day: {@code dd/MM/yyyy} (day and month may have one digit), {@code yyyy-MM-dd} or
     * {@code yyyyMMdd}, limited to {@code shapes}; a time after a space or {@code T} is ignored.
     */
    int date(byte[] b, int s, int e, int shapes) {
        long packed = parts(b, s, e, shapes & ANY_DATE);
        if (error != null) {
            error = text.text("reject.date", describe(shapes & ANY_DATE), error);
            return 0;
        }
        return epochDay((int) (packed >>> 16), (int) (packed >>> 8) & 0xFF, (int) packed & 0xFF);
    }

    /**
     * A month as {@code year * 12 + month - 1}: {@code yyyy-MM}, {@code MM/yyyy}, {@code yyyyMM} or a date (its month),
     * limited to {@code shapes}.
     */
    int month(byte[] b, int s, int e, int shapes) {
        long packed = parts(b, s, e, shapes);
        if (error != null) {
            error = text.text("reject.month", describe(shapes), error);
            return 0;
        }
        return (int) (packed >>> 16) * 12 + ((int) (packed >>> 8) & 0xFF) - 1;
    }

    private static String describe(int shapes) {
        StringBuilder sb = new StringBuilder();
        String[] names = {"dd/MM/yyyy", "yyyy-MM-dd", "yyyyMMdd", "yyyy-MM", "MM/yyyy", "yyyyMM"};
        for (int i = 0; i < names.length; i++) {
            if ((shapes & (1 << i)) != 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(names[i]);
            }
        }
        return sb.toString();
    }

    /** Year, month and day (1 for a month) packed as {@code year << 16 | month << 8 | day}; sets a bare reason. */
    private long parts(byte[] b, int s, int e, int shapes) {
        error = null;
        // At most three groups of digits separated by one '/' or '-'; a time part after ' ' or 'T' is ignored.
        int n = 0;
        int v0 = 0;
        int v1 = 0;
        int v2 = 0;
        int l0 = 0;
        int l1 = 0;
        int l2 = 0;
        byte sep = 0;
        int len = 0;
        int val = 0;
        int i = s;
        for (; i <= e; i++) {
            byte c = i < e ? b[i] : (byte) ' ';
            if (c >= '0' && c <= '9') {
                if (len == 8) {
                    error = text.text("reject.rule.tooManyDigits");
                    return 0;
                }
                val = val * 10 + (c - '0');
                len++;
                continue;
            }
            if (len == 0) {
                error = unexpected(c);
                return 0;
            }
            if (n == 0) {
                v0 = val;
                l0 = len;
            } else if (n == 1) {
                v1 = val;
                l1 = len;
            } else {
                v2 = val;
                l2 = len;
            }
            n++;
            val = 0;
            len = 0;
            if (c == ' ' || c == 'T') {
                break;
            }
            if ((c != '/' && c != '-') || (sep != 0 && c != sep) || n == 3) {
                error = unexpected(c);
                return 0;
            }
            sep = c;
        }
        boolean trailing = i < e;
        int year;
        int month;
        int day = 1;
        int shape;
        if (n == 3 && sep == '/' && l0 <= 2 && l1 <= 2 && l2 == 4) {
            shape = DMY;
            day = v0;
            month = v1;
            year = v2;
        } else if (n == 3 && sep == '-' && l0 == 4 && l1 <= 2 && l2 <= 2) {
            shape = YMD;
            year = v0;
            month = v1;
            day = v2;
        } else if (n == 1 && l0 == 8) {
            shape = YMD8;
            year = v0 / 10_000;
            month = v0 / 100 % 100;
            day = v0 % 100;
        } else if (n == 2 && sep == '-' && l0 == 4 && l1 <= 2) {
            shape = YM;
            year = v0;
            month = v1;
        } else if (n == 2 && sep == '/' && l0 <= 2 && l1 == 4) {
            shape = MY;
            month = v0;
            year = v1;
        } else if (n == 1 && l0 == 6) {
            shape = YM6;
            year = v0 / 100;
            month = v0 % 100;
        } else {
            error = text.text("reject.rule.shape");
            return 0;
        }
        if (trailing && (shape & ANY_DATE) == 0) {
            error = text.text("reject.rule.trailing", describe(shape));
            return 0;
        }
        if ((shapes & shape) == 0) {
            error = text.text("reject.rule.shapeNotAllowed", describe(shape));
            return 0;
        }
        if (month < 1 || month > 12) {
            error = text.text("reject.rule.monthRange", Integer.toString(month));
            return 0;
        }
        if (year < 1 || year > 9999) {
            error = text.text("reject.rule.yearRange", Integer.toString(year));
            return 0;
        }
        if (day < 1 || day > lengthOfMonth(year, month)) {
            error = text.text(
                    "reject.rule.dayRange", Integer.toString(day), Integer.toString(lengthOfMonth(year, month)));
            return 0;
        }
        return ((long) year << 16) | (month << 8) | day;
    }

    static int lengthOfMonth(int year, int month) {
        if (month == 2) {
            boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"). */
    static int epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /**
     * The date of an epoch day packed as {@code year << 16 | month << 8 | day} (H. Hinnant, "chrono-Compatible
     * Low-Level Date Algorithms", civil_from_days).
     */
    static long civil(int epochDay) {
        long z = epochDay + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        return ((m <= 2 ? y + 1 : y) << 16) | (m << 8) | d;
    }

    /** Evidence of a number's style: 1 pt-BR, 2 plain, 0 none (an integer, or one separator then 3 digits). */
    static int styleEvidence(byte[] b, int s, int e) {
        int commas = 0;
        int dots = 0;
        byte last = 0;
        int after = 0;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == ',') {
                commas++;
                last = c;
                after = 0;
            } else if (c == '.') {
                dots++;
                last = c;
                after = 0;
            } else if (c >= '0' && c <= '9') {
                after++;
            } else if (c == 'e' || c == 'E') {
                break;
            }
        }
        if (commas > 0 && dots > 0) {
            return last == ',' ? 1 : 2;
        }
        if (commas > 1) {
            return 2;
        }
        if (dots > 1) {
            return 1;
        }
        if (commas == 1) {
            return after == 3 ? 0 : 1;
        }
        if (dots == 1) {
            return after == 3 ? 0 : 2;
        }
        return 0;
    }
}
