package dev.glosa.run;

import dev.glosa.core.sus.SusColumns;
import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.Column;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.Role;
import dev.glosa.core.text.KeyNames;
import dev.glosa.core.text.Language;
import dev.glosa.core.text.Messages;
import dev.glosa.io.sih.SihErrorCodes;
import dev.glosa.io.tiss.Tabela38;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The names of a run's key codes, from three places, the later winning: what glosa knows (SIH {@code CO_ERRO}
 * groups and descriptions, TISS Tabela 38, SIGTAP groups, ICD-10 chapters, bed specialties), what the source knows
 * (the demo's hospitals), and the dimension files of the configuration ({@code dimensions:}).
 *
 * <p>The HTML report and any other reader of a run call {@link #of} (or take {@link RunSummary#names()}).
 */
public final class Names {
    /**
     * The column of {@link KeyNames} holding the group of a glosa type ({@code dim_glosa_type.group}): a dimension
     * file's third column, or the SIH group's description.
     */
    public static final String GLOSA_TYPE_GROUP = "glosa_type.group";

    private Names() {}

    /**
     * {@return every name known for the codes of {@code analysed}: glosa's own tables, then the source's, then the
     * files}
     *
     * @param analysed the table the run analysed
     * @param fromSource the names the source knows (the demo's hospitals), {@link KeyNames#none()} when none
     * @param config the settings: the language and the {@code dimensions:} files
     */
    public static KeyNames of(GlosaTable analysed, KeyNames fromSource, RunConfig config) {
        Language language = config.language();
        return known(analysed, language).and(fromSource).and(dimensionFiles(config.dimensions(), language));
    }

    /**
     * {@return the names glosa's own tables give the codes present in {@code analysed}}
     *
     * @param analysed the table the run analysed
     * @param language the language of the names
     */
    public static KeyNames known(GlosaTable analysed, Language language) {
        Messages text = Messages.of(language);
        SihErrorCodes sih = SihErrorCodes.standard();
        KeyNames out = KeyNames.none();
        String type = Role.GLOSA_TYPE.column();
        Map<String, String> typeNames = new TreeMap<>();
        Map<String, String> typeGroups = new TreeMap<>();
        for (String code : values(analysed, type)) {
            // SUS glosa types are the two-digit CO_ERRO groups; their readable names are in the bundle.
            if (code.length() == 2 && sih.groupDescription(code) != null && text.has("sih.group." + code)) {
                typeNames.put(code, text.text("sih.group." + code));
                typeGroups.put(code, sih.groupDescription(code));
            }
        }
        out = out.and(KeyNames.of(type, typeNames)).and(KeyNames.of(GLOSA_TYPE_GROUP, typeGroups));
        Map<String, String> reasons = new TreeMap<>();
        Tabela38 tabela38 = null;
        for (String code : values(analysed, Role.REASON_CODE.column())) {
            String name = null;
            if (code.length() == 6) {
                name = sih.description(code);
            } else if (code.length() == 4) {
                tabela38 = tabela38 == null ? Tabela38.defaultTable() : tabela38;
                name = tabela38.find(code).map(Tabela38.Entry::description).orElse(null);
            }
            if (name != null) {
                reasons.put(code, name);
            }
        }
        out = out.and(KeyNames.of(Role.REASON_CODE.column(), reasons));
        out = out.and(derived(analysed, SusColumns.PROC_REA, SusColumns::procedureGroup));
        out = out.and(derived(analysed, SusColumns.DIAG_PRINC, SusColumns::icdChapter));
        return out.and(derived(analysed, SusColumns.ESPEC, SusColumns::specialty));
    }

    private static KeyNames derived(GlosaTable t, String column, UnaryOperator<String> name) {
        Map<String, String> names = new TreeMap<>();
        for (String code : values(t, column)) {
            String n = name.apply(code);
            if (n != null) {
                names.put(code, n);
            }
        }
        return KeyNames.of(column, names);
    }

    private static List<String> values(GlosaTable t, String column) {
        if (!t.has(column)) {
            return List.of();
        }
        Column c = t.column(column);
        if (!(c instanceof CategoryColumn cat)) {
            return List.of();
        }
        List<String> out = new ArrayList<>(cat.cardinality());
        for (int i = 0; i < cat.cardinality(); i++) {
            out.add(cat.value(i));
        }
        return out;
    }

    /**
     * Reads the dimension files: each a CSV ({@code ;} or {@code ,}, UTF-8, with or without a byte order mark) with a
     * header and then code, name and, optionally, group; the group of {@code glosa_type} goes to
     * {@link #GLOSA_TYPE_GROUP}.
     *
     * @param files the file of each key column ({@code hospital: hospitais.csv}), as the configuration gives them
     * @param language the language of the errors
     * @return the names and groups the files give
     * @throws GlosaRunException naming the file and line, when a file is missing or a row lacks a code or name
     */
    public static KeyNames dimensionFiles(Map<String, String> files, Language language) {
        Messages text = Messages.of(language);
        KeyNames out = KeyNames.none();
        for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
            String column = f.getKey();
            Path file = Path.of(f.getValue());
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw GlosaRunException.badInput(text.text("error.dimensionNotFound", file, column), e);
            } catch (IOException e) {
                throw GlosaRunException.badInput(text.text("error.dimensionFile", file, e.getMessage()), e);
            }
            String header = lines.isEmpty() ? "" : lines.get(0);
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            char separator = header.indexOf(';') >= 0 ? ';' : ',';
            if (split(header, separator).size() < 2) {
                throw GlosaRunException.badInput(text.text("error.dimensionHeader", file, header));
            }
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, String> groups = new LinkedHashMap<>();
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line, separator);
                if (cells.size() < 2 || cells.get(0).isBlank() || cells.get(1).isBlank()) {
                    throw GlosaRunException.badInput(
                            text.text("error.dimensionRow", file, Integer.toString(i + 1), line));
                }
                names.put(cells.get(0).trim(), cells.get(1).trim());
                if (cells.size() > 2 && !cells.get(2).isBlank()) {
                    groups.put(cells.get(0).trim(), cells.get(2).trim());
                }
            }
            out = out.and(KeyNames.of(column, names));
            if (column.equals(Role.GLOSA_TYPE.column())) {
                out = out.and(KeyNames.of(GLOSA_TYPE_GROUP, groups));
            }
        }
        return out;
    }

    /** The cells of one CSV line; a cell in double quotes may hold the separator and doubled quotes. */
    static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
