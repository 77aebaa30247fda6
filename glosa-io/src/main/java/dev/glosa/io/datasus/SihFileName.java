package dev.glosa.io.datasus;

import dev.glosa.io.sih.SihSystem;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One SIH file as DATASUS publishes it: group, state and month, named {@code GGUFAAMM.dbc} (for example
 * {@code RJMT2111.dbc}: RJ, Mato Grosso, November 2021) in one of two folders of the DATASUS FTP server.
 *
 * <p>Months from January 2008 on are in {@value #CURRENT_FOLDER}, earlier months in {@value #OLD_FOLDER}. Group and
 * state are upper case, the extension lower case, as PySUS, microdatasus and datasus-fetcher name them. Which months
 * each group exists for is in {@link #availability(SihSystem)} and in {@code docs/fetching.md}.
 *
 * @param group the file family (RD, RJ, ER or SP)
 * @param uf the state's two letters, upper case
 * @param month the competence month
 */
public record SihFileName(SihSystem group, String uf, YearMonth month) {

    /** The folder of the months from January 2008 on. */
    public static final String CURRENT_FOLDER = "/dissemin/publicos/SIHSUS/200801_/Dados/";
    /** The folder of the months from January 1992 to December 2007. */
    public static final String OLD_FOLDER = "/dissemin/publicos/SIHSUS/199201_200712/Dados/";
    /** The first month of {@link #CURRENT_FOLDER}. */
    public static final YearMonth CURRENT_ERA = YearMonth.of(2008, 1);
    /** The first month of {@link #OLD_FOLDER}, the first month any SIH file can exist for. */
    public static final YearMonth FIRST_MONTH = YearMonth.of(1992, 1);
    /** The 27 states (26 and the Federal District), as DATASUS spells them in file names. */
    public static final List<String> STATES = List.of(
            "AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT", "PA", "PB", "PE", "PI", "PR",
            "RJ", "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO");

    /**
     * Checks the parts; the state is upper-cased.
     *
     * @param group as {@link #group()}
     * @param uf as {@link #uf()}
     * @param month as {@link #month()}
     */
    public SihFileName {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(uf, "uf");
        Objects.requireNonNull(month, "month");
        uf = uf.trim().toUpperCase(Locale.ROOT);
        if (!STATES.contains(uf)) {
            throw new IllegalArgumentException(
                    "uf must be one of the 27 states " + String.join(",", STATES) + ", found '" + uf + "'");
        }
        if (month.isBefore(FIRST_MONTH) || month.getYear() > 2091) {
            // Two-digit years: 92-99 are the 1990s, so 2092 would collide with 1992.
            throw new IllegalArgumentException("month must be between " + FIRST_MONTH + " and 2091-12 (SIH files "
                    + "start in " + FIRST_MONTH + "), found " + month);
        }
    }

    /** {@return the file's name, for example {@code RDMT2111.dbc}} */
    public String fileName() {
        return String.format(
                Locale.ROOT, "%s%s%02d%02d.dbc", group.name(), uf, month.getYear() % 100, month.getMonthValue());
    }

    /** {@return the folder the month is in: {@link #CURRENT_FOLDER} or {@link #OLD_FOLDER}} */
    public String folder() {
        return month.isBefore(CURRENT_ERA) ? OLD_FOLDER : CURRENT_FOLDER;
    }

    /**
     * {@return the path on the DATASUS server and on every mirror, for example {@code
     * /dissemin/.../Dados/RDMT2111.dbc}}
     */
    public String remotePath() {
        return folder() + fileName();
    }

    @Override
    public String toString() {
        return fileName() + " (" + group + " " + uf + " " + month + ")";
    }

    /**
     * Reads a DATASUS SIH file name such as {@code RJMT2111.dbc} (any case, {@code .dbc} or no extension); a
     * two-digit year from 92 is in the 1900s, below it in the 2000s.
     *
     * @param name the file name
     * @return the name's parts
     * @throws IllegalArgumentException if the name is not {@code GGUFAAMM[.dbc]} with a SIH group and a state
     */
    public static SihFileName parse(String name) {
        Objects.requireNonNull(name, "name");
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.endsWith(".DBC")) {
            n = n.substring(0, n.length() - 4);
        }
        if (n.length() != 8 || !n.substring(4).chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a SIH file name is GGUFAAMM.dbc (group, state, year, month), "
                    + "for example RJMT2111.dbc, found '" + name + "'");
        }
        SihSystem group;
        try {
            group = SihSystem.valueOf(n.substring(0, 2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a SIH file name starts with RD, RJ, ER or SP, found '" + name + "'", e);
        }
        int yy = Integer.parseInt(n.substring(4, 6));
        int mm = Integer.parseInt(n.substring(6, 8));
        if (mm < 1 || mm > 12) {
            throw new IllegalArgumentException("month " + mm + " in '" + name + "' is not 01-12");
        }
        return new SihFileName(group, n.substring(2, 4), YearMonth.of(yy >= 92 ? 1900 + yy : 2000 + yy, mm));
    }

    /**
     * Every file of {@code groups} × {@code states} × the months from {@code from} to {@code to} (both included), in
     * that order: group, then state, then month.
     *
     * @param groups the SIH groups
     * @param states the states, two letters each
     * @param from the first month
     * @param to the last month
     * @return the file names
     * @throws IllegalArgumentException if {@code to} is before {@code from}, or a state or month is not valid
     */
    public static List<SihFileName> expand(
            Collection<SihSystem> groups, Collection<String> states, YearMonth from, YearMonth to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the last month (" + to + ") is before the first (" + from + ")");
        }
        List<SihFileName> out = new ArrayList<>();
        for (SihSystem g : groups) {
            for (String uf : states) {
                for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                    out.add(new SihFileName(g, uf, m));
                }
            }
        }
        return out;
    }

    /**
     * The months the group's files exist for on the DATASUS server, as far as PySUS, microdatasus, datasus-fetcher
     * and the real files this project was tested on show (see {@code docs/fetching.md}); one line, for messages.
     *
     * @param group the SIH group
     * @return the months, in words
     */
    public static String availability(SihSystem group) {
        return switch (Objects.requireNonNull(group, "group")) {
                    case RD ->
                        "RD files exist for every month from 1992-01 (1992-2007 in " + OLD_FOLDER + ", 2008 on in "
                                + CURRENT_FOLDER + ")";
                    case SP ->
                        "SP files exist in both folders (1992-2007 in " + OLD_FOLDER + ", 2008 on in " + CURRENT_FOLDER
                                + ")";
                    case RJ ->
                        "RJ files exist for every month from 2008-01 in " + CURRENT_FOLDER
                                + " (and for some months of 2006-2007 in " + OLD_FOLDER + ")";
                    case ER -> "ER files exist only in " + CURRENT_FOLDER + ", from about 2011 on";
                }
                + "; a month is published about two months after it ends";
    }
}
