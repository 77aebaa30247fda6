package dev.glosa.io.csv;

import dev.glosa.core.text.Language;
import java.nio.charset.StandardCharsets;

/**
 * Parses a text cell the way the CSV reader does (numbers in pt-BR or plain style, integers, dates and months in the
 * formats a {@link ColumnMapping} names), for readers whose cells arrive as text, such as a text column of a database.
 *
 * <p>Each parse returns its value and leaves {@link #error()} {@code null}, or sets it to the rule the text broke. Not
 * thread-safe: one instance serves one read.
 */
public final class CellParser {
    private final Cells cells;

    /** A parser whose broken rules are written in English. */
    public CellParser() {
        this(Language.EN);
    }

    /**
     * A parser whose broken rules are written in {@code language}.
     *
     * @param language the language of {@link #error()}, which reaches {@code rejects.csv}
     */
    public CellParser(Language language) {
        this.cells = new Cells(language);
    }

    /** {@return the rule the last parse broke, or {@code null}} */
    public String error() {
        return cells.error;
    }

    /**
     * A number in {@code style}; {@link NumberStyle#AUTO} decides from the text itself ({@code 1.234,56} or
     * {@code 12,5} pt-BR, otherwise plain).
     *
     * @param text the cell's text
     * @param style the number style
     * @return the number, {@code NaN} when the text is not one ({@link #error()} says why)
     */
    public double number(String text, NumberStyle style) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        boolean ptBr =
                style == NumberStyle.PT_BR || style == NumberStyle.AUTO && Cells.styleEvidence(b, 0, b.length) == 1;
        return cells.number(b, 0, b.length, ptBr);
    }

    /**
     * {@return a signed decimal integer that fits in a {@code long}}
     *
     * @param text the cell's text
     */
    public long integer(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return cells.integer(b, 0, b.length);
    }

    /**
     * {@return a date as an epoch day, in {@code format} ({@code auto} or a date format of {@link ColumnMapping})}
     *
     * @param text the cell's text
     * @param format the date format
     */
    public int epochDay(String text, String format) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return cells.date(b, 0, b.length, Cells.dateShapes(format == null ? "auto" : format));
    }

    /**
     * {@return a month as {@code year * 12 + month - 1}, in {@code format} ({@code auto} or a month format)}
     *
     * @param text the cell's text
     * @param format the month format
     */
    public int monthIndex(String text, String format) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return cells.month(b, 0, b.length, Cells.monthShapes(format == null ? "auto" : format));
    }
}
