package dev.glosa.io.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * How {@link CsvWriter} writes: delimiter, number style, charset, byte order mark and date and month formats.
 *
 * @param delimiter {@code ;}, {@code ,}, {@code |} or tab
 * @param numberStyle {@link NumberStyle#PT_BR} or {@link NumberStyle#PLAIN}
 * @param grouping whether to group thousands ({@code 1.234,56} or {@code 1,234.56})
 * @param charset the charset; every text must be encodable in it
 * @param bom whether to start a UTF-8 file with a byte order mark
 * @param monthFormat {@code yyyy-MM}, {@code MM/yyyy} or {@code yyyyMM}
 * @param dateFormat {@code dd/MM/yyyy}, {@code yyyy-MM-dd} or {@code yyyyMMdd}
 */
public record CsvWriteOptions(
        char delimiter,
        NumberStyle numberStyle,
        boolean grouping,
        Charset charset,
        boolean bom,
        String monthFormat,
        String dateFormat) {

    private static final Set<String> MONTHS = Set.of("yyyy-MM", "MM/yyyy", "yyyyMM");
    private static final Set<String> DATES = Set.of("dd/MM/yyyy", "yyyy-MM-dd", "yyyyMMdd");

    /**
     * Checks every value.
     *
     * @param delimiter as {@link #delimiter()}
     * @param numberStyle as {@link #numberStyle()}
     * @param grouping as {@link #grouping()}
     * @param charset as {@link #charset()}; {@code null} for its default
     * @param bom as {@link #bom()}
     * @param monthFormat as {@link #monthFormat()}
     * @param dateFormat as {@link #dateFormat()}
     */
    public CsvWriteOptions {
        if (delimiter != ';' && delimiter != ',' && delimiter != '|' && delimiter != '\t') {
            throw new IllegalArgumentException("delimiter must be ';', ',', '|' or tab, found '" + delimiter + "'");
        }
        if (numberStyle != NumberStyle.PT_BR && numberStyle != NumberStyle.PLAIN) {
            throw new IllegalArgumentException("numberStyle must be PT_BR or PLAIN, found " + numberStyle);
        }
        if (charset == null) {
            throw new IllegalArgumentException("charset must not be null");
        }
        if (bom && !charset.equals(StandardCharsets.UTF_8)) {
            throw new IllegalArgumentException("a byte order mark needs UTF-8, found " + charset);
        }
        if (!MONTHS.contains(monthFormat)) {
            throw new IllegalArgumentException(
                    "monthFormat must be one of " + MONTHS + ", found '" + monthFormat + "'");
        }
        if (!DATES.contains(dateFormat)) {
            throw new IllegalArgumentException("dateFormat must be one of " + DATES + ", found '" + dateFormat + "'");
        }
    }

    /**
     * {@return a Brazilian export: {@code ;}, {@code 1.234,56}, UTF-8 without BOM, {@code MM/yyyy}, {@code dd/MM/yyyy}}
     */
    public static CsvWriteOptions ptBr() {
        return new CsvWriteOptions(
                ';', NumberStyle.PT_BR, true, StandardCharsets.UTF_8, false, "MM/yyyy", "dd/MM/yyyy");
    }

    /** {@return a plain export: {@code ,}, {@code 1234.56}, UTF-8 without BOM, {@code yyyy-MM}, {@code yyyy-MM-dd}} */
    public static CsvWriteOptions plain() {
        return new CsvWriteOptions(
                ',', NumberStyle.PLAIN, false, StandardCharsets.UTF_8, false, "yyyy-MM", "yyyy-MM-dd");
    }

    /**
     * {@return the same options with another delimiter}
     *
     * @param newDelimiter the delimiter
     */
    public CsvWriteOptions withDelimiter(char newDelimiter) {
        return new CsvWriteOptions(newDelimiter, numberStyle, grouping, charset, bom, monthFormat, dateFormat);
    }

    /**
     * {@return the same options with another number style and grouping}
     *
     * @param newStyle the number style
     * @param newGrouping whether thousands are grouped
     */
    public CsvWriteOptions withNumbers(NumberStyle newStyle, boolean newGrouping) {
        return new CsvWriteOptions(delimiter, newStyle, newGrouping, charset, bom, monthFormat, dateFormat);
    }

    /**
     * {@return the same options with another charset and byte order mark}
     *
     * @param newCharset the charset
     * @param newBom whether the file starts with a byte order mark
     */
    public CsvWriteOptions withCharset(Charset newCharset, boolean newBom) {
        return new CsvWriteOptions(delimiter, numberStyle, grouping, newCharset, newBom, monthFormat, dateFormat);
    }

    /**
     * {@return the same options with other month and date formats}
     *
     * @param newMonthFormat the month format
     * @param newDateFormat the date format
     */
    public CsvWriteOptions withFormats(String newMonthFormat, String newDateFormat) {
        return new CsvWriteOptions(delimiter, numberStyle, grouping, charset, bom, newMonthFormat, newDateFormat);
    }
}
