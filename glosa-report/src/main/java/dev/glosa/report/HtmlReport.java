package dev.glosa.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code report.html}: one self-contained page of a week of an output folder, for the people without Power BI.
 *
 * <p>The page is drawn from the folder's CSV files only (runs, segments, groups, indicators, fact rows of the week and
 * the group table of the week before), so the page written at the end of a run and the one redrawn later by
 * {@code glosa report} are the same bytes. It holds no script and loads nothing: its styles are inline and its
 * charts are SVG ({@link Charts}); every value is HTML-escaped.
 */
public final class HtmlReport {
    /** The file's name in the output folder. */
    public static final String FILE = "report.html";
    /** Portuguese (Brazil), the other language of the report. */
    public static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

    private HtmlReport() {}

    /**
     * The page of week {@code asOf} of {@code folder} ({@code null}: the latest week) in {@code locale} (pt-BR, or
     * English for any other).
     *
     * @param folder an output folder glosa wrote
     * @param asOf the week, or {@code null} for the latest
     * @param locale the page's language
     * @return the page, one self-contained HTML document
     * @throws IOException when the folder holds no such week, naming the weeks it holds, or a table cannot be read
     */
    public static String render(Path folder, LocalDate asOf, Locale locale) throws IOException {
        Objects.requireNonNull(folder, "folder");
        Week week = Week.read(folder, asOf);
        return ReportPage.render(week, new Text(language(locale)), week.runCell("glosa_version"));
    }

    /**
     * Writes {@link #render} to {@code folder/report.html}, through a temporary file renamed into place so that a
     * reader never sees half a page, and returns the file.
     *
     * @param folder an output folder glosa wrote
     * @param asOf the week, or {@code null} for the latest
     * @param locale the page's language
     * @return {@code folder/report.html}
     * @throws IOException when the page cannot be drawn (as {@link #render} says) or the file cannot be written
     */
    public static Path write(Path folder, LocalDate asOf, Locale locale) throws IOException {
        String html = render(folder, asOf, locale);
        Path target = folder.resolve(FILE);
        Path temp = folder.resolve(FILE + ".tmp");
        Files.writeString(temp, html, StandardCharsets.UTF_8);
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** pt-BR when asked for Portuguese, English otherwise: the two languages the report is written in. */
    static Locale language(Locale locale) {
        return locale != null && locale.getLanguage().equals("pt") ? PT_BR : Locale.ENGLISH;
    }
}
