package dev.glosa.io.tiss;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * TISS Tabela 38, the glosa reason codes ({@code tipoGlosa}, {@code codigoGlosa}) with their descriptions, official
 * groups and, when known, validity dates.
 *
 * <p>The group of a code always comes from the table, never from the digits of a code the table lacks: such a code
 * has no group rather than a guessed one.
 *
 * <p>{@link #defaultTable()} is the table shipped with the library ({@value #DEFAULT_RESOURCE}): every code of the
 * TUSS edition 202601 (784 codes) with its description and validity, plus the 30 codes of the TISS 3 table that
 * edition no longer has ({@link Entry#inEdition()} false). Each entry says where its group comes from
 * ({@link Entry#origin()}): {@value #ORIGIN_TISS3} (the official TISS 3 group), {@value #ORIGIN_RANGE} (the TISS 3
 * range of the first two digits, 10 to 30 and 50, which the TISS 3 table applies to every code it has there) or
 * {@value #ORIGIN_GLOSA} (the 31xx to 33xx codes of TISS 4, which have no official group: glosa's own grouping by
 * keywords of the description into the TISS 3 group names, documented in {@code glosa-io/tools/tabela38_current.py},
 * the script that builds the file from the ANS sources). A newer ANS
 * table is read with {@link #load(Path)} and laid over the default with {@link #updatedWith(Tabela38)}. The file is
 * delimited text (";", "," or tab, told by the header), UTF-8 or ISO-8859-1, with a header naming at least the code
 * column ({@code codigo}, {@code código do termo}, {@code code}) and usually {@code grupo}, {@code descricao} (or
 * {@code termo}) and the validity columns ({@code inicio_vigencia}, {@code data de início de vigência},
 * {@code fim_vigencia}, ...; dates as {@code yyyy-MM-dd} or {@code dd/MM/yyyy}). A file without groups is allowed: its
 * codes keep the group the older table gave them when laid over it.
 */
public final class Tabela38 {
    /** The name of the shipped default table resource, beside this class. */
    static final String DEFAULT_RESOURCE = "tabela38_tuss_202601.csv";
    /** {@link Entry#origin()} of an official TISS 3 group. */
    public static final String ORIGIN_TISS3 = "tiss3";
    /** {@link Entry#origin()} of a group given by the TISS 3 range of the code's first two digits. */
    public static final String ORIGIN_RANGE = "faixa";
    /** {@link Entry#origin()} of a group of glosa's own grouping (codes without an official group). */
    public static final String ORIGIN_GLOSA = "glosa";
    /** {@link Entry#origin()} of a TISS 3 code the latest edition no longer has. */
    public static final String ORIGIN_OUT_OF_EDITION = "fora_da_edicao";

    private static final int MAX_BYTES = 16 << 20;
    private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private static volatile Tabela38 defaultTable;

    private final Map<String, Entry[]> byCode;
    private final String source;

    /**
     * One code of the table in one validity period.
     *
     * @param code the code, digits as written in TISS files (e.g. {@code "1001"})
     * @param description the official description, never {@code null} (may be empty)
     * @param group the official group (e.g. {@code "Elegibilidade"}), or {@code null} when the file gave none
     * @param validFrom first day of validity, or {@code null} when unknown or open
     * @param validTo last day of validity, or {@code null} when unknown or open
     * @param origin where the group comes from ({@value #ORIGIN_TISS3}, {@value #ORIGIN_RANGE},
     *     {@value #ORIGIN_GLOSA}, {@value #ORIGIN_OUT_OF_EDITION}), or {@code null} when the file did not say
     */
    public record Entry(
            String code, String description, String group, LocalDate validFrom, LocalDate validTo, String origin) {
        /**
         * Checks the code is digits and the validity period is not reversed.
         *
         * @param code as {@link #code()}; {@code null} for its default
         * @param description as {@link #description()}; {@code null} for its default
         * @param group as {@link #group()}; {@code null} for its default
         * @param validFrom as {@link #validFrom()}; {@code null} for its default
         * @param validTo as {@link #validTo()}; {@code null} for its default
         * @param origin as {@link #origin()}; {@code null} for its default
         */
        public Entry {
            if (code == null || code.isEmpty() || !isDigits(code)) {
                throw new IllegalArgumentException("Tabela 38 code must be digits, found '" + code + "'");
            }
            description = description == null ? "" : description;
            if (group != null && group.isBlank()) {
                group = null;
            }
            if (origin != null && origin.isBlank()) {
                origin = null;
            }
            if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
                throw new IllegalArgumentException("Tabela 38 code " + code + ": validity end (" + validTo
                        + ") must not be before its start (" + validFrom + ")");
            }
        }

        /**
         * An entry whose file did not say where its group comes from.
         *
         * @param code as {@link #code()}
         * @param description as {@link #description()}
         * @param group as {@link #group()}
         * @param validFrom as {@link #validFrom()}
         * @param validTo as {@link #validTo()}
         */
        public Entry(String code, String description, String group, LocalDate validFrom, LocalDate validTo) {
            this(code, description, group, validFrom, validTo, null);
        }

        /** {@return whether the code is in the edition the table was built from (false for a retired TISS 3 code)} */
        public boolean inEdition() {
            return !ORIGIN_OUT_OF_EDITION.equals(origin);
        }

        /**
         * {@return whether the group is glosa's own grouping rather than an official one or the code's TISS 3 range}
         */
        public boolean ownGroup() {
            return ORIGIN_GLOSA.equals(origin);
        }

        /**
         * {@return whether the entry is valid on {@code date} (open ends are valid)}
         *
         * @param date the day
         */
        public boolean validOn(LocalDate date) {
            return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
        }
    }

    private Tabela38(Map<String, Entry[]> byCode, String source) {
        this.byCode = byCode;
        this.source = source;
    }

    /** {@return the TISS 3 table shipped with the library ({@value #DEFAULT_RESOURCE})} */
    public static Tabela38 defaultTable() {
        Tabela38 t = defaultTable;
        if (t == null) {
            try (InputStream in = Tabela38.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "resource " + DEFAULT_RESOURCE + " missing beside " + Tabela38.class.getName());
                }
                t = read(in, "classpath:" + DEFAULT_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the shipped Tabela 38 " + DEFAULT_RESOURCE, e);
            }
            defaultTable = t;
        }
        return t;
    }

    /**
     * Reads a Tabela 38 file; see the class documentation for the format.
     *
     * @param file the file
     * @throws IOException when the file cannot be read
     * @return the table
     */
    public static Tabela38 load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a Tabela 38 file from {@code in}; {@code sourceName} names it in errors.
     *
     * @param in the file's bytes
     * @param sourceName names it in errors
     * @throws IOException when the stream cannot be read
     * @return the table
     */
    public static Tabela38 read(InputStream in, String sourceName) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new TissFormatException(
                    sourceName, -1, -1, "a Tabela 38 file must be at most " + MAX_BYTES + " bytes; this one is larger");
        }
        return parse(decode(bytes), sourceName);
    }

    /**
     * {@return a table of the given entries; {@code source} names it in messages}
     *
     * @param entries the entries
     * @param source names the table in messages
     */
    public static Tabela38 of(List<Entry> entries, String source) {
        Map<String, List<Entry>> map = new TreeMap<>();
        for (Entry e : entries) {
            map.computeIfAbsent(e.code(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Entry[]> out = new TreeMap<>();
        for (Map.Entry<String, List<Entry>> m : map.entrySet()) {
            Entry[] list = m.getValue().toArray(new Entry[0]);
            Arrays.sort(list, Comparator.comparing(Entry::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
            for (int i = 1; i < list.length; i++) {
                Entry prev = list[i - 1];
                Entry cur = list[i];
                if (prev.validTo() == null
                        || cur.validFrom() == null
                        || !cur.validFrom().isAfter(prev.validTo())) {
                    throw new IllegalArgumentException("Tabela 38 code " + m.getKey() + " appears twice in " + source
                            + " with overlapping validity: [" + prev.validFrom() + ", " + prev.validTo() + "] and ["
                            + cur.validFrom() + ", " + cur.validTo() + "]");
                }
            }
            out.put(m.getKey(), list);
        }
        return new Tabela38(Collections.unmodifiableMap(out), source);
    }

    /**
     * This table with the codes of {@code newer} replacing its own; a code of {@code newer} without a group keeps the
     * group this table gave it.
     *
     * @param newer the table that wins
     * @return the merged table
     */
    public Tabela38 updatedWith(Tabela38 newer) {
        Map<String, Entry[]> out = new TreeMap<>(byCode);
        for (Map.Entry<String, Entry[]> m : newer.byCode.entrySet()) {
            Entry[] repl = m.getValue().clone();
            String inherited = null;
            Entry[] old = byCode.get(m.getKey());
            if (old != null) {
                inherited = old[old.length - 1].group();
            }
            for (int i = 0; i < repl.length; i++) {
                Entry e = repl[i];
                if (e.group() == null && inherited != null) {
                    repl[i] = new Entry(
                            e.code(),
                            e.description(),
                            inherited,
                            e.validFrom(),
                            e.validTo(),
                            old[old.length - 1].origin());
                }
            }
            out.put(m.getKey(), repl);
        }
        return new Tabela38(Collections.unmodifiableMap(out), newer.source + " over " + source);
    }

    /**
     * {@return the latest entry of {@code code} (by start of validity), if the table has the code}
     *
     * @param code the code
     */
    public Optional<Entry> find(String code) {
        Entry[] list = code == null ? null : byCode.get(code.trim());
        return list == null ? Optional.empty() : Optional.of(list[list.length - 1]);
    }

    /**
     * The entry of {@code code} valid on {@code date}; when none is valid that day (or {@code date} is {@code null}),
     * the latest entry of the code.
     *
     * @param code the code
     * @param date the day, or {@code null}
     * @return the entry, empty when the table lacks the code
     */
    public Optional<Entry> find(String code, LocalDate date) {
        Entry[] list = code == null ? null : byCode.get(code.trim());
        if (list == null) {
            return Optional.empty();
        }
        if (date != null) {
            for (int i = list.length - 1; i >= 0; i--) {
                if (list[i].validOn(date)) {
                    return Optional.of(list[i]);
                }
            }
        }
        return Optional.of(list[list.length - 1]);
    }

    /**
     * {@return the group of {@code code}, or {@code null} when the table lacks the code or gives it no group}
     *
     * @param code the code
     */
    public String group(String code) {
        return find(code).map(Entry::group).orElse(null);
    }

    /**
     * {@return whether the table has {@code code}}
     *
     * @param code the code
     */
    public boolean contains(String code) {
        return code != null && byCode.containsKey(code.trim());
    }

    /** {@return every entry, by code then start of validity} */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Entry[] list : byCode.values()) {
            out.addAll(Arrays.asList(list));
        }
        return Collections.unmodifiableList(out);
    }

    /** {@return the distinct groups, in natural order} */
    public SortedSet<String> groups() {
        SortedSet<String> out = new TreeSet<>();
        for (Entry[] list : byCode.values()) {
            for (Entry e : list) {
                if (e.group() != null) {
                    out.add(e.group());
                }
            }
        }
        return Collections.unmodifiableSortedSet(out);
    }

    /** {@return the number of distinct codes} */
    public int size() {
        return byCode.size();
    }

    /** {@return where the table was read from} */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "Tabela38[" + byCode.size() + " codes from " + source + "]";
    }

    private static String decode(byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buf)
                    .toString();
        } catch (CharacterCodingException e) {
            // ANS publishes some tables in Latin-1; bytes that are not UTF-8 can only be that.
            return new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
        }
    }

    private static Tabela38 parse(String text, String source) throws TissFormatException {
        String[] lines = text.split("\r\n|\n|\r", -1);
        int headerLine = 0;
        while (headerLine < lines.length && lines[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.length) {
            throw new TissFormatException(source, 1, -1, "a Tabela 38 file needs a header line; the file is empty");
        }
        String header = lines[headerLine];
        char sep = header.indexOf(';') >= 0 ? ';' : header.indexOf('\t') >= 0 ? '\t' : ',';
        List<String> names = split(header, sep, source, headerLine + 1);
        int code = -1;
        int desc = -1;
        int group = -1;
        int from = -1;
        int to = -1;
        int origin = -1;
        for (int i = 0; i < names.size(); i++) {
            String n = normalise(names.get(i));
            if (code < 0
                    && (n.equals("codigo")
                            || n.equals("code")
                            || n.equals("codigo_do_termo")
                            || n.equals("cod")
                            || n.equals("codigo_glosa")
                            || n.equals("tipoglosa")
                            || n.equals("codigoglosa"))) {
                code = i;
            } else if (desc < 0
                    && (n.equals("descricao")
                            || n.equals("description")
                            || n.equals("termo")
                            || n.equals("descricao_glosa")
                            || n.equals("descricao_do_termo"))) {
                desc = i;
            } else if (origin < 0 && (n.equals("grupo_origem") || n.equals("group_origin"))) {
                origin = i;
            } else if (group < 0 && (n.equals("grupo") || n.equals("group") || n.equals("grupo_glosa"))) {
                group = i;
            } else if (from < 0 && (n.contains("inicio") && n.contains("vigencia") || n.equals("valid_from"))) {
                from = i;
            } else if (to < 0
                    && (n.contains("fim") && n.contains("vigencia") && !n.contains("implantacao")
                            || n.equals("valid_to"))) {
                to = i;
            }
        }
        if (code < 0) {
            throw new TissFormatException(
                    source,
                    headerLine + 1,
                    -1,
                    "a Tabela 38 header needs a code column " + "(codigo, código do termo or code); found " + names);
        }
        List<Entry> entries = new ArrayList<>();
        for (int ln = headerLine + 1; ln < lines.length; ln++) {
            if (lines[ln].isBlank()) {
                continue;
            }
            List<String> cells = split(lines[ln], sep, source, ln + 1);
            String c = cell(cells, code);
            if (c.isEmpty()) {
                throw new TissFormatException(
                        source,
                        ln + 1,
                        code + 1,
                        "column '" + names.get(code) + "' must hold a Tabela 38 code; found an empty cell");
            }
            if (!isDigits(c)) {
                throw new TissFormatException(
                        source,
                        ln + 1,
                        code + 1,
                        "column '" + names.get(code) + "' must hold digits; found '" + c + "'");
            }
            LocalDate vf = date(cell(cells, from), source, ln + 1, from, names);
            LocalDate vt = date(cell(cells, to), source, ln + 1, to, names);
            try {
                entries.add(new Entry(
                        c,
                        cell(cells, desc),
                        group < 0 ? null : cell(cells, group),
                        vf,
                        vt,
                        origin < 0 ? null : cell(cells, origin)));
            } catch (IllegalArgumentException e) {
                throw new TissFormatException(source, ln + 1, -1, e.getMessage(), e);
            }
        }
        try {
            return of(entries, source);
        } catch (IllegalArgumentException e) {
            throw new TissFormatException(source, -1, -1, e.getMessage(), e);
        }
    }

    private static String cell(List<String> cells, int i) {
        return i < 0 || i >= cells.size() ? "" : cells.get(i).trim();
    }

    private static LocalDate date(String s, String source, int line, int col, List<String> names)
            throws TissFormatException {
        if (s.isEmpty()) {
            return null;
        }
        try {
            return s.indexOf('/') > 0
                    ? LocalDate.parse(s, BR_DATE)
                    : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new TissFormatException(
                    source,
                    line,
                    col + 1,
                    "column '" + names.get(col) + "' must be a date (yyyy-MM-dd or dd/MM/yyyy); found '" + s + "'",
                    e);
        }
    }

    /** Splits one delimited line, honouring double quotes ("" is a quote inside a quoted cell). */
    private static List<String> split(String line, char sep, String source, int lineNo) throws TissFormatException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"' && cur.length() == 0) {
                quoted = true;
            } else if (ch == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw new TissFormatException(source, lineNo, line.length(), "a quoted cell must be closed on its line");
        }
        out.add(cur.toString());
        return out;
    }

    /** Lower case, no accents, runs of anything but letters and digits as one {@code _}. */
    static String normalise(String s) {
        String n = Normalizer.normalize(s.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
